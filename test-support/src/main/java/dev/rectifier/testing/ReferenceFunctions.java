package dev.rectifier.testing;

/**
 * Double-precision references for the activations whose kernels are more than one expression,
 * written from their textbook formulas, independently of the kernels' own evaluation (no fits,
 * no code shared with them); infinities give the limits explicitly. The {@code ...Scale}
 * functions give the sum of the magnitudes of a derivative's terms, which its rounding error
 * scales with where the terms cancel. The tests of core and activations share them.
 */
public final class ReferenceFunctions {

  public static final double SELU_LAMBDA = 1.0507009873554805;
  public static final double SELU_ALPHA = 1.6732632423543772;

  private ReferenceFunctions() {}

  /**
   * Φ(x), the standard normal distribution function, to about 1e-13 relative: for |x| &lt; 5 the
   * series erf(u) = (2/√π)·e^(−u²)·Σ 2^n u^(2n+1)/(1·3·…·(2n+1)), u = |x|/√2, whose terms are all
   * positive; beyond, Laplace's continued fraction Φ(−t) = φ(t)/(t + 1/(t + 2/(t + 3/(t + …)))),
   * evaluated backwards from 300 terms.
   */
  public static double phi(double x) {
    if (Double.isNaN(x)) {
      return x;
    }
    double t = Math.abs(x);
    double q; // Φ(−t)
    if (t < 5) {
      double u = t / Math.sqrt(2);
      double term = u;
      double sum = u;
      for (int n = 1; term > 1e-18 * sum; n++) {
        term *= 2 * u * u / (2 * n + 1);
        sum += term;
      }
      q = 0.5 * (1 - 2 / Math.sqrt(Math.PI) * Math.exp(-u * u) * sum);
    } else if (t < 40) {
      double f = t;
      for (int k = 300; k >= 1; k--) {
        f = t + k / f;
      }
      q = Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI) / f;
    } else {
      q = 0;
    }
    return x < 0 ? q : 1 - q;
  }

  /** φ(x) = e^(−x²/2)/√(2π). */
  public static double density(double x) {
    return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
  }

  public static double gelu(double x) {
    if (Double.isInfinite(x)) {
      return x > 0 ? x : -0.0;
    }
    return x < 0 ? x * phi(x) : x - x * phi(-x);
  }

  public static double geluDerivative(double x) {
    if (Double.isInfinite(x)) {
      return x > 0 ? 1 : 0;
    }
    return phi(x) + x * density(x);
  }

  /** u = √(2/π)·(x + 0.044715·x³) of GELU's tanh form. */
  private static double geluTanhU(double x) {
    return Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x);
  }

  /** ½x·(1 + tanh u) = ½x·e^u/cosh u, which does not cancel for u ≪ 0. */
  public static double geluTanh(double x) {
    if (Double.isInfinite(x)) {
      return x > 0 ? x : -0.0;
    }
    double u = geluTanhU(x);
    if (Math.abs(u) > 700) {
      return u > 0 ? x : Math.copySign(0.0, x);
    }
    return 0.5 * x * Math.exp(u) / Math.cosh(u);
  }

  /** ½(1 + tanh u) + ½x·sech²u·u'(x). */
  public static double geluTanhDerivative(double x) {
    if (Double.isInfinite(x)) {
      return x > 0 ? 1 : 0;
    }
    double u = geluTanhU(x);
    if (Math.abs(u) > 700) {
      return u > 0 ? 1 : 0;
    }
    double c = Math.cosh(u);
    return 0.5 * Math.exp(u) / c
        + 0.5 * x / (c * c) * Math.sqrt(2 / Math.PI) * (1 + 3 * 0.044715 * x * x);
  }

  public static double selu(double x) {
    return x > 0 ? SELU_LAMBDA * x : SELU_LAMBDA * SELU_ALPHA * Math.expm1(x);
  }

  public static double seluDerivative(double x) {
    return x > 0 ? SELU_LAMBDA : SELU_LAMBDA * SELU_ALPHA * Math.exp(x);
  }

  /** σ(z) = 1/(1 + e^(−z)), or e^z/(1 + e^z) for z &lt; 0 where e^(−z) could overflow. */
  public static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }

  public static double silu(double x, double beta) {
    if (Double.isInfinite(x)) {
      double z = beta * x;
      return beta == 0 ? x : z > 0 ? x : Math.copySign(0.0, x);
    }
    return x * sigmoid(beta * x);
  }

  public static double siluDerivative(double x, double beta) {
    double z = beta * x;
    if (Double.isInfinite(x)) {
      return beta == 0 ? 0.5 : z > 0 ? 1 : 0;
    }
    double s = sigmoid(z);
    return s + z * s * sigmoid(-z);
  }

  public static double siluBetaDerivative(double x, double beta) {
    if (Double.isInfinite(x)) {
      return beta == 0 ? Double.POSITIVE_INFINITY : 0;
    }
    double z = beta * x;
    return x * x * sigmoid(z) * sigmoid(-z);
  }

  public static double softplus(double x, double beta, double threshold) {
    double z = beta * x;
    if (z > threshold) {
      return x;
    }
    return (z > 30 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) / beta;
  }

  public static double softplusDerivative(double x, double beta, double threshold) {
    double z = beta * x;
    return z > threshold ? 1 : sigmoid(z);
  }

  public static double mish(double x) {
    if (Double.isInfinite(x)) {
      return x > 0 ? x : -0.0;
    }
    double sp = x > 30 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    return x * Math.tanh(sp);
  }

  /** tanh(sp) + x·sech²(sp)·σ(x), sp = ln(1 + e^x). */
  public static double mishDerivative(double x) {
    if (Double.isInfinite(x)) {
      return x > 0 ? 1 : 0;
    }
    double sp = x > 30 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    double c = Math.cosh(sp);
    return Math.tanh(sp) + x / (c * c) * sigmoid(x);
  }

  /** Φ(x) + |x|·φ(x): the terms of GELU's derivative. */
  public static double geluScale(double x) {
    return Double.isInfinite(x) ? 1 : phi(x) + Math.abs(x) * density(x);
  }

  /** ½(1 + tanh u) + |½x·sech²u·u'(x)|: the terms of the tanh form's derivative. */
  public static double geluTanhScale(double x) {
    if (Double.isInfinite(x)) {
      return 1;
    }
    double u = geluTanhU(x);
    if (Math.abs(u) > 700) {
      return 1;
    }
    double c = Math.cosh(u);
    return 0.5 * Math.exp(u) / c
        + 0.5 * Math.abs(x) / (c * c) * Math.sqrt(2 / Math.PI) * (1 + 3 * 0.044715 * x * x);
  }

  /** σ(z) + |z|·σ(z)(1 − σ(z)), z = beta·x: the terms of SiLU's derivative. */
  public static double siluScale(double x, double beta) {
    double z = beta * x;
    if (Double.isInfinite(x)) {
      return 1;
    }
    double s = sigmoid(z);
    return s + Math.abs(z) * s * sigmoid(-z);
  }

  /** |tanh(sp)| + |x·sech²(sp)·σ(x)|: the terms of mish's derivative. */
  public static double mishScale(double x) {
    if (Double.isInfinite(x)) {
      return 1;
    }
    double sp = x > 30 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    double c = Math.cosh(sp);
    return Math.tanh(sp) + Math.abs(x) / (c * c) * sigmoid(x);
  }
}
