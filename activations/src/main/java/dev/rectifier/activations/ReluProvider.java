package dev.rectifier.activations;

import dev.rectifier.spi.Activation;
import dev.rectifier.spi.ActivationProvider;
import dev.rectifier.spi.HyperParameters;
import dev.rectifier.spi.PiecewiseLinear;
import java.util.Optional;

/**
 * {@code relu}, the rectified linear unit.
 *
 * <pre>
 *   f(x)  = max(0, x)
 *   f'(x) = 1 if x &gt; 0, else 0          (0 at the kink x = 0)
 * </pre>
 *
 * No hyper-parameters. Range [0, +∞); monotonic; not zero-centred. A unit whose input is ≤ 0 for
 * every sample passes no gradient and stops learning (a dead unit).
 */
public final class ReluProvider implements ActivationProvider {

  @Override
  public String name() {
    return "relu";
  }

  @Override
  public String description() {
    return "max(0, x)";
  }

  @Override
  public Activation create(HyperParameters values, int units) {
    return new Relu(values, units);
  }

  private static final class Relu extends KernelActivation {
    Relu(HyperParameters values, int units) {
      super("relu", values, units);
    }

    @Override
    public void forward(float[] x, float[] y, int rows) {
      kernels.reluForward(x, y, rows * units);
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx, int rows) {
      kernels.reluBackward(x, dy, dx, rows * units);
    }

    @Override
    public Optional<PiecewiseLinear> piecewiseLinear(int unit) {
      return Optional.of(PiecewiseLinear.rectifier(0));
    }
  }
}
