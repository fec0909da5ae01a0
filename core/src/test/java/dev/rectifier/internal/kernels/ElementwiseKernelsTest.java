package dev.rectifier.internal.kernels;

import static dev.rectifier.internal.kernels.TestFloats.EDGES;
import static dev.rectifier.internal.kernels.TestFloats.U;
import static dev.rectifier.internal.kernels.TestFloats.compare;
import static dev.rectifier.internal.kernels.TestFloats.identical;
import static dev.rectifier.internal.kernels.TestFloats.kernels;
import static dev.rectifier.internal.kernels.TestFloats.wide;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rectifier.internal.kernels.TestFloats.Mismatches;
import dev.rectifier.testing.ReferenceFunctions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every elementwise kernel against a double-precision reference, on the scalar and on the vector
 * kernels, and the vector kernels against the scalar ones where the contract asks for equality.
 */
class ElementwiseKernelsTest {

  /** The scalar transcendental functions round a double result once: within 1 ulp. */
  private static final double SCALAR_ULPS = 1;
  /** The vector ones promise 4 ulp. */
  private static final double VECTOR_ULPS = 4;
  /** sin and cos promise ulps up to this |x|, and an absolute error of 1e-6 beyond. */
  private static final float TRIG_ULP_RANGE = 1e4f;

  private static final float ALPHA = 0.3f;

  interface Unary {
    void run(ElementwiseKernels k, float[] x, float[] y, int n);
  }

  /** A function of one argument: how to run it, its reference in double, and if it is trig. */
  record Fn(String name, Unary run, DoubleUnaryOperator ref, boolean trig) {
    @Override
    public String toString() {
      return name;
    }
  }

  static double sigmoidRef(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  static double eluRef(double x, float alpha) {
    return x > 0 ? x : alpha * Math.expm1(x);
  }

  static List<Fn> transcendental() {
    return List.of(
        new Fn("sigmoidForward", (k, x, y, n) -> k.sigmoidForward(x, y, n),
            ElementwiseKernelsTest::sigmoidRef, false),
        new Fn("sigmoid", (k, x, y, n) -> k.sigmoid(x, 0, y, 0, n),
            ElementwiseKernelsTest::sigmoidRef, false),
        new Fn("tanhForward", (k, x, y, n) -> k.tanhForward(x, y, n), Math::tanh, false),
        new Fn("tanh", (k, x, y, n) -> k.tanh(x, 0, y, 0, n), Math::tanh, false),
        new Fn("eluForward(0.3)", (k, x, y, n) -> k.eluForward(x, y, n, ALPHA),
            x -> eluRef(x, ALPHA), false),
        new Fn("eluForward(1)", (k, x, y, n) -> k.eluForward(x, y, n, 1f),
            x -> eluRef(x, 1f), false),
        new Fn("exp", (k, x, y, n) -> k.exp(x, 0, y, 0, n), Math::exp, false),
        new Fn("expm1", (k, x, y, n) -> k.expm1(x, 0, y, 0, n), Math::expm1, false),
        new Fn("log1p", (k, x, y, n) -> k.log1p(x, 0, y, 0, n), Math::log1p, false),
        new Fn("sin", (k, x, y, n) -> k.sin(x, 0, y, 0, n), Math::sin, true),
        new Fn("cos", (k, x, y, n) -> k.cos(x, 0, y, 0, n), Math::cos, true),
        // positive x times λ rounded to float, as documented (and as PyTorch computes it)
        new Fn("seluForward", (k, x, y, n) -> k.seluForward(x, y, n),
            x -> x > 0 ? (float) ReferenceFunctions.SELU_LAMBDA * x : ReferenceFunctions.selu(x),
            false),
        new Fn("geluForward", (k, x, y, n) -> k.geluForward(x, y, n),
            ReferenceFunctions::gelu, false),
        new Fn("geluTanhForward", (k, x, y, n) -> k.geluTanhForward(x, y, n),
            ReferenceFunctions::geluTanh, false),
        new Fn("siluForward(1)", (k, x, y, n) -> k.siluForward(x, y, 1, n, filled(n, 1f)),
            x -> ReferenceFunctions.silu(x, 1), false),
        new Fn("siluUnitForward", (k, x, y, n) -> k.siluUnitForward(x, y, n),
            x -> ReferenceFunctions.silu(x, 1), false),
        new Fn("siluForward(0.7)", (k, x, y, n) -> k.siluForward(x, y, 1, n, filled(n, 0.7f)),
            x -> ReferenceFunctions.silu(x, 0.7f), false),
        new Fn("siluForward(-1.5)", (k, x, y, n) -> k.siluForward(x, y, 1, n, filled(n, -1.5f)),
            x -> ReferenceFunctions.silu(x, -1.5), false),
        new Fn("softplusForward(1, 20)", (k, x, y, n) -> k.softplusForward(x, y, n, 1f, 20f),
            x -> ReferenceFunctions.softplus(x, 1, 20), false),
        new Fn("softplusForward(0.3, 5)", (k, x, y, n) -> k.softplusForward(x, y, n, 0.3f, 5f),
            x -> ReferenceFunctions.softplus(x, 0.3f, 5), false),
        // beta = 1 has a loop of its own; its threshold is a parameter like any other
        new Fn("softplusForward(1, 5)", (k, x, y, n) -> k.softplusForward(x, y, n, 1f, 5f),
            x -> ReferenceFunctions.softplus(x, 1, 5), false),
        new Fn("softplusForward(1, 0.5)", (k, x, y, n) -> k.softplusForward(x, y, n, 1f, 0.5f),
            x -> ReferenceFunctions.softplus(x, 1, 0.5f), false),
        new Fn("softplusForward(7, 1e4)", (k, x, y, n) -> k.softplusForward(x, y, n, 7f, 1e4f),
            x -> ReferenceFunctions.softplus(x, 7, 1e4f), false),
        // the least and the greatest beta the forward vector loop takes (ln(2)/beta is near 2^31
        // at the first), one between and one above (the scalar loop)
        new Fn("softplusForward(2^-32, 20)",
            (k, x, y, n) -> k.softplusForward(x, y, n, 0x1p-32f, 20f),
            x -> ReferenceFunctions.softplus(x, 0x1p-32f, 20), false),
        new Fn("softplusForward(3e5, 20)", (k, x, y, n) -> k.softplusForward(x, y, n, 3e5f, 20f),
            x -> ReferenceFunctions.softplus(x, 3e5f, 20), false),
        new Fn("softplusForward(2^29, 20)", (k, x, y, n) -> k.softplusForward(x, y, n, 0x1p29f, 20f),
            x -> ReferenceFunctions.softplus(x, 0x1p29f, 20), false),
        new Fn("softplusForward(1e15, 20)", (k, x, y, n) -> k.softplusForward(x, y, n, 1e15f, 20f),
            x -> ReferenceFunctions.softplus(x, 1e15f, 20), false),
        new Fn("mishForward", (k, x, y, n) -> k.mishForward(x, y, n),
            ReferenceFunctions::mish, false));
  }

  /** @return n copies of v */
  static float[] filled(int n, float v) {
    float[] a = new float[n];
    Arrays.fill(a, v);
    return a;
  }

  static Stream<Arguments> kernelsAndLengths() {
    return TestFloats.kernelsAndLengths();
  }

  private static void check(List<String> failures, Mismatches m) {
    if (!m.none()) {
      failures.add(m.toString());
    }
  }

  /** Checks fn on x: ulps everywhere, except the absolute error for trig beyond its ulp range. */
  private static void checkFn(
      List<String> failures, KernelSet ks, Fn fn, float[] x, String where) {
    float[] y = new float[x.length];
    fn.run().run(ks.elementwise(), x, y, x.length);
    double ulps = ks.isVector() ? VECTOR_ULPS : SCALAR_ULPS;
    Mismatches m = new Mismatches(ks.name() + " " + fn + " " + where);
    for (int i = 0; i < x.length; i++) {
      double ref = fn.ref().applyAsDouble(x[i]);
      double u = TestFloats.ulps(y[i], ref);
      boolean absOk = fn.trig() && !(Math.abs(x[i]) <= TRIG_ULP_RANGE)
          && Math.abs(y[i] - ref) <= 1e-6;
      if (u > ulps && !absOk) {
        m.add("x=" + x[i] + " gave " + y[i] + ", expected " + (float) ref + " (" + u + " ulp)");
      }
    }
    check(failures, m);
  }

  @ParameterizedTest
  @MethodSource("kernelsAndLengths")
  void transcendentalFunctionsMatchTheDoubleReference(String kernels, int n) {
    KernelSet ks = kernels(kernels);
    List<String> failures = new ArrayList<>();
    for (Fn fn : transcendental()) {
      checkFn(failures, ks, fn, wide(n, 17 + n), "n=" + n);
    }
    assertThat(failures).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"scalar", "vector"})
  void edgeValuesInEveryLaneAndInTheTail(String kernels) {
    KernelSet ks = kernels(kernels);
    List<String> failures = new ArrayList<>();
    for (int shift = 0; shift < 34; shift++) {
      float[] x = wide(EDGES.length + shift + 17, shift);
      System.arraycopy(EDGES, 0, x, shift, EDGES.length);
      for (Fn fn : transcendental()) {
        checkFn(failures, ks, fn, x, "edges at " + shift);
      }
    }
    assertThat(failures).isEmpty();
  }

