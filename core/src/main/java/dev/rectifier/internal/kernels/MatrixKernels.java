package dev.rectifier.internal.kernels;

/**
 * Dense-layer matrix kernels on row-major {@code float} arrays.
 *
 * <p>Every output element of {@link #matmulBias} and {@link #accumulateTransposedProduct} is one
 * chain of fused multiply-adds in increasing index order of the summed dimension. Its value
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
   * out = d·bᵀ, the input gradient: out[i][p] = Σ_j d[i][j]·b[p][j].
   *
   * @param d m × n
   * @param b k × n (the layer weights)
   * @param out m × k; overwritten; distinct from d and b
   */
  void matmulTransposed(float[] d, float[] b, float[] out, int m, int n, int k);

  /**
   * sums[j] += Σ_i d[i][j], the bias gradient.
   *
   * @param d m × n
   * @param sums n elements, accumulated into
   */
  void accumulateColumnSums(float[] d, float[] sums, int m, int n);
}
