package dev.rectifier.activations;

import static dev.rectifier.testing.ReferenceFunctions.gelu;
import static dev.rectifier.testing.ReferenceFunctions.geluDerivative;
import static dev.rectifier.testing.ReferenceFunctions.geluScale;
import static dev.rectifier.testing.ReferenceFunctions.geluTanh;
import static dev.rectifier.testing.ReferenceFunctions.geluTanhDerivative;
import static dev.rectifier.testing.ReferenceFunctions.geluTanhScale;
import static dev.rectifier.testing.ReferenceFunctions.mish;
import static dev.rectifier.testing.ReferenceFunctions.mishDerivative;
import static dev.rectifier.testing.ReferenceFunctions.mishScale;
import static dev.rectifier.testing.ReferenceFunctions.selu;
import static dev.rectifier.testing.ReferenceFunctions.seluDerivative;
import static dev.rectifier.testing.ReferenceFunctions.silu;
import static dev.rectifier.testing.ReferenceFunctions.siluDerivative;
import static dev.rectifier.testing.ReferenceFunctions.siluScale;
import static dev.rectifier.testing.ReferenceFunctions.softplus;
import static dev.rectifier.testing.ReferenceFunctions.softplusDerivative;

import dev.rectifier.testing.ReferenceFunctions;
import java.util.function.DoubleUnaryOperator;

/**
 * Double-precision references for the built-in activations, written from the formulas alone (the
 * longer ones in {@link ReferenceFunctions}, shared with core's tests). Slopes such as alpha are
 * used as the float the kernels see, widened to double.
 */
enum Reference {
  RELU("relu", true, x -> Math.max(0.0, x), x -> x > 0 ? 1 : 0),
  LEAKY_RELU("leaky_relu", true, x -> x > 0 ? x : f(0.01) * x, x -> x > 0 ? 1 : f(0.01)),
  LEAKY_RELU_02("leaky_relu(alpha=0.2)", true, x -> x > 0 ? x : f(0.2) * x, x -> x > 0 ? 1 : f(0.2)),
  PRELU("prelu", true, x -> x > 0 ? x : f(0.25) * x, x -> x > 0 ? 1 : f(0.25)),
  PRELU_SHARED("prelu(alpha=0.1, shared=true)", true, x -> x > 0 ? x : f(0.1) * x,
      x -> x > 0 ? 1 : f(0.1)),
  SIGMOID("sigmoid", false, x -> 1 / (1 + Math.exp(-x)),
      x -> Math.exp(-Math.abs(x)) / Math.pow(1 + Math.exp(-Math.abs(x)), 2)),
  TANH("tanh", false, Math::tanh, x -> 1 / Math.pow(Math.cosh(x), 2)),
  ELU("elu", true, x -> x > 0 ? x : Math.expm1(x), x -> x > 0 ? 1 : Math.exp(x)),
  ELU_05("elu(alpha=0.5)", true, x -> x > 0 ? x : f(0.5) * Math.expm1(x),
      x -> x > 0 ? 1 : f(0.5) * Math.exp(x)),
  LINEAR("linear", false, x -> x, x -> 1),
  SELU("selu", new double[] {0}, false, x -> selu(x), x -> seluDerivative(x), null),
  GELU("gelu", new double[0], false, x -> gelu(x), x -> geluDerivative(x), x -> geluScale(x)),
  GELU_TANH("gelu(approximate=tanh)", new double[0], false,
      x -> geluTanh(x), x -> geluTanhDerivative(x), x -> geluTanhScale(x)),
  SILU("silu", new double[0], false,
      x -> silu(x, 1), x -> siluDerivative(x, 1), x -> siluScale(x, 1)),
  SWISH_TRAINABLE("swish(beta=1.5, trainable=true)", new double[0], false,
      x -> silu(x, 1.5), x -> siluDerivative(x, 1.5), x -> siluScale(x, 1.5)),
  SOFTPLUS("softplus", new double[0], false,
      x -> softplus(x, 1, 20), x -> softplusDerivative(x, 1, 20), null),
  // the switch to x at βx = 5 jumps by ln(1 + e^(−5))/2 = 3.4e-3: a kink for finite differences
  SOFTPLUS_2_5("softplus(beta=2, threshold=5)", new double[] {2.5}, false,
      x -> softplus(x, 2, 5), x -> softplusDerivative(x, 2, 5), null),
  MISH("mish", new double[0], false, x -> mish(x), x -> mishDerivative(x), x -> mishScale(x)),
  HARD_SIGMOID("hard_sigmoid", new double[] {-3, 3}, false,
      x -> Math.min(Math.max(x / 6 + 0.5, 0), 1), x -> x > -3 && x <= 3 ? 1.0 / 6 : 0, null),
  HARD_TANH("hard_tanh", new double[] {-1, 1}, true,
      x -> Math.min(Math.max(x, -1), 1), x -> x > -1 && x <= 1 ? 1 : 0, null),
  HARD_TANH_SHIFTED("hard_tanh(min=-0.5, max=2)", new double[] {-0.5, 2}, true,
      x -> Math.min(Math.max(x, -0.5), 2), x -> x > -0.5 && x <= 2 ? 1 : 0, null),
  RELU6("relu6", new double[] {0, 6}, true,
      x -> Math.min(Math.max(x, 0), 6), x -> x > 0 && x <= 6 ? 1 : 0, null);

  final String spec;
  /** Where the function or its derivative jumps: finite differences keep away from these. */
  final double[] kinks;
  /** Whether the kernels give the float of the exact result (piecewise-linear activations). */
  private final boolean exact;
  final DoubleUnaryOperator f;
  final DoubleUnaryOperator df;
  /**
   * The magnitude the derivative's rounding scales with: the sum of the magnitudes of its terms,
   * for derivatives computed from x as a sum of terms that may cancel; else |f'|.
   */
  final DoubleUnaryOperator scale;

  Reference(String spec, boolean kinkAtZero, DoubleUnaryOperator f, DoubleUnaryOperator df) {
    this(spec, kinkAtZero ? new double[] {0} : new double[0], false, f, df, null);
  }

  Reference(
      String spec,
      double[] kinks,
      boolean exact,
      DoubleUnaryOperator f,
      DoubleUnaryOperator df,
      DoubleUnaryOperator scale) {
    this.spec = spec;
    this.kinks = kinks;
    this.exact = exact;
    this.f = f;
    this.df = df;
    this.scale = scale != null ? scale : x -> Math.abs(df.applyAsDouble(x));
  }

  /** Piecewise-linear activations must match the float of their reference exactly. */
  boolean exact() {
    return exact
        || this == RELU || this == LEAKY_RELU || this == LEAKY_RELU_02 || this == PRELU
        || this == PRELU_SHARED || this == LINEAR;
  }

  /**
   * Whether the backward pass computes f'(x) from the forward's output y (so that it inherits
   * y's error): sigmoid and tanh everywhere, elu and selu where x ≤ 0.
   */
  boolean derivativeFromY(double x) {
    switch (this) {
      case SIGMOID:
      case TANH:
        return true;
      case ELU:
      case ELU_05:
      case SELU:
        return !(x > 0);
      default:
        return false;
    }
  }

  /** Whether x lies within d of a kink. */
  boolean nearKink(double x, double d) {
    for (double k : kinks) {
      if (Math.abs(x - k) < d) {
        return true;
      }
    }
    return false;
  }

  private static double f(double alpha) {
    return (float) alpha;
  }
}
