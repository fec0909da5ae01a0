package dev.rectifier.internal.kernels;

import static dev.rectifier.internal.kernels.TestFloats.U;
import static dev.rectifier.internal.kernels.TestFloats.identical;
import static dev.rectifier.internal.kernels.TestFloats.kernels;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rectifier.internal.kernels.TestFloats.Mismatches;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The optimizer and loss kernels against the same formulas evaluated in double, and the vector
 * kernels against the scalar ones: the optimizers bit for bit (same operations in the same
 * order), the sums within their rounding bounds.
 */
class UpdateKernelsTest {

  static Stream<Arguments> kernelsAndLengths() {
    return TestFloats.kernelsAndLengths();
  }

  static float[] values(int n, long seed, double lo, double hi) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextInt(13) == 0 ? 0f : (float) r.nextDouble(lo, hi);
    }
    return x;
  }

  /**
   * Each step rounds every operation once; over three steps a value ends within a few dozen u of
   * the double result, measured against its own size plus the size of everything added to it.
   */
  private static void near(Mismatches mm, int i, String what, float got, double want,
      double scale) {
    double bound = 32 * U * scale + Float.MIN_NORMAL;
    if (!(Math.abs(got - want) <= bound)) {
      mm.add(what + "[" + i + "] " + got + " vs " + want + " ± " + bound);
    }
  }

  @ParameterizedTest
  @MethodSource("kernelsAndLengths")
  void adamFollowsItsFormulaOverThreeSteps(String kernels, int n) {
    KernelSet ks = kernels(kernels);
    List<String> failures = new ArrayList<>();
    for (boolean keras : new boolean[] {true, false}) {
      for (float wd : new float[] {0f, 0.01f}) {
        float lr = 0.01f;
        float beta1 = 0.9f;
        float beta2 = 0.999f;
        float eps = 1e-7f;
        float decay = lr * wd;
        float[] theta = values(n, n, -2, 2);
        float[] m = new float[n];
        float[] v = new float[n];
        double[] th = new double[n];
        double[] md = new double[n];
        double[] vd = new double[n];
        double[] moved = new double[n];
        for (int i = 0; i < n; i++) {
          th[i] = theta[i];
        }
        float[] st = theta.clone();
        float[] sm = new float[n];
        float[] sv = new float[n];
        for (int t = 1; t <= 3; t++) {
          float[] g = values(n, n * 31L + t, -3, 3);
          double bc1 = 1 - Math.pow(beta1, t);
          double bc2 = 1 - Math.pow(beta2, t);
          float stepSize = (float) (keras ? lr * Math.sqrt(bc2) / bc1 : lr / bc1);
          float sqrtScale = keras ? 1f : (float) (1 / Math.sqrt(bc2));
          ks.updates().adam(theta, g, m, v, n, beta1, beta2, stepSize, sqrtScale, eps, decay);
          Kernels.scalar().updates()
              .adam(st, g, sm, sv, n, beta1, beta2, stepSize, sqrtScale, eps, decay);
          for (int i = 0; i < n; i++) {
            double tt = th[i] - (double) decay * th[i];
            md[i] = md[i] + (1 - (double) beta1) * (g[i] - md[i]);
            vd[i] = vd[i] + (1 - (double) beta2) * ((double) g[i] * g[i] - vd[i]);
            double step = stepSize * md[i] / (Math.sqrt(vd[i]) * sqrtScale + eps);
            moved[i] += Math.abs(step) + Math.abs(decay * th[i]);
            th[i] = tt - step;
          }
        }
        Mismatches mm = new Mismatches(ks.name() + " adam keras=" + keras + " wd=" + wd);
        for (int i = 0; i < n; i++) {
          near(mm, i, "theta", theta[i], th[i], Math.abs(th[i]) + moved[i]);
          near(mm, i, "m", m[i], md[i], 3 * 3);
          near(mm, i, "v", v[i], vd[i], 9 * 3);
        }
        if (!mm.none()) {
          failures.add(mm.toString());
        }
        if (ks.isVector()) {
          Mismatches e = identical("adam theta vector vs scalar", st, theta);
          if (!e.none()) {
            failures.add(e.toString());
          }
          e = identical("adam v vector vs scalar", sv, v);
          if (!e.none()) {
            failures.add(e.toString());
          }
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("kernelsAndLengths")
  void sgdFollowsItsFormulaOverThreeSteps(String kernels, int n) {
    KernelSet ks = kernels(kernels);
    List<String> failures = new ArrayList<>();
    float lr = 0.05f;
    for (float momentum : new float[] {0f, 0.9f}) {
      for (boolean nesterov : new boolean[] {false, true}) {
        for (float decay : new float[] {0f, 0.001f}) {
          float[] theta = values(n, n + 1, -2, 2);
          float[] u = new float[n];
          float[] st = theta.clone();
          float[] su = new float[n];
          double[] th = new double[n];
          double[] ud = new double[n];
          double[] moved = new double[n];
          for (int i = 0; i < n; i++) {
            th[i] = theta[i];
          }
          for (int t = 1; t <= 3; t++) {
            float[] g = values(n, n * 7L + t, -3, 3);
            ks.updates().sgd(theta, g, u, n, lr, momentum, nesterov, decay);
            Kernels.scalar().updates().sgd(st, g, su, n, lr, momentum, nesterov, decay);
            for (int i = 0; i < n; i++) {
              double base = th[i] - (double) decay * th[i];
              double step;
              if (momentum == 0f) {
                step = -(double) lr * g[i];
              } else {
                ud[i] = momentum * ud[i] - (double) lr * g[i];
                step = nesterov ? momentum * ud[i] - (double) lr * g[i] : ud[i];
              }
              moved[i] += Math.abs(step) + Math.abs(decay * th[i]) + Math.abs(ud[i]);
              th[i] = base + step;
            }
          }
          Mismatches mm = new Mismatches(
              ks.name() + " sgd momentum=" + momentum + " nesterov=" + nesterov + " decay="
                  + decay);
          for (int i = 0; i < n; i++) {
            near(mm, i, "theta", theta[i], th[i], Math.abs(th[i]) + moved[i]);
            near(mm, i, "velocity", u[i], ud[i], 3 * 3 * lr);
          }
          if (!mm.none()) {
            failures.add(mm.toString());
          }
          if (ks.isVector()) {
            Mismatches e = identical("sgd vector vs scalar", st, theta);
            if (!e.none()) {
              failures.add(e.toString());
            }
          }
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("kernelsAndLengths")
  void squaredErrorSumsAndGradientsAreAccurate(String kernels, int n) {
    KernelSet ks = kernels(kernels);
    float[] p = values(n, n + 2, -5, 5);
    float[] t = values(n, n + 3, -5, 5);
    float scale = 2f / n;
    double want = 0;
    float[] wantGrad = new float[n];
    for (int i = 0; i < n; i++) {
      float e = p[i] - t[i];
      want += (double) e * e;
      wantGrad[i] = (float) ((double) scale * e);
    }
    // Scalar: exact squares summed in double. Vector: squares fused into float lanes over at
    // most 32 vectors, the lanes (at most 64) added in float, then the blocks in double.
    double bound = ks.isVector() ? (32 + 64 + 2) * U * want : (n + 1) * 0x1p-53 * want;
    float[] grad = new float[n];
    double got = ks.updates().squaredErrorWithGradient(p, t, grad, n, scale);
    assertThat(Math.abs(got - want)).isLessThanOrEqualTo(bound);
    assertThat(Math.abs(ks.updates().squaredError(p, t, n) - want)).isLessThanOrEqualTo(bound);
    Mismatches g = identical(ks.name() + " squared error gradient", wantGrad, grad);
    assertThat(g.none()).as("%s", g).isTrue();
  }

  @ParameterizedTest
  @MethodSource("kernelsAndLengths")
  void adamFlushesMomentsThatDecayIntoTheSubnormalRange(String kernels, int n) {
    KernelSet ks = kernels(kernels);
    float[] theta = values(n, 3, -1, 1);
    float[] before = theta.clone();
    float[] g = new float[n];
    float[] m = new float[n];
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      // with g = 0, m decays by β1 = 0.9 and v by β2 = 0.999: the even ones fall below
      // MIN_NORMAL, the odd ones stay normal
      m[i] = (i % 2 == 0 ? 1.05f : 2f) * Float.MIN_NORMAL;
      v[i] = (i % 2 == 0 ? 1.0005f : 2f) * Float.MIN_NORMAL;
    }
    ks.updates().adam(theta, g, m, v, n, 0.9f, 0.999f, 1e-3f, 1f, 1e-7f, 0f);
    for (int i = 0; i < n; i++) {
      if (i % 2 == 0) {
        assertThat(m[i]).as("m[%d]", i).isZero();
        assertThat(v[i]).as("v[%d]", i).isZero();
      } else {
        assertThat(m[i]).isEqualTo(2f * Float.MIN_NORMAL * 0.9f, org.assertj.core.data.Offset
            .offset(Float.MIN_VALUE * 4));
        assertThat(v[i]).isGreaterThanOrEqualTo(Float.MIN_NORMAL);
      }
      // either way the step is tiny: at most lr·m/ε ≈ 2e-34
      assertThat((double) Math.abs(theta[i] - before[i])).isLessThan(1e-30);
    }
  }
}
