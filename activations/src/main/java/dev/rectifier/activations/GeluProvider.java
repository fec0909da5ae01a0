package dev.rectifier.activations;

import dev.rectifier.spi.Activation;
import dev.rectifier.spi.ActivationProvider;
import dev.rectifier.spi.HyperParameter;
import dev.rectifier.spi.HyperParameters;
import java.util.List;

/**
 * {@code gelu(approximate=none)}, the Gaussian error linear unit (Hendrycks and Gimpel, 2016).
 *
 * <pre>
 *   none:  f(x)  = x·Φ(x) = ½x·(1 + erf(x/√2))          (Φ: the standard normal distribution)
 *          f'(x) = Φ(x) + x·φ(x)                         (φ(x) = e^(−x²/2)/√(2π))
 *   tanh:  f(x)  = ½x·(1 + tanh u),  u = √(2/π)·(x + 0.044715·x³)
 *          f'(x) = ½(1 + tanh u) + ½x·(1 − tanh² u)·√(2/π)·(1 + 3·0.044715·x²)
 * </pre>
 *
 * {@code approximate}: {@code none} (the default, as in PyTorch) computes Φ itself; {@code tanh}
 * is the approximation of the original paper and of BERT and GPT-2, within 5e-4 of the exact
 * form, kept for models trained with it. Both are evaluated so that tiny results for x ≪ 0 keep
 * their relative accuracy: the exact form as x·e^(−x²/2)·G(|x|) with G = e^(x²/2)·Φ(−|x|) smooth
 * (never 1 − erf), the tanh form as x·σ(2u), which is ½x·(1 + tanh u) without its cancellation.
 * Range about [−0.17, +∞); not monotonic (a minimum near x = −0.75); close to zero-centred.
 * Negative inputs are damped rather than cut off: no dead units.
 */
public final class GeluProvider implements ActivationProvider {

  @Override
  public String name() {
    return "gelu";
  }

  @Override
  public List<HyperParameter> parameters() {
    return List.of(
        HyperParameter.choice("approximate", "none", List.of("none", "tanh"))
            .describedAs("none: x·Φ(x); tanh: the tanh approximation"));
  }

  @Override
  public String description() {
    return "x*Phi(x), or 0.5*x*(1+tanh(sqrt(2/pi)*(x+0.044715*x^3)))";
  }

  @Override
  public Activation create(HyperParameters values, int units) {
    return new Gelu(values, units);
  }

  private static final class Gelu extends KernelActivation {
    private final boolean tanh;

    Gelu(HyperParameters values, int units) {
      super("gelu", values, units);
      this.tanh = values.choice("approximate").equals("tanh");
    }

    @Override
    public void forward(float[] x, float[] y, int rows) {
      if (tanh) {
        kernels.geluTanhForward(x, y, rows * units);
      } else {
        kernels.geluForward(x, y, rows * units);
      }
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx, int rows) {
      if (tanh) {
        kernels.geluTanhBackward(x, dy, dx, rows * units);
      } else {
        kernels.geluBackward(x, dy, dx, rows * units);
      }
    }
  }
}
