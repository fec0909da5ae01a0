package dev.rectifier;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How a parameter's first values are drawn. The defaults are Keras': {@link #glorotUniform()} for
 * Dense kernels and {@link #zeros()} for biases.
 *
 * <p>fan_in is the layer's input width and fan_out its number of units. The normal variants draw
 * from a normal distribution truncated at two standard deviations (values beyond are drawn
 * again), with the standard deviation divided by 0.87962566103423978 to keep the stated
 * variance, as Keras' {@code VarianceScaling} does. Draws are computed with {@link StrictMath}
 * from the seeded generator, so a seed gives the same bits on every JVM.
 */
@FunctionalInterface
public interface Initializer {

  /**
   * Fills a parameter.
   *
   * @param values the parameter's values, row-major
   * @param fanIn the layer's input width
   * @param fanOut the layer's output width
   * @param random the generator to draw from
   */
  void fill(float[] values, int fanIn, int fanOut, SplittableRandom random);

  /** Uniform in [−l, l] with l = √(6 / (fan_in + fan_out)). Keras' default for kernels. */
  static Initializer glorotUniform() {
    return named("glorot_uniform", (v, in, out, r) -> uniform(v, Math.sqrt(6.0 / (in + out)), r));
  }

  /** Truncated normal with standard deviation √(2 / (fan_in + fan_out)). */
  static Initializer glorotNormal() {
    return named("glorot_normal", (v, in, out, r) -> truncatedNormal(v, Math.sqrt(2.0 / (in + out)), r));
  }

  /** Uniform in [−l, l] with l = √(6 / fan_in). */
  static Initializer heUniform() {
    return named("he_uniform", (v, in, out, r) -> uniform(v, Math.sqrt(6.0 / in), r));
  }

  /** Truncated normal with standard deviation √(2 / fan_in). */
  static Initializer heNormal() {
    return named("he_normal", (v, in, out, r) -> truncatedNormal(v, Math.sqrt(2.0 / in), r));
  }

  /** Truncated normal with standard deviation √(1 / fan_in), which SELU needs. */
  static Initializer lecunNormal() {
    return named("lecun_normal", (v, in, out, r) -> truncatedNormal(v, Math.sqrt(1.0 / in), r));
  }

  /** All zeros. Keras' default for biases. */
  static Initializer zeros() {
    return named("zeros", (v, in, out, r) -> java.util.Arrays.fill(v, 0f));
  }

  /**
   * Every value equal to {@code value}.
   *
   * @param value a finite number
   * @return the initializer
   */
  static Initializer constant(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "constant initializer value is " + value + "; expected a finite number");
    }
    return named("constant(value=" + value + ")",
        (v, in, out, r) -> java.util.Arrays.fill(v, (float) value));
  }

  /**
   * Finds an initializer by name: glorot_uniform, glorot_normal, he_uniform, he_normal,
   * lecun_normal or zeros.
   *
   * @param name the name, in any case
   * @return the initializer
   * @throws IllegalArgumentException for another name, listing the available ones
   */
  static Initializer of(String name) {
    String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    switch (n) {
      case "glorot_uniform":
        return glorotUniform();
      case "glorot_normal":
        return glorotNormal();
      case "he_uniform":
        return heUniform();
      case "he_normal":
        return heNormal();
      case "lecun_normal":
        return lecunNormal();
      case "zeros":
        return zeros();
      default:
        throw new IllegalArgumentException(
            "unknown initializer '" + name + "'; available: glorot_uniform, glorot_normal,"
                + " he_uniform, he_normal, lecun_normal, zeros (and Initializer.constant(value))");
    }
  }

  private static Initializer named(String name, Initializer body) {
    return new Initializer() {
      @Override
      public void fill(float[] values, int fanIn, int fanOut, SplittableRandom random) {
        body.fill(values, fanIn, fanOut, random);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  private static void uniform(float[] v, double limit, SplittableRandom r) {
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) ((2 * r.nextDouble() - 1) * limit);
    }
  }

  private static void truncatedNormal(float[] v, double stddev, SplittableRandom r) {
    double s = stddev / 0.87962566103423978;
    for (int i = 0; i < v.length; i++) {
      double z;
      do {
        // Box-Muller with StrictMath: the same bits on every JVM.
        double u1 = 1.0 - r.nextDouble();
        double u2 = r.nextDouble();
        z = StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
      } while (Math.abs(z) > 2);
      v[i] = (float) (z * s);
    }
  }
}
