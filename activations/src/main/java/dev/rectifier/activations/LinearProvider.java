package dev.rectifier.activations;

import dev.rectifier.spi.Activation;
import dev.rectifier.spi.ActivationProvider;
import dev.rectifier.spi.HyperParameters;
import dev.rectifier.spi.PiecewiseLinear;
import java.util.Optional;
import java.util.List;

/**
 * {@code linear} (alias {@code identity}): no activation, so that a layer without one needs no
 * special case.
 *
 * <pre>
 *   f(x)  = x
 *   f'(x) = 1
 * </pre>
 *
 * No hyper-parameters. Range (−∞, +∞); monotonic; zero-centred; no dead units.
 */
public final class LinearProvider implements ActivationProvider {

  @Override
  public String name() {
    return "linear";
  }

  @Override
  public List<String> aliases() {
    return List.of("identity");
  }

  @Override
  public String description() {
    return "x";
  }

  @Override
  public Activation create(HyperParameters values, int units) {
    return new Linear(values, units);
  }

  private static final class Linear extends KernelActivation {
    Linear(HyperParameters values, int units) {
      super("linear", values, units);
    }

    @Override
    public void forward(float[] x, float[] y, int rows) {
      System.arraycopy(x, 0, y, 0, rows * units);
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx, int rows) {
      System.arraycopy(dy, 0, dx, 0, rows * units);
    }

    @Override
    public Optional<PiecewiseLinear> piecewiseLinear(int unit) {
      return Optional.of(PiecewiseLinear.identity());
    }
  }
}
