package dev.rectifier.internal.kernels;

/**
 * The per-element formulas of the activations whose scalar kernels are more than one expression,
 * evaluated in double precision and rounded once to float. The scalar kernels loop over them and
 * the vector kernels call them for their scalar tails, so a tail computes exactly what the scalar
 * kernel computes.
 *
 * <p>Each result is within one ulp of the exact value: the double formulas err by a few units of
 * 2^−53 relative (GELU's Φ, a polynomial fit, by less than 1e-13), far below the final rounding.
 * Infinite inputs give the functions' limits, NaN gives NaN.
 */
public final class ScalarFunctions {

  /** SELU's scale λ (Klambauer et al., 2017). */
  public static final double SELU_LAMBDA = 1.0507009873554805;

  /** SELU's α; the negative saturation value is −λα. */
  public static final double SELU_ALPHA = 1.6732632423543772;

  /** λ as the float the kernels multiply positive inputs by. */
  public static final float SELU_LAMBDA_F = (float) SELU_LAMBDA;

  /** λα as a float, for the derivative y + λα on the negative side. */
  public static final float SELU_LAMBDA_ALPHA_F = (float) (SELU_LAMBDA * SELU_ALPHA);

  /** 1/√(2π): the standard normal density at 0. */
  static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

  /** 2·√(2/π): the tanh form of GELU is x·σ(GELU_TANH_K1·x + GELU_TANH_K3·x³). */
  public static final double GELU_TANH_K1 = Math.sqrt(8 / Math.PI);

  /** 2·√(2/π)·0.044715. */
  public static final double GELU_TANH_K3 = GELU_TANH_K1 * 0.044715;

  /** Up to this |x|, Φ(x) = ½ + x·P(x²) (a series); above, Φ(−|x|) = e^(−x²/2)·G(|x|). */
  static final double PHI_SERIES_LIMIT = 0.75;

  /** Beyond this |x|, GELU is x or −0 in float, and its derivative 1 or 0. */
  static final double PHI_LIMIT = 16;

  /**
   * P(z) = Σ (−1)^k z^k / (√(2π)·2^k·k!·(2k + 1)), the Taylor series of (Φ(x) − ½)/x in z = x²;
   * for z ≤ 0.5625 the terms after these fall below 1e-17.
   */
  private static final double[] PHI_SERIES = new double[13];

  static {
    double c = INV_SQRT_2PI;
    for (int k = 0; k < PHI_SERIES.length; k++) {
      PHI_SERIES[k] = c / (2 * k + 1);
      c = -c / (2 * (k + 1));
    }
  }

  /**
   * G(t) = e^(t²/2)·Φ(−t) on (0.75, 2], (2, 4], (4, 8] and (8, 16], each a polynomial in u ∈
   * [−1, 1] (t = mid + half·u) through G at Chebyshev nodes, relative error below 7e-14; from
   * {@code core/fits/kernel_fits.py}.
   */
  private static final double[][] PHI_TAIL = {
    {0.21763982365455795, -0.06230470179776083, 0.015736226503692954, -0.0036048181626659377,
      0.0007622682191702598, -0.00015061156933674015, 2.8054856776656345e-05,
      -4.96042605622568e-06, 8.370388029347969e-07, -1.3537774580887783e-07,
      2.1017264874085555e-08, -3.155904507535609e-09, 4.912939801423755e-10,
      -6.891996337016881e-11},
    {0.12151394835556217, -0.03440043533475648, 0.009156321175663572, -0.002310490602202466,
      0.0005562123419098245, -0.00012837071947640631, 2.8516700035356667e-05,
      -6.1172113805706425e-06, 1.2706224237200886e-06, -2.561982213735092e-07,
      5.0225595146596385e-08, -9.528776993620177e-09, 1.776548906346443e-09,
      -3.6578583558268974e-10, 6.483095688458688e-11},
    {0.06477931432444389, -0.020532788909502445, 0.006361895192252566, -0.0019294711119306163,
      0.0005734818484422607, -0.00016722043228422468, 4.788043219656737e-05,
      -1.3473916342311022e-05, 3.7290872674235322e-06, -1.0158965304998564e-06,
      2.7310347321311595e-07, -7.21986134888646e-08, 1.8190627445275265e-08,
      -4.6863775247146795e-09, 1.5784904267738641e-09, -3.9319012941129315e-10},
    {0.033018971077214535, -0.010858509899398804, 0.0035475310313130286, -0.0011515562974455634,
      0.00037144857612026475, -0.00011907379763524074, 3.7938964217553845e-05,
      -1.201593111676069e-05, 3.7832534577653306e-06, -1.1838064520812481e-06,
      3.684732016573381e-07, -1.1496162793166593e-07, 3.5377328333283554e-08,
      -9.846094222460534e-09, 3.004696913804332e-09, -1.4730362132514987e-09,
      4.420652002051745e-10},
  };

