package dev.rectifier.activations;

import dev.rectifier.spi.Activation;
import dev.rectifier.spi.ActivationProvider;
import dev.rectifier.spi.HyperParameter;
import dev.rectifier.spi.HyperParameters;
import dev.rectifier.spi.PiecewiseLinear;
import java.util.List;
import java.util.Optional;

/**
 * {@code hard_tanh(min=-1, max=1)}: x clamped to [min, max] (PyTorch's {@code hardtanh}).
 *
 * <pre>
 *   f(x)  = min if x ≤ min, max if x &gt; max, else x
 *   f'(x) = 1 if min &lt; x ≤ max, else 0            (the left side at the kinks)
 * </pre>
 *
 * {@code min} and {@code max}: the bounds, defaults −1 and 1, any finite floats with min &lt; max
 * (compared as the kernels see them, rounded to float). Exact. Range [min, max]; monotonic;
 * zero-centred for the default bounds. Saturates outright: a unit whose input stays outside
 * (min, max] on every sample gets no gradient and stops learning.
 */
public final class HardTanhProvider implements ActivationProvider {

  @Override
  public String name() {
    return "hard_tanh";
  }

  @Override
  public List<HyperParameter> parameters() {
    return List.of(
        HyperParameter.real(
                "min", -1.0, Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false)
            .inFloat()
            .describedAs("lower bound, below max"),
        HyperParameter.real(
                "max", 1.0, Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false)
            .inFloat()
            .describedAs("upper bound, above min"));
  }

  @Override
  public String description() {
    return "min(max(x, min), max)";
  }

  /**
   * @throws IllegalArgumentException if min is not below max as floats, naming both values
   */
  @Override
  public Activation create(HyperParameters values, int units) {
    float min = (float) values.real("min");
    float max = (float) values.real("max");
    if (!(min < max)) {
      boolean rounding = values.real("min") < values.real("max");
      throw new IllegalArgumentException(
          "hyper-parameters 'min' and 'max' of hard_tanh are " + values
              + (rounding ? ", " + min + " and " + max + " as floats (the values used)" : "")
              + "; expected min < max");
    }
    return new HardTanh(values, units, min, max);
  }

  private static final class HardTanh extends KernelActivation {
    private final float min;
    private final float max;
    private final PiecewiseLinear pieces;

    HardTanh(HyperParameters values, int units, float min, float max) {
      super("hard_tanh", values, units);
      this.min = min;
      this.max = max;
      this.pieces = Clamp.pieces(min, max);
    }

    @Override
    public void forward(float[] x, float[] y, int rows) {
      kernels.clampForward(x, y, rows * units, min, max);
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx, int rows) {
      kernels.clampBackward(x, dy, dx, rows * units, min, max);
    }

    @Override
    public Optional<PiecewiseLinear> piecewiseLinear(int unit) {
      return Optional.of(pieces);
    }
  }
}
