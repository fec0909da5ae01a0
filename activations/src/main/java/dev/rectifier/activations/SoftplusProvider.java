package dev.rectifier.activations;

import dev.rectifier.spi.Activation;
import dev.rectifier.spi.ActivationProvider;
import dev.rectifier.spi.HyperParameter;
import dev.rectifier.spi.HyperParameters;
import java.util.List;

/**
 * {@code softplus(beta=1, threshold=20)}, a smooth relu, with PyTorch's semantics.
 *
 * <pre>
 *   f(x)  = ln(1 + e^(βx))/β,  and x itself where βx &gt; threshold
 *   f'(x) = σ(βx),             and 1 where βx &gt; threshold
 * </pre>
 *
 * {@code beta} (β): the sharpness, default 1, allowed in (0, +∞); f → relu as β → ∞. {@code
 * threshold}: above it the function returns x unchanged, default 20 (PyTorch's), allowed in (0,
 * +∞); the comparison uses the exact product βx. At the switch f jumps by ln(1 + e^(−threshold))/β,
 * 2e-9/β for the default, which float cannot see; thresholds below about 15 make the jump visible.
 * Evaluated as (max(βx, 0) + ln(1 + e^(−|βx|)))/β, which never overflows and keeps its relative
 * accuracy where f is tiny (x ≪ 0, where f ≈ e^(βx)/β). Range (0, +∞); monotonic; not zero-centred
 * (f(0) = ln 2/β). Saturates towards 0 for very negative inputs, where f' → 0.
 */
public final class SoftplusProvider implements ActivationProvider {

  @Override
  public String name() {
    return "softplus";
  }

  @Override
  public List<HyperParameter> parameters() {
    return List.of(
        HyperParameter.real("beta", 1.0, 0, false, Double.POSITIVE_INFINITY, false)
            .inFloat()
            .describedAs("sharpness"),
        HyperParameter.real("threshold", 20.0, 0, false, Double.POSITIVE_INFINITY, false)
            .inFloat()
            .describedAs("beta*x above which f(x) = x"));
  }

  @Override
  public String description() {
    return "log(1+exp(beta*x))/beta, x where beta*x > threshold";
  }

  @Override
  public Activation create(HyperParameters values, int units) {
    return new Softplus(values, units);
  }

  private static final class Softplus extends KernelActivation {
    private final float beta;
    private final float threshold;

    Softplus(HyperParameters values, int units) {
      super("softplus", values, units);
      this.beta = (float) values.real("beta");
      this.threshold = (float) values.real("threshold");
    }

    @Override
    public void forward(float[] x, float[] y, int rows) {
      kernels.softplusForward(x, y, rows * units, beta, threshold);
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx, int rows) {
      kernels.softplusBackward(x, dy, dx, rows * units, beta, threshold);
    }
  }
}
