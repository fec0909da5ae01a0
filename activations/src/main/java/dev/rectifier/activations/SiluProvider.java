package dev.rectifier.activations;

import dev.rectifier.Parameter;
import dev.rectifier.spi.Activation;
import dev.rectifier.spi.ActivationProvider;
import dev.rectifier.spi.HyperParameter;
import dev.rectifier.spi.HyperParameters;
import java.util.Arrays;
import java.util.List;

/**
 * {@code silu(beta=1, trainable=false)} (alias {@code swish}), the sigmoid-weighted linear unit
 * (Elfwing et al., 2017; Ramachandran et al., "Searching for Activation Functions", 2017).
 *
 * <pre>
 *   f(x)    = x·σ(β_u·x)                              (σ(z) = 1/(1 + e^(−z)))
 *   ∂f/∂x   = σ(z)·(1 + z·(1 − σ(z))),  z = β_u·x
 *   ∂f/∂β_u = x²·σ(z)·(1 − σ(z))                      (summed over the batch)
 * </pre>
 *
 * {@code beta} (β): the sharpness, default 1 (SiLU as in PyTorch and Keras), allowed in (0, +∞):
 * β → 0 tends to the linear x/2 and β → ∞ to relu, while β ≤ 0 would mirror the gate (σ(βx)
 * falling as x grows), a different function. {@code trainable}: learn β per unit, like PReLU's
 * slopes: a parameter named {@code beta} of shape (1, units), starting at {@code beta}, which any
 * optimizer updates with the weights (it may then leave (0, +∞): the kernels take any β). Range
 * about [−0.28/β, +∞); not monotonic (a minimum near x = −1.28/β); close to zero-centred. Negative
 * inputs are damped, not cut off: no dead units.
 */
public final class SiluProvider implements ActivationProvider {

  @Override
  public String name() {
    return "silu";
  }

  @Override
  public List<String> aliases() {
    return List.of("swish");
  }

  @Override
  public List<HyperParameter> parameters() {
    return List.of(
        HyperParameter.real("beta", 1.0, 0, false, Double.POSITIVE_INFINITY, false)
            .inFloat()
            .describedAs("sharpness of the sigmoid gate; the initial value when trainable"),
        HyperParameter.flag("trainable", false).describedAs("learn beta per unit"));
  }

  @Override
  public String description() {
    return "x*sigmoid(beta*x), beta optionally trainable per unit";
  }

  @Override
  public Activation create(HyperParameters values, int units) {
    return new Silu(values, units);
  }

  private static final class Silu extends KernelActivation {
    /** β per unit: the trainable parameter's values, or a constant row. */
    private final Parameter beta;
    private final boolean trainable;
    /** Not trainable and β = 1: the kernels without a β per unit. */
    private final boolean unit;

    Silu(HyperParameters values, int units) {
      super("silu", values, units);
      this.trainable = values.flag("trainable");
      this.beta = new Parameter("beta", 1, units);
      Arrays.fill(beta.values(), (float) values.real("beta"));
      this.unit = !trainable && values.real("beta") == 1;
    }

    @Override
    public void forward(float[] x, float[] y, int rows) {
      if (unit) {
        kernels.siluUnitForward(x, y, rows * units);
      } else {
        kernels.siluForward(x, y, rows, units, beta.values());
      }
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx, int rows) {
      if (unit) {
        kernels.siluUnitBackward(x, dy, dx, rows * units);
      } else {
        kernels.siluBackward(
            x, dy, dx, rows, units, beta.values(), trainable ? beta.gradients() : null);
      }
    }

    @Override
    public List<Parameter> parameters() {
      return trainable ? List.of(beta) : List.of();
    }
  }
}
