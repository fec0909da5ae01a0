package dev.rectifier.internal.kernels;

/**
 * The scalar matrix kernels: loops ordered so that the innermost one runs along contiguous rows
 * (which C2 can auto-vectorize), each output a chain of {@link Math#fma} in the order {@link
 * MatrixKernels} specifies.
 */
final class ScalarMatrixKernels implements MatrixKernels {

  @Override
  public void matmulBias(float[] a, float[] b, float[] bias, float[] out, int m, int k, int n) {
    for (int i = 0; i < m; i++) {
      int o = i * n;
      if (bias != null) {
        System.arraycopy(bias, 0, out, o, n);
      } else {
        java.util.Arrays.fill(out, o, o + n, 0f);
      }
      int ai = i * k;
      for (int p = 0; p < k; p++) {
        float av = a[ai + p];
        int bp = p * n;
        for (int j = 0; j < n; j++) {
          out[o + j] = Math.fma(av, b[bp + j], out[o + j]);
        }
      }
    }
  }

  @Override
  public void accumulateTransposedProduct(float[] a, float[] d, float[] c, int m, int k, int n) {
    for (int i = 0; i < m; i++) {
      int ai = i * k;
      int di = i * n;
      for (int p = 0; p < k; p++) {
        float av = a[ai + p];
        int cp = p * n;
        for (int j = 0; j < n; j++) {
          c[cp + j] = Math.fma(av, d[di + j], c[cp + j]);
        }
      }
    }
  }

  @Override
  public void matmulTransposed(float[] d, float[] b, float[] out, int m, int n, int k) {
    for (int i = 0; i < m; i++) {
      int di = i * n;
      int o = i * k;
      for (int p = 0; p < k; p++) {
        int bp = p * n;
        float s = 0f;
        for (int j = 0; j < n; j++) {
          s = Math.fma(d[di + j], b[bp + j], s);
        }
        out[o + p] = s;
      }
    }
  }

  @Override
  public void accumulateColumnSums(float[] d, float[] sums, int m, int n) {
    for (int i = 0; i < m; i++) {
      int di = i * n;
      for (int j = 0; j < n; j++) {
        sums[j] += d[di + j];
      }
    }
  }
}
