package dev.rectifier.internal.kernels;

/**
 * Elementwise kernels: the forward and backward passes of the built-in activations and the bulk
 * math primitives behind {@link dev.rectifier.spi.ArrayMath}.
 *
 * <p>Activation kernels work on the first {@code n} elements of their arrays (or {@code rows ×
 * units} for per-unit kernels); primitives take an offset per array. Arrays given to one call may
 * be the same array only where a method says so. Every implementation gives NaN for NaN input,
 * the function's limits for infinite input, and takes the left derivative at kinks.
 */
public interface ElementwiseKernels {

  /** y = max(0, x); relu(−0) = +0. */
  void reluForward(float[] x, float[] y, int n);

  /** dx = dy where x &gt; 0, 0 where x ≤ 0, NaN where x is NaN. */
  void reluBackward(float[] x, float[] dy, float[] dx, int n);

  /** y = x where x &gt; 0, else alpha·x. */
  void leakyReluForward(float[] x, float[] y, int n, float alpha);

  /** dx = dy where x &gt; 0, alpha·dy where x ≤ 0, NaN where x is NaN. */
  void leakyReluBackward(float[] x, float[] dy, float[] dx, int n, float alpha);

  /** Returns Σ x·dy over the elements with x ≤ 0: the gradient of one slope shared by all. */
  double negativeDot(float[] x, float[] dy, int n);

  /** y[r][u] = x where x &gt; 0, else alpha[u]·x, for a row-major rows × units batch. */
  void preluForward(float[] x, float[] y, int rows, int units, float[] alpha);

  /**
   * dx[r][u] = dy where x &gt; 0, alpha[u]·dy where x ≤ 0 (NaN where x is NaN); adds Σ_r x·dy over
   * x ≤ 0 to alphaGrad[u].
   */
  void preluBackward(
      float[] x, float[] dy, float[] dx, int rows, int units, float[] alpha, float[] alphaGrad);

  /** y = 1/(1+e^−x), exact 0 and 1 at ∓∞, never NaN for finite x. */
  void sigmoidForward(float[] x, float[] y, int n);

  /** dx = dy·y·(1−y), from the sigmoid outputs y. */
  void sigmoidBackward(float[] y, float[] dy, float[] dx, int n);

  /** y = tanh(x), accurate to a few ulp near 0 as everywhere. */
  void tanhForward(float[] x, float[] y, int n);

  /** dx = dy·(1−y²), from the tanh outputs y. */
  void tanhBackward(float[] y, float[] dy, float[] dx, int n);

  /** y = x where x &gt; 0, else alpha·(e^x − 1). */
  void eluForward(float[] x, float[] y, int n, float alpha);

  /** dx = dy where x &gt; 0, else dy·(y + alpha); NaN where x is NaN. */
  void eluBackward(float[] x, float[] y, float[] dy, float[] dx, int n, float alpha);

  /** y = λ·x where x &gt; 0, else λα·(e^x − 1), with SELU's λ and α ({@link ScalarFunctions}). */
  void seluForward(float[] x, float[] y, int n);

  /** dx = λ·dy where x &gt; 0, else dy·(y + λα); NaN where x is NaN. */
  void seluBackward(float[] x, float[] y, float[] dy, float[] dx, int n);

  /** y = min(max(x, lo), hi), lo &lt; hi; x ≤ lo gives lo (so −0 gives +0 when lo = 0). */
  void clampForward(float[] x, float[] y, int n, float lo, float hi);

  /** dx = dy where lo &lt; x ≤ hi, else 0; NaN where x is NaN. */
  void clampBackward(float[] x, float[] dy, float[] dx, int n, float lo, float hi);

  /** y = min(max(x + 3, 0), 6) / 6, rounded as written (PyTorch's hardsigmoid). */
  void hardSigmoidForward(float[] x, float[] y, int n);

  /** dx = dy / 6 where −3 &lt; x ≤ 3, else 0; NaN where x is NaN. */
  void hardSigmoidBackward(float[] x, float[] dy, float[] dx, int n);

  /** y = x·Φ(x), Φ the standard normal distribution function; accurate where y is tiny. */
  void geluForward(float[] x, float[] y, int n);