  private ScalarFunctions() {}

  /** SELU: λ·x for x &gt; 0 (λ rounded to float, as the vector kernel has it), else λα·(e^x − 1). */
  public static float selu(float x) {
    return x > 0 ? SELU_LAMBDA_F * x : (float) (SELU_LAMBDA * SELU_ALPHA * Math.expm1(x));
  }

  /** dy·SELU'(x) from y = selu(x): λ·dy for x &gt; 0, else dy·(y + λα), in float. */
  public static float seluGradient(float x, float y, float dy) {
    return x > 0 ? dy * SELU_LAMBDA_F : dy * (y + SELU_LAMBDA_ALPHA_F);
  }

  /** lo where x ≤ lo, hi where x &gt; hi, else x (NaN stays NaN). */
  public static float clamp(float x, float lo, float hi) {
    return x <= lo ? lo : x > hi ? hi : x;
  }

  /** dy where lo &lt; x ≤ hi, x where x is NaN, else 0. */
  public static float clampGradient(float x, float dy, float lo, float hi) {
    return x > lo && x <= hi ? dy : x != x ? x : 0f;
  }

  /** hard_sigmoid as PyTorch rounds it: x + 3, clamped to [0, 6], divided by 6. */
  public static float hardSigmoid(float x) {
    return clamp(x + 3f, 0f, 6f) / 6f;
  }

  private static double horner(double[] c, double u) {
    double p = c[c.length - 1];
    for (int k = c.length - 2; k >= 0; k--) {
      p = p * u + c[k];
    }
    return p;
  }

  /** G(t) = e^(t²/2)·Φ(−t) for 0.75 &lt; t ≤ 16. */
  private static double phiTail(double t) {
    if (t <= 2) {
      return horner(PHI_TAIL[0], (t - 1.375) / 0.625);
    } else if (t <= 4) {
      return horner(PHI_TAIL[1], t - 3);
    } else if (t <= 8) {
      return horner(PHI_TAIL[2], (t - 6) / 2);
    }
    return horner(PHI_TAIL[3], (t - 12) / 4);
  }

  /** GELU, x·Φ(x); relative accuracy kept where the result is tiny (x ≪ 0). */
  public static float gelu(float x) {
    double v = x;
    double t = Math.abs(v);
    if (!(t > PHI_SERIES_LIMIT)) { // NaN too
      return (float) (v * (0.5 + v * horner(PHI_SERIES, v * v)));
    }
    if (t > PHI_LIMIT) {
      return x > 0 ? x : -0f;
    }
    double q = Math.exp(-0.5 * (v * v)) * phiTail(t); // Φ(−t); v·v is exact
    return (float) (x > 0 ? v - v * q : v * q);
  }

  /** GELU's derivative Φ(x) + x·φ(x). */
  public static double geluDerivative(float x) {
    double v = x;
    double t = Math.abs(v);
    double density = INV_SQRT_2PI * Math.exp(-0.5 * (v * v));
    if (!(t > PHI_SERIES_LIMIT)) {
      return 0.5 + v * horner(PHI_SERIES, v * v) + v * density;
    }
    if (t > PHI_LIMIT) {
      return x > 0 ? 1 : 0;
    }
    double q = Math.exp(-0.5 * (v * v)) * phiTail(t);
    return (x > 0 ? 1 - q : q) + v * density;
  }

  /**
   * GELU's tanh form, x·σ(z) with z = x·(K1 + K3·x²): the same function as ½x·(1 + tanh(z/2)),
   * without its cancellation for x ≪ 0. Below x = −20 the result is −0.
   */
  public static float geluTanh(float x) {
    double v = Math.max(x, -20.0); // keeps −∞·0 out; NaN stays NaN
    double z = v * (GELU_TANH_K1 + GELU_TANH_K3 * (v * v));
    return (float) (v / (1 + Math.exp(-z)));
  }

  /** The derivative of the tanh form: σ(z)·(1 + x·(1 − σ(z))·z'(x)), z' = K1 + 3·K3·x². */
  public static double geluTanhDerivative(float x) {
    double v = Math.max(-20.0, Math.min(x, 20.0)); // beyond ±20 it is 0 or 1 in float
    double z = v * (GELU_TANH_K1 + GELU_TANH_K3 * (v * v));
    double e = Math.exp(-Math.abs(z));
    double r = 1 / (1 + e);
    double s = z >= 0 ? r : e * r;
    double c = z >= 0 ? e * r : r;
    return s * (1 + v * c * (GELU_TANH_K1 + 3 * GELU_TANH_K3 * (v * v)));
  }

  /** σ(z), computed from e^(−|z|) only. */
  private static double sigmoid(double z) {
    double e = Math.exp(-Math.abs(z));
    return z >= 0 ? 1 / (1 + e) : e / (1 + e);
  }