  /**
   * softplus returns x where beta·x &gt; threshold, decided on the exact product; with a low
   * threshold the result jumps there by some ln(1 + e^(−threshold))/beta, so x a few ulps either
   * side of threshold/beta shows a wrong decision.
   */
  @ParameterizedTest
  @ValueSource(strings = {"scalar", "vector"})
  void softplusDecidesTheThresholdOnTheExactProduct(String kernels) {
    KernelSet ks = kernels(kernels);
    List<String> failures = new ArrayList<>();
    for (float beta : new float[] {0.3f, 1f, 2f, 7f, 1e-3f, 3e5f, 0x1p-31f}) {
      for (float threshold : new float[] {0.5f, 5f, 20f, 1e4f}) {
        checkFn(failures, ks, softplus(beta, threshold), around(threshold / beta),
            "around threshold/beta");
      }
    }
    assertThat(failures).isEmpty();
  }

  /**
   * softplus with β ≠ 1 at the inputs where sweeps over one float in 7 found each β's largest
   * error (AccuracySweep 'softplus(beta=...)'), before and after the general loop moved into x.
   * The earlier loop, which rounded βx into two parts, gave 4.31 ulp at the first and 4.02 at the
   * second.
   */
  @ParameterizedTest
  @ValueSource(strings = {"scalar", "vector"})
  void softplusWithAnyBetaKeepsItsBoundWhereSweepsFoundTheLargestErrors(String kernels) {
    KernelSet ks = kernels(kernels);
    List<String> failures = new ArrayList<>();
    float[][] betaAndX = {
      {1e-3f, -3431.9102f}, {3e5f, -4.1032117e-6f}, {0.3f, -0.95663804f}, {7f, -0.09106633f},
      {0.3f, -0.7109561f}, {7f, -0.09012761f}, {1e-3f, -417.13177f}, {3e5f, -9.581013e-7f}
    };
    for (float[] row : betaAndX) {
      checkFn(failures, ks, softplus(row[0], 20f), around(row[1]), "near " + row[1]);
    }
    assertThat(failures).isEmpty();
  }

  /** softplus forward with the given parameters, against its double-precision reference. */
  private static Fn softplus(float beta, float threshold) {
    return new Fn("softplusForward(" + beta + ", " + threshold + ")",
        (k, in, y, n) -> k.softplusForward(in, y, n, beta, threshold),
        v -> ReferenceFunctions.softplus(v, beta, threshold), false);
  }

  /** 70 floats: v and its neighbours up to 4 ulps either side, each in several vector lanes. */
  private static float[] around(float v) {
    float[] x = new float[70];
    for (int i = 0; i < x.length; i++) {
      float u = v;
      for (int s = i % 9; s < 4; s++) {
        u = Math.nextDown(u);
      }
      for (int s = 4; s < i % 9; s++) {
        u = Math.nextUp(u);
      }
      x[i] = u;
    }
    return x;
  }

  @ParameterizedTest
  @ValueSource(strings = {"scalar", "vector"})
  void limitsAndSignedZerosAreExact(String kernels) {
    ElementwiseKernels k = kernels(kernels).elementwise();
    float inf = Float.POSITIVE_INFINITY;
    // Enough copies that every value passes through a vector lane, not only the scalar tail.
    float[] x = repeat(new float[] {-inf, inf, 0f, -0f, -1f, -2f, Float.NaN}, 40);
    int n = x.length;
    float[][] out = new float[9][n];
    k.sigmoid(x, 0, out[0], 0, n);
    k.tanh(x, 0, out[1], 0, n);
    k.exp(x, 0, out[2], 0, n);
    k.expm1(x, 0, out[3], 0, n);
    k.log1p(x, 0, out[4], 0, n);
    k.eluForward(x, out[5], n, ALPHA);
    k.reluForward(x, out[6], n);
    k.sin(x, 0, out[7], 0, n);
    k.cos(x, 0, out[8], 0, n);
    float nan = Float.NaN;
    float[][] expected = {
      {0f, 1f, 0.5f, 0.5f, (float) sigmoidRef(-1), (float) sigmoidRef(-2), nan},
      {-1f, 1f, 0f, -0f, (float) Math.tanh(-1), (float) Math.tanh(-2), nan},
      {0f, inf, 1f, 1f, (float) Math.exp(-1), (float) Math.exp(-2), nan},
      {-1f, inf, 0f, -0f, (float) Math.expm1(-1), (float) Math.expm1(-2), nan},
      {nan, inf, 0f, -0f, -inf, nan, nan},
      {-ALPHA, inf, 0f, -0f, (float) eluRef(-1, ALPHA), (float) eluRef(-2, ALPHA), nan},
      {0f, inf, 0f, 0f, 0f, 0f, nan},
      {nan, nan, 0f, -0f, (float) Math.sin(-1), (float) Math.sin(-2), nan},
      {nan, nan, 1f, 1f, (float) Math.cos(-1), (float) Math.cos(-2), nan},
    };
    String[] names = {"sigmoid", "tanh", "exp", "expm1", "log1p", "elu", "relu", "sin", "cos"};
    List<String> failures = new ArrayList<>();
    for (int f = 0; f < names.length; f++) {
      float[] want = repeat(expected[f], 40);
      // Values of -1 and -2 are compared within the ulp bound; limits and zeros exactly.
      for (int i = 0; i < n; i++) {
        if (x[i] == -1f || x[i] == -2f) {
          if (names[f].equals("log1p")) {
            continue;
          }
          if (TestFloats.ulps(out[f][i], want[i]) <= VECTOR_ULPS) {
            want[i] = out[f][i];
          }
        }
      }
      check(failures, identical(kernels + " " + names[f], want, out[f]));
    }
    assertThat(failures).isEmpty();
  }

