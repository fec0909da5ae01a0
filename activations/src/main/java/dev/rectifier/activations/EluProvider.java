package dev.rectifier.activations;

import dev.rectifier.spi.Activation;
import dev.rectifier.spi.ActivationProvider;
import dev.rectifier.spi.HyperParameter;
import dev.rectifier.spi.HyperParameters;
import java.util.List;

/**
 * {@code elu(alpha=1.0)}, the exponential linear unit (Clevert et al., 2015).
 *
 * <pre>
 *   f(x)  = x if x &gt; 0, else α·(e^x − 1)         (e^x − 1 computed as expm1, exact near 0)
 *   f'(x) = 1 if x &gt; 0, else y + α              (= α·e^x, from y = f(x))
 * </pre>
 *
 * {@code alpha} (α): the negative saturation value, default 1.0 (as in Keras and PyTorch),
 * allowed in [0, +∞). Range (−α, +∞); monotonic; close to zero-centred. Saturates towards −α
 * for very negative inputs, where f' → 0, but no unit is dead for moderate inputs.
 */
public final class EluProvider implements ActivationProvider {

  @Override
  public String name() {
    return "elu";
  }

  @Override
  public List<HyperParameter> parameters() {
    return List.of(
        HyperParameter.real("alpha", 1.0, 0, true, Double.POSITIVE_INFINITY, false)
            .inFloat()
            .describedAs("saturation value for x → −∞ is −alpha"));
  }

  @Override
  public String description() {
    return "x if x > 0 else alpha*(exp(x)-1)";
  }

  @Override
  public Activation create(HyperParameters values, int units) {
    return new Elu(values, units);
  }

  private static final class Elu extends KernelActivation {
    private final float alpha;

    Elu(HyperParameters values, int units) {
      super("elu", values, units);
      this.alpha = (float) values.real("alpha");
    }

    @Override
    public void forward(float[] x, float[] y, int rows) {
      kernels.eluForward(x, y, rows * units, alpha);
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx, int rows) {
      kernels.eluBackward(x, y, dy, dx, rows * units, alpha);
    }
  }
}
