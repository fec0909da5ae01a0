package dev.rectifier.activations;

import java.util.function.DoubleUnaryOperator;

/**
 * Double-precision references for the built-in activations, written from the formulas alone.
 * Slopes such as alpha are used as the float the kernels see, widened to double.
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
  LINEAR("linear", false, x -> x, x -> 1);

  final String spec;
  /** Whether the function is piecewise linear (exact results expected) or has a kink at 0. */
  final boolean kinkAtZero;
  final DoubleUnaryOperator f;
  final DoubleUnaryOperator df;

  Reference(String spec, boolean kinkAtZero, DoubleUnaryOperator f, DoubleUnaryOperator df) {
    this.spec = spec;
    this.kinkAtZero = kinkAtZero;
    this.f = f;
    this.df = df;
  }

  /** Piecewise-linear activations must match the float of their reference exactly. */
  boolean exact() {
    return this != SIGMOID && this != TANH && this != ELU && this != ELU_05;
  }

  private static double f(double alpha) {
    return (float) alpha;
  }
}
