package dev.rectifier.activations;

import dev.rectifier.Parameter;
import dev.rectifier.spi.Activation;
import dev.rectifier.spi.ActivationProvider;
import dev.rectifier.spi.HyperParameter;
import dev.rectifier.spi.HyperParameters;
import dev.rectifier.spi.PiecewiseLinear;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code prelu(alpha=0.25, shared=false)}: leaky ReLU whose negative slope is learned.
 *
 * <pre>
 *   f(x)    = x if x &gt; 0, else α_u·x           (α_u: the slope of unit u)
 *   ∂f/∂x   = 1 if x &gt; 0, else α_u            (α_u at the kink x = 0)
 *   ∂f/∂α_u = 0 if x &gt; 0, else x             (summed over the batch)
 * </pre>
 *
 * {@code alpha}: the initial slope, default 0.25 (PyTorch's; Keras' {@code PReLU} starts at 0),
 * any finite number. {@code shared}: one slope for the whole layer instead of one per unit,
 * default false. The slopes form a trainable parameter named {@code alpha}, of shape (1, units),
 * or (1, 1) when shared, which any optimizer updates with the weights. Range (−∞, +∞);
 * monotonic while α ≥ 0.
 */
public final class PReluProvider implements ActivationProvider {

  @Override
  public String name() {
    return "prelu";
  }

  @Override
  public List<HyperParameter> parameters() {
    return List.of(
        HyperParameter.real(
                "alpha", 0.25, Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false)
            .inFloat()
            .describedAs("initial slope for x ≤ 0"),
        HyperParameter.flag("shared", false).describedAs("one slope for all units"));
  }

  @Override
  public String description() {
    return "x if x > 0 else alpha_u*x, alpha trainable";
  }

  @Override
  public Activation create(HyperParameters values, int units) {
    return new PRelu(values, units);
  }

  private static final class PRelu extends KernelActivation {
    private final boolean shared;
    private final Parameter alpha;

    PRelu(HyperParameters values, int units) {
      super("prelu", values, units);
      this.shared = values.flag("shared");
      this.alpha = new Parameter("alpha", 1, shared ? 1 : units);
      Arrays.fill(alpha.values(), (float) values.real("alpha"));
    }

    @Override
    public void forward(float[] x, float[] y, int rows) {
      if (shared) {
        kernels.leakyReluForward(x, y, rows * units, alpha.values()[0]);
      } else {
        kernels.preluForward(x, y, rows, units, alpha.values());
      }
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx, int rows) {
      if (shared) {
        int n = rows * units;
        kernels.leakyReluBackward(x, dy, dx, n, alpha.values()[0]);
        alpha.gradients()[0] += (float) kernels.negativeDot(x, dy, n);
      } else {
        kernels.preluBackward(x, dy, dx, rows, units, alpha.values(), alpha.gradients());
      }
    }

    @Override
    public List<Parameter> parameters() {
      return List.of(alpha);
    }

    @Override
    public Optional<PiecewiseLinear> piecewiseLinear(int unit) {
      return Optional.of(PiecewiseLinear.rectifier(alpha.values()[shared ? 0 : unit]));
    }
  }
}
