package dev.rectifier.internal.kernels;

/**
 * Dense-layer matrix kernels on row-major {@code float} arrays.
 *
 * <p>Every output element of {@link #matmulBias}, {@link #accumulateTransposedProduct} and {@link
 * #matmulTransposed} is one chain of fused multiply-adds in increasing index order of the summed
 * dimension. Its value
 * therefore depends only on its own operands, not on the matrix shape, the blocking or the path
 * (scalar or vector): a row predicted alone equals the same row predicted in any batch, bit for
 * bit.
 */
public interface MatrixKernels {

  /**
   * out = a·b + bias: out[i][j] = fma chain over p of a[i][p]·b[p][j], starting from bias[j] (or
   * 0 when bias is null).
   *
   * @param a m × k
   * @param b k × n
   * @param bias n elements, or null
   * @param out m × n; distinct from a and b
   */
  void matmulBias(float[] a, float[] b, float[] bias, float[] out, int m, int k, int n);

  /**
   * c += aᵀ·d, the weight gradient: c[p][j] continues its fma chain over i of a[i][p]·d[i][j].
   *
   * @param a m × k (the layer input)
   * @param d m × n (the gradient at the layer output)
   * @param c k × n, accumulated into
   */
  void accumulateTransposedProduct(float[] a, float[] d, float[] c, int m, int k, int n);

  /**
   * out = d·bᵀ, the input gradient, computed as d·bt after writing bᵀ into bt: out[i][p] is the
   * fma chain over j of d[i][j]·b[p][j], starting from 0, in increasing j, as in {@link
   * #matmulBias}. No horizontal sums, so the result is the same on every path and in every state
   * of the JIT.
   *
   * @param d m × n
   * @param b k × n (the layer weights)
   * @param bt scratch of at least n × k elements; receives bᵀ
   * @param out m × k; overwritten; distinct from d, b and bt
   */
  void matmulTransposed(float[] d, float[] b, float[] bt, float[] out, int m, int n, int k);

  /**
   * sums[j] += Σ_i d[i][j], the bias gradient.
   *
   * @param d m × n
   * @param sums n elements, accumulated into
   */
  void accumulateColumnSums(float[] d, float[] sums, int m, int n);

  /**
   * out = aᵀ: out[j][i] = a[i][j], in tiles that keep both sides in cache.
   *
   * @param a rows × cols
   * @param out cols × rows; distinct from a
   */
  static void transpose(float[] a, float[] out, int rows, int cols) {
    final int tile = 32;
    for (int i0 = 0; i0 < rows; i0 += tile) {
      int i1 = Math.min(rows, i0 + tile);
      for (int j0 = 0; j0 < cols; j0 += tile) {
        int j1 = Math.min(cols, j0 + tile);
        for (int i = i0; i < i1; i++) {
          int ai = i * cols;
          for (int j = j0; j < j1; j++) {
            out[j * rows + i] = a[ai + j];
          }
        }
      }
    }
  }
}