  /** z = beta·x exactly, and 0 where beta is 0 (so that x = ±∞ gives x/2, not NaN). */
  private static double product(float x, float beta) {
    return beta == 0 ? 0 : (double) beta * x;
  }

  /** SiLU, x·σ(beta·x), for any beta. */
  public static float silu(float x, float beta) {
    double z = product(x, beta);
    if (Double.isInfinite(z)) { // x = ±∞: x or a zero of x's sign
      return z > 0 ? x : Math.copySign(0f, x);
    }
    return (float) (x * sigmoid(z));
  }

  /** SiLU's derivative in x, σ(z)·(1 + z·(1 − σ(z))) with z = beta·x. */
  public static double siluDerivative(float x, float beta) {
    double z = product(x, beta);
    if (Double.isInfinite(z)) {
      return z > 0 ? 1 : 0;
    }
    double e = Math.exp(-Math.abs(z));
    double r = 1 / (1 + e);
    return z >= 0 ? r * (1 + z * e * r) : e * r * (1 + z * r);
  }

  /** SiLU's derivative in beta, x²·σ(z)·(1 − σ(z)) with z = beta·x. */
  public static double siluBetaDerivative(float x, float beta) {
    double z = product(x, beta);
    if (Double.isInfinite(z)) {
      return 0;
    }
    double e = Math.exp(-Math.abs(z));
    double r = 1 / (1 + e);
    return (double) x * x * e * r * r;
  }

  /** y[r][u] = silu(x[r][u], beta[u]) for a row-major rows × units batch. */
  public static void silu(float[] x, float[] y, int rows, int units, float[] beta) {
    for (int r = 0, o = 0; r < rows; r++, o += units) {
      for (int u = 0; u < units; u++) {
        y[o + u] = silu(x[o + u], beta[u]);
      }
    }
  }

  /** y[i] = silu(x[i], 1) for i in [0, n). */
  public static void siluUnit(float[] x, float[] y, int n) {
    for (int i = 0; i < n; i++) {
      y[i] = silu(x[i], 1f);
    }
  }

  /** dx[i] = dy[i]·siluDerivative(x[i], 1) for i in [0, n). */
  public static void siluUnitBackward(float[] x, float[] dy, float[] dx, int n) {
    for (int i = 0; i < n; i++) {
      dx[i] = (float) (dy[i] * siluDerivative(x[i], 1f));
    }
  }

  /**
   * dx[r][u] = dy·siluDerivative(x, beta[u]) for a row-major rows × units batch, and, if
   * betaGrad is not null, betaGrad[u] += dy·siluBetaDerivative(x, beta[u]) row by row, in float.
   */
  public static void siluBackward(
      float[] x, float[] dy, float[] dx, int rows, int units, float[] beta, float[] betaGrad) {
    for (int r = 0, o = 0; r < rows; r++, o += units) {
      for (int u = 0; u < units; u++) {
        float v = x[o + u];
        float g = dy[o + u];
        dx[o + u] = (float) (g * siluDerivative(v, beta[u]));
        if (betaGrad != null) {
          betaGrad[u] += (float) (g * siluBetaDerivative(v, beta[u]));
        }
      }
    }
  }

  /** softplus, ln(1 + e^(beta·x))/beta, and x where beta·x &gt; threshold (exactly). */
  public static float softplus(float x, float beta, float threshold) {
    double z = (double) beta * x;
    if (z > threshold) {
      return x;
    }
    return (float) ((Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)))) / beta);
  }

  /** softplus' derivative σ(beta·x), and 1 where beta·x &gt; threshold. */
  public static double softplusDerivative(float x, float beta, float threshold) {
    double z = (double) beta * x;
    return z > threshold ? 1 : sigmoid(z);
  }

  /** mish, x·tanh(ln(1 + e^x)). Below x = −1000 the result is −0. */
  public static float mish(float x) {
    double v = Math.max(x, -1000.0);
    double softplus = Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
    return (float) (v * Math.tanh(softplus));
  }

  /**
   * mish' = tanh(sp) + x·sech²(sp)·σ(x), sp = ln(1 + e^x), written with e = e^(−|x|) so that no
   * term cancels: for x ≤ 0, with n = e(e + 2) and m = n + 2, e·((e + 2)·m + 4x(1 + e))/m²; for x
   * &gt; 0, with N = 1 + 2e and D = N + 2e², (N·D + 4x·e²(1 + e))/D².
   */
  public static double mishDerivative(float x) {
    double v = Math.max(-1000.0, Math.min(x, 1000.0));
    double e = Math.exp(-Math.abs(v));
    if (v > 0) {
      double n = 1 + 2 * e;
      double d = n + 2 * e * e;
      return (n * d + 4 * v * e * e * (1 + e)) / (d * d);
    }
    double n = e * (e + 2);
    double m = n + 2;
    return e * ((e + 2) * m + 4 * v * (1 + e)) / (m * m);
  }
}
