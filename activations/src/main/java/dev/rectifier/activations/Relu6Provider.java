package dev.rectifier.activations;

import dev.rectifier.spi.Activation;
import dev.rectifier.spi.ActivationProvider;
import dev.rectifier.spi.HyperParameters;
import dev.rectifier.spi.PiecewiseLinear;
import java.util.Optional;

/**
 * {@code relu6}: relu capped at 6 (MobileNet's; PyTorch's {@code ReLU6}).
 *
 * <pre>
 *   f(x)  = min(max(0, x), 6)
 *   f'(x) = 1 if 0 &lt; x ≤ 6, else 0          (the left side at the kinks 0 and 6)
 * </pre>
 *
 * No hyper-parameters. Exact; relu6(−0) = +0. Range [0, 6]; monotonic; not zero-centred. Like
 * relu, a unit whose input is ≤ 0 on every sample is dead; one whose input stays above 6 is
 * saturated and gets no gradient either.
 */
public final class Relu6Provider implements ActivationProvider {

  private static final PiecewiseLinear PIECES = Clamp.pieces(0, 6);

  @Override
  public String name() {
    return "relu6";
  }

  @Override
  public String description() {
    return "min(max(0, x), 6)";
  }

  @Override
  public Activation create(HyperParameters values, int units) {
    return new Relu6(values, units);
  }

  private static final class Relu6 extends KernelActivation {
    Relu6(HyperParameters values, int units) {
      super("relu6", values, units);
    }

    @Override
    public void forward(float[] x, float[] y, int rows) {
      kernels.clampForward(x, y, rows * units, 0f, 6f);
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx, int rows) {
      kernels.clampBackward(x, dy, dx, rows * units, 0f, 6f);
    }

    @Override
    public Optional<PiecewiseLinear> piecewiseLinear(int unit) {
      return Optional.of(PIECES);
    }
  }
}
