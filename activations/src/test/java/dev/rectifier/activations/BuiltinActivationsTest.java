package dev.rectifier.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rectifier.Activations;
import dev.rectifier.Dense;
import dev.rectifier.Initializer;
import dev.rectifier.Layer;
import dev.rectifier.Parameter;
import dev.rectifier.Sequential;
import dev.rectifier.spi.Activation;
import dev.rectifier.spi.PiecewiseLinear;
import dev.rectifier.testing.ReferenceFunctions;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every built-in against its double-precision reference. These tests run on whichever kernels the
 * JVM selected, so the build's two test runs cover the scalar and the vector path.
 */
class BuiltinActivationsTest {

  /**
   * The accuracy bound for the activations that are not exact (sigmoid, tanh, elu, selu, gelu in
   * both forms, silu, softplus, mish, hard_sigmoid): 4 units in the last place of the result.
   */
  static final double ULPS = 4;

  static final float[] EDGES = {
    0f, -0f, 1e-30f, -1e-30f, 1e-8f, -1e-8f, 1f, -1f, 20f, -20f, 88f, -88f, 89f, -89f, 100f,
    -100f, Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
    Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, -Float.MIN_NORMAL, 0.5f, -0.5f,
    0.3465736f, -0.3465736f, 9f, -9f, 17f, -17f, 1e-4f, -1e-4f, 3f, -3f, 6f, 2.5f, 2f, -0.75f,
    -14.5f, -87.5f, Float.NaN, -6f, 0.75f
  };

  /** The width of the layers these tests use: {@link #inputs()} is a whole number of rows. */
  static final int UNITS = 5;

  /**
   * The edge values (where the vector kernels see them, with 8 or 16 lanes), 100,000 seeded
   * inputs over [−100, 100], a dense sample of [−10, 10], and the edge values again, last, where
   * the scalar tail sees them: 120,090 values, a whole number of rows of {@link #UNITS}.
   */
  static float[] inputs() {
    SplittableRandom r = new SplittableRandom(20261130);
    float[] x = new float[EDGES.length + 120_000 + EDGES.length];
    System.arraycopy(EDGES, 0, x, 0, EDGES.length);
    int i = EDGES.length;
    for (; i < EDGES.length + 100_000; i++) {
      x[i] = (float) (r.nextDouble() * 200 - 100);
    }
    for (; i < EDGES.length + 120_000; i++) {
      x[i] = (float) (r.nextDouble() * 20 - 10);
    }
    System.arraycopy(EDGES, 0, x, i, EDGES.length);
    return x;
  }

  @Test
  void inputsAreWholeRowsAndEndWithTheEdges() {
    float[] x = inputs();
    assertThat(x.length % UNITS).isZero();
    assertThat(x[x.length - EDGES.length + 42]).isNaN();
    assertThat(x[42]).isNaN();
  }

  static Activation create(Reference ref, int units) {
    return Activations.create(ref.spec, units);
  }

