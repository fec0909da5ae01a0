package dev.rectifier.internal.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kernels that sum give the same bits on their first call, while the JVM still interprets
 * them, as after the JIT has compiled them. (The Vector API's own lane reduction may add in one
 * order when interpreted and another when compiled; a model trained twice in one JVM with one
 * seed would then differ.)
 */
class ReductionDeterminismTest {

  static final int CALLS = 30_000;

  @ParameterizedTest
  @ValueSource(strings = {"scalar", "vector"})
  void sumsDoNotChangeAsTheJitCompilesThem(String name) {
    KernelSet k = TestFloats.kernels(name);
    SplittableRandom r = new SplittableRandom(17);
    int m = 32;
    int n = 67;
    float[] a = new float[m * n];
    float[] b = new float[m * n];
    float[] w = new float[40 * n];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) (r.nextDouble() * 2 - 1);
      b[i] = (float) (r.nextDouble() * 2 - 1);
    }
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (r.nextDouble() * 2 - 1);
    }
    float[] grad = new float[a.length];
    float[] dx = new float[m * 40];
    float[] firstDx = null;
    double firstSq = 0;
    double firstNeg = 0;
    float firstColumn = 0;
    for (int call = 0; call < CALLS; call++) {
      double sq = k.updates().squaredErrorWithGradient(a, b, grad, a.length, 0.5f)
          + k.updates().squaredError(b, a, a.length);
      double neg = k.elementwise().negativeDot(a, b, a.length);
      float[] column = new float[1];
      k.matrix().accumulateColumnSums(a, column, a.length, 1);
      k.matrix().matmulTransposed(a, w, new float[w.length], dx, m, n, 40);
      if (call == 0) {
        firstSq = sq;
        firstNeg = neg;
        firstColumn = column[0];
        firstDx = dx.clone();
      } else {
        assertThat(sq).as("squared error, call %d", call).isEqualTo(firstSq);
        assertThat(neg).as("negativeDot, call %d", call).isEqualTo(firstNeg);
        assertThat(column[0]).as("column sum, call %d", call).isEqualTo(firstColumn);
        if (!Arrays.equals(dx, firstDx)) {
          assertThat(dx).as("matmulTransposed, call %d", call).containsExactly(firstDx);
        }
      }
    }
  }
}
