package dev.rectifier.activations;

import dev.rectifier.spi.Activation;
import dev.rectifier.spi.ActivationProvider;
import dev.rectifier.spi.HyperParameters;

/**
 * {@code selu}, the scaled exponential linear unit (Klambauer et al., "Self-Normalizing Neural
 * Networks", 2017).
 *
 * <pre>
 *   f(x)  = λ·x if x &gt; 0, else λα·(e^x − 1)       (e^x − 1 computed as expm1, exact near 0)
 *   f'(x) = λ if x &gt; 0, else y + λα               (= λα·e^x, from y = f(x))
 *   λ ≈ 1.0507009873554805, α ≈ 1.6732632423543772
 * </pre>
 *
 * No hyper-parameters: λ and α are the constants for which a layer maps inputs of mean 0 and
 * variance 1 to outputs of mean 0 and variance 1. That fixed point holds only with weights drawn
 * with variance 1/fan_in, so a SELU layer needs {@code Initializer.lecunNormal()}: {@code new
 * Dense(64, "selu").kernelInitializer(Initializer.lecunNormal())}; with the default Glorot
 * initializer a deep SELU stack does not self-normalize. Range (−λα, +∞) ≈ (−1.7581, +∞);
 * monotonic; zero-centred on standard-normal inputs. Saturates towards −λα for very negative
 * inputs, where f' → 0; no unit is dead for moderate inputs. Positive inputs are multiplied by λ
 * rounded to float.
 */
public final class SeluProvider implements ActivationProvider {

  @Override
  public String name() {
    return "selu";
  }

  @Override
  public String description() {
    return "lambda*x if x > 0 else lambda*alpha*(exp(x)-1); use lecun_normal weights";
  }

  @Override
  public Activation create(HyperParameters values, int units) {
    return new Selu(values, units);
  }

  private static final class Selu extends KernelActivation {
    Selu(HyperParameters values, int units) {
      super("selu", values, units);
    }

    @Override
    public void forward(float[] x, float[] y, int rows) {
      kernels.seluForward(x, y, rows * units);
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx, int rows) {
      kernels.seluBackward(x, y, dy, dx, rows * units);
    }
  }
}
