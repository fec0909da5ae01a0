package dev.rectifier.internal.kernels;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Test data and float comparisons shared by the kernel tests. */
final class TestFloats {

  /** 2^−24: the unit roundoff of float. */
  static final double U = 0x1p-24;

  /** Lengths around one and two vectors of 128-, 256- and 512-bit floats, and two long ones. */
  static final int[] LENGTHS = {1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 1023, 65_537};

  /** Inputs where functions have limits, kinks, overflow or underflow. */
  static final float[] EDGES = {
    0f, -0f, 1e-30f, -1e-30f, 1e-8f, -1e-8f, 1f, -1f, 20f, -20f, 88f, -88f, 89f, -89f, 100f,
    -100f, Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
    Float.NaN, Float.MIN_VALUE, -Float.MIN_VALUE, 1e-40f, -1e-40f, Float.MIN_NORMAL, 0.5f, -0.5f,
    -0.99999994f, 1.5707964f, -1.5707964f, 3.1415927f, 1e4f, -1e4f, 1e5f, -1e5f, 3e6f, -3e6f,
    88.72f, 88.73f, -103.9f, -104f, 1e-4f, -1e-4f, 0.34657f, -0.34657f, 9f, -9f, 17.5f, -17.5f
  };

  private TestFloats() {}

  /** @return the kernels of that name; skips the test where the vector kernels cannot run */
  static KernelSet kernels(String name) {
    if (name.equals("scalar")) {
      return Kernels.scalar();
    }
    assumeTrue(Kernels.vector().isPresent(), "no jdk.incubator.vector in this JVM");
    return Kernels.vector().get();
  }

  /** @return (kernels, length) for both kernel sets and every length */
  static Stream<Arguments> kernelsAndLengths() {
    return Stream.of("scalar", "vector")
        .flatMap(k -> IntStream.of(LENGTHS).mapToObj(n -> Arguments.of(k, n)));
  }

  /** @return the lengths */
  static IntStream lengths() {
    return IntStream.of(LENGTHS);
  }

  /**
   * Floats from all over the range: moderate values, small ones, log-uniform magnitudes across
   * the exponent range, values a trigonometric function meets, arbitrary bit patterns (NaN,
   * infinities and subnormals among them), with the edge values spread over the array.
   */
  static float[] wide(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      double kind = r.nextDouble();
      double sign = r.nextBoolean() ? 1 : -1;
      if (kind < 0.3) {
        x[i] = (float) r.nextDouble(-12, 12);
      } else if (kind < 0.45) {
        x[i] = (float) (sign * Math.pow(10, r.nextDouble(-12, 0)));
      } else if (kind < 0.6) {
        x[i] = (float) r.nextDouble(-1, 1);
      } else if (kind < 0.75) {
        x[i] = (float) (sign * Math.exp(r.nextDouble(-104, 90)));
      } else if (kind < 0.9) {
        x[i] = (float) r.nextDouble(-1e4, 1e4);
      } else {
        x[i] = Float.intBitsToFloat(r.nextInt());
      }
    }
    for (int k = 0; k < EDGES.length; k++) {
      x[(int) ((k * 7919L + seed) % n)] = EDGES[k];
    }
    return x;
  }

  /** Finite values of moderate size, for arithmetic that should not overflow. */
  static float[] moderate(int n, long seed, double range) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) r.nextDouble(-range, range);
    }
    return x;
  }

  /**
   * @return the distance from actual to the reference itself (not to its float), in ulps of the
   *     reference's float (for a subnormal or zero reference, in the subnormal spacing), as the
   *     documented bounds and AccuracySweep measure it: a correctly rounded result is within 0.5;
   *     0 where both are NaN or the same infinity, +∞ where only one is
   */
  static double ulps(float actual, double reference) {
    float rf = (float) reference;
    if (Double.isNaN(reference) || Float.isNaN(actual)) {
      return Double.isNaN(reference) && Float.isNaN(actual) ? 0 : Double.POSITIVE_INFINITY;
    }
    if (Float.isInfinite(rf) || Float.isInfinite(actual)) {
      return rf == actual ? 0 : Double.POSITIVE_INFINITY;
    }
    return Math.abs((double) actual - reference) / Math.ulp(rf);
  }

  /** A list of the first few mismatches, for failure messages. */
  static final class Mismatches {
    private final String what;
    private final List<String> lines = new ArrayList<>();
    private int count;

    Mismatches(String what) {
      this.what = what;
    }

    void add(String line) {
      if (count++ < 8) {
        lines.add(line);
      }
    }

    boolean none() {
      return count == 0;
    }

    @Override
    public String toString() {
      return what + ": " + count + " mismatches, first " + String.join("; ", lines);
    }
  }

  /** Checks y[i] against f(x[i]) within maxUlps, or within absTol where the ulp test fails. */
  static Mismatches compare(
      String what, float[] x, float[] y, DoubleUnaryOperator f, double maxUlps, double absTol) {
    Mismatches m = new Mismatches(what);
    for (int i = 0; i < x.length; i++) {
      double ref = f.applyAsDouble(x[i]);
      double u = ulps(y[i], ref);
      if (u > maxUlps && !(Math.abs(y[i] - ref) <= absTol)) {
        m.add("x[" + i + "]=" + x[i] + " gave " + y[i] + ", expected " + (float) ref + " (" + u
            + " ulp)");
      }
    }
    return m;
  }

  /** Checks that two arrays are equal bit for bit (every NaN counting as the same NaN). */
  static Mismatches identical(String what, float[] expected, float[] actual) {
    Mismatches m = new Mismatches(what);
    for (int i = 0; i < expected.length; i++) {
      if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
        m.add("[" + i + "] expected " + expected[i] + " but was " + actual[i]);
      }
    }
    return m;
  }
}
