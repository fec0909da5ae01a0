package dev.rectifier.activations;

import dev.rectifier.spi.Activation;
import dev.rectifier.spi.ActivationProvider;
import dev.rectifier.spi.HyperParameters;

/**
 * {@code mish} (Misra, "Mish: A Self Regularized Non-Monotonic Activation Function", 2019).
 *
 * <pre>
 *   f(x)  = x·tanh(sp),  sp = softplus(x) = ln(1 + e^x)
 *   f'(x) = tanh(sp) + x·sech²(sp)·σ(x)
 * </pre>
 *
 * Evaluated with t = e^(−|x|) in forms that never cancel: tanh(sp) = t(t + 2)/(t(t + 2) + 2) for x
 * ≤ 0 and (1 + 2t)/(1 + 2t + 2t²) for x &gt; 0, so f keeps its relative accuracy for large |x| on
 * both sides (f ≈ x·e^x for x ≪ 0, f = x for x ≫ 0). No hyper-parameters. Range about [−0.31,
 * +∞); not monotonic (a minimum near x = −1.19); close to zero-centred. Negative inputs are
 * damped, not cut off: no dead units.
 */
public final class MishProvider implements ActivationProvider {

  @Override
  public String name() {
    return "mish";
  }

  @Override
  public String description() {
    return "x*tanh(log(1+exp(x)))";
  }

  @Override
  public Activation create(HyperParameters values, int units) {
    return new Mish(values, units);
  }

  private static final class Mish extends KernelActivation {
    Mish(HyperParameters values, int units) {
      super("mish", values, units);
    }

    @Override
    public void forward(float[] x, float[] y, int rows) {
      kernels.mishForward(x, y, rows * units);
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx, int rows) {
      kernels.mishBackward(x, dy, dx, rows * units);
    }
  }
}