  private static float[] repeat(float[] values, int times) {
    float[] out = new float[values.length * times];
    for (int t = 0; t < times; t++) {
      System.arraycopy(values, 0, out, t * values.length, values.length);
    }
    return out;
  }

  // ---------------------------------------------------------------- the relu family

  /** relu: max(0, x) with relu(−0) = +0 and NaN for NaN. */
  static float relu(float x) {
    return Float.isNaN(x) ? Float.NaN : x > 0 ? x : 0f;
  }

  /** The product of two floats rounded once: exact in double, then rounded to float. */
  static float product(float a, float b) {
    return (float) ((double) a * b);
  }

  static float leaky(float x, float alpha) {
    return Float.isNaN(x) ? Float.NaN : x > 0 ? x : product(alpha, x);
  }

  static float leakyBackward(float x, float dy, float alpha) {
    return Float.isNaN(x) ? Float.NaN : x > 0 ? dy : product(alpha, dy);
  }

  @ParameterizedTest
  @MethodSource("kernelsAndLengths")
  void reluAndLeakyReluAreExact(String kernels, int n) {
    KernelSet ks = kernels(kernels);
    ElementwiseKernels k = ks.elementwise();
    float[] x = wide(n, n);
    float[] dy = wide(n, n + 1);
    List<String> failures = new ArrayList<>();
    for (float alpha : new float[] {0.01f, ALPHA, -0.5f, 0f}) {
      float[] y = new float[n];
      float[] dx = new float[n];
      float[] wantY = new float[n];
      float[] wantRelu = new float[n];
      float[] wantDx = new float[n];
      float[] wantReluDx = new float[n];
      for (int i = 0; i < n; i++) {
        wantY[i] = leaky(x[i], alpha);
        wantDx[i] = leakyBackward(x[i], dy[i], alpha);
        wantRelu[i] = relu(x[i]);
        wantReluDx[i] = Float.isNaN(x[i]) ? Float.NaN : x[i] > 0 ? dy[i] : 0f;
      }
      k.leakyReluForward(x, y, n, alpha);
      check(failures, identical(ks.name() + " leakyReluForward " + alpha, wantY, y));
      k.leakyReluBackward(x, dy, dx, n, alpha);
      check(failures, identical(ks.name() + " leakyReluBackward " + alpha, wantDx, dx));
      k.reluForward(x, y, n);
      check(failures, identical(ks.name() + " reluForward", wantRelu, y));
      k.reluBackward(x, dy, dx, n);
      check(failures, identical(ks.name() + " reluBackward", wantReluDx, dx));
    }
    assertThat(failures).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("kernelsAndLengths")
  void reluBackwardIsZeroForNonPositiveInputEvenWithInfiniteGradient(String kernels, int n) {
    ElementwiseKernels k = kernels(kernels).elementwise();
    float[] x = new float[n];
    float[] dy = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = i % 3 == 0 ? -0f : i % 3 == 1 ? 0f : -5f;
      dy[i] = i % 2 == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
    }
    float[] dx = new float[n];
    Arrays.fill(dx, 7f);
    k.reluBackward(x, dy, dx, n);
    float[] zeros = new float[n];
    assertThat(identical("reluBackward", zeros, dx).none()).isTrue();
  }

  /** (rows, units) shapes for PReLU with about n elements. */
  static Stream<Arguments> kernelsAndPreluShapes() {
    return Stream.of("scalar", "vector")
        .flatMap(k -> TestFloats.lengths().boxed()
            .flatMap(n -> Stream.of(1, 7, 16, 17, 30, 33, 64)
                .map(units -> Arguments.of(k, Math.max(1, n / units), units))));
  }

