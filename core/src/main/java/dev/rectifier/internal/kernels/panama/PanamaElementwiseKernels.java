package dev.rectifier.internal.kernels.panama;

import static dev.rectifier.internal.kernels.panama.VectorMath.FOLD_1;
import static dev.rectifier.internal.kernels.panama.VectorMath.FOLD_16;
import static dev.rectifier.internal.kernels.panama.VectorMath.FOLD_2;
import static dev.rectifier.internal.kernels.panama.VectorMath.FOLD_32;
import static dev.rectifier.internal.kernels.panama.VectorMath.FOLD_4;
import static dev.rectifier.internal.kernels.panama.VectorMath.FOLD_8;
import static dev.rectifier.internal.kernels.panama.VectorMath.F;
import static dev.rectifier.internal.kernels.panama.VectorMath.L;

import dev.rectifier.internal.kernels.ElementwiseKernels;
import dev.rectifier.internal.kernels.ScalarFunctions;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * The vector elementwise kernels: a loop over whole vectors, then a scalar tail that computes what
 * the scalar kernels compute. PReLU instead ends each row of units with a vector that overlaps the
 * one before it (its input and output are distinct arrays, so the shared lanes are written twice
 * with the same values).
 *
 * <p>The relu family, relu6, hard_tanh and hard_sigmoid are bit-for-bit equal to the scalar
 * kernels, NaN and signed zeros included; so are the backward passes of sigmoid, tanh, elu and
 * selu (same operations in the same order, no fused multiply-add the scalar code does not use).
 * The transcendental functions come from {@link VectorMath}, within 4 ulp (2 measured over all
 * floats for the primitives; up to 4 measured for gelu, silu and mish). Every kernel whose body
 * would call a helper that takes or returns a vector has its loop in {@link VectorMath}, for the
 * reason given there; softplus takes its scalar loop for a beta outside [2^−32, 2^29] (forward)
 * or below 2^−32 (backward), and per-unit SiLU a vector's scalar formulas where it holds an |x|
 * above 2^34 (forward) or where |βx| &gt; 160 meets |x| &gt; 2^38 (backward; see VectorMath.silu
 * and siluBackward). PReLU's
 * slope gradient keeps the scalar order and so the scalar bits; {@link #negativeDot} is accumulated in float lanes and
 * may differ from the scalar sum by rounding.
 */
final class PanamaElementwiseKernels implements ElementwiseKernels {

  /**
   * Vectors summed per float lane before the lanes are added into a double: the rounding error of
   * a sum stays below (SUM_BLOCK + L)·2^−24 times the sum of the magnitudes of its terms.
   */
  static final int SUM_BLOCK = 32;

  @Override
  public void reluForward(float[] x, float[] y, int n) {
    int i = 0;
    for (int bound = F.loopBound(n); i < bound; i += L) {
      FloatVector v = FloatVector.fromArray(F, x, i);
      v.blend(0f, v.compare(VectorOperators.LE, 0f)).intoArray(y, i);
    }
    for (; i < n; i++) {
      y[i] = Math.max(0f, x[i]);
    }
  }

  @Override
  public void reluBackward(float[] x, float[] dy, float[] dx, int n) {
    int i = 0;
    for (int bound = F.loopBound(n); i < bound; i += L) {
      FloatVector v = FloatVector.fromArray(F, x, i);
      FloatVector g = FloatVector.fromArray(F, dy, i);
      // x > 0: dy; x ≤ 0: 0; NaN: x. Constants as scalars: see PanamaUpdateKernels.adam.
      v.blend(0f, v.compare(VectorOperators.LE, 0f))
          .blend(g, v.compare(VectorOperators.GT, 0f))
          .intoArray(dx, i);
    }
    for (; i < n; i++) {
      float v = x[i];
      dx[i] = v > 0 ? dy[i] : (v <= 0 ? 0f : v);
    }
  }

  @Override
  public void leakyReluForward(float[] x, float[] y, int n, float alpha) {
    int i = 0;
    for (int bound = F.loopBound(n); i < bound; i += L) {
      FloatVector v = FloatVector.fromArray(F, x, i);
      v.mul(alpha).blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(y, i);
    }
    for (; i < n; i++) {
      float v = x[i];
      y[i] = v > 0 ? v : alpha * v;
    }
  }

  @Override
  public void leakyReluBackward(float[] x, float[] dy, float[] dx, int n, float alpha) {
    int i = 0;
    for (int bound = F.loopBound(n); i < bound; i += L) {
      FloatVector v = FloatVector.fromArray(F, x, i);
      FloatVector g = FloatVector.fromArray(F, dy, i);
      v.blend(g.mul(alpha), v.compare(VectorOperators.LE, 0f))
          .blend(g, v.compare(VectorOperators.GT, 0f))
          .intoArray(dx, i);
    }
    for (; i < n; i++) {
      float v = x[i];
      dx[i] = v > 0 ? dy[i] : (v <= 0 ? alpha * dy[i] : v);
    }
  }

  @Override
  public double negativeDot(float[] x, float[] dy, int n) {
    double sum = 0;
    int i = 0;
    int bound = F.loopBound(n);
    while (i < bound) {
      int end = Math.min(bound, i + SUM_BLOCK * L);
      FloatVector acc = FloatVector.zero(F);
      for (; i < end; i += L) {
        FloatVector v = FloatVector.fromArray(F, x, i);
        FloatVector g = FloatVector.fromArray(F, dy, i);
        // v·g added where v ≤ 0 (not where v is NaN); acc is never −0, so a lane left out is
        // the lane plus 0
        acc = acc.add(v.mul(g), v.compare(VectorOperators.LE, 0f));
      }
      // the lanes' sum in VectorMath.sum's fixed order, written out (this method is small
      // enough to be inlined into its caller, where a helper might not be: see VectorMath)
      FloatVector s = acc;
      s = FOLD_32 == null ? s : s.add(s.rearrange(FOLD_32));
      s = FOLD_16 == null ? s : s.add(s.rearrange(FOLD_16));
      s = FOLD_8 == null ? s : s.add(s.rearrange(FOLD_8));
      s = FOLD_4 == null ? s : s.add(s.rearrange(FOLD_4));
      s = FOLD_2 == null ? s : s.add(s.rearrange(FOLD_2));
      sum += s.add(s.rearrange(FOLD_1)).lane(0);
    }
    for (; i < n; i++) {
      float v = x[i];
      if (v <= 0) {
        sum += (double) v * dy[i];
      }
    }
    return sum;
  }

  @Override
  public void preluForward(float[] x, float[] y, int rows, int units, float[] alpha) {
    if (units < L) {
      for (int r = 0, o = 0; r < rows; r++, o += units) {
        for (int u = 0; u < units; u++) {
          float v = x[o + u];
          y[o + u] = v > 0 ? v : alpha[u] * v;
        }
      }
      return;
    }
    // Blocks of L units; the last block ends at `units` and may overlap the one before it. y is
    // not x, so writing an element twice writes the same value twice.
    for (int r = 0, o = 0; r < rows; r++, o += units) {
      for (int u = 0; u < units; u += L) {
        int start = Math.min(u, units - L);
        FloatVector v = FloatVector.fromArray(F, x, o + start);
        FloatVector a = FloatVector.fromArray(F, alpha, start);
        v.mul(a).blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(y, o + start);
      }
    }
  }

  @Override
  public void preluBackward(
      float[] x, float[] dy, float[] dx, int rows, int units, float[] alpha, float[] alphaGrad) {
    if (units < L) {
      for (int r = 0, o = 0; r < rows; r++, o += units) {
        for (int u = 0; u < units; u++) {
          float v = x[o + u];
          float g = dy[o + u];
          if (v > 0) {
            dx[o + u] = g;
          } else if (v <= 0) {
            dx[o + u] = alpha[u] * g;
            alphaGrad[u] += v * g;
          } else {
            dx[o + u] = v;
          }
        }
      }
      return;
    }
    // Each slope's gradient is the scalar chain (rows in order, float adds of float products), so
    // it equals the scalar result bit for bit; a block of units carries it in a register over 4
    // rows. The last block of a row ends at `units` and may overlap the one before it; there only
    // the lanes not yet summed accumulate.
    int whole = units - units % L;
    int start = units - L;
    for (int r = 0; r < rows; r += 4) {
      int count = Math.min(4, rows - r);
      for (int u = 0; u < whole; u += L) {
        FloatVector a = FloatVector.fromArray(F, alpha, u);
        FloatVector acc = FloatVector.fromArray(F, alphaGrad, u);
        for (int q = 0, o = r * units + u; q < count; q++, o += units) {
          FloatVector v = FloatVector.fromArray(F, x, o);
          FloatVector g = FloatVector.fromArray(F, dy, o);
          VectorMask<Float> le = v.compare(VectorOperators.LE, 0f);
          v.blend(g.mul(a), le).blend(g, v.compare(VectorOperators.GT, 0f)).intoArray(dx, o);
          acc = acc.blend(acc.add(v.mul(g)), le);
        }
        acc.intoArray(alphaGrad, u);
      }
      if (whole < units) {
        VectorMask<Float> fresh =
            FloatVector.fromArray(F, VectorMath.IOTA, 0)
                .compare(VectorOperators.GE, (float) (whole - start));
        FloatVector a = FloatVector.fromArray(F, alpha, start);
        FloatVector acc = FloatVector.fromArray(F, alphaGrad, start);
        for (int q = 0, o = r * units + start; q < count; q++, o += units) {
          FloatVector v = FloatVector.fromArray(F, x, o);
          FloatVector g = FloatVector.fromArray(F, dy, o);
          VectorMask<Float> le = v.compare(VectorOperators.LE, 0f);
          v.blend(g.mul(a), le).blend(g, v.compare(VectorOperators.GT, 0f)).intoArray(dx, o);
          acc = acc.blend(acc.add(v.mul(g)), le.and(fresh));
        }
        acc.intoArray(alphaGrad, start);
      }
    }
  }

  @Override
  public void sigmoidForward(float[] x, float[] y, int n) {
    sigmoid(x, 0, y, 0, n);
  }

  @Override
  public void sigmoidBackward(float[] y, float[] dy, float[] dx, int n) {
    int i = 0;
    for (int bound = F.loopBound(n); i < bound; i += L) {
      FloatVector s = FloatVector.fromArray(F, y, i);
      FloatVector g = FloatVector.fromArray(F, dy, i);
      g.mul(s.mul(s.neg().add(1f))).intoArray(dx, i); // −s + 1 is 1 − s, rounded alike
    }
    for (; i < n; i++) {
      float s = y[i];
      dx[i] = dy[i] * (s * (1f - s));
    }
  }

  @Override
  public void tanhForward(float[] x, float[] y, int n) {
    tanh(x, 0, y, 0, n);
  }

  @Override
  public void tanhBackward(float[] y, float[] dy, float[] dx, int n) {
    int i = 0;
    for (int bound = F.loopBound(n); i < bound; i += L) {
      FloatVector t = FloatVector.fromArray(F, y, i);
      FloatVector g = FloatVector.fromArray(F, dy, i);
      g.mul(t.mul(t).neg().add(1f)).intoArray(dx, i);
    }
    for (; i < n; i++) {
      float t = y[i];
      dx[i] = dy[i] * (1f - t * t);
    }
  }

  @Override
  public void eluForward(float[] x, float[] y, int n, float alpha) {
    int i = F.loopBound(n);
    VectorMath.elu(x, y, i, alpha, 1f);
    for (; i < n; i++) {
      float v = x[i];
      y[i] = v > 0 ? v : (float) (alpha * Math.expm1(v));
    }
  }

  @Override
  public void eluBackward(float[] x, float[] y, float[] dy, float[] dx, int n, float alpha) {
    int i = 0;
    for (int bound = F.loopBound(n); i < bound; i += L) {
      FloatVector v = FloatVector.fromArray(F, x, i);
      FloatVector g = FloatVector.fromArray(F, dy, i);
      FloatVector yv = FloatVector.fromArray(F, y, i);
      g.mul(yv.add(alpha)).blend(g, v.compare(VectorOperators.GT, 0f)).intoArray(dx, i);
    }
    for (; i < n; i++) {
      float v = x[i];
      dx[i] = v > 0 ? dy[i] : dy[i] * (y[i] + alpha);
    }
  }

  @Override
  public void seluForward(float[] x, float[] y, int n) {
    int i = F.loopBound(n);
    VectorMath.elu(x, y, i, ScalarFunctions.SELU_LAMBDA_ALPHA_F, ScalarFunctions.SELU_LAMBDA_F);
    for (; i < n; i++) {
      y[i] = ScalarFunctions.selu(x[i]);
    }
  }

  @Override
  public void seluBackward(float[] x, float[] y, float[] dy, float[] dx, int n) {
    int i = 0;
    for (int bound = F.loopBound(n); i < bound; i += L) {
      FloatVector v = FloatVector.fromArray(F, x, i);
      FloatVector g = FloatVector.fromArray(F, dy, i);
      FloatVector yv = FloatVector.fromArray(F, y, i);
      g.mul(yv.add(ScalarFunctions.SELU_LAMBDA_ALPHA_F))
          .blend(g.mul(ScalarFunctions.SELU_LAMBDA_F), v.compare(VectorOperators.GT, 0f))
          .intoArray(dx, i);
    }
    for (; i < n; i++) {
      dx[i] = ScalarFunctions.seluGradient(x[i], y[i], dy[i]);
    }
  }

  @Override
  public void clampForward(float[] x, float[] y, int n, float lo, float hi) {
    int i = 0;
    for (int bound = F.loopBound(n); i < bound; i += L) {
      // x where lo < x ≤ hi (and NaN), lo where x ≤ lo, hi where x > hi
      FloatVector v = FloatVector.fromArray(F, x, i);
      v.blend(lo, v.compare(VectorOperators.LE, lo))
          .blend(hi, v.compare(VectorOperators.GT, hi))
          .intoArray(y, i);
    }
    for (; i < n; i++) {
      y[i] = ScalarFunctions.clamp(x[i], lo, hi);
    }
  }

  @Override
  public void clampBackward(float[] x, float[] dy, float[] dx, int n, float lo, float hi) {
    int i = 0;
    for (int bound = F.loopBound(n); i < bound; i += L) {
      // dy where lo < x ≤ hi, else 0; x where x is NaN
      FloatVector v = FloatVector.fromArray(F, x, i);
      FloatVector.fromArray(F, dy, i)
          .blend(0f, v.compare(VectorOperators.LE, lo).or(v.compare(VectorOperators.GT, hi)))
          .blend(v, v.compare(VectorOperators.NE, v))
          .intoArray(dx, i);
    }
    for (; i < n; i++) {
      dx[i] = ScalarFunctions.clampGradient(x[i], dy[i], lo, hi);
    }
  }

  @Override
  public void hardSigmoidForward(float[] x, float[] y, int n) {
    int i = 0;
    for (int bound = F.loopBound(n); i < bound; i += L) {
      // min(max(x + 3, 0), 6) / 6, rounded as written
      FloatVector v = FloatVector.fromArray(F, x, i).add(3f);
      v.blend(0f, v.compare(VectorOperators.LE, 0f))
          .blend(6f, v.compare(VectorOperators.GT, 6f))
          .div(6f)
          .intoArray(y, i);
    }
    for (; i < n; i++) {
      y[i] = ScalarFunctions.hardSigmoid(x[i]);
    }
  }

  @Override
  public void hardSigmoidBackward(float[] x, float[] dy, float[] dx, int n) {
    int i = 0;
    for (int bound = F.loopBound(n); i < bound; i += L) {
      FloatVector v = FloatVector.fromArray(F, x, i);
      FloatVector.fromArray(F, dy, i)
          .div(6f)
          .blend(0f, v.compare(VectorOperators.LE, -3f).or(v.compare(VectorOperators.GT, 3f)))
          .blend(v, v.compare(VectorOperators.NE, v))
          .intoArray(dx, i);
    }
    for (; i < n; i++) {
      dx[i] = ScalarFunctions.clampGradient(x[i], dy[i] / 6f, -3f, 3f);
    }
  }

  @Override
  public void geluForward(float[] x, float[] y, int n) {
    int bound = F.loopBound(n);
    VectorMath.gelu(x, y, bound);
    for (int i = bound; i < n; i++) {
      y[i] = ScalarFunctions.gelu(x[i]);
    }
  }

  @Override
  public void geluBackward(float[] x, float[] dy, float[] dx, int n) {
    int bound = F.loopBound(n);
    VectorMath.geluDerivative(x, dy, dx, bound);
    for (int i = bound; i < n; i++) {
      dx[i] = (float) (dy[i] * ScalarFunctions.geluDerivative(x[i]));
    }
  }

  @Override
  public void geluTanhForward(float[] x, float[] y, int n) {
    int bound = F.loopBound(n);
    VectorMath.geluTanh(x, y, bound);
    for (int i = bound; i < n; i++) {
      y[i] = ScalarFunctions.geluTanh(x[i]);
    }
  }

  @Override
  public void geluTanhBackward(float[] x, float[] dy, float[] dx, int n) {
    int bound = F.loopBound(n);
    VectorMath.geluTanhDerivative(x, dy, dx, bound);
    for (int i = bound; i < n; i++) {
      dx[i] = (float) (dy[i] * ScalarFunctions.geluTanhDerivative(x[i]));
    }
  }

  @Override
  public void siluForward(float[] x, float[] y, int rows, int units, float[] beta) {
    if (units < L) {
      ScalarFunctions.silu(x, y, rows, units, beta);
      return;
    }
    // As preluForward: blocks of L units; the last block ends at `units` and may overlap the one
    // before it, writing the same values twice.
    int whole = units - units % L;
    for (int r = 0, o = 0; r < rows; r++, o += units) {
      VectorMath.silu(x, y, o, beta, 0, whole);
      if (whole < units) {
        VectorMath.silu(x, y, o, beta, units - L, units);
      }
    }
  }

  @Override
  public void siluUnitForward(float[] x, float[] y, int n) {
    if (n < L) {
      ScalarFunctions.siluUnit(x, y, n);
      return;
    }
    // Whole vectors, the last one ending at n and overlapping the one before it (y is not x).
    int whole = F.loopBound(n);
    VectorMath.siluUnit(x, y, 0, whole);
    if (whole < n) {
      VectorMath.siluUnit(x, y, n - L, n);
    }
  }

  @Override
  public void siluUnitBackward(float[] x, float[] dy, float[] dx, int n) {
    if (n < L) {
      ScalarFunctions.siluUnitBackward(x, dy, dx, n);
      return;
    }
    int whole = F.loopBound(n);
    VectorMath.siluUnitDerivative(x, dy, dx, 0, whole);
    if (whole < n) {
      VectorMath.siluUnitDerivative(x, dy, dx, n - L, n);
    }
  }

  @Override
  public void siluBackward(
      float[] x, float[] dy, float[] dx, int rows, int units, float[] beta, float[] betaGrad) {
    if (units < L) {
      ScalarFunctions.siluBackward(x, dy, dx, rows, units, beta, betaGrad);
      return;
    }
    // Each beta's gradient adds the rows in order, as the scalar kernel does. The last block of a
    // row ends at `units` and may overlap the one before it; there only the lanes not yet summed
    // accumulate.
    int whole = units - units % L;
    int last = units - L;
    for (int r = 0, o = 0; r < rows; r++, o += units) {
      VectorMath.siluBackward(x, dy, dx, o, beta, betaGrad, 0, whole, 0);
      if (whole < units) {
        VectorMath.siluBackward(x, dy, dx, o, beta, betaGrad, last, units, whole - last);
      }
    }
  }

  @Override
  public void softplusForward(float[] x, float[] y, int n, float beta, float threshold) {
    boolean vector = beta >= VectorMath.SOFTPLUS_MIN_BETA && beta <= VectorMath.SOFTPLUS_MAX_BETA;
    int bound = vector ? F.loopBound(n) : 0;
    VectorMath.softplus(x, y, bound, beta, threshold);
    for (int i = bound; i < n; i++) {
      y[i] = ScalarFunctions.softplus(x[i], beta, threshold);
    }
  }

  @Override
  public void softplusBackward(
      float[] x, float[] dy, float[] dx, int n, float beta, float threshold) {
    int bound = beta < VectorMath.SOFTPLUS_MIN_BETA ? 0 : F.loopBound(n);
    VectorMath.softplusDerivative(x, dy, dx, bound, beta, threshold);
    for (int i = bound; i < n; i++) {
      dx[i] = (float) (dy[i] * ScalarFunctions.softplusDerivative(x[i], beta, threshold));
    }
  }

  @Override
  public void mishForward(float[] x, float[] y, int n) {
    int i = F.loopBound(n);
    VectorMath.mish(x, y, i);
    for (; i < n; i++) {
      y[i] = ScalarFunctions.mish(x[i]);
    }
  }

  @Override
  public void mishBackward(float[] x, float[] dy, float[] dx, int n) {
    int bound = F.loopBound(n);
    VectorMath.mishDerivative(x, dy, dx, bound);
    for (int i = bound; i < n; i++) {
      dx[i] = (float) (dy[i] * ScalarFunctions.mishDerivative(x[i]));
    }
  }

  @Override
  public void exp(float[] x, int xOff, float[] y, int yOff, int n) {
    int i = F.loopBound(n);
    VectorMath.exp(x, xOff, y, yOff, i);
    for (; i < n; i++) {
      y[yOff + i] = (float) Math.exp(x[xOff + i]);
    }
  }

  @Override
  public void expm1(float[] x, int xOff, float[] y, int yOff, int n) {
    int i = F.loopBound(n);
    VectorMath.expm1(x, xOff, y, yOff, i);
    for (; i < n; i++) {
      y[yOff + i] = (float) Math.expm1(x[xOff + i]);
    }
  }

  @Override
  public void log1p(float[] x, int xOff, float[] y, int yOff, int n) {
    int i = F.loopBound(n);
    VectorMath.log1p(x, xOff, y, yOff, i);
    for (; i < n; i++) {
      y[yOff + i] = (float) Math.log1p(x[xOff + i]);
    }
  }

  @Override
  public void sin(float[] x, int xOff, float[] y, int yOff, int n) {
    int i = F.loopBound(n);
    VectorMath.sinCos(x, xOff, y, yOff, i, 0);
    for (; i < n; i++) {
      y[yOff + i] = (float) Math.sin(x[xOff + i]);
    }
  }

  @Override
  public void cos(float[] x, int xOff, float[] y, int yOff, int n) {
    int i = F.loopBound(n);
    VectorMath.sinCos(x, xOff, y, yOff, i, 1);
    for (; i < n; i++) {
      y[yOff + i] = (float) Math.cos(x[xOff + i]);
    }
  }

  @Override
  public void sigmoid(float[] x, int xOff, float[] y, int yOff, int n) {
    int i = F.loopBound(n);
    VectorMath.sigmoid(x, xOff, y, yOff, i);
    for (; i < n; i++) {
      y[yOff + i] = (float) (1.0 / (1.0 + Math.exp(-(double) x[xOff + i])));
    }
  }

  @Override
  public void tanh(float[] x, int xOff, float[] y, int yOff, int n) {
    int i = F.loopBound(n);
    VectorMath.tanh(x, xOff, y, yOff, i);
    for (; i < n; i++) {
      y[yOff + i] = (float) Math.tanh(x[xOff + i]);
    }
  }

  @Override
  public void add(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
    int i = 0;
    for (int bound = F.loopBound(n); i < bound; i += L) {
      FloatVector.fromArray(F, a, aOff + i)
          .add(FloatVector.fromArray(F, b, bOff + i))
          .intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = a[aOff + i] + b[bOff + i];
    }
  }

  @Override
  public void sub(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
    int i = 0;
    for (int bound = F.loopBound(n); i < bound; i += L) {
      FloatVector.fromArray(F, a, aOff + i)
          .sub(FloatVector.fromArray(F, b, bOff + i))
          .intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = a[aOff + i] - b[bOff + i];
    }
  }

  @Override
  public void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
    int i = 0;
    for (int bound = F.loopBound(n); i < bound; i += L) {
      FloatVector.fromArray(F, a, aOff + i)
          .mul(FloatVector.fromArray(F, b, bOff + i))
          .intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = a[aOff + i] * b[bOff + i];
    }
  }

  @Override
  public void div(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
    int i = 0;
    for (int bound = F.loopBound(n); i < bound; i += L) {
      FloatVector.fromArray(F, a, aOff + i)
          .div(FloatVector.fromArray(F, b, bOff + i))
          .intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = a[aOff + i] / b[bOff + i];
    }
  }

  @Override
  public void fma(
      float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, float[] out, int outOff,
      int n) {
    int i = 0;
    for (int bound = F.loopBound(n); i < bound; i += L) {
      FloatVector.fromArray(F, a, aOff + i)
          .fma(FloatVector.fromArray(F, b, bOff + i), FloatVector.fromArray(F, c, cOff + i))
          .intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = Math.fma(a[aOff + i], b[bOff + i], c[cOff + i]);
    }
  }

  @Override
  public void scale(float[] a, int aOff, float s, float[] out, int outOff, int n) {
    int i = 0;
    for (int bound = F.loopBound(n); i < bound; i += L) {
      FloatVector.fromArray(F, a, aOff + i).mul(s).intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = a[aOff + i] * s;
    }
  }
}
