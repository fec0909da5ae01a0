package org.example.snake;

import dev.rectifier.Parameter;
import dev.rectifier.spi.Activation;
import dev.rectifier.spi.ArrayMath;
import dev.rectifier.spi.HyperParameters;
import java.util.Arrays;
import java.util.List;

/**
 * Snake, with one trainable α per unit (a {@link Parameter} named {@code alpha}, shape (1, units)):
 *
 * <pre>
 *   f(x)    = x + sin²(αx)/α
 *   ∂f/∂x   = 1 + sin(2αx)
 *   ∂f/∂α   = x·sin(2αx)/α − sin²(αx)/α²  =  (x·sin(2αx) − (f(x) − x)) / α
 * </pre>
 *
 * <p>The bulk work runs on {@link ArrayMath}, row by row (the α row lines up with every row of
 * the batch), so it uses the vector kernels when the JVM has them.
 *
 * <p><b>α near 0.</b> As α → 0, f(x) → x, ∂f/∂x → 1 and ∂f/∂α → x². Training may push an α
 * towards or through 0, so:
 *
 * <ul>
 *   <li>a unit whose α is exactly 0 computes its limit, f(x) = x, instead of 0/0;
 *   <li>for |α| below {@value #SMALL_ALPHA} the α-gradient is computed in double precision from
 *       sin(αx) itself, because f(x) − x, which the fast path reuses, has lost too many digits to
 *       the rounding of f(x) by then; at α = 0 it is the limit x².
 * </ul>
 *
 * <p>NaN in gives NaN out; ±∞ in gives ±∞ out (the sin² term is bounded).
 *
 * <p>{@link #forward} allocates nothing and keeps no state between calls, so {@code predict} may
 * run it on several threads at once; {@link #backward} uses {@code dx} as its scratch space.
 */
final class Snake implements Activation {

  /** Below this |α| the α-gradient takes the slower, exact path. */
  static final double SMALL_ALPHA = 1e-3;

  private final HyperParameters values;
  private final int units;
  private final Parameter alpha;

  Snake(HyperParameters values, int units) {
    this.values = values;
    this.units = units;
    this.alpha = new Parameter("alpha", 1, units);
    Arrays.fill(alpha.values(), (float) values.real("alpha"));
  }

  @Override
  public String name() {
    return "snake";
  }

  @Override
  public HyperParameters hyperParameters() {
    return values;
  }

  @Override
  public int units() {
    return units;
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(alpha);
  }

  @Override
  public void forward(float[] x, float[] y, int rows) {
    float[] a = alpha.values();
    for (int r = 0, o = 0; r < rows; r++, o += units) {
      ArrayMath.mul(x, o, a, 0, y, o, units); //       y = αx
      ArrayMath.sin(y, o, y, o, units); //             y = sin(αx)
      ArrayMath.mul(y, o, y, o, y, o, units); //       y = sin²(αx)
      ArrayMath.div(y, o, a, 0, y, o, units); //       y = sin²(αx)/α
      ArrayMath.add(x, o, y, o, y, o, units); //       y = x + sin²(αx)/α
    }
    // Limits that the formula cannot compute: α = 0 (0/0) and x = ±∞ (sin ∞ is NaN).
    for (int u = 0; u < units; u++) {
      if (a[u] == 0) {
        for (int i = u; i < rows * units; i += units) {
          y[i] = x[i];
        }
      }
    }
    for (int i = 0; i < rows * units; i++) {
      if (Float.isInfinite(x[i])) {
        y[i] = x[i];
      }
    }
  }

  @Override
  public void backward(float[] x, float[] y, float[] dy, float[] dx, int rows) {
    float[] a = alpha.values();
    float[] g = alpha.gradients();
    int n = rows * units;
    for (int r = 0, o = 0; r < rows; r++, o += units) {
      ArrayMath.mul(x, o, a, 0, dx, o, units); //      dx = αx
      ArrayMath.scale(dx, o, 2f, dx, o, units); //     dx = 2αx
      ArrayMath.sin(dx, o, dx, o, units); //           dx = sin(2αx)
    }
    // ∂L/∂α_u = Σ_rows dy·(x·sin(2αx) − (y − x)) / α_u, with y − x = sin²(αx)/α.
    for (int u = 0; u < units; u++) {
      float au = a[u];
      if (Math.abs(au) < SMALL_ALPHA) {
        g[u] += (float) smallAlphaGradient(x, dy, u, rows, au);
        continue;
      }
      double sum = 0;
      for (int i = u; i < n; i += units) {
        sum += dy[i] * (x[i] * dx[i] - (y[i] - x[i]));
      }
      g[u] += (float) (sum / au);
    }
    ArrayMath.fma(dy, 0, dx, 0, dy, 0, dx, 0, n); //   dx = dy·sin(2αx) + dy
  }

  /** Σ_rows dy·∂f/∂α for one unit, in double precision from sin(αx); x² at α = 0. */
  private double smallAlphaGradient(float[] x, float[] dy, int u, int rows, double au) {
    double sum = 0;
    for (int i = u; i < rows * units; i += units) {
      double xi = x[i];
      double d;
      if (au == 0) {
        d = xi * xi;
      } else {
        double s = Math.sin(au * xi);
        d = (xi * Math.sin(2 * au * xi) - s * s / au) / au;
      }
      sum += dy[i] * d;
    }
    return sum;
  }

  /** @return the spec string, such as {@code snake(alpha=1)} */
  @Override
  public String toString() {
    return values.toSpec(name());
  }
}
