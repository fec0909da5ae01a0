package dev.rectifier.internal.kernels;

/**
 * The scalar elementwise kernels: plain Java loops, transcendental functions evaluated in double
 * precision with {@link Math} and rounded once to float, so each result is within one ulp of the
 * exact value. The formulas longer than an expression are in {@link ScalarFunctions}, which the
 * vector kernels' scalar tails call too.
 */
final class ScalarElementwiseKernels implements ElementwiseKernels {

  @Override
  public void reluForward(float[] x, float[] y, int n) {
    for (int i = 0; i < n; i++) {
      y[i] = Math.max(0f, x[i]);
    }
  }

  /**
   * All ones where v &gt; 0 (+∞ included), else 0 (NaN included): a select without a branch,
   * which would mispredict on data of mixed signs.
   */
  private static int positive(float v) {
    int bits = Float.floatToRawIntBits(v);
    return (-bits & (bits - 0x7F800001)) >> 31;
  }

  /** a where mask is all ones, b where it is 0. */
  private static float select(int mask, float a, float b) {
    return Float.intBitsToFloat(
        (Float.floatToRawIntBits(a) & mask) | (Float.floatToRawIntBits(b) & ~mask));
  }

  @Override
  public void reluBackward(float[] x, float[] dy, float[] dx, int n) {
    for (int i = 0; i < n; i++) {
      float v = x[i];
      dx[i] = v != v ? v : select(positive(v), dy[i], 0f);
    }
  }

  @Override
  public void leakyReluForward(float[] x, float[] y, int n, float alpha) {
    for (int i = 0; i < n; i++) {
      float v = x[i];
      y[i] = select(positive(v), v, alpha * v);
    }
  }

  @Override
  public void leakyReluBackward(float[] x, float[] dy, float[] dx, int n, float alpha) {
    for (int i = 0; i < n; i++) {
      float v = x[i];
      float g = dy[i];
      dx[i] = v != v ? v : select(positive(v), g, alpha * g);
    }
  }

