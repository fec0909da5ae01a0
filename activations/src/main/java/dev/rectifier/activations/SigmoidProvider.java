package dev.rectifier.activations;

import dev.rectifier.spi.Activation;
import dev.rectifier.spi.ActivationProvider;
import dev.rectifier.spi.HyperParameters;

/**
 * {@code sigmoid}, the logistic function.
 *
 * <pre>
 *   f(x)  = 1 / (1 + e^(−x))
 *   f'(x) = y·(1 − y)          with y = f(x)
 * </pre>
 *
 * Evaluated without overflow for every input, exactly 0 at −∞ and 1 at +∞, never NaN for finite
 * x. No hyper-parameters. Range (0, 1); monotonic; not zero-centred (f(0) = 0.5). Saturates: for
 * |x| &gt; 6.9, f' &lt; 1e-3 and gradients vanish.
 */
public final class SigmoidProvider implements ActivationProvider {

  @Override
  public String name() {
    return "sigmoid";
  }

  @Override
  public String description() {
    return "1 / (1 + exp(-x))";
  }

  @Override
  public Activation create(HyperParameters values, int units) {
    return new Sigmoid(values, units);
  }

  private static final class Sigmoid extends KernelActivation {
    Sigmoid(HyperParameters values, int units) {
      super("sigmoid", values, units);
    }

    @Override
    public void forward(float[] x, float[] y, int rows) {
      kernels.sigmoidForward(x, y, rows * units);
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx, int rows) {
      kernels.sigmoidBackward(y, dy, dx, rows * units);
    }
  }
}
