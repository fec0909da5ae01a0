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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The matrix kernels against double-precision products, and the vector kernels against the scalar
 * ones bit for bit where the contract fixes the order of the fma chain.
 *
 * <p>Error bound: a sum of k terms accumulated one rounding at a time (an fma chain, or any
 * reassociation of it into partial sums) has an error of at most k·u times the sum of the
 * magnitudes of the start value and the terms (Higham, Accuracy and Stability of Numerical
 * Algorithms, §3.1: γ_k = k·u/(1−k·u)), u = 2^−24. The tests allow (k+1)·u·Σ|·|, the +1 for
 * γ's second-order term and the final rounding. A wrong index, a dropped or doubled term, or a
 * missing bias is orders of magnitude larger.
 */
class MatrixKernelsTest {

  /** (m, k, n): batch, inputs, outputs. */
  static final int[][] SHAPES = {
    {1, 1, 1}, {32, 1, 30}, {32, 30, 1}, {7, 13, 9}, {33, 17, 19}, {64, 100, 37}, {1, 5, 48},
    {6, 1, 1}, {4, 2, 100}, {3, 17, 33}, {5, 40, 16}, {2, 20, 10}, {9, 300, 50}, {17, 8, 8},
    {2, 3, 65}, {31, 64, 7}, {300, 5, 20}, {260, 3, 1}, {3, 2, 1100}, {2, 1200, 1}
  };

  static Stream<Arguments> kernelsAndShapes() {
    return Stream.of("scalar", "vector")
        .flatMap(k -> Stream.of(SHAPES).map(s -> Arguments.of(k, s[0], s[1], s[2])));
  }

