package dev.rectifier.activations;

import dev.rectifier.spi.Activation;
import dev.rectifier.spi.ActivationProvider;
import dev.rectifier.spi.HyperParameters;

/**
 * {@code tanh}, the hyperbolic tangent.
 *
 * <pre>
 *   f(x)  = tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x))
 *   f'(x) = 1 − y²             with y = f(x)
 * </pre>
 *
 * Accurate near 0 (f(x) ≈ x there, never computed by a formula that cancels), exactly ±1 at ±∞.
 * No hyper-parameters. Range (−1, 1); monotonic; zero-centred. Saturates: for |x| &gt; 4.2, f'
 * &lt; 1e-3.
 */
public final class TanhProvider implements ActivationProvider {

  @Override
  public String name() {
    return "tanh";
  }

  @Override
  public String description() {
    return "tanh(x)";
  }

  @Override
  public Activation create(HyperParameters values, int units) {
    return new Tanh(values, units);
  }

  private static final class Tanh extends KernelActivation {
    Tanh(HyperParameters values, int units) {
      super("tanh", values, units);
    }

    @Override
    public void forward(float[] x, float[] y, int rows) {
      kernels.tanhForward(x, y, rows * units);
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx, int rows) {
      kernels.tanhBackward(y, dy, dx, rows * units);
    }
  }
}
