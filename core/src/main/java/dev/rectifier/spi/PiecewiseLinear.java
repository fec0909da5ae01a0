package dev.rectifier.spi;

import java.util.Arrays;

/**
 * A piecewise-linear function of one variable: breakpoints b₁ &lt; … &lt; bₘ and m + 1 pieces,
 * piece i being f(z) = slopeᵢ·z + interceptᵢ on (bᵢ, bᵢ₊₁] (with b₀ = −∞ and bₘ₊₁ = +∞). A
 * breakpoint belongs to the piece on its left, as derivatives at kinks do.
 *
 * <p>Activations that are piecewise linear (relu, leaky_relu, prelu, linear, ...) describe
 * themselves with it, so that a network's exact straight segments can be computed from its
 * weights. Instances are immutable.
 */
public final class PiecewiseLinear {

  private static final PiecewiseLinear IDENTITY =
      new PiecewiseLinear(new double[0], new double[] {1}, new double[] {0});

  private final double[] breakpoints;
  private final double[] slopes;
  private final double[] intercepts;

  private PiecewiseLinear(double[] breakpoints, double[] slopes, double[] intercepts) {
    this.breakpoints = breakpoints;
    this.slopes = slopes;
    this.intercepts = intercepts;
  }

  /**
   * @param breakpoints strictly increasing finite kinks, m of them
   * @param slopes the m + 1 slopes, left to right
   * @param intercepts the m + 1 intercepts, left to right
   * @return the function
   * @throws IllegalArgumentException if the lengths do not match, a value is not finite or the
   *     breakpoints do not increase
   */
  public static PiecewiseLinear of(double[] breakpoints, double[] slopes, double[] intercepts) {
    if (slopes.length != breakpoints.length + 1 || intercepts.length != slopes.length) {
      throw new IllegalArgumentException(
          breakpoints.length + " breakpoints need " + (breakpoints.length + 1)
              + " slopes and intercepts; got " + slopes.length + " and " + intercepts.length);
    }
    for (int i = 0; i < breakpoints.length; i++) {
      if (!Double.isFinite(breakpoints[i]) || (i > 0 && !(breakpoints[i] > breakpoints[i - 1]))) {
        throw new IllegalArgumentException(
            "breakpoints must be finite and strictly increasing; got "
                + Arrays.toString(breakpoints));
      }
    }
    for (int i = 0; i < slopes.length; i++) {
      if (!Double.isFinite(slopes[i]) || !Double.isFinite(intercepts[i])) {
        throw new IllegalArgumentException(
            "slopes and intercepts must be finite; got " + Arrays.toString(slopes) + " and "
                + Arrays.toString(intercepts));
      }
    }
    return new PiecewiseLinear(breakpoints.clone(), slopes.clone(), intercepts.clone());
  }

  /** @return f(z) = z */
  public static PiecewiseLinear identity() {
    return IDENTITY;
  }

  /**
   * One kink at 0: f(z) = negativeSlope·z for z ≤ 0 and z for z &gt; 0 (relu, leaky_relu, prelu).
   *
   * @param negativeSlope the slope for z ≤ 0
   * @return the function
   */
  public static PiecewiseLinear rectifier(double negativeSlope) {
    return of(new double[] {0}, new double[] {negativeSlope, 1}, new double[] {0, 0});
  }

  /** @return the breakpoints, a copy */
  public double[] breakpoints() {
    return breakpoints.clone();
  }

  /** @return the number of breakpoints */
  public int breakpointCount() {
    return breakpoints.length;
  }

  /**
   * @param i a breakpoint index, from 0
   * @return that breakpoint
   */
  public double breakpoint(int i) {
    return breakpoints[i];
  }

  /**
   * @param z a point
   * @return the index of the piece that z lies in (breakpoints belong to the left piece)
   */
  public int pieceOf(double z) {
    int i = 0;
    while (i < breakpoints.length && z > breakpoints[i]) {
      i++;
    }
    return i;
  }

  /**
   * @param piece a piece index, 0 to {@link #breakpointCount()}
   * @return its slope
   */
  public double slope(int piece) {
    return slopes[piece];
  }

  /**
   * @param piece a piece index
   * @return its intercept
   */
  public double intercept(int piece) {
    return intercepts[piece];
  }

  /**
   * @param z a point
   * @return f(z)
   */
  public double apply(double z) {
    int p = pieceOf(z);
    return slopes[p] * z + intercepts[p];
  }

  @Override
  public String toString() {
    return "PiecewiseLinear(breakpoints=" + Arrays.toString(breakpoints) + ", slopes="
        + Arrays.toString(slopes) + ", intercepts=" + Arrays.toString(intercepts) + ")";
  }
}