  @ParameterizedTest
  @EnumSource(Reference.class)
  void forwardMatchesTheDoubleReference(Reference ref) {
    float[] x = inputs();
    int rows = x.length / UNITS;
    Activation a = create(ref, UNITS);
    float[] y = new float[x.length];
    a.forward(x, y, rows);
    for (int i = 0; i < x.length; i++) {
      double expected = ref.f.applyAsDouble(x[i]);
      float e = (float) expected;
      if (Double.isNaN(expected)) {
        assertThat(y[i]).as("%s(%s)", ref.spec, x[i]).isNaN();
      } else if (ref.exact() || Float.isInfinite(e)) {
        assertThat(Float.floatToIntBits(y[i]))
            .as("%s(%s) = %s, expected exactly %s", ref.spec, x[i], y[i], e)
            .isEqualTo(Float.floatToIntBits(e));
      } else {
        assertThat((double) y[i])
            .as("%s(%s)", ref.spec, x[i])
            .isCloseTo(expected, within(ULPS * Math.ulp(e)));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Reference.class)
  void limitsAtInfinityAreExact(Reference ref) {
    Activation a = create(ref, 1);
    float[] y = new float[2];
    a.forward(new float[] {Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY}, y, 2);
    assertThat(y[0]).isEqualTo((float) ref.f.applyAsDouble(Double.NEGATIVE_INFINITY));
    assertThat(y[1]).isEqualTo((float) ref.f.applyAsDouble(Double.POSITIVE_INFINITY));
  }

  @ParameterizedTest
  @EnumSource(Reference.class)
  void nanInGivesNanOutForwardAndBackward(Reference ref) {
    // 13 rows of 3: NaN in the first lane, inside a later vector and in the scalar tail
    int rows = 13;
    float[] x = new float[rows * 3];
    for (int i = 0; i < x.length; i++) {
      x[i] = i % 2 == 0 ? 0.5f * i : -0.25f * i;
    }
    int[] nans = {0, 19, 38};
    for (int i : nans) {
      x[i] = Float.NaN;
    }
    x[20] = Float.intBitsToFloat(0xffc00000); // a NaN with the sign bit set
    Activation a = create(ref, 3);
    float[] y = new float[x.length];
    a.forward(x, y, rows);
    float[] dy = new float[x.length];
    java.util.Arrays.fill(dy, 1f);
    float[] dx = new float[x.length];
    a.backward(x, y, dy, dx, rows);
    for (int i = 0; i < x.length; i++) {
      if (Float.isNaN(x[i])) {
        assertThat(y[i]).as("%s(NaN) at %d", ref.spec, i).isNaN();
        if (ref != Reference.LINEAR) {
          // linear's derivative is 1 everywhere, so it passes dy through unchanged
          assertThat(dx[i]).as("gradient through NaN at %d", i).isNaN();
        }
      } else {
        assertThat(y[i]).as("%s(%s)", ref.spec, x[i]).isNotNaN();
        assertThat(dx[i]).as("%s'(%s)", ref.spec, x[i]).isNotNaN();
      }
    }
  }

  /**
   * dx = f'(x)·dy against the analytic derivative in double. Derivatives computed from y inherit
   * y's error: σ' = y(1−y) changes by |1−2y|·δy and tanh' = 1−y² by 2|y|·δy, with δy ≤ 4 ulp(y);
   * the float products add a few ε relative; derivatives computed from x (gelu, silu, softplus,
   * mish) err by a few ε of the sum of their terms. The bound below is that sum.
   */
  @ParameterizedTest
  @EnumSource(Reference.class)
  void backwardMatchesTheAnalyticDerivative(Reference ref) {
    float[] x = inputs();
    int rows = x.length / UNITS;
    int n = x.length;
    SplittableRandom r = new SplittableRandom(3);
    float[] dy = new float[n];
    for (int i = 0; i < n; i++) {
      dy[i] = (float) (r.nextDouble() * 4 - 2);
    }
    Activation a = create(ref, UNITS);
    float[] y = new float[n];
    float[] dx = new float[n];
    a.forward(x, y, rows);
    a.backward(x, y, dy, dx, rows);
    double eps = Math.ulp(1f);
    for (int i = 0; i < n; i++) {
      if (Float.isNaN(x[i])) {
        continue;
      }
      double d = ref.df.applyAsDouble(x[i]);
      if (x[i] == 0) {
        d = ref.df.applyAsDouble(-0.0); // the left side at the kink
      }
      double expected = d * dy[i];
      if (Float.isInfinite(x[i])) {
        // the limits are exact: 0, dy or α·dy
        assertThat(dx[i]).as("%s'(%s)·%s", ref.spec, x[i], dy[i]).isEqualTo((float) expected);
        continue;
      }
      // derivatives computed from y inherit y's error (at most 4 ulp of y); those computed from
      // x err relative to the sum of their terms' magnitudes (the scale), which is |f'| unless
      // terms cancel, as in GELU's, SiLU's and mish's minima
      double yErr =
          ref.derivativeFromY(x[i]) ? ULPS * Math.ulp((float) ref.f.applyAsDouble(x[i])) : 0;
      double tol =
          Math.abs(dy[i]) * (2 * yErr + 4 * eps * ref.scale.applyAsDouble(x[i]))
              + Math.abs(expected) * 2 * eps;
      if (ref.exact()) {
        tol = Math.abs(expected) * eps;
      }
      // in the subnormal range each rounding errs by up to MIN_VALUE/2 absolute, and one of
      // f' (before the product with dy) by |dy| times that
      double floor = (1 + Math.abs(dy[i])) * Float.MIN_VALUE;
      assertThat((double) dx[i])
          .as("%s'(%s)·%s", ref.spec, x[i], dy[i])
          .isCloseTo(expected, within(tol + floor));
    }
  }

  /**
   * dx against central differences of the activation's own forward pass, away from the kink.
   * With h = 1e-3·max(1, |x|) the truncation error is below h²·|f'''|/6 ≤ 1e-6·max(1, x²) and
   * the rounding of f (a few ulp) contributes at most 4 ulp(f) / 2h.
   */
  @ParameterizedTest
  @EnumSource(Reference.class)
  void backwardMatchesCentralDifferencesOfForward(Reference ref) {
    // every point, x + h and x − h in one array each, so that the vector kernels see them
    SplittableRandom r = new SplittableRandom(11);
    int n = 0;
    float[] x = new float[2000];
    while (n < x.length) {
      float v = (float) (r.nextDouble() * 20 - 10);
      if (!ref.nearKink(v, 2 * step(v))) {
        x[n++] = v;
      }
    }
    float[] xp = new float[n];
    float[] xm = new float[n];
    for (int i = 0; i < n; i++) {
      xp[i] = x[i] + step(x[i]);
      xm[i] = x[i] - step(x[i]);
    }
    Activation a = create(ref, 1);
    float[] fp = new float[n];
    float[] fm = new float[n];
    float[] y = new float[n];
    float[] dy = new float[n];
    java.util.Arrays.fill(dy, 1f);
    float[] dx = new float[n];
    a.forward(xp, fp, n);
    a.forward(xm, fm, n);
    a.forward(x, y, n);
    a.backward(x, y, dy, dx, n);
    for (int i = 0; i < n; i++) {
      double fd = ((double) fp[i] - fm[i]) / ((double) xp[i] - xm[i]);
      double rounding =
          4 * 4 * Math.ulp(Math.max(Math.abs(fp[i]), Math.abs(fm[i]))) / (xp[i] - xm[i]);
      double truncation = 1e-6 * Math.max(1, (double) x[i] * x[i]);
      assertThat((double) dx[i])
          .as("%s'(%s)", ref.spec, x[i])
          .isCloseTo(fd, within(rounding + truncation + 1e-6));
    }
  }

  /** The finite-difference step at x: 1e-3·max(1, |x|). */
  private static float step(float x) {
    return (float) (1e-3 * Math.max(1, Math.abs(x)));
  }

  @ParameterizedTest
  @EnumSource(
      value = Reference.class,
      names = {"PRELU", "PRELU_SHARED"})
  void preluSlopeGradientIsTheSumOfXTimesDyWhereXIsNotPositive(Reference ref) {
    int rows = 257;
    int units = 9;
    SplittableRandom r = new SplittableRandom(5);
    float[] x = new float[rows * units];
    float[] dy = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (r.nextDouble() * 6 - 3);
      dy[i] = (float) (r.nextDouble() * 2 - 1);
    }
    x[3] = 0f;
    x[4] = -0f;
    Activation a = create(ref, units);
    Parameter alpha = a.parameters().get(0);
    boolean shared = alpha.size() == 1;
    assertThat(alpha.name()).isEqualTo("alpha");
    assertThat(alpha.size()).isEqualTo(shared ? 1 : units);
    float[] y = new float[x.length];
    float[] dx = new float[x.length];
    a.forward(x, y, rows);
    a.backward(x, y, dy, dx, rows);
    a.backward(x, y, dy, dx, rows); // gradients accumulate
    double[] expected = new double[alpha.size()];
    double[] magnitude = new double[alpha.size()];
    for (int i = 0; i < x.length; i++) {
      if (x[i] <= 0) {
        int u = shared ? 0 : i % units;
        expected[u] += 2.0 * x[i] * dy[i];
        magnitude[u] += 2.0 * Math.abs(x[i] * dy[i]);
      }
    }
    // A float sum of N terms errs by at most N·ε·Σ|terms|.
    for (int u = 0; u < expected.length; u++) {
      double tol = (2.0 * rows * (shared ? units : 1)) * Math.ulp(1f) * magnitude[u];
      assertThat((double) alpha.gradients()[u]).isCloseTo(expected[u], within(tol));
    }
    // L = Σ y·dy is linear in α: central differences are exact up to rounding.
    expectCentralDifferences(a, alpha, x, dy, rows, 1e-3);
  }

  /**
   * The gradient that backward adds to a parameter against central differences (h = 0.01) of L =
   * Σ y·dy in each of its values, within tol·(1 + |fd|).
   */
  private static void expectCentralDifferences(
      Activation a, Parameter p, float[] x, float[] dy, int rows, double tol) {
    float[] y = new float[x.length];
    a.forward(x, y, rows);
    p.zeroGradients();
    a.backward(x, y, dy, new float[x.length], rows);
    float h = 1e-2f;
    for (int u = 0; u < p.size(); u++) {
      float old = p.values()[u];
      p.values()[u] = old + h;
      double up = weighted(a, x, dy, rows);
      p.values()[u] = old - h;
      double down = weighted(a, x, dy, rows);
      p.values()[u] = old;
      double fd = (up - down) / (2 * h);
      assertThat((double) p.gradients()[u]).as("%s[%d]", p.name(), u)
          .isCloseTo(fd, within(tol * (1 + Math.abs(fd))));
    }
  }

  private static double weighted(Activation a, float[] x, float[] dy, int rows) {
    float[] y = new float[x.length];
    a.forward(x, y, rows);
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += (double) y[i] * dy[i];
    }
    return s;
  }

