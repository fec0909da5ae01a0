package dev.rectifier.activations;

import dev.rectifier.spi.Activation;
import dev.rectifier.spi.ActivationProvider;
import dev.rectifier.spi.HyperParameters;
import dev.rectifier.spi.PiecewiseLinear;
import java.util.Optional;

/**
 * {@code hard_sigmoid}, a piecewise-linear sigmoid: PyTorch's {@code hardsigmoid}, relu6(x + 3)/6.
 *
 * <pre>
 *   f(x)  = 0 if x ≤ −3, 1 if x ≥ 3, else x/6 + ½        (computed as min(max(x + 3, 0), 6)/6)
 *   f'(x) = 1/6 if −3 &lt; x ≤ 3, else 0                   (the left side at the kinks ±3)
 * </pre>
 *
 * No hyper-parameters (Keras 3 and PyTorch agree on these slopes; Keras 2 used x/5 + ½). Rounded
 * as PyTorch rounds it: x + 3, then the division by 6, within 1.17 ulp of x/6 + ½. Range [0, 1];
 * monotonic; not zero-centred (f(0) = ½). Saturates outright: f' = 0 for |x| &gt; 3, so a unit
 * whose input stays beyond ±3 on every sample stops learning.
 */
public final class HardSigmoidProvider implements ActivationProvider {

  private static final PiecewiseLinear PIECES =
      PiecewiseLinear.of(
          new double[] {-3, 3}, new double[] {0, 1.0 / 6, 0}, new double[] {0, 0.5, 1});

  @Override
  public String name() {
    return "hard_sigmoid";
  }

  @Override
  public String description() {
    return "min(max(x+3, 0), 6)/6";
  }

  @Override
  public Activation create(HyperParameters values, int units) {
    return new HardSigmoid(values, units);
  }

  private static final class HardSigmoid extends KernelActivation {
    HardSigmoid(HyperParameters values, int units) {
      super("hard_sigmoid", values, units);
    }

    @Override
    public void forward(float[] x, float[] y, int rows) {
      kernels.hardSigmoidForward(x, y, rows * units);
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx, int rows) {
      kernels.hardSigmoidBackward(x, dy, dx, rows * units);
    }

    @Override
    public Optional<PiecewiseLinear> piecewiseLinear(int unit) {
      return Optional.of(PIECES);
    }
  }
}