  @ParameterizedTest
  @MethodSource("kernelsAndPreluShapes")
  void preluMatchesItsDefinition(String kernels, int rows, int units) {
    KernelSet ks = kernels(kernels);
    int n = rows * units;
    float[] x = wide(n, n + units);
    float[] dy = TestFloats.moderate(n, n - units, 3);
    SplittableRandom r = new SplittableRandom(units);
    float[] alpha = new float[units];
    float[] grad0 = new float[units];
    for (int u = 0; u < units; u++) {
      alpha[u] = (float) r.nextDouble(-1, 1);
      grad0[u] = (float) r.nextDouble(-1, 1);
    }
    // Keep the slope gradient finite and meaningful: no NaN or huge x in its sums.
    float[] xs = x.clone();
    for (int i = 0; i < n; i++) {
      if (!(Math.abs(xs[i]) < 1e6f)) {
        xs[i] = -0f;
      }
    }
    float[] y = new float[n];
    float[] dx = new float[n];
    float[] grad = grad0.clone();
    float[] wantY = new float[n];
    float[] wantDx = new float[n];
    double[] wantGrad = new double[units];
    double[] gradScale = new double[units];
    for (int u = 0; u < units; u++) {
      wantGrad[u] = grad0[u];
      gradScale[u] = Math.abs(grad0[u]);
    }
    for (int i = 0; i < n; i++) {
      int u = i % units;
      wantY[i] = leaky(x[i], alpha[u]);
      wantDx[i] = leakyBackward(xs[i], dy[i], alpha[u]);
      if (xs[i] <= 0) {
        wantGrad[u] += (double) xs[i] * dy[i];
        gradScale[u] += Math.abs((double) xs[i] * dy[i]);
      }
    }
    ElementwiseKernels k = ks.elementwise();
    k.preluForward(x, y, rows, units, alpha);
    k.preluBackward(xs, dy, dx, rows, units, alpha, grad);
    List<String> failures = new ArrayList<>();
    check(failures, identical(ks.name() + " preluForward", wantY, y));
    check(failures, identical(ks.name() + " preluBackward dx", wantDx, dx));
    // The slope gradient is a float sum of rows float products: each product and each addition
    // rounds once, so the error is at most (2·rows + 1)·u times the sum of magnitudes.
    for (int u = 0; u < units; u++) {
      double bound = (2.0 * rows + 1) * U * gradScale[u];
      if (!(Math.abs(grad[u] - wantGrad[u]) <= bound)) {
        failures.add(ks.name() + " alphaGrad[" + u + "]=" + grad[u] + " expected " + wantGrad[u]
            + " ± " + bound);
      }
    }
    assertThat(failures).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("kernelsAndLengths")
  void negativeDotSumsTheNonPositiveProducts(String kernels, int n) {
    KernelSet ks = kernels(kernels);
    float[] x = TestFloats.moderate(n, n, 10);
    float[] dy = TestFloats.moderate(n, n + 5, 10);
    for (int i = 0; i < n; i += 5) {
      x[i] = i % 2 == 0 ? 0f : -0f;
    }
    double want = 0;
    double scale = 0;
    for (int i = 0; i < n; i++) {
      if (x[i] <= 0) {
        want += (double) x[i] * dy[i];
        scale += Math.abs((double) x[i] * dy[i]);
      }
    }
    double got = ks.elementwise().negativeDot(x, dy, n);
    // Scalar: exact products summed in double, n roundings of 2^-53. Vector: float products
    // summed per lane over at most 32 vectors, then across at most 64 lanes, then in double.
    double bound = ks.isVector() ? (32 + 64 + 2) * U * scale : (n + 1) * 0x1p-53 * scale;
    assertThat(Math.abs(got - want)).isLessThanOrEqualTo(bound);
  }

  @ParameterizedTest
  @ValueSource(strings = {"scalar", "vector"})
  void negativeDotPropagatesNaNOnlyFromCountedTerms(String kernels) {
    ElementwiseKernels k = kernels(kernels).elementwise();
    int n = 100;
    float[] x = TestFloats.moderate(n, 1, 1);
    float[] dy = TestFloats.moderate(n, 2, 1);
    x[37] = Float.NaN;
    assertThat(k.negativeDot(x, dy, n)).isFinite();
    x[37] = -1f;
    dy[37] = Float.NaN;
    assertThat(k.negativeDot(x, dy, n)).isNaN();
  }

  // ---------------------------------------------------------------- backward passes

  @ParameterizedTest
  @MethodSource("kernelsAndLengths")
  void smoothBackwardPassesMatchTheirFormulas(String kernels, int n) {
    KernelSet ks = kernels(kernels);
    ElementwiseKernels k = ks.elementwise();
    float[] x = wide(n, n + 3);
    float[] dy = wide(n, n + 4);
    float[] ys = new float[n];
    float[] yt = new float[n];
    float[] ye = new float[n];
    k.sigmoidForward(x, ys, n);
    k.tanhForward(x, yt, n);
    k.eluForward(x, ye, n, ALPHA);
    float[] ds = new float[n];
    float[] dt = new float[n];
    float[] de = new float[n];
    k.sigmoidBackward(ys, dy, ds, n);
    k.tanhBackward(yt, dy, dt, n);
    k.eluBackward(x, ye, dy, de, n, ALPHA);
    List<String> failures = new ArrayList<>();
    Mismatches ms = new Mismatches(ks.name() + " sigmoidBackward");
    Mismatches mt = new Mismatches(ks.name() + " tanhBackward");
    Mismatches me = new Mismatches(ks.name() + " eluBackward");
    for (int i = 0; i < n; i++) {
      double s = ys[i];
      double t = yt[i];
      // Three roundings (1−y is exact for y in [1/2, 2], else one more), each relative to what
      // it rounds: the error is below 4u·|dy|·(|y|·(1+|y|)).
      expectNear(ms, i, ds[i], dy[i] * (s * (1 - s)), 4 * U * Math.abs(dy[i]) * (Math.abs(s)
          * (1 + Math.abs(s))));
      // t·t rounds (u·t²), 1 − t·t rounds, times dy rounds: below 3u·|dy|·(1 + t²).
      expectNear(mt, i, dt[i], dy[i] * (1 - t * t), 3 * U * Math.abs(dy[i]) * (1 + t * t));
      double e = x[i] > 0 ? dy[i] : dy[i] * ((double) ye[i] + ALPHA);
      expectNear(me, i, de[i], e, 2 * U * Math.abs(dy[i]) * (Math.abs(ye[i]) + ALPHA));
    }
    check(failures, ms);
    check(failures, mt);
    check(failures, me);
    if (ks.isVector()) {
      ElementwiseKernels s = Kernels.scalar().elementwise();
      float[] want = new float[n];
      s.sigmoidBackward(ys, dy, want, n);
      check(failures, identical("sigmoidBackward vector vs scalar", want, ds));
      s.tanhBackward(yt, dy, want, n);
      check(failures, identical("tanhBackward vector vs scalar", want, dt));
      s.eluBackward(x, ye, dy, want, n, ALPHA);
      check(failures, identical("eluBackward vector vs scalar", want, de));
    }
    assertThat(failures).isEmpty();
  }

  private static void expectNear(Mismatches m, int i, float got, double want, double bound) {
    if (Double.isNaN(want) || Double.isInfinite(want) || Double.isNaN(bound)
        || Double.isInfinite(bound)) {
      if (Float.compare(got, (float) want) != 0 && !(Double.isNaN(want) && Float.isNaN(got))
          && !Double.isNaN(bound) && !Double.isInfinite(bound)) {
        m.add("[" + i + "] " + got + " vs " + want);
      }
      return;
    }
    if (!(Math.abs(got - want) <= bound + Float.MIN_VALUE + Math.ulp((float) want))) {
      m.add("[" + i + "] " + got + " vs " + want + " ± " + bound);
    }
  }

  // ---------------------------------------------------------------- arithmetic

  /** a·b + c rounded once, exactly; the IEEE result where an operand is not finite. */
  static float fmaRef(float a, float b, float c) {
    if (!Float.isFinite(a) || !Float.isFinite(b) || !Float.isFinite(c)) {
      return (float) ((double) a * b + c);
    }
    float r = new BigDecimal(a).multiply(new BigDecimal(b)).add(new BigDecimal(c)).floatValue();
    return r == 0 ? (float) ((double) a * b + c) : r;
  }

  @ParameterizedTest
  @MethodSource("kernelsAndLengths")
  void arithmeticIsCorrectlyRounded(String kernels, int n) {
    KernelSet ks = kernels(kernels);
    ElementwiseKernels k = ks.elementwise();
    float[] a = wide(n, n + 7);
    float[] b = wide(n, n + 8);
    float[] c = wide(n, n + 9);
    float s = -1.7f;
    float[][] want = new float[6][n];
    for (int i = 0; i < n; i++) {
      // Double rounding is innocuous for +, −, ·, / of floats computed in double.
      want[0][i] = (float) ((double) a[i] + b[i]);
      want[1][i] = (float) ((double) a[i] - b[i]);
      want[2][i] = (float) ((double) a[i] * b[i]);
      want[3][i] = (float) ((double) a[i] / b[i]);
      want[4][i] = fmaRef(a[i], b[i], c[i]);
      want[5][i] = (float) ((double) a[i] * s);
    }
    float[][] got = new float[6][n];
    k.add(a, 0, b, 0, got[0], 0, n);
    k.sub(a, 0, b, 0, got[1], 0, n);
    k.mul(a, 0, b, 0, got[2], 0, n);
    k.div(a, 0, b, 0, got[3], 0, n);
    k.fma(a, 0, b, 0, c, 0, got[4], 0, n);
    k.scale(a, 0, s, got[5], 0, n);
    String[] names = {"add", "sub", "mul", "div", "fma", "scale"};
    List<String> failures = new ArrayList<>();
    for (int f = 0; f < names.length; f++) {
      check(failures, identical(ks.name() + " " + names[f], want[f], got[f]));
    }
    assertThat(failures).isEmpty();
  }

  // ---------------------------------------------------------------- offsets and aliasing

  interface Primitive {
    void run(ElementwiseKernels k, float[] x, int xOff, float[] y, int yOff, int n);
  }

  static List<Object[]> primitives() {
    float[] b = wide(70_000, 99);
    float[] c = wide(70_000, 98);
    return List.of(
        new Object[] {"exp", (Primitive) (k, x, xo, y, yo, n) -> k.exp(x, xo, y, yo, n)},
        new Object[] {"expm1", (Primitive) (k, x, xo, y, yo, n) -> k.expm1(x, xo, y, yo, n)},
        new Object[] {"log1p", (Primitive) (k, x, xo, y, yo, n) -> k.log1p(x, xo, y, yo, n)},
        new Object[] {"sin", (Primitive) (k, x, xo, y, yo, n) -> k.sin(x, xo, y, yo, n)},
        new Object[] {"cos", (Primitive) (k, x, xo, y, yo, n) -> k.cos(x, xo, y, yo, n)},
        new Object[] {"sigmoid", (Primitive) (k, x, xo, y, yo, n) -> k.sigmoid(x, xo, y, yo, n)},
        new Object[] {"tanh", (Primitive) (k, x, xo, y, yo, n) -> k.tanh(x, xo, y, yo, n)},
        new Object[] {"add", (Primitive) (k, x, xo, y, yo, n) -> k.add(x, xo, b, 3, y, yo, n)},
        new Object[] {"sub", (Primitive) (k, x, xo, y, yo, n) -> k.sub(b, 5, x, xo, y, yo, n)},
        new Object[] {"mul", (Primitive) (k, x, xo, y, yo, n) -> k.mul(x, xo, b, 1, y, yo, n)},
        new Object[] {"div", (Primitive) (k, x, xo, y, yo, n) -> k.div(b, 2, x, xo, y, yo, n)},
        new Object[] {"fma",
            (Primitive) (k, x, xo, y, yo, n) -> k.fma(x, xo, b, 4, c, 6, y, yo, n)},
        new Object[] {"scale", (Primitive) (k, x, xo, y, yo, n) -> k.scale(x, xo, 2.5f, y, yo, n)});
  }

  @ParameterizedTest
  @MethodSource("kernelsAndLengths")
  void primitivesHonourOffsetsAndMayWorkInPlace(String kernels, int n) {
    ElementwiseKernels k = kernels(kernels).elementwise();
    float[] x = wide(n + 20, n);
    List<String> failures = new ArrayList<>();
    for (Object[] p : primitives()) {
      String name = (String) p[0];
      Primitive prim = (Primitive) p[1];
      float[] base = new float[n];
      prim.run(k, x, 0, base, 0, n);
      // The same inputs at other offsets of other arrays: same results, nothing else written.
      float[] xs = new float[n + 11];
      System.arraycopy(x, 0, xs, 11, n);
      float[] ys = new float[n + 20];
      Arrays.fill(ys, 42f);
      prim.run(k, xs, 11, ys, 5, n);
      check(failures, identical(name + " at offsets", base, Arrays.copyOfRange(ys, 5, 5 + n)));
      for (int i : new int[] {0, 1, 2, 3, 4, n + 5, n + 19}) {
        if (ys[i] != 42f) {
          failures.add(name + " wrote outside its range at " + i);
        }
      }
      // In place.
      float[] in = new float[n + 9];
      System.arraycopy(x, 0, in, 9, n);
      prim.run(k, in, 9, in, 9, n);
      check(failures, identical(name + " in place", base, Arrays.copyOfRange(in, 9, 9 + n)));
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void vectorTranscendentalsStayWithinTheirBoundOfTheScalarOnes() {
    KernelSet v = kernels("vector");
    KernelSet s = Kernels.scalar();
    float[] x = wide(65_537, 5);
    List<String> failures = new ArrayList<>();
    for (Fn fn : transcendental()) {
      float[] yv = new float[x.length];
      float[] ys = new float[x.length];
      fn.run().run(v.elementwise(), x, yv, x.length);
      fn.run().run(s.elementwise(), x, ys, x.length);
      Mismatches m = new Mismatches(fn + " vector vs scalar");
      for (int i = 0; i < x.length; i++) {
        boolean trigFar = fn.trig() && !(Math.abs(x[i]) <= TRIG_ULP_RANGE);
        double u = TestFloats.ulps(yv[i], ys[i]);
        if (u > VECTOR_ULPS + SCALAR_ULPS && !(trigFar && Math.abs(yv[i] - ys[i]) <= 2e-6)) {
          m.add("x=" + x[i] + ": " + yv[i] + " vs " + ys[i]);
        }
      }
      check(failures, m);
    }
    assertThat(failures).isEmpty();
  }

  // ---------------------------------------------------------------- the newer activations

  /** A backward kernel, its analytic derivative, and the magnitude its rounding scales with. */
  record Grad(String name, GradRun run, DoubleUnaryOperator derivative, DoubleUnaryOperator scale) {
    @Override
    public String toString() {
      return name;
    }
  }

  interface GradRun {
    void run(ElementwiseKernels k, float[] x, float[] dy, float[] dx, int n);
  }

  /**
   * The smooth backward kernels that take x (not y). Each derivative is a sum of terms computed
   * from exponentials within a few ulp, so its error is bounded relative to the sum of the terms'
   * magnitudes (the scale), not to the derivative itself, which passes through 0 where the terms
   * cancel (GELU's minimum near x = −0.75, mish's near −1.19, SiLU's near −1.28/β).
   */
  static List<Grad> smoothGradients() {
    return List.of(
        new Grad("geluBackward", (k, x, dy, dx, n) -> k.geluBackward(x, dy, dx, n),
            ReferenceFunctions::geluDerivative, ReferenceFunctions::geluScale),
        new Grad("geluTanhBackward", (k, x, dy, dx, n) -> k.geluTanhBackward(x, dy, dx, n),
            ReferenceFunctions::geluTanhDerivative, ReferenceFunctions::geluTanhScale),
        new Grad("siluBackward(1)",
            (k, x, dy, dx, n) -> k.siluBackward(x, dy, dx, 1, n, filled(n, 1f), null),
            x -> ReferenceFunctions.siluDerivative(x, 1), x -> ReferenceFunctions.siluScale(x, 1)),
        new Grad("siluUnitBackward", (k, x, dy, dx, n) -> k.siluUnitBackward(x, dy, dx, n),
            x -> ReferenceFunctions.siluDerivative(x, 1), x -> ReferenceFunctions.siluScale(x, 1)),
        new Grad("siluBackward(-1.5)",
            (k, x, dy, dx, n) -> k.siluBackward(x, dy, dx, 1, n, filled(n, -1.5f), null),
            x -> ReferenceFunctions.siluDerivative(x, -1.5),
            x -> ReferenceFunctions.siluScale(x, -1.5)),
        new Grad("softplusBackward(1, 20)",
            (k, x, dy, dx, n) -> k.softplusBackward(x, dy, dx, n, 1f, 20f),
            x -> ReferenceFunctions.softplusDerivative(x, 1, 20),
            x -> ReferenceFunctions.softplusDerivative(x, 1, 20)),
        new Grad("softplusBackward(0.3, 5)",
            (k, x, dy, dx, n) -> k.softplusBackward(x, dy, dx, n, 0.3f, 5f),
            x -> ReferenceFunctions.softplusDerivative(x, 0.3f, 5),
            x -> ReferenceFunctions.softplusDerivative(x, 0.3f, 5)),
        new Grad("softplusBackward(1, 5)",
            (k, x, dy, dx, n) -> k.softplusBackward(x, dy, dx, n, 1f, 5f),
            x -> ReferenceFunctions.softplusDerivative(x, 1, 5),
            x -> ReferenceFunctions.softplusDerivative(x, 1, 5)),
        new Grad("mishBackward", (k, x, dy, dx, n) -> k.mishBackward(x, dy, dx, n),
            ReferenceFunctions::mishDerivative, ReferenceFunctions::mishScale));
  }

  /**
   * Scalar: the derivative in double, times dy, rounded once (within U of the result). Vector:
   * each term within a few ulp, bounded here by 8 units of 2^−24 of the scale, plus the product by
   * dy; and the vector result within the sum of both bounds of the scalar one.
   */
  @ParameterizedTest
  @MethodSource("kernelsAndLengths")
  void smoothBackwardPassesOfTheNewerActivationsMatchTheirDerivatives(String kernels, int n) {
    KernelSet ks = kernels(kernels);
    float[] x = wide(n, n + 21);
    float[] dy = TestFloats.moderate(n, n + 22, 2);
    double k = ks.isVector() ? 8 : 1;
    List<String> failures = new ArrayList<>();
    for (Grad grad : smoothGradients()) {
      float[] dx = new float[n];
      grad.run().run(ks.elementwise(), x, dy, dx, n);
      float[] scalar = new float[n];
      grad.run().run(Kernels.scalar().elementwise(), x, dy, scalar, n);
      Mismatches m = new Mismatches(ks.name() + " " + grad);
      Mismatches parity = new Mismatches(grad + " vector vs scalar");
      for (int i = 0; i < n; i++) {
        if (Float.isNaN(x[i])) {
          if (!Float.isNaN(dx[i])) {
            m.add("x=NaN gave " + dx[i]);
          }
          continue;
        }
        double want = dy[i] * grad.derivative().applyAsDouble(x[i]);
        double bound = (k * U * grad.scale().applyAsDouble(x[i]) + U) * Math.abs(dy[i]);
        expectNear(m, i, dx[i], want, bound);
        expectNear(parity, i, dx[i], scalar[i], bound + U * Math.abs(want));
      }
      check(failures, m);
      check(failures, parity);
    }
    assertThat(failures).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("kernelsAndLengths")
  void seluBackwardUsesTheOutputsAndMatchesTheScalarKernelExactly(String kernels, int n) {
    KernelSet ks = kernels(kernels);
    ElementwiseKernels k = ks.elementwise();
    float[] x = wide(n, n + 31);
    float[] dy = TestFloats.moderate(n, n + 32, 3);
    float[] y = new float[n];
    k.seluForward(x, y, n);
    float[] dx = new float[n];
    k.seluBackward(x, y, dy, dx, n);
    float lambda = ScalarFunctions.SELU_LAMBDA_F;
    float lambdaAlpha = ScalarFunctions.SELU_LAMBDA_ALPHA_F;
    Mismatches m = new Mismatches(ks.name() + " seluBackward");
    for (int i = 0; i < n; i++) {
      // λ·dy for x > 0; dy·(y + λα) = dy·λα·e^x otherwise: two roundings.
      double want = x[i] > 0 ? (double) dy[i] * lambda : dy[i] * ((double) y[i] + lambdaAlpha);
      expectNear(m, i, dx[i], want, 2 * U * Math.abs(dy[i]) * (Math.abs(y[i]) + lambdaAlpha));
    }
    List<String> failures = new ArrayList<>();
    check(failures, m);
    float[] scalar = new float[n];
    Kernels.scalar().elementwise().seluBackward(x, y, dy, scalar, n);
    check(failures, identical(ks.name() + " seluBackward vs scalar", scalar, dx));
    assertThat(failures).isEmpty();
  }

  /** hard_sigmoid as PyTorch rounds it: x + 3, clamped to [0, 6], divided by 6. */
  static float hardSigmoid(float x) {
    float s = x + 3f;
    return Float.isNaN(s) ? s : s <= 0 ? 0f : s > 6 ? 1f : s / 6f;
  }

  @ParameterizedTest
  @MethodSource("kernelsAndLengths")
  void clampsAndHardSigmoidAreExactAndEqualOnBothPaths(String kernels, int n) {
    KernelSet ks = kernels(kernels);
    ElementwiseKernels k = ks.elementwise();
    float[] x = wide(n, n + 41);
    // the kinks themselves, in vector lanes and in the tail
    float[] kinks = {0f, -0f, 6f, -1f, 1f, -3f, 3f, Math.nextUp(6f), Math.nextDown(-3f)};
    for (int j = 0; j < kinks.length && j < n; j++) {
      x[(j * 5) % n] = kinks[j];
    }
    float[] dy = wide(n, n + 42);
    List<String> failures = new ArrayList<>();
    float[][] bounds = {{0f, 6f}, {-1f, 1f}, {-2.5f, 0.5f}, {-0f, 1e-30f}};
    for (float[] b : bounds) {
      float lo = b[0];
      float hi = b[1];
      float[] y = new float[n];
      float[] dx = new float[n];
      float[] wantY = new float[n];
      float[] wantDx = new float[n];
      for (int i = 0; i < n; i++) {
        float v = x[i];
        wantY[i] = Float.isNaN(v) ? v : v <= lo ? lo : v > hi ? hi : v;
        wantDx[i] = Float.isNaN(v) ? v : v > lo && v <= hi ? dy[i] : 0f;
      }
      k.clampForward(x, y, n, lo, hi);
      k.clampBackward(x, dy, dx, n, lo, hi);
      check(failures, identical(ks.name() + " clampForward " + lo + ".." + hi, wantY, y));
      check(failures, identical(ks.name() + " clampBackward " + lo + ".." + hi, wantDx, dx));
    }
    float[] y = new float[n];
    float[] dx = new float[n];
    float[] wantY = new float[n];
    float[] wantDx = new float[n];
    Mismatches exact = new Mismatches(ks.name() + " hardSigmoid vs x/6 + 1/2");
    for (int i = 0; i < n; i++) {
      float v = x[i];
      wantY[i] = hardSigmoid(v);
      wantDx[i] = Float.isNaN(v) ? v : v > -3 && v <= 3 ? (float) (dy[i] / 6.0) : 0f;
      // Two roundings, x + 3 and the division: within (2/3 + 1/2) ulp of the exact value.
      double ref = Math.min(Math.max(v / 6.0 + 0.5, 0), 1);
      if (!Float.isNaN(v) && TestFloats.ulps(wantY[i], ref) > 7.0 / 6) {
        exact.add("x=" + v + ": " + wantY[i] + " vs " + ref);
      }
    }
    check(failures, exact);
    k.hardSigmoidForward(x, y, n);
    k.hardSigmoidBackward(x, dy, dx, n);
    check(failures, identical(ks.name() + " hardSigmoidForward", wantY, y));
    check(failures, identical(ks.name() + " hardSigmoidBackward", wantDx, dx));
    assertThat(failures).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"scalar", "vector"})
  void newerActivationsHaveExactLimitsAndSignedZeros(String kernels) {
    ElementwiseKernels k = kernels(kernels).elementwise();
    float inf = Float.POSITIVE_INFINITY;
    float nan = Float.NaN;
    // Enough copies that every value passes through a vector lane, not only the scalar tail.
    float[] x = repeat(new float[] {-inf, inf, 0f, -0f, nan}, 40);
    int n = x.length;
    float[] ones = filled(n, 1f);
    float[][] out = new float[18][n];
    k.seluForward(x, out[0], n);
    k.geluForward(x, out[1], n);
    k.geluTanhForward(x, out[2], n);
    k.siluForward(x, out[3], 1, n, ones);
    k.softplusForward(x, out[4], n, 1f, 20f);
    k.mishForward(x, out[5], n);
    k.hardSigmoidForward(x, out[6], n);
    k.clampForward(x, out[7], n, 0f, 6f);
    k.geluBackward(x, ones, out[8], n);
    k.geluTanhBackward(x, ones, out[9], n);
    k.siluBackward(x, ones, out[10], 1, n, ones, null);
    k.softplusBackward(x, ones, out[11], n, 1f, 20f);
    k.mishBackward(x, ones, out[12], n);
    k.seluBackward(x, out[0], ones, out[13], n);
    k.siluForward(x, out[14], 1, n, filled(n, -2f));
    k.siluForward(x, out[15], 1, n, filled(n, 0f));
    k.siluUnitForward(x, out[16], n);
    k.siluUnitBackward(x, ones, out[17], n);
    float lambdaAlpha = ScalarFunctions.SELU_LAMBDA_ALPHA_F;
    float ln2 = (float) Math.log(2);
    float[][] expected = {
      {-lambdaAlpha, inf, 0f, -0f, nan},
      {-0f, inf, 0f, -0f, nan},
      {-0f, inf, 0f, -0f, nan},
      {-0f, inf, 0f, -0f, nan},
      {0f, inf, ln2, ln2, nan},
      {-0f, inf, 0f, -0f, nan},
      {0f, 1f, 0.5f, 0.5f, nan},
      {0f, 6f, 0f, 0f, nan},
      {0f, 1f, 0.5f, 0.5f, nan},
      {0f, 1f, 0.5f, 0.5f, nan},
      {0f, 1f, 0.5f, 0.5f, nan},
      {0f, 1f, 0.5f, 0.5f, nan},
      {0f, 1f, 0.6f, 0.6f, nan},
      {0f, ScalarFunctions.SELU_LAMBDA_F, lambdaAlpha, lambdaAlpha, nan},
      {inf * -1, 0f, 0f, -0f, nan},
      {-inf, inf, 0f, -0f, nan},
      {-0f, inf, 0f, -0f, nan},
      {0f, 1f, 0.5f, 0.5f, nan},
    };
    String[] names = {"selu", "gelu", "gelu tanh", "silu", "softplus", "mish", "hard_sigmoid",
        "relu6", "gelu'", "gelu tanh'", "silu'", "softplus'", "mish'", "selu'", "silu(-2)",
        "silu(0)", "silu unit", "silu unit'"};
    List<String> failures = new ArrayList<>();
    for (int f = 0; f < names.length; f++) {
      float[] want = repeat(expected[f], 40);
      if (names[f].equals("mish'")) { // mish'(0) = tanh(ln 2) = 0.6, within an ulp or two
        for (int i = 2; i < n; i += 5) {
          if (Math.abs(out[f][i] - 0.6f) <= 2 * Math.ulp(0.6f)) {
            want[i] = out[f][i];
            want[i + 1] = out[f][i + 1];
          }
        }
      }
      if (names[f].endsWith("'")) { // a derivative's limit 0 may be reached from below
        for (int i = 0; i < n; i++) {
          out[f][i] = out[f][i] == 0 ? 0f : out[f][i];
        }
      }
      check(failures, identical(kernels + " " + names[f], want, out[f]));
    }
    assertThat(failures).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("kernelsAndLengths")
  void siluWithoutABetaGivesTheBitsOfSiluWithEveryBetaOne(String kernels, int n) {
    ElementwiseKernels k = kernels(kernels).elementwise();
    float[] x = TestFloats.wide(n, n + 5);
    for (int i = 0; i < n; i++) {
      // The per-unit kernels send a vector holding |x| > 2^34 (forward) or 2^38 (backward),
      // infinities too, to their scalar formulas; the kernels without a beta do not. Keep such x
      // out.
      if (Math.abs(x[i]) > 0x1p34f) {
        x[i] = Math.copySign(Float.isInfinite(x[i]) ? 1e4f : Math.abs(x[i]) * 0x1p-94f, x[i]);
      }
    }
    float[] dy = TestFloats.moderate(n, n + 6, 3);
    List<String> failures = new ArrayList<>();
    // One row of n units; and rows of 17 units, whose ends the per-unit vector loops reach with
    // a vector overlapping the one before, where the kernels without a beta see one long row.
    for (int units : n >= 34 ? new int[] {n, 17} : new int[] {n}) {
      int rows = n / units;
      int m = rows * units;
      float[] ones = filled(units, 1f);
      float[] want = new float[m];
      float[] got = new float[m];
      String shape = kernels + " " + rows + "x" + units + " ";
      k.siluForward(x, want, rows, units, ones);
      k.siluUnitForward(x, got, m);
      check(failures, identical(shape + "siluUnitForward", want, got));
      k.siluBackward(x, dy, want, rows, units, ones, null);
      k.siluUnitBackward(x, dy, got, m);
      check(failures, identical(shape + "siluUnitBackward", want, got));
    }
    assertThat(failures).isEmpty();
  }

  /** (rows, units) shapes for the per-unit SiLU kernels. */
  static Stream<Arguments> kernelsAndSiluShapes() {
    return kernelsAndPreluShapes();
  }

  @ParameterizedTest
  @MethodSource("kernelsAndSiluShapes")
  void siluWithABetaPerUnitMatchesItsDefinitionAndAddsTheBetaGradient(
      String kernels, int rows, int units) {
    KernelSet ks = kernels(kernels);
    int n = rows * units;
    float[] x = TestFloats.moderate(n, n + units, 30);
    for (int i = 0; i < n; i += 11) {
      x[i] = (float) (x[i] * 4); // some |βx| beyond 80, where the kernels scale e^(−|z|)
    }
    float[] dy = TestFloats.moderate(n, n - units, 2);
    SplittableRandom r = new SplittableRandom(units + 7);
    float[] beta = new float[units];
    float[] grad0 = new float[units];
    for (int u = 0; u < units; u++) {
      beta[u] = u % 5 == 3 ? 0f : (float) r.nextDouble(-3, 3);
      grad0[u] = (float) r.nextDouble(-1, 1);
    }
    ElementwiseKernels k = ks.elementwise();
    float[] y = new float[n];
    float[] dx = new float[n];
    float[] grad = grad0.clone();
    k.siluForward(x, y, rows, units, beta);
    k.siluBackward(x, dy, dx, rows, units, beta, grad);
    double ulps = ks.isVector() ? VECTOR_ULPS : SCALAR_ULPS;
    double kGrad = ks.isVector() ? 8 : 1;
    Mismatches fy = new Mismatches(ks.name() + " siluForward");
    Mismatches fdx = new Mismatches(ks.name() + " siluBackward dx");
    double[] want = new double[units];
    double[] scale = new double[units];
    for (int u = 0; u < units; u++) {
      want[u] = grad0[u];
      scale[u] = Math.abs(grad0[u]);
    }
    for (int i = 0; i < n; i++) {
      int u = i % units;
      double ref = ReferenceFunctions.silu(x[i], beta[u]);
      if (TestFloats.ulps(y[i], ref) > ulps) {
        fy.add("x=" + x[i] + " beta=" + beta[u] + " gave " + y[i] + ", expected " + ref);
      }
      double d = dy[i] * ReferenceFunctions.siluDerivative(x[i], beta[u]);
      expectNear(fdx, i, dx[i], d,
          (kGrad * U * ReferenceFunctions.siluScale(x[i], beta[u]) + U) * Math.abs(dy[i]));
      double term = dy[i] * ReferenceFunctions.siluBetaDerivative(x[i], beta[u]);
      want[u] += term;
      scale[u] += Math.abs(term);
    }
    List<String> failures = new ArrayList<>();
    check(failures, fy);
    check(failures, fdx);
    // Each term within kGrad·U (vector) or U (scalar) of itself, then a float sum over the rows:
    // at most (rows + kGrad + 1)·U times the sum of magnitudes.
    for (int u = 0; u < units; u++) {
      double bound = (rows + kGrad + 1) * U * scale[u];
      if (!(Math.abs(grad[u] - want[u]) <= bound)) {
        failures.add(ks.name() + " betaGrad[" + u + "]=" + grad[u] + " expected " + want[u]
            + " ± " + bound);
      }
    }
    // Without betaGrad the same dx; the outputs only touch their rows.
    float[] dx2 = new float[n];
    k.siluBackward(x, dy, dx2, rows, units, beta, null);
    check(failures, identical(ks.name() + " siluBackward without betaGrad", dx, dx2));
    assertThat(failures).isEmpty();
  }

  /**
   * The per-unit SiLU kernels on edge inputs: every unit's column holds the same edge values
   * (±0, subnormals, the normal limits, huge and infinite inputs), one unit's column a NaN as
   * well. The β-gradient of a column with a NaN is NaN; every other is finite and matches the
   * reference (whose limit at ±∞ is 0 for β ≠ 0), and so do y and dx.
   */
  @ParameterizedTest
  @ValueSource(strings = {"scalar", "vector"})
  void siluWithABetaPerUnitOnEdgeInputs(String kernels) {
    KernelSet ks = kernels(kernels);
    float[] edges = {
      0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, -Float.MIN_NORMAL, 1e-30f,
      -1e-30f, 1f, -1f, 30f, -30f, 100f, -100f, 1e20f, -1e20f, Float.MAX_VALUE,
      -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY
    };
    int units = 19;
    int nanUnit = 3;
    int rows = edges.length;
    int n = rows * units;
    float[] x = new float[n];
    float[] beta = new float[units];
    for (int u = 0; u < units; u++) {
      beta[u] = u % 4 == 1 ? 0.25f * u : -0.5f - 0.1f * u;
    }
    for (int row = 0; row < rows; row++) {
      for (int u = 0; u < units; u++) {
        x[row * units + u] = edges[(row + u) % rows];
      }
    }
    x[5 * units + nanUnit] = Float.NaN;
    float[] dy = filled(n, 1f);
    float[] grad = new float[units];
    float[] y = new float[n];
    float[] dx = new float[n];
    ElementwiseKernels k = ks.elementwise();
    k.siluForward(x, y, rows, units, beta);
    k.siluBackward(x, dy, dx, rows, units, beta, grad);
    List<String> failures = new ArrayList<>();
    double ulps = ks.isVector() ? VECTOR_ULPS : SCALAR_ULPS;
    double kGrad = ks.isVector() ? 8 : 1;
    double[] want = new double[units];
    double[] scale = new double[units];
    for (int i = 0; i < n; i++) {
      int u = i % units;
      if (Float.isNaN(x[i])) {
        if (!Float.isNaN(y[i]) || !Float.isNaN(dx[i])) {
          failures.add(ks.name() + " NaN at unit " + u + " gave y=" + y[i] + ", dx=" + dx[i]);
        }
        continue;
      }
      double ref = ReferenceFunctions.silu(x[i], beta[u]);
      if (TestFloats.ulps(y[i], ref) > ulps) {
        failures.add(ks.name() + " silu(" + x[i] + ", beta=" + beta[u] + ") = " + y[i]
            + ", expected " + ref);
      }
      double d = ReferenceFunctions.siluDerivative(x[i], beta[u]);
      double bound = kGrad * U * ReferenceFunctions.siluScale(x[i], beta[u]) + U * Math.abs(d);
      if (!(Math.abs(dx[i] - d) <= bound + Float.MIN_VALUE)) {
        failures.add(ks.name() + " silu'(" + x[i] + ", beta=" + beta[u] + ") = " + dx[i]
            + ", expected " + d + " ± " + bound);
      }
      double term = ReferenceFunctions.siluBetaDerivative(x[i], beta[u]);
      want[u] += term;
      scale[u] += Math.abs(term);
    }
    for (int u = 0; u < units; u++) {
      if (u == nanUnit) {
        if (!Float.isNaN(grad[u])) {
          failures.add(ks.name() + " betaGrad[" + u + "] of a column with a NaN is " + grad[u]);
        }
        continue;
      }
      double bound = (rows + kGrad + 1) * U * scale[u];
      if (!(Math.abs(grad[u] - want[u]) <= bound)) {
        failures.add(ks.name() + " betaGrad[" + u + "]=" + grad[u] + " expected " + want[u]
            + " ± " + bound);
      }
    }
    assertThat(failures).isEmpty();
  }

  /**
   * With a tiny beta, |βx| exceeds 160 (where the vector kernels take σ as 0 or 1) only for x so
   * large that x·e^(−|βx|) can still be a float: SiLU's vector loop sends such vectors to the
   * scalar formulas, softplus takes its scalar loop for a beta below 2^−32.
   */
  @ParameterizedTest
  @ValueSource(strings = {"scalar", "vector"})
  void tinyBetasKeepTheirAccuracyOnHugeInputs(String kernels) {
    KernelSet ks = kernels(kernels);
    ElementwiseKernels k = ks.elementwise();
    int units = 40;
    int rows = 3;
    float[] x = TestFloats.moderate(rows * units, 9, 1e30);
    float[] beta = filled(units, 1f);
    beta[7] = 1e-30f;
    beta[8] = -1e-25f;
    float[] dy = filled(x.length, 1f);
    float[] y = new float[x.length];
    float[] dx = new float[x.length];
    float[] grad = new float[units];
    k.siluForward(x, y, rows, units, beta);
    k.siluBackward(x, dy, dx, rows, units, beta, grad);
    double ulps = ks.isVector() ? VECTOR_ULPS : SCALAR_ULPS;
    List<String> failures = new ArrayList<>();
    Mismatches m = new Mismatches(kernels + " silu with tiny betas");
    double[] wantGrad = new double[units];
    for (int i = 0; i < x.length; i++) {
      int u = i % units;
      double ref = ReferenceFunctions.silu(x[i], beta[u]);
      if (TestFloats.ulps(y[i], ref) > ulps) {
        m.add("x=" + x[i] + " beta=" + beta[u] + ": " + y[i] + " vs " + ref);
      }
      expectNear(m, i, dx[i], ReferenceFunctions.siluDerivative(x[i], beta[u]),
          8 * U * ReferenceFunctions.siluScale(x[i], beta[u]));
      wantGrad[u] += ReferenceFunctions.siluBetaDerivative(x[i], beta[u]);
    }
    for (int u : new int[] {7, 8}) {
      boolean overflows = Float.isInfinite((float) wantGrad[u]);
      if (overflows ? grad[u] != (float) wantGrad[u]
          : !(Math.abs(grad[u] - wantGrad[u]) <= 16 * U * Math.abs(wantGrad[u]))) {
        m.add("betaGrad[" + u + "]=" + grad[u] + " vs " + wantGrad[u]);
      }
    }
    check(failures, m);
    float[] want = new float[x.length];
    k.softplusForward(x, y, x.length, 1e-30f, 20f);
    Kernels.scalar().elementwise().softplusForward(x, want, x.length, 1e-30f, 20f);
    check(failures, identical(kernels + " softplus with a tiny beta", want, y));
    assertThat(failures).isEmpty();
  }

  @Test
  void theNormalDistributionReferenceMatchesPublishedValues() {
    // Φ(x) to 20 digits (mpmath.ncdf)
    double[][] table = {
      {-30, 4.9067139271481870595e-198}, {-14, 7.7935368191928002544e-45},
      {-10, 7.619853024160526066e-24}, {-5, 2.8665157187919391167e-7},
      {-3, 0.0013498980316300945267}, {-1, 0.15865525393145705141},
      {-0.75, 0.22662735237686819933}, {0.1, 0.53982783727702898367},
      {2, 0.9772498680518207928}, {5, 0.99999971334842812081}
    };
    for (double[] row : table) {
      assertThat(ReferenceFunctions.phi(row[0])).as("Φ(%s)", row[0])
          .isCloseTo(row[1], org.assertj.core.api.Assertions.within(1e-13 * row[1]));
    }
  }
}