  @ParameterizedTest
  @EnumSource(Reference.class)
  void touchesOnlyTheBatchRows(Reference ref) {
    Activation a = create(ref, 3);
    float[] x = {1, -1, 2, 5, 5, 5};
    float[] y = {7, 7, 7, 7, 7, 7};
    a.forward(x, y, 1);
    assertThat(y[3]).isEqualTo(7f);
    assertThat(y[5]).isEqualTo(7f);
  }

  @ParameterizedTest
  @EnumSource(
      value = Reference.class,
      names = {"SWISH_TRAINABLE"})
  void trainableSiluAddsTheBetaGradientOfEveryUnit(Reference ref) {
    int rows = 129;
    int units = 19; // a whole vector and an overlapping one, with 8 or 16 lanes
    SplittableRandom r = new SplittableRandom(17);
    float[] x = new float[rows * units];
    float[] dy = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (r.nextDouble() * 8 - 4);
      dy[i] = (float) (r.nextDouble() * 2 - 1);
    }
    Activation a = create(ref, units);
    Parameter beta = a.parameters().get(0);
    assertThat(beta.name()).isEqualTo("beta");
    assertThat(beta.rows()).isEqualTo(1);
    assertThat(beta.cols()).isEqualTo(units);
    assertThat(beta.values()).containsOnly(1.5f);
    for (int u = 0; u < units; u++) {
      beta.values()[u] = (float) (0.5 + 0.1 * u); // a different beta per unit
    }
    float[] y = new float[x.length];
    float[] dx = new float[x.length];
    a.forward(x, y, rows);
    a.backward(x, y, dy, dx, rows);
    a.backward(x, y, dy, dx, rows); // gradients accumulate
    double[] expected = new double[units];
    double[] magnitude = new double[units];
    for (int i = 0; i < x.length; i++) {
      int u = i % units;
      double term = 2.0 * dy[i] * ReferenceFunctions.siluBetaDerivative(x[i], beta.values()[u]);
      expected[u] += term;
      magnitude[u] += Math.abs(term);
    }
    // Each term within 8ε of itself, then a float sum of 2·rows terms.
    for (int u = 0; u < units; u++) {
      double tol = (2.0 * rows + 8) * Math.ulp(1f) * magnitude[u];
      assertThat((double) beta.gradients()[u]).as("beta gradient of unit %d", u)
          .isCloseTo(expected[u], within(tol));
    }
    // L = Σ y·dy is smooth in β: its truncation error is far below the bound.
    expectCentralDifferences(a, beta, x, dy, rows, 2e-3);
  }

  /**
   * SELU's point: with weights of variance 1/fan_in (lecun_normal) and inputs of mean 0 and
   * variance 1, every layer's outputs keep mean ≈ 0 and variance ≈ 1, however deep the stack
   * (Klambauer et al., 2017, Theorem 1). 32 layers of 64 units on 4096 standard-normal samples;
   * the sampling error of a mean over 4096·64 correlated values stays well below the bounds.
   */
  @Test
  void aDeepSeluStackWithLecunNormalWeightsStaysSelfNormalizing() {
    int width = 64;
    int rows = 4096;
    Sequential m = new Sequential(width, 2017);
    for (int l = 0; l < 32; l++) {
      m.add(new Dense(width, "selu").kernelInitializer(Initializer.lecunNormal()));
    }
    SplittableRandom r = new SplittableRandom(5);
    float[] in = new float[rows * width];
    for (int i = 0; i < in.length; i++) {
      in[i] = (float) gaussian(r);
    }
    for (Layer layer : m.layers()) {
      float[] z = new float[rows * width];
      float[] out = new float[rows * width];
      layer.forward(in, z, out, rows);
      double sum = 0;
      double squares = 0;
      for (float v : out) {
        sum += v;
        squares += (double) v * v;
      }
      double mean = sum / out.length;
      double variance = squares / out.length - mean * mean;
      assertThat(mean).as("mean after %s", layer.name()).isCloseTo(0, within(0.15));
      assertThat(variance).as("variance after %s", layer.name()).isCloseTo(1, within(0.25));
      in = out;
    }
  }

  private static double gaussian(SplittableRandom r) {
    // Box–Muller from two uniforms in (0, 1]
    double u = 1 - r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** The piecewise-linear ones describe themselves exactly as their kernels compute. */
  @ParameterizedTest
  @EnumSource(
      value = Reference.class,
      names = {"HARD_SIGMOID", "HARD_TANH", "HARD_TANH_SHIFTED", "RELU6"})
  void piecewiseLinearDescriptionsMatchForwardAndPlaceTheKinks(Reference ref) {
    Activation a = create(ref, 2);
    PiecewiseLinear p = a.piecewiseLinear(1).orElseThrow();
    assertThat(p.breakpoints()).containsExactly(ref.kinks);
    SplittableRandom r = new SplittableRandom(3);
    float[] x = new float[2000];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (r.nextDouble() * 20 - 10);
    }
    System.arraycopy(new float[] {-3f, 3f, -1f, 1f, 6f, 0f, -0.5f, 2f}, 0, x, 0, 8);
    float[] y = new float[x.length];
    a.forward(x, y, x.length / 2);
    for (int i = 0; i < x.length; i++) {
      float want = (float) p.apply(x[i]);
      assertThat(y[i]).as("%s(%s)", ref.spec, x[i]).isCloseTo(want, within(2 * Math.ulp(want)));
    }
  }
}
