package dev.rectifier.internal.kernels.panama;

import static dev.rectifier.internal.kernels.panama.VectorMath.F;
import static dev.rectifier.internal.kernels.panama.VectorMath.L;

import dev.rectifier.internal.kernels.MatrixKernels;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The vector matrix kernels.
 *
 * <p>{@link #matmulBias}, {@link #accumulateTransposedProduct} and {@link #matmulTransposed} (a
 * product with the transposed weights) run on one register-blocked kernel, {@link #block}: 4
 * rows × 3 vectors of accumulators, the summed index innermost, each step a broadcast of one
 * element of the left matrix times one row segment of the right. Every output element is thus the
 * same fma chain, in the same order, as in the scalar kernels, and the results are bit-identical;
 * the blocking only decides which elements share a pass. The summed dimension is cut into chunks
 * of {@link #KC} so that a pass's segment of the right matrix stays in L1; between chunks the
 * chain continues from the stored float, which changes nothing.
 *
 * <p>No masked loads: a row of n ≥ L columns is covered by vectors at 0, L, 2L, … and a last one
 * ending at n, which may overlap the one before it; a pass of fewer than 3 vectors repeats its
 * last one. Both are harmless because a block loads all its accumulators before its first store
 * and stores them after its last step: an element computed twice in one block is computed from
 * the same start, the same way, and stored twice with the same value. The last two column vectors
 * of a row always share a block. Rows left over after the blocks of 4 go through a one-row kernel.
 *
 * <p>Narrow outputs (fewer than L columns) take scalar fma chains, eight rows at a time.
 */
final class PanamaMatrixKernels implements MatrixKernels {

  /** The summed dimension is processed in chunks of this many steps. */
  static final int KC = 256;

  private static final int INIT_ZERO = 0;
  private static final int INIT_BIAS = 1;
  private static final int INIT_OUT = 2;

  /** Start values for chains that start from 0. */
  private static final float[] ZEROS = new float[1024];

  @Override
  public void matmulBias(float[] a, float[] b, float[] bias, float[] out, int m, int k, int n) {
    gemm(a, k, 1, b, n, bias, bias == null ? INIT_ZERO : INIT_BIAS, out, m, k, n);
  }

  @Override
  public void accumulateTransposedProduct(float[] a, float[] d, float[] c, int m, int k, int n) {
    if (n == 1) {
      // c (a row of k) += d (a row of m) · a (m × k): rows of a are contiguous along p.
      gemm(d, m, 1, a, k, null, INIT_OUT, c, 1, m, k);
    } else {
      // c (k × n) += aᵀ (k × m, a column of a per row) · d (m × n).
      gemm(a, 1, k, d, n, null, INIT_OUT, c, k, m, n);
    }
  }

  @Override
  public void matmulTransposed(float[] d, float[] b, float[] bt, float[] out, int m, int n, int k) {
    MatrixKernels.transpose(b, bt, k, n);
    matmulBias(d, bt, null, out, m, n, k);
  }

  @Override
  public void accumulateColumnSums(float[] d, float[] sums, int m, int n) {
    if (n == 1) {
      FloatVector acc = FloatVector.broadcast(F, 0f);
      int i = 0;
      for (int bound = F.loopBound(m); i < bound; i += L) {
        acc = acc.add(FloatVector.fromArray(F, d, i));
      }
      float s = VectorMath.sum(acc);
      for (; i < m; i++) {
        s += d[i];
      }
      sums[0] += s;
      return;
    }
    if (n < L) {
      for (int i = 0; i < m; i++) {
        int di = i * n;
        for (int j = 0; j < n; j++) {
          sums[j] += d[di + j];
        }
      }
      return;
    }
    // Each sum continues its scalar chain (rows in order, from the stored value): bit-identical.
    int nv = (n + L - 1) / L;
    int first = firstPassWidth(nv);
    for (int v = 0; v < nv; v = v == 0 ? first : v + 3) {
      int w = v == 0 ? first : 3;
      int j0 = column(v, n);
      int j1 = column(v + Math.min(1, w - 1), n);
      int j2 = column(v + w - 1, n);
      FloatVector s0 = FloatVector.fromArray(F, sums, j0);
      FloatVector s1 = FloatVector.fromArray(F, sums, j1);
      FloatVector s2 = FloatVector.fromArray(F, sums, j2);
      for (int i = 0, di = 0; i < m; i++, di += n) {
        s0 = s0.add(FloatVector.fromArray(F, d, di + j0));
        s1 = s1.add(FloatVector.fromArray(F, d, di + j1));
        s2 = s2.add(FloatVector.fromArray(F, d, di + j2));
      }
      s0.intoArray(sums, j0);
      s1.intoArray(sums, j1);
      s2.intoArray(sums, j2);
    }
  }

  /**
   * Column vectors go in passes of 3 counted from the end, so that the last two (which may
   * overlap) share a pass; the first pass takes the 1 or 2 left over and repeats its last vector.
   *
   * @return how many vectors the first pass covers
   */
  private static int firstPassWidth(int nv) {
    return nv % 3 == 0 ? 3 : nv % 3;
  }

  /** The start column of vector v of a row of n ≥ L columns: the last one ends at n. */
  private static int column(int v, int n) {
    return Math.min(v * L, n - L);
  }

  /**
   * out(i, j) = init(i, j) followed by the fma chain over p of A(i, p)·B(p, j), for an M × N
   * output with row stride N. A(i, p) is at a[i·ars + p·acs], B(p, j) at b[p·brs + j]. init is 0,
   * bias[j] or the current out(i, j).
   */
  private static void gemm(
      float[] a, int ars, int acs, float[] b, int brs, float[] bias, int init, float[] out, int mm,
      int kk, int nn) {
    if (mm == 0 || nn == 0) {
      return;
    }
    if (nn < L) {
      gemmNarrow(a, ars, acs, b, brs, bias, init, out, mm, kk, nn);
      return;
    }
    // Where each chain starts: src[s + j] for the row based at s, s being 0 (bias or zeros, shared
    // by all rows) or the row's base in out. Chains past the first chunk continue from out.
    float[] src = out;
    int rowStride = nn;
    if (init != INIT_OUT) {
      rowStride = 0;
      if (init == INIT_BIAS) {
        src = bias;
      } else if (nn <= ZEROS.length) {
        src = ZEROS;
      } else {
        Arrays.fill(out, 0, mm * nn, 0f);
        src = out;
        rowStride = nn;
      }
    }
    int nv = (nn + L - 1) / L;
    int first = firstPassWidth(nv);
    for (int v = 0; v < nv; v = v == 0 ? first : v + 3) {
      int w = v == 0 ? first : 3;
      int j0 = column(v, nn);
      int j1 = column(v + Math.min(1, w - 1), nn);
      int j2 = column(v + w - 1, nn);
      int p0 = 0;
      do {
        int p1 = Math.min(kk, p0 + KC);
        float[] from = p0 == 0 ? src : out;
        int fs = p0 == 0 ? rowStride : nn;
        int i = 0;
        for (; i + 4 <= mm; i += 4) {
          block(
              a, i * ars, acs, ars, b, brs, p0, p1, j0, j1, j2, from, i * fs, fs, out, i * nn,
              nn);
        }
        for (; i < mm; i++) {
          row(a, i * ars, acs, b, brs, p0, p1, j0, j1, j2, from, i * fs, out, i * nn);
        }
        p0 = p1;
      } while (p0 < kk);
    }
  }

  /**
   * One register block: 4 output rows from o0 (stride os; A's rows from a0, stride ars) ×
   * columns j0, j1, j2, summed over p in [p0, p1), starting from the rows of `from` at f0
   * (stride fs, 0 for a shared start row such as the bias).
   */
  private static void block(
      float[] a, int a0, int acs, int ars, float[] b, int brs, int p0, int p1, int j0, int j1,
      int j2, float[] from, int f0, int fs, float[] out, int o0, int os) {
    int a1 = a0 + ars;
    int a2 = a1 + ars;
    int a3 = a2 + ars;
    int f1 = f0 + fs;
    int f2 = f1 + fs;
    int f3 = f2 + fs;
    FloatVector c00 = FloatVector.fromArray(F, from, f0 + j0);
    FloatVector c01 = FloatVector.fromArray(F, from, f0 + j1);
    FloatVector c02 = FloatVector.fromArray(F, from, f0 + j2);
    FloatVector c10 = FloatVector.fromArray(F, from, f1 + j0);
    FloatVector c11 = FloatVector.fromArray(F, from, f1 + j1);
    FloatVector c12 = FloatVector.fromArray(F, from, f1 + j2);
    FloatVector c20 = FloatVector.fromArray(F, from, f2 + j0);
    FloatVector c21 = FloatVector.fromArray(F, from, f2 + j1);
    FloatVector c22 = FloatVector.fromArray(F, from, f2 + j2);
    FloatVector c30 = FloatVector.fromArray(F, from, f3 + j0);
    FloatVector c31 = FloatVector.fromArray(F, from, f3 + j1);
    FloatVector c32 = FloatVector.fromArray(F, from, f3 + j2);
    for (int p = p0, ap = p0 * acs, bp = p0 * brs; p < p1; p++, ap += acs, bp += brs) {
      FloatVector b0 = FloatVector.fromArray(F, b, bp + j0);
      FloatVector b1 = FloatVector.fromArray(F, b, bp + j1);
      FloatVector b2 = FloatVector.fromArray(F, b, bp + j2);
      FloatVector x = FloatVector.broadcast(F, a[a0 + ap]);
      c00 = x.fma(b0, c00);
      c01 = x.fma(b1, c01);
      c02 = x.fma(b2, c02);
      x = FloatVector.broadcast(F, a[a1 + ap]);
      c10 = x.fma(b0, c10);
      c11 = x.fma(b1, c11);
      c12 = x.fma(b2, c12);
      x = FloatVector.broadcast(F, a[a2 + ap]);
      c20 = x.fma(b0, c20);
      c21 = x.fma(b1, c21);
      c22 = x.fma(b2, c22);
      x = FloatVector.broadcast(F, a[a3 + ap]);
      c30 = x.fma(b0, c30);
      c31 = x.fma(b1, c31);
      c32 = x.fma(b2, c32);
    }
    int o1 = o0 + os;
    int o2 = o1 + os;
    int o3 = o2 + os;
    c00.intoArray(out, o0 + j0);
    c01.intoArray(out, o0 + j1);
    c02.intoArray(out, o0 + j2);
    c10.intoArray(out, o1 + j0);
    c11.intoArray(out, o1 + j1);
    c12.intoArray(out, o1 + j2);
    c20.intoArray(out, o2 + j0);
    c21.intoArray(out, o2 + j1);
    c22.intoArray(out, o2 + j2);
    c30.intoArray(out, o3 + j0);
    c31.intoArray(out, o3 + j1);
    c32.intoArray(out, o3 + j2);
  }

  /** {@link #block} for one row: the rows left over after the blocks of 4. */
  private static void row(
      float[] a, int a0, int acs, float[] b, int brs, int p0, int p1, int j0, int j1, int j2,
      float[] from, int f0, float[] out, int o0) {
    FloatVector c0 = FloatVector.fromArray(F, from, f0 + j0);
    FloatVector c1 = FloatVector.fromArray(F, from, f0 + j1);
    FloatVector c2 = FloatVector.fromArray(F, from, f0 + j2);
    for (int p = p0, ap = a0 + p0 * acs, bp = p0 * brs; p < p1; p++, ap += acs, bp += brs) {
      FloatVector x = FloatVector.broadcast(F, a[ap]);
      c0 = x.fma(FloatVector.fromArray(F, b, bp + j0), c0);
      c1 = x.fma(FloatVector.fromArray(F, b, bp + j1), c1);
      c2 = x.fma(FloatVector.fromArray(F, b, bp + j2), c2);
    }
    c0.intoArray(out, o0 + j0);
    c1.intoArray(out, o0 + j1);
    c2.intoArray(out, o0 + j2);
  }

  /**
   * {@link #gemm} for fewer than L columns: scalar fma chains, eight rows at a time so that eight
   * independent chains keep the FMA units busy. Rows past the end repeat the last one.
   */
  private static void gemmNarrow(
      float[] a, int ars, int acs, float[] b, int brs, float[] bias, int init, float[] out, int mm,
      int kk, int nn) {
    for (int i = 0; i < mm; i += 8) {
      int a0 = i * ars;
      int a1 = Math.min(i + 1, mm - 1) * ars;
      int a2 = Math.min(i + 2, mm - 1) * ars;
      int a3 = Math.min(i + 3, mm - 1) * ars;
      int a4 = Math.min(i + 4, mm - 1) * ars;
      int a5 = Math.min(i + 5, mm - 1) * ars;
      int a6 = Math.min(i + 6, mm - 1) * ars;
      int a7 = Math.min(i + 7, mm - 1) * ars;
      int o0 = i * nn;
      int o1 = Math.min(i + 1, mm - 1) * nn;
      int o2 = Math.min(i + 2, mm - 1) * nn;
      int o3 = Math.min(i + 3, mm - 1) * nn;
      int o4 = Math.min(i + 4, mm - 1) * nn;
      int o5 = Math.min(i + 5, mm - 1) * nn;
      int o6 = Math.min(i + 6, mm - 1) * nn;
      int o7 = Math.min(i + 7, mm - 1) * nn;
      for (int j = 0; j < nn; j++) {
        float s0;
        float s1;
        float s2;
        float s3;
        float s4;
        float s5;
        float s6;
        float s7;
        if (init == INIT_OUT) {
          s0 = out[o0 + j];
          s1 = out[o1 + j];
          s2 = out[o2 + j];
          s3 = out[o3 + j];
          s4 = out[o4 + j];
          s5 = out[o5 + j];
          s6 = out[o6 + j];
          s7 = out[o7 + j];
        } else {
          s0 = init == INIT_BIAS ? bias[j] : 0f;
          s1 = s0;
          s2 = s0;
          s3 = s0;
          s4 = s0;
          s5 = s0;
          s6 = s0;
          s7 = s0;
        }
        for (int p = 0, ap = 0, bp = j; p < kk; p++, ap += acs, bp += brs) {
          float bv = b[bp];
          s0 = Math.fma(a[a0 + ap], bv, s0);
          s1 = Math.fma(a[a1 + ap], bv, s1);
          s2 = Math.fma(a[a2 + ap], bv, s2);
          s3 = Math.fma(a[a3 + ap], bv, s3);
          s4 = Math.fma(a[a4 + ap], bv, s4);
          s5 = Math.fma(a[a5 + ap], bv, s5);
          s6 = Math.fma(a[a6 + ap], bv, s6);
          s7 = Math.fma(a[a7 + ap], bv, s7);
        }
        out[o0 + j] = s0;
        out[o1 + j] = s1;
        out[o2 + j] = s2;
        out[o3 + j] = s3;
        out[o4 + j] = s4;
        out[o5 + j] = s5;
        out[o6 + j] = s6;
        out[o7 + j] = s7;
      }
    }
  }
}
