package dev.rectifier.spi;

import java.util.Objects;

/**
 * A base class for activations that apply one function to each element: give f and f', and the
 * batch loops, the bookkeeping and {@link #toString()} come from here.
 *
 * <p>A complete custom activation, softsign f(x) = x / (1 + |x|), takes these lines and a
 * provider that returns {@code new Softsign(values, units)}:
 *
 * <pre>{@code
 * public final class Softsign extends ElementwiseActivation {
 *   public Softsign(HyperParameters values, int units) { super("softsign", values, units); }
 *   protected float apply(float x) { return x / (1 + Math.abs(x)); }
 *   protected float derivative(float x, float y) { float d = 1 + Math.abs(x); return 1 / (d * d); }
 * }
 * }</pre>
 *
 * <p>The loops here are plain Java; for speed, override {@link #forward} and {@link #backward}
 * with the bulk operations of {@link ArrayMath}, which run on the vector kernels when they are
 * enabled.
 */
public abstract class ElementwiseActivation implements Activation {

  private final String name;
  private final HyperParameters values;
  private final int units;

  /**
   * @param name the canonical name of the provider
   * @param values the hyper-parameter values the provider received
   * @param units the width of the layer, at least 1
   */
  protected ElementwiseActivation(String name, HyperParameters values, int units) {
    this.name = HyperParameter.checkName(name);
    this.values = Objects.requireNonNull(values, "values");
    if (units < 1) {
      throw new IllegalArgumentException("units is " + units + "; expected at least 1");
    }
    this.units = units;
  }

  /**
   * f(x) for one element. NaN must give NaN.
   *
   * @param x the input
   * @return f(x)
   */
  protected abstract float apply(float x);

  /**
   * f'(x) for one element, given x and y = f(x), so it can use whichever is cheaper.
   *
   * @param x the input
   * @param y f(x)
   * @return f'(x); at a kink, the left derivative
   */
  protected abstract float derivative(float x, float y);

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final HyperParameters hyperParameters() {
    return values;
  }

  @Override
  public final int units() {
    return units;
  }

  @Override
  public void forward(float[] x, float[] y, int rows) {
    int n = rows * units;
    for (int i = 0; i < n; i++) {
      y[i] = apply(x[i]);
    }
  }

  @Override
  public void backward(float[] x, float[] y, float[] dy, float[] dx, int rows) {
    int n = rows * units;
    for (int i = 0; i < n; i++) {
      dx[i] = derivative(x[i], y[i]) * dy[i];
    }
  }

  /** @return the spec string, such as {@code softsign} or {@code snake(alpha=0.5)} */
  @Override
  public String toString() {
    return values.toSpec(name);
  }
}
