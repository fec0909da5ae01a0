package dev.rectifier.internal.kernels;

/**
 * The scalar matrix kernels: loops ordered so that the innermost one runs along contiguous rows
 * (which C2 can auto-vectorize), each output a chain of {@link Math#fma} in the order {@link
 * MatrixKernels} specifies.
 */
final class ScalarMatrixKernels implements MatrixKernels {

  @Override
  public void matmulBias(float[] a, float[] b, float[] bias, float[] out, int m, int k, int n) {
    if (n == 1) {
      matvecBias(a, b, bias == null ? 0f : bias[0], out, m, k);
      return;
    }
    for (int i = 0; i < m; i++) {
      int o = i * n;
      int ai = i * k;
      if (k == 0) {
        if (bias != null) {
          System.arraycopy(bias, 0, out, o, n);
        } else {
          java.util.Arrays.fill(out, o, o + n, 0f);
        }
        continue;
      }
      // The first product starts from the bias (or 0) in the same pass: the same fma as adding
      // it to a copy of the bias, one pass over the row fewer.
      float a0 = a[ai];
      if (bias != null) {
        for (int j = 0; j < n; j++) {
          out[o + j] = Math.fma(a0, b[j], bias[j]);
        }
      } else {
        for (int j = 0; j < n; j++) {
          out[o + j] = Math.fma(a0, b[j], 0f);
        }
      }
      for (int p = 1; p < k; p++) {
        float av = a[ai + p];
        int bp = p * n;
        for (int j = 0; j < n; j++) {
          out[o + j] = Math.fma(av, b[bp + j], out[o + j]);
        }
      }
    }
  }

  /**
   * One output column: each out[i] is its own fma chain over p, four rows at a time so that the
   * chains overlap instead of waiting on one another.
   */
  private static void matvecBias(float[] a, float[] b, float bias, float[] out, int m, int k) {
    int i = 0;
    for (; i + 4 <= m; i += 4) {
      int r0 = i * k;
      int r1 = r0 + k;
      int r2 = r1 + k;
      int r3 = r2 + k;
      float s0 = bias;
      float s1 = bias;
      float s2 = bias;
      float s3 = bias;
      for (int p = 0; p < k; p++) {
        float bp = b[p];
        s0 = Math.fma(a[r0 + p], bp, s0);
        s1 = Math.fma(a[r1 + p], bp, s1);
        s2 = Math.fma(a[r2 + p], bp, s2);
        s3 = Math.fma(a[r3 + p], bp, s3);
      }
      out[i] = s0;
      out[i + 1] = s1;
      out[i + 2] = s2;
      out[i + 3] = s3;
    }
    for (; i < m; i++) {
      int r = i * k;
      float s = bias;
      for (int p = 0; p < k; p++) {
        s = Math.fma(a[r + p], b[p], s);
      }
      out[i] = s;
    }
  }

  @Override
  public void accumulateTransposedProduct(float[] a, float[] d, float[] c, int m, int k, int n) {
    if (n == 1) {
      // c[p] continues its chain over i; the loop over p runs along contiguous memory
      for (int i = 0; i < m; i++) {
        float dv = d[i];
        int ai = i * k;
        for (int p = 0; p < k; p++) {
          c[p] = Math.fma(a[ai + p], dv, c[p]);
        }
      }
      return;
    }
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
  public void matmulTransposed(float[] d, float[] b, float[] bt, float[] out, int m, int n, int k) {
    MatrixKernels.transpose(b, bt, k, n);
    matmulBias(d, bt, null, out, m, n, k);
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