  @Override
  public double negativeDot(float[] x, float[] dy, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      float v = x[i];
      // v ≤ 0 (NaN excluded): keep the product, else add exactly 0
      long keep = v <= 0 ? -1L : 0L;
      sum += Double.longBitsToDouble(Double.doubleToRawLongBits((double) v * dy[i]) & keep);
    }
    return sum;
  }

  @Override
  public void preluForward(float[] x, float[] y, int rows, int units, float[] alpha) {
    for (int r = 0, o = 0; r < rows; r++, o += units) {
      for (int u = 0; u < units; u++) {
        float v = x[o + u];
        y[o + u] = select(positive(v), v, alpha[u] * v);
      }
    }
  }

  @Override
  public void preluBackward(
      float[] x, float[] dy, float[] dx, int rows, int units, float[] alpha, float[] alphaGrad) {
    for (int r = 0, o = 0; r < rows; r++, o += units) {
      for (int u = 0; u < units; u++) {
        float v = x[o + u];
        float g = dy[o + u];
        if (v != v) {
          dx[o + u] = v;
          continue;
        }
        int m = positive(v);
        dx[o + u] = select(m, g, alpha[u] * g);
        alphaGrad[u] += select(m, 0f, v * g);
      }
    }
  }

  @Override
  public void sigmoidForward(float[] x, float[] y, int n) {
    sigmoid(x, 0, y, 0, n);
  }

  @Override
  public void sigmoidBackward(float[] y, float[] dy, float[] dx, int n) {
    for (int i = 0; i < n; i++) {
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
    for (int i = 0; i < n; i++) {
      float t = y[i];
      dx[i] = dy[i] * (1f - t * t);
    }
  }

  @Override
  public void eluForward(float[] x, float[] y, int n, float alpha) {
    for (int i = 0; i < n; i++) {
      float v = x[i];
      y[i] = v > 0 ? v : (float) (alpha * Math.expm1(v));
    }
  }

  @Override
  public void eluBackward(float[] x, float[] y, float[] dy, float[] dx, int n, float alpha) {
    for (int i = 0; i < n; i++) {
      float v = x[i];
      dx[i] = v > 0 ? dy[i] : dy[i] * (y[i] + alpha);
    }
  }

  @Override
  public void seluForward(float[] x, float[] y, int n) {
    for (int i = 0; i < n; i++) {
      y[i] = ScalarFunctions.selu(x[i]);
    }
  }

  @Override
  public void seluBackward(float[] x, float[] y, float[] dy, float[] dx, int n) {
    for (int i = 0; i < n; i++) {
      dx[i] = ScalarFunctions.seluGradient(x[i], y[i], dy[i]);
    }
  }

  @Override
  public void clampForward(float[] x, float[] y, int n, float lo, float hi) {
    for (int i = 0; i < n; i++) {
      y[i] = ScalarFunctions.clamp(x[i], lo, hi);
    }
  }

  @Override
  public void clampBackward(float[] x, float[] dy, float[] dx, int n, float lo, float hi) {
    for (int i = 0; i < n; i++) {
      dx[i] = ScalarFunctions.clampGradient(x[i], dy[i], lo, hi);
    }
  }

  @Override
  public void hardSigmoidForward(float[] x, float[] y, int n) {
    for (int i = 0; i < n; i++) {
      y[i] = ScalarFunctions.hardSigmoid(x[i]);
    }
  }

  @Override
  public void hardSigmoidBackward(float[] x, float[] dy, float[] dx, int n) {
    for (int i = 0; i < n; i++) {
      dx[i] = ScalarFunctions.clampGradient(x[i], dy[i] / 6f, -3f, 3f);
    }
  }

  @Override
  public void geluForward(float[] x, float[] y, int n) {
    for (int i = 0; i < n; i++) {
      y[i] = ScalarFunctions.gelu(x[i]);
    }
  }

  @Override
  public void geluBackward(float[] x, float[] dy, float[] dx, int n) {
    for (int i = 0; i < n; i++) {
      dx[i] = (float) (dy[i] * ScalarFunctions.geluDerivative(x[i]));
    }
  }

  @Override
  public void geluTanhForward(float[] x, float[] y, int n) {
    for (int i = 0; i < n; i++) {
      y[i] = ScalarFunctions.geluTanh(x[i]);
    }
  }

  @Override
  public void geluTanhBackward(float[] x, float[] dy, float[] dx, int n) {
    for (int i = 0; i < n; i++) {
      dx[i] = (float) (dy[i] * ScalarFunctions.geluTanhDerivative(x[i]));
    }
  }

  @Override
  public void siluForward(float[] x, float[] y, int rows, int units, float[] beta) {
    ScalarFunctions.silu(x, y, rows, units, beta);
  }

  @Override
  public void siluUnitForward(float[] x, float[] y, int n) {
    ScalarFunctions.siluUnit(x, y, n);
  }

  @Override
  public void siluUnitBackward(float[] x, float[] dy, float[] dx, int n) {
    ScalarFunctions.siluUnitBackward(x, dy, dx, n);
  }

  @Override
  public void siluBackward(
      float[] x, float[] dy, float[] dx, int rows, int units, float[] beta, float[] betaGrad) {
    ScalarFunctions.siluBackward(x, dy, dx, rows, units, beta, betaGrad);
  }

  @Override
  public void softplusForward(float[] x, float[] y, int n, float beta, float threshold) {
    for (int i = 0; i < n; i++) {
      y[i] = ScalarFunctions.softplus(x[i], beta, threshold);
    }
  }

  @Override
  public void softplusBackward(
      float[] x, float[] dy, float[] dx, int n, float beta, float threshold) {
    for (int i = 0; i < n; i++) {
      dx[i] = (float) (dy[i] * ScalarFunctions.softplusDerivative(x[i], beta, threshold));
    }
  }

  @Override
  public void mishForward(float[] x, float[] y, int n) {
    for (int i = 0; i < n; i++) {
      y[i] = ScalarFunctions.mish(x[i]);
    }
  }

  @Override
  public void mishBackward(float[] x, float[] dy, float[] dx, int n) {
    for (int i = 0; i < n; i++) {
      dx[i] = (float) (dy[i] * ScalarFunctions.mishDerivative(x[i]));
    }
  }

  @Override
  public void exp(float[] x, int xOff, float[] y, int yOff, int n) {
    for (int i = 0; i < n; i++) {
      y[yOff + i] = (float) Math.exp(x[xOff + i]);
    }
  }

  @Override
  public void expm1(float[] x, int xOff, float[] y, int yOff, int n) {
    for (int i = 0; i < n; i++) {
      y[yOff + i] = (float) Math.expm1(x[xOff + i]);
    }
  }

  @Override
  public void log1p(float[] x, int xOff, float[] y, int yOff, int n) {
    for (int i = 0; i < n; i++) {
      y[yOff + i] = (float) Math.log1p(x[xOff + i]);
    }
  }

  @Override
  public void sin(float[] x, int xOff, float[] y, int yOff, int n) {
    for (int i = 0; i < n; i++) {
      y[yOff + i] = (float) Math.sin(x[xOff + i]);
    }
  }

  @Override
  public void cos(float[] x, int xOff, float[] y, int yOff, int n) {
    for (int i = 0; i < n; i++) {
      y[yOff + i] = (float) Math.cos(x[xOff + i]);
    }
  }

  @Override
  public void sigmoid(float[] x, int xOff, float[] y, int yOff, int n) {
    for (int i = 0; i < n; i++) {
      // 1/(1+e^-x) in double: e^-x overflows to +inf only where the result rounds to 0 anyway.
      y[yOff + i] = (float) (1.0 / (1.0 + Math.exp(-(double) x[xOff + i])));
    }
  }

  @Override
  public void tanh(float[] x, int xOff, float[] y, int yOff, int n) {
    for (int i = 0; i < n; i++) {
      y[yOff + i] = (float) Math.tanh(x[xOff + i]);
    }
  }

  @Override
  public void add(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = a[aOff + i] + b[bOff + i];
    }
  }

  @Override
  public void sub(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = a[aOff + i] - b[bOff + i];
    }
  }

  @Override
  public void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = a[aOff + i] * b[bOff + i];
    }
  }

  @Override
  public void div(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = a[aOff + i] / b[bOff + i];
    }
  }

  @Override
  public void fma(
      float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, float[] out, int outOff,
      int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = Math.fma(a[aOff + i], b[bOff + i], c[cOff + i]);
    }
  }

  @Override
  public void scale(float[] a, int aOff, float s, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = a[aOff + i] * s;
    }
  }
}
