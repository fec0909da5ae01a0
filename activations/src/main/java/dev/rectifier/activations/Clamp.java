package dev.rectifier.activations;

import dev.rectifier.spi.PiecewiseLinear;

/** The piecewise-linear shape shared by hard_tanh and relu6: flat, identity, flat. */
final class Clamp {

  private Clamp() {}

  /** @return f(z) = lo for z ≤ lo, z on (lo, hi], hi beyond */
  static PiecewiseLinear pieces(float lo, float hi) {
    return PiecewiseLinear.of(
        new double[] {lo, hi}, new double[] {0, 1, 0}, new double[] {lo, 0, hi});
  }
}
