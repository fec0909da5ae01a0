package dev.rectifier.activations;

import dev.rectifier.spi.Activation;
import dev.rectifier.spi.ActivationProvider;
import dev.rectifier.spi.HyperParameter;
import dev.rectifier.spi.HyperParameters;
import dev.rectifier.spi.PiecewiseLinear;
import java.util.Optional;
import java.util.List;

/**
 * {@code leaky_relu(alpha=0.01)}: ReLU with a small slope for negative inputs.
 *
 * <pre>
 *   f(x)  = x if x &gt; 0, else α·x
 *   f'(x) = 1 if x &gt; 0, else α         (α at the kink x = 0)
 * </pre>
 *
 * {@code alpha} (α): the negative slope, default 0.01 (PyTorch's default; Keras' {@code LeakyReLU}
 * layer defaults to 0.3 and its {@code leaky_relu} function to 0.2), allowed in [0, +∞). Range
 * (−∞, +∞) for α &gt; 0; monotonic; roughly zero-centred only for large α. No dead units for α
 * &gt; 0.
 */
public final class LeakyReluProvider implements ActivationProvider {

  static final HyperParameter ALPHA =
      HyperParameter.real("alpha", 0.01, 0, true, Double.POSITIVE_INFINITY, false)
          .inFloat()
          .describedAs("slope for x ≤ 0");

  @Override
  public String name() {
    return "leaky_relu";
  }

  @Override
  public List<HyperParameter> parameters() {
    return List.of(ALPHA);
  }

  @Override
  public String description() {
    return "x if x > 0 else alpha*x";
  }

  @Override
  public Activation create(HyperParameters values, int units) {
    return new LeakyRelu(values, units);
  }

  private static final class LeakyRelu extends KernelActivation {
    private final float alpha;

    LeakyRelu(HyperParameters values, int units) {
      super("leaky_relu", values, units);
      this.alpha = (float) values.real("alpha");
    }

    @Override
    public void forward(float[] x, float[] y, int rows) {
      kernels.leakyReluForward(x, y, rows * units, alpha);
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx, int rows) {
      kernels.leakyReluBackward(x, dy, dx, rows * units, alpha);
    }

    @Override
    public Optional<PiecewiseLinear> piecewiseLinear(int unit) {
      return Optional.of(PiecewiseLinear.rectifier(alpha));
    }
  }
}
