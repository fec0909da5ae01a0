package org.example.snake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rectifier.Activations;
import dev.rectifier.Dataset;
import dev.rectifier.Datasets;
import dev.rectifier.Dense;
import dev.rectifier.FitOptions;
import dev.rectifier.History;
import dev.rectifier.Parameter;
import dev.rectifier.Sequential;
import dev.rectifier.spi.Activation;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Snake against double-precision formulas, central differences of its own forward pass, and the
 * library: discovery, spec strings and a short training run.
 */
class SnakeTest {

  private static final int UNITS = 7; // not a multiple of any vector width: tails get exercised
  private static final int ROWS = 13;

  /** A snake layer with α drawn per unit from [lo, hi). */
  private static Activation snake(SplittableRandom r, double lo, double hi) {
    Activation a = Activations.create("snake", UNITS);
    float[] alpha = a.parameters().get(0).values();
    for (int u = 0; u < UNITS; u++) {
      alpha[u] = (float) (lo + (hi - lo) * r.nextDouble());
    }
    return a;
  }

  private static float[] uniform(SplittableRandom r, int n, double lo, double hi) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (lo + (hi - lo) * r.nextDouble());
    }
    return v;
  }

  private static double f(double x, double a) {
    double s = Math.sin(a * x);
    return x + s * s / a;
  }

  private static double dfdx(double x, double a) {
    return 1 + Math.sin(2 * a * x);
  }

  private static double dfda(double x, double a) {
    double s = Math.sin(a * x);
    return x * Math.sin(2 * a * x) / a - s * s / (a * a);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void forwardMatchesTheFormulaInDoublePrecision(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Activation a = snake(r, 0.05, 8);
    float[] alpha = a.parameters().get(0).values();
    float[] x = uniform(r, ROWS * UNITS, -20, 20);
    float[] y = new float[x.length];
    a.forward(x, y, ROWS);
    for (int i = 0; i < x.length; i++) {
      double al = alpha[i % UNITS];
      double expected = f(x[i], al);
      // rounding of αx (|x|·2⁻²³ after the chain rule), sin within 4 ulp (≤ 1e-6/α after
      // squaring and dividing), and the last additions
      double tol = Math.abs(x[i]) * 0x1p-23 + 1e-6 / al + 4 * Math.ulp((float) expected);
      assertThat((double) y[i]).as("x=%s, alpha=%s", x[i], al).isCloseTo(expected,
          org.assertj.core.data.Offset.offset(tol));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  void backwardMatchesTheAnalyticDerivatives(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Activation a = snake(r, 0.1, 5);
    Parameter p = a.parameters().get(0);
    float[] x = uniform(r, ROWS * UNITS, -4, 4);
    float[] dy = uniform(r, ROWS * UNITS, -1, 1);
    float[] y = new float[x.length];
    float[] dx = new float[x.length];
    a.forward(x, y, ROWS);
    p.gradients()[0] = 0.5f; // backward adds to what is there
    a.backward(x, y, dy, dx, ROWS);

    double[] expectedG = new double[UNITS];
    double[] scale = new double[UNITS];
    expectedG[0] = 0.5;
    for (int i = 0; i < x.length; i++) {
      int u = i % UNITS;
      double al = p.values()[u];
      double expected = dy[i] * dfdx(x[i], al);
      double tol = Math.abs(dy[i]) * (Math.abs(2 * al * x[i]) * 0x1p-23 + 1e-6) + 1e-7;
      assertThat((double) dx[i]).as("dx at x=%s, alpha=%s", x[i], al)
          .isCloseTo(expected, org.assertj.core.data.Offset.offset(tol));
      expectedG[u] += dy[i] * dfda(x[i], al);
      scale[u] += Math.abs(dy[i]) * (1 + Math.abs(x[i]) + Math.abs(y[i]));
    }
    for (int u = 0; u < UNITS; u++) {
      // the fast path reuses y − x, exact to about one ulp of y, then divides by α
      double tol = scale[u] * 1e-6 / p.values()[u];
      assertThat((double) p.gradients()[u]).as("dL/dalpha of unit %d", u)
          .isCloseTo(expectedG[u], org.assertj.core.data.Offset.offset(tol));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {21, 22, 23})
  void backwardMatchesCentralDifferencesOfForward(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Activation a = snake(r, 0.5, 2);
    Parameter p = a.parameters().get(0);
    float[] x = uniform(r, ROWS * UNITS, -3, 3);
    float[] dy = uniform(r, ROWS * UNITS, -1, 1);
    float[] y = new float[x.length];
    float[] dx = new float[x.length];
    a.forward(x, y, ROWS);
    a.backward(x, y, dy, dx, ROWS);

    float h = 1e-2f;
    float[] xp = x.clone();
    float[] xm = x.clone();
    for (int i = 0; i < x.length; i++) {
      xp[i] += h;
      xm[i] -= h;
    }
    float[] yp = new float[x.length];
    float[] ym = new float[x.length];
    a.forward(xp, yp, ROWS);
    a.forward(xm, ym, ROWS);
    for (int i = 0; i < x.length; i++) {
      double numeric = dy[i] * (yp[i] - (double) ym[i]) / (xp[i] - (double) xm[i]);
      // truncation h²/6·|f'''| ≤ h²/6·4α², rounding ~ulp(y)/h
      assertThat((double) dx[i]).isCloseTo(numeric, org.assertj.core.data.Offset.offset(2e-3));
    }

    float[] g = p.gradients().clone();
    for (int u = 0; u < UNITS; u++) {
      float saved = p.values()[u];
      p.values()[u] = saved + h;
      a.forward(x, yp, ROWS);
      p.values()[u] = saved - h;
      a.forward(x, ym, ROWS);
      p.values()[u] = saved;
      double numeric = 0;
      for (int i = u; i < x.length; i += UNITS) {
        numeric += dy[i] * (yp[i] - (double) ym[i]) / (2.0 * h);
      }
      assertThat((double) g[u]).as("dL/dalpha of unit %d", u)
          .isCloseTo(numeric, org.assertj.core.data.Offset.offset(1e-2));
    }
  }

  @Test
  void alphaAtOrNearZeroTakesTheLimits() {
    Activation a = Activations.create("snake", 3);
    Parameter p = a.parameters().get(0);
    p.values()[0] = 0f;
    p.values()[1] = 1e-6f;
    p.values()[2] = -1e-5f;
    float[] x = {1.5f, -2f, 3f, -0.5f, 0.25f, 2f};
    float[] dy = {1f, 1f, 1f, 0.5f, -1f, 2f};
    float[] y = new float[6];
    float[] dx = new float[6];
    a.forward(x, y, 2);
    a.backward(x, y, dy, dx, 2);
    for (int i = 0; i < 6; i++) {
      assertThat(y[i]).isFinite();
      assertThat(dx[i]).isFinite();
    }
    assertThat(y[0]).isEqualTo(1.5f); // f(x) = x at α = 0
    assertThat(y[3]).isEqualTo(-0.5f);
    assertThat(dx[0]).isEqualTo(1f); // ∂f/∂x = 1 at α = 0
    // ∂f/∂α → x² as α → 0
    assertThat(p.gradients()[0]).isCloseTo(1f * 1.5f * 1.5f + 0.5f * 0.25f,
        org.assertj.core.data.Offset.offset(1e-6f));
    double expected1 = 1 * dfda(-2, 1e-6f) + -1 * dfda(0.25, 1e-6f);
    assertThat((double) p.gradients()[1]).isCloseTo(expected1,
        org.assertj.core.data.Offset.offset(1e-5));
    double expected2 = 1 * dfda(3, -1e-5f) + 2 * dfda(2, -1e-5f);
    assertThat((double) p.gradients()[2]).isCloseTo(expected2,
        org.assertj.core.data.Offset.offset(1e-4));
  }

  @Test
  void nanGivesNanAndInfinitiesGiveTheirLimits() {
    Activation a = Activations.create("snake(alpha=0.7)", 4);
    float[] x = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f};
    float[] y = new float[4];
    a.forward(x, y, 1);
    assertThat(y[0]).isNaN();
    assertThat(y[1]).isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(y[2]).isEqualTo(Float.NEGATIVE_INFINITY);
    assertThat(y[3]).isEqualTo(0f);
    float[] dx = new float[4];
    a.backward(x, y, new float[] {1, 0, 0, 1}, dx, 1);
    assertThat(dx[0]).isNaN();
    assertThat(dx[3]).isEqualTo(1f);
  }

  @Test
  void forwardKeepsNoStateBetweenCalls() throws Exception {
    SplittableRandom r = new SplittableRandom(31);
    Activation a = snake(r, 0.2, 3);
    int rows = 257;
    float[][] inputs = new float[8][];
    float[][] expected = new float[8][];
    for (int k = 0; k < inputs.length; k++) {
      inputs[k] = uniform(r, rows * UNITS, -5, 5);
      expected[k] = new float[rows * UNITS];
      a.forward(inputs[k], expected[k], rows);
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Future<?>[] done = new Future<?>[inputs.length];
      float[][] got = new float[inputs.length][rows * UNITS];
      for (int k = 0; k < inputs.length; k++) {
        int kk = k;
        done[k] = pool.submit(() -> {
          for (int rep = 0; rep < 50; rep++) {
            a.forward(inputs[kk], got[kk], rows);
          }
        });
      }
      for (int k = 0; k < inputs.length; k++) {
        done[k].get();
        assertThat(got[k]).containsExactly(expected[k]);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void isFoundByServiceLoaderAndRoundTripsItsSpec() {
    assertThat(Activations.names()).contains("snake");
    Activation a = Activations.create("Snake(alpha=0.5)", 3);
    assertThat(a.name()).isEqualTo("snake");
    assertThat(a.units()).isEqualTo(3);
    assertThat(a.toString()).isEqualTo("snake(alpha=0.5)");
    assertThat(Activations.create(a.toString(), 3).hyperParameters())
        .isEqualTo(a.hyperParameters());
    assertThat(Activations.create("snake", 3).toString()).isEqualTo("snake(alpha=1)");
    assertThat(a.parameters()).singleElement().satisfies(p -> {
      assertThat(p.name()).isEqualTo("alpha");
      assertThat(p.rows()).isEqualTo(1);
      assertThat(p.cols()).isEqualTo(3);
      assertThat(p.values()).containsOnly(0.5f);
    });
    assertThat(Activations.create("snake", Map.of("alpha", 2.0), 2).parameters().get(0).values())
        .containsOnly(2f);
  }

  @Test
  void rejectsAnAlphaOutsideItsRange() {
    assertThatThrownBy(() -> Activations.create("snake(alpha=0)", 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("alpha")
        .hasMessageContaining("snake");
    assertThatThrownBy(() -> Activations.create("snake(beta=1)", 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("beta");
  }

  @Test
  void trainingMovesAlphaAndLowersTheLoss() {
    Dataset d = Datasets.noisyCosine(64, 0.05, 3);
    Dense hidden = new Dense(8, "snake");
    Sequential model =
        new Sequential(1, 3).add(hidden).add(new Dense(1)).compile("adam(learning_rate=0.01)",
            "mse");
    double before = model.evaluate(d.x(), d.y());
    History h = model.fit(d.x(), d.y(), new FitOptions().epochs(40).batchSize(16));
    float[] alpha = hidden.activation().parameters().get(0).values();
    assertThat(model.parameters()).contains(hidden.activation().parameters().get(0));
    assertThat(alpha).doesNotContain(1f);
    assertThat(h.finalLoss()).isLessThan(before);
    assertThat(model.evaluate(d.x(), d.y())).isLessThan(before);
  }

  @Test
  void aModelWithSnakeSavesAndLoadsByNameWithItsLearnedAlpha() throws Exception {
    Dataset d = Datasets.noisyCosine(64, 0.05, 4);
    Sequential model =
        new Sequential(1, 4).add(new Dense(8, "snake(alpha=0.5)")).add(new Dense(1))
            .compile("adam(learning_rate=0.01)", "mse");
    model.fit(d.x(), d.y(), new FitOptions().epochs(10).batchSize(16));
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    model.save(out);
    Sequential loaded = Sequential.load(new java.io.ByteArrayInputStream(out.toByteArray()));
    Dense hidden = (Dense) loaded.layers().get(0);
    assertThat(hidden.activation().toString()).isEqualTo("snake(alpha=0.5)");
    assertThat(hidden.activation().parameters().get(0).values())
        .containsExactly(((Dense) model.layers().get(0)).activation().parameters().get(0).values());
    float[][] p = model.predict(d.x());
    float[][] q = loaded.predict(d.x());
    for (int i = 0; i < p.length; i++) {
      assertThat(q[i]).containsExactly(p[i]);
    }
  }
}