  /** Values of varied magnitude and both signs, zeros among them. */
  static float[] values(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      double magnitude = Math.pow(2, r.nextInt(-8, 8));
      x[i] = r.nextInt(17) == 0 ? 0f : (float) (r.nextDouble(-1, 1) * magnitude);
    }
    return x;
  }

  private static void within(
      Mismatches mm, int index, float got, double want, double scale, int terms) {
    double bound = (terms + 1) * U * scale;
    if (!(Math.abs(got - want) <= bound)) {
      mm.add("[" + index + "] " + got + " vs " + want + " ± " + bound);
    }
  }

  private static void check(List<String> failures, Mismatches m) {
    if (!m.none()) {
      failures.add(m.toString());
    }
  }

  @ParameterizedTest
  @MethodSource("kernelsAndShapes")
  void matmulBiasMatchesTheProduct(String kernels, int m, int k, int n) {
    KernelSet ks = kernels(kernels);
    float[] a = values(m * k, 1);
    float[] b = values(k * n, 2);
    float[] bias = values(n, 3);
    List<String> failures = new ArrayList<>();
    for (float[] bi : new float[][] {bias, null}) {
      float[] out = values(m * n, 4);
      ks.matrix().matmulBias(a, b, bi, out, m, k, n);
      Mismatches mm = new Mismatches(ks.name() + " matmulBias bias=" + (bi != null));
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double s = bi == null ? 0 : bi[j];
          double scale = Math.abs(s);
          for (int p = 0; p < k; p++) {
            s += (double) a[i * k + p] * b[p * n + j];
            scale += Math.abs((double) a[i * k + p] * b[p * n + j]);
          }
          within(mm, i * n + j, out[i * n + j], s, scale, k);
        }
      }
      check(failures, mm);
      if (ks.isVector()) {
        float[] want = new float[m * n];
        Kernels.scalar().matrix().matmulBias(a, b, bi, want, m, k, n);
        check(failures, identical("matmulBias vector vs scalar", want, out));
      }
    }
    assertThat(failures).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("kernelsAndShapes")
  void aRowAloneGivesTheSameBitsAsInABatch(String kernels, int m, int k, int n) {
    KernelSet ks = kernels(kernels);
    float[] a = values(m * k, 5);
    float[] b = values(k * n, 6);
    float[] bias = values(n, 7);
    float[] batch = new float[m * n];
    ks.matrix().matmulBias(a, b, bias, batch, m, k, n);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      float[] row = new float[k];
      System.arraycopy(a, i * k, row, 0, k);
      float[] alone = new float[n];
      ks.matrix().matmulBias(row, b, bias, alone, 1, k, n);
      float[] inBatch = new float[n];
      System.arraycopy(batch, i * n, inBatch, 0, n);
      check(failures, identical(ks.name() + " row " + i, inBatch, alone));
    }
    assertThat(failures).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("kernelsAndShapes")
  void accumulateTransposedProductAddsTheWeightGradient(String kernels, int m, int k, int n) {
    KernelSet ks = kernels(kernels);
    float[] a = values(m * k, 8);
    float[] d = values(m * n, 9);
    float[] c0 = values(k * n, 10);
    float[] c = c0.clone();
    ks.matrix().accumulateTransposedProduct(a, d, c, m, k, n);
    List<String> failures = new ArrayList<>();
    Mismatches mm = new Mismatches(ks.name() + " accumulateTransposedProduct");
    for (int p = 0; p < k; p++) {
      for (int j = 0; j < n; j++) {
        double s = c0[p * n + j];
        double scale = Math.abs(s);
        for (int i = 0; i < m; i++) {
          s += (double) a[i * k + p] * d[i * n + j];
          scale += Math.abs((double) a[i * k + p] * d[i * n + j]);
        }
        within(mm, p * n + j, c[p * n + j], s, scale, m);
      }
    }
    check(failures, mm);
    if (ks.isVector()) {
      float[] want = c0.clone();
      Kernels.scalar().matrix().accumulateTransposedProduct(a, d, want, m, k, n);
      check(failures, identical("accumulateTransposedProduct vector vs scalar", want, c));
    }
    assertThat(failures).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("kernelsAndShapes")
  void matmulTransposedGivesTheInputGradient(String kernels, int m, int k, int n) {
    KernelSet ks = kernels(kernels);
    float[] d = values(m * n, 11);
    float[] b = values(k * n, 12);
    float[] out = values(m * k, 13);
    float[] bt = values(n * k, 16);
    ks.matrix().matmulTransposed(d, b, bt, out, m, n, k);
    for (int p = 0; p < k; p++) {
      for (int j = 0; j < n; j++) {
        assertThat(bt[j * k + p]).isEqualTo(b[p * n + j]);
      }
    }
    Mismatches mm = new Mismatches(ks.name() + " matmulTransposed");
    for (int i = 0; i < m; i++) {
      for (int p = 0; p < k; p++) {
        double s = 0;
        double scale = 0;
        for (int j = 0; j < n; j++) {
          s += (double) d[i * n + j] * b[p * n + j];
          scale += Math.abs((double) d[i * n + j] * b[p * n + j]);
        }
        within(mm, i * k + p, out[i * k + p], s, scale, n);
      }
    }
    assertThat(mm.none()).as("%s", mm).isTrue();
    if (ks.isVector()) {
      float[] want = new float[m * k];
      Kernels.scalar().matrix().matmulTransposed(d, b, new float[n * k], want, m, n, k);
      List<String> failures = new ArrayList<>();
      check(failures, identical("matmulTransposed vector vs scalar", want, out));
      assertThat(failures).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("kernelsAndShapes")
  void accumulateColumnSumsAddsTheBiasGradient(String kernels, int m, int k, int n) {
    KernelSet ks = kernels(kernels);
    float[] d = values(m * n, 14);
    float[] s0 = values(n, 15);
    float[] sums = s0.clone();
    ks.matrix().accumulateColumnSums(d, sums, m, n);
    Mismatches mm = new Mismatches(ks.name() + " accumulateColumnSums");
    for (int j = 0; j < n; j++) {
      double s = s0[j];
      double scale = Math.abs(s);
      for (int i = 0; i < m; i++) {
        s += d[i * n + j];
        scale += Math.abs(d[i * n + j]);
      }
      within(mm, j, sums[j], s, scale, m);
    }
    assertThat(mm.none()).as("%s", mm).isTrue();
  }

  @Test
  void nonFiniteValuesFollowTheSameChainOnBothPaths() {
    KernelSet v = kernels("vector");
    int m = 9;
    int k = 21;
    int n = 35;
    float[] a = values(m * k, 16);
    float[] b = values(k * n, 17);
    a[5] = Float.NaN;
    a[40] = Float.POSITIVE_INFINITY;
    b[77] = Float.NEGATIVE_INFINITY;
    b[100] = Float.MAX_VALUE;
    b[101] = Float.MAX_VALUE;
    a[3 * k + 7] = Float.MAX_VALUE;
    float[] want = new float[m * n];
    float[] got = new float[m * n];
    Kernels.scalar().matrix().matmulBias(a, b, null, want, m, k, n);
    v.matrix().matmulBias(a, b, null, got, m, k, n);
    List<String> failures = new ArrayList<>();
    check(failures, identical("matmulBias with non-finite values", want, got));
    float[] d = values(m * n, 18);
    d[50] = Float.NaN;
    float[] cw = values(k * n, 19);
    float[] cg = cw.clone();
    Kernels.scalar().matrix().accumulateTransposedProduct(a, d, cw, m, k, n);
    v.matrix().accumulateTransposedProduct(a, d, cg, m, k, n);
    check(failures, identical("accumulateTransposedProduct with non-finite values", cw, cg));
    assertThat(failures).isEmpty();
  }

  @Test
  void theLargeLayerGivesTheScalarBits() {
    KernelSet v = kernels("vector");
    int m = 256;
    int k = 784;
    int n = 512;
    float[] a = values(m * k, 20);
    float[] b = values(k * n, 21);
    float[] bias = values(n, 22);
    float[] want = new float[m * n];
    float[] got = new float[m * n];
    Kernels.scalar().matrix().matmulBias(a, b, bias, want, m, k, n);
    v.matrix().matmulBias(a, b, bias, got, m, k, n);
    List<String> failures = new ArrayList<>();
    check(failures, identical("matmulBias 256x784x512", want, got));
    float[] d = values(m * n, 23);
    float[] cw = new float[k * n];
    float[] cg = new float[k * n];
    Kernels.scalar().matrix().accumulateTransposedProduct(a, d, cw, m, k, n);
    v.matrix().accumulateTransposedProduct(a, d, cg, m, k, n);
    check(failures, identical("accumulateTransposedProduct 256x784x512", cw, cg));
    float[] xw = new float[m * k];
    float[] xg = new float[m * k];
    Kernels.scalar().matrix().matmulTransposed(d, b, new float[n * k], xw, m, n, k);
    v.matrix().matmulTransposed(d, b, new float[n * k], xg, m, n, k);
    check(failures, identical("matmulTransposed 256x512x784", xw, xg));
    assertThat(failures).isEmpty();
  }
}
