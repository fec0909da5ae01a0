package dev.rectifier.spi;

import dev.rectifier.internal.kernels.ElementwiseKernels;
import dev.rectifier.internal.kernels.Kernels;
import java.util.Objects;

/**
 * Bulk math over ranges of {@code float} arrays, for custom activations that want the speed of
 * the built-ins: each method runs on the vector kernels when they are enabled (JVM flag {@code
 * --add-modules jdk.incubator.vector}) and on exact scalar loops otherwise.
 *
 * <p>Every method reads {@code n} elements from each input starting at its offset and writes
 * {@code n} elements of {@code out} (or {@code y}) starting at its offset; the output may be one
 * of the inputs. Accuracy: {@code exp}, {@code expm1}, {@code log1p}, {@code sigmoid} and {@code
 * tanh} are within 4 ulp of the exact value on both paths; {@code sin} and {@code cos} are
 * within 4 ulp for |x| ≤ 10⁴ and within 1e-6 absolute beyond; the arithmetic is exact IEEE
 * arithmetic. NaN gives NaN.
 *
 * <p>An activation f(x) = x + sin²(x) could compute its forward pass with:
 *
 * <pre>{@code
 * ArrayMath.sin(x, 0, y, 0, n);          // y = sin x
 * ArrayMath.mul(y, 0, y, 0, y, 0, n);    // y = sin² x
 * ArrayMath.add(x, 0, y, 0, y, 0, n);    // y = x + sin² x
 * }</pre>
 *
 * <p>Every method throws {@link IndexOutOfBoundsException} if a range does not fit its array.
 */
public final class ArrayMath {

  private ArrayMath() {}

  /**
   * @return {@code vector} or {@code scalar}: which kernels run these methods in this JVM
   */
  public static String kernels() {
    return Kernels.get().name();
  }

  /** y = e^x. */
  public static void exp(float[] x, int xOff, float[] y, int yOff, int n) {
    check(x, xOff, y, yOff, n);
    k().exp(x, xOff, y, yOff, n);
  }

  /** y = e^x − 1, accurate near 0. */
  public static void expm1(float[] x, int xOff, float[] y, int yOff, int n) {
    check(x, xOff, y, yOff, n);
    k().expm1(x, xOff, y, yOff, n);
  }

  /** y = ln(1 + x), accurate near 0; NaN for x &lt; −1. */
  public static void log1p(float[] x, int xOff, float[] y, int yOff, int n) {
    check(x, xOff, y, yOff, n);
    k().log1p(x, xOff, y, yOff, n);
  }

  /** y = sin(x), x in radians. */
  public static void sin(float[] x, int xOff, float[] y, int yOff, int n) {
    check(x, xOff, y, yOff, n);
    k().sin(x, xOff, y, yOff, n);
  }

  /** y = cos(x), x in radians. */
  public static void cos(float[] x, int xOff, float[] y, int yOff, int n) {
    check(x, xOff, y, yOff, n);
    k().cos(x, xOff, y, yOff, n);
  }

  /** y = 1 / (1 + e^−x), exact 0 and 1 at ∓∞. */
  public static void sigmoid(float[] x, int xOff, float[] y, int yOff, int n) {
    check(x, xOff, y, yOff, n);
    k().sigmoid(x, xOff, y, yOff, n);
  }

  /** y = tanh(x), accurate near 0. */
  public static void tanh(float[] x, int xOff, float[] y, int yOff, int n) {
    check(x, xOff, y, yOff, n);
    k().tanh(x, xOff, y, yOff, n);
  }

  /** out = a + b. */
  public static void add(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
    check(a, aOff, b, bOff, out, outOff, n);
    k().add(a, aOff, b, bOff, out, outOff, n);
  }

  /** out = a − b. */
  public static void sub(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
    check(a, aOff, b, bOff, out, outOff, n);
    k().sub(a, aOff, b, bOff, out, outOff, n);
  }

  /** out = a · b. */
  public static void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
    check(a, aOff, b, bOff, out, outOff, n);
    k().mul(a, aOff, b, bOff, out, outOff, n);
  }

  /** out = a / b. */
  public static void div(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
    check(a, aOff, b, bOff, out, outOff, n);
    k().div(a, aOff, b, bOff, out, outOff, n);
  }

  /** out = a · b + c, rounded once. */
  public static void fma(
      float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, float[] out, int outOff,
      int n) {
    check(a, aOff, b, bOff, out, outOff, n);
    Objects.checkFromIndexSize(cOff, n, c.length);
    k().fma(a, aOff, b, bOff, c, cOff, out, outOff, n);
  }

  /** out = a · s. */
  public static void scale(float[] a, int aOff, float s, float[] out, int outOff, int n) {
    check(a, aOff, out, outOff, n);
    k().scale(a, aOff, s, out, outOff, n);
  }

  private static ElementwiseKernels k() {
    return Kernels.get().elementwise();
  }

  private static void check(float[] x, int xOff, float[] y, int yOff, int n) {
    Objects.checkFromIndexSize(xOff, n, x.length);
    Objects.checkFromIndexSize(yOff, n, y.length);
  }

  private static void check(
      float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
    Objects.checkFromIndexSize(aOff, n, a.length);
    Objects.checkFromIndexSize(bOff, n, b.length);
    Objects.checkFromIndexSize(outOff, n, out.length);
  }
}