  /** dx = dy·(Φ(x) + x·φ(x)), φ the standard normal density. */
  void geluBackward(float[] x, float[] dy, float[] dx, int n);

  /** y = x·σ(2u), u = √(2/π)·(x + 0.044715·x³): ½x·(1 + tanh u) without its cancellation. */
  void geluTanhForward(float[] x, float[] y, int n);

  /** dx = dy·(σ(2u) + x·σ(2u)·(1 − σ(2u))·2u'(x)), the derivative of the tanh form. */
  void geluTanhBackward(float[] x, float[] dy, float[] dx, int n);

  /** y[r][u] = x·σ(beta[u]·x) for a row-major rows × units batch; any beta, 0 included. */
  void siluForward(float[] x, float[] y, int rows, int units, float[] beta);

  /**
   * dx[r][u] = dy·σ(z)·(1 + z·(1 − σ(z))), z = beta[u]·x; if betaGrad is not null, also adds Σ_r
   * dy·x²·σ(z)·(1 − σ(z)), the gradient of beta[u], to betaGrad[u] (NaN if a row's x is NaN).
   */
  void siluBackward(
      float[] x, float[] dy, float[] dx, int rows, int units, float[] beta, float[] betaGrad);

  /**
   * y = x·σ(x) over n floats: SiLU with β = 1, without a β per unit. The same bits as {@link
   * #siluForward} with every β 1 wherever that kernel takes its vector loop (rows of at least a
   * vector's lanes); for rows shorter than that the vector kernels still take vectors here.
   */
  void siluUnitForward(float[] x, float[] y, int n);

  /**
   * dx = dy·σ(x)·(1 + x·(1 − σ(x))) over n floats: {@link #siluBackward} with every β 1 and no β
   * gradient, with the same bits as {@link #siluUnitForward} has beside {@link #siluForward}.
   */
  void siluUnitBackward(float[] x, float[] dy, float[] dx, int n);

  /**
   * y = ln(1 + e^(beta·x)) / beta, and x itself where beta·x &gt; threshold (decided on the exact
   * product); beta &gt; 0.
   */
  void softplusForward(float[] x, float[] y, int n, float beta, float threshold);

  /** dx = dy·σ(beta·x), and dy where beta·x &gt; threshold. */
  void softplusBackward(float[] x, float[] dy, float[] dx, int n, float beta, float threshold);

  /** y = x·tanh(ln(1 + e^x)). */
  void mishForward(float[] x, float[] y, int n);

  /** dx = dy·(tanh(sp) + x·sech²(sp)·σ(x)), sp = ln(1 + e^x). */
  void mishBackward(float[] x, float[] dy, float[] dx, int n);

  /** y = e^x. y may be x. */
  void exp(float[] x, int xOff, float[] y, int yOff, int n);

  /** y = e^x − 1, accurate near 0. y may be x. */
  void expm1(float[] x, int xOff, float[] y, int yOff, int n);

  /** y = ln(1 + x), accurate near 0. y may be x. */
  void log1p(float[] x, int xOff, float[] y, int yOff, int n);

  /** y = sin(x), x in radians. y may be x. */
  void sin(float[] x, int xOff, float[] y, int yOff, int n);

  /** y = cos(x), x in radians. y may be x. */
  void cos(float[] x, int xOff, float[] y, int yOff, int n);

  /** y = 1/(1+e^−x). y may be x. */
  void sigmoid(float[] x, int xOff, float[] y, int yOff, int n);

  /** y = tanh(x). y may be x. */
  void tanh(float[] x, int xOff, float[] y, int yOff, int n);

  /** out = a + b. out may be a or b. */
  void add(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n);

  /** out = a − b. out may be a or b. */
  void sub(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n);

  /** out = a·b. out may be a or b. */
  void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n);

  /** out = a / b. out may be a or b. */
  void div(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n);

  /** out = a·b + c with one rounding. out may be any of a, b, c. */
  void fma(
      float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, float[] out, int outOff,
      int n);

  /** out = a·s. out may be a. */
  void scale(float[] a, int aOff, float s, float[] out, int outOff, int n);
}
