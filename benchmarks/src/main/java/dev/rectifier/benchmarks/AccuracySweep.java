package dev.rectifier.benchmarks;

import dev.rectifier.Activations;
import dev.rectifier.spi.Activation;
import dev.rectifier.testing.ReferenceFunctions;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The largest error of an activation's forward pass, in ulps of the float nearest the
 * double-precision reference (subnormal results in subnormal ulps), over every {@code step}-th
 * float with |x| ≤ {@code limit}, both signs. The activation runs through {@link Activations}
 * exactly as a layer runs it, on the kernels the JVM selected: with {@code --add-modules
 * jdk.incubator.vector} the vector kernels, without it the scalar ones. The numbers the
 * documentation gives for the kernels' accuracy come from this sweep.
 *
 * <pre>
 *   java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar \
 *       dev.rectifier.benchmarks.AccuracySweep gelu 7 17
 * </pre>
 *
 * <p>softplus also takes its parameters, as in {@code 'softplus(beta=2, threshold=20)'} (either may
 * be left out: 1 and 20).
 *
 * <p>Prints the number of inputs, the largest error and where, and how many results err by at
 * least 1, 2, 3 and 4 ulp. NaN must give NaN, and an infinite reference the same infinity; a
 * result that breaks this counts as an error of +∞.
 */
public final class AccuracySweep {

  private static final Map<String, DoubleUnaryOperator> REFERENCES =
      Map.of(
          "sigmoid", ReferenceFunctions::sigmoid,
          "tanh", Math::tanh,
          "elu", x -> x > 0 ? x : Math.expm1(x),
          "selu", ReferenceFunctions::selu,
          "gelu", ReferenceFunctions::gelu,
          "gelu(approximate=tanh)", ReferenceFunctions::geluTanh,
          "silu", x -> ReferenceFunctions.silu(x, 1),
          "mish", ReferenceFunctions::mish);

  private AccuracySweep() {}

  /** @param args the activation, the step between bit patterns, the largest |x| */
  public static void main(String[] args) {
    DoubleUnaryOperator reference = args.length == 3 ? reference(args[0]) : null;
    if (reference == null) {
      System.err.println(
          "usage: AccuracySweep <activation> <step> <limit>; activations: "
              + new java.util.TreeSet<>(REFERENCES.keySet())
              + " and softplus, softplus(beta=..., threshold=...)");
      System.exit(2);
    }
    int step = Integer.parseInt(args[1]);
    float limit = Float.parseFloat(args[2]);
    int n = 1 << 16;
    Activation f = Activations.create(args[0], n);
    float[] x = new float[n];
    float[] y = new float[n];
    Tally tally = new Tally(reference);
    float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
    System.arraycopy(special, 0, x, 0, special.length);
    Activations.create(args[0], special.length).forward(x, y, 1);
    tally.add(x, y, special.length);
    int top = Float.floatToRawIntBits(limit);
    for (int sign = 0; sign < 2; sign++) {
      long bits = 0;
      while (bits <= top) {
        int m = 0;
        for (; m < n && bits <= top; m++, bits += step) {
          x[m] = Float.intBitsToFloat((int) bits | sign << 31);
        }
        // one row of n units; the last batch of each sign is shorter
        (m == n ? f : Activations.create(args[0], m)).forward(x, y, 1);
        tally.add(x, y, m);
      }
    }
    System.out.printf(
        "%s: %d inputs (one float in %d with |x| <= %s), largest error %.3f ulp at x = %s;"
            + " at least 1, 2, 3, 4 ulp: %d, %d, %d, %d%n",
        args[0], tally.total - special.length, step, limit, tally.worst, tally.worstAt,
        tally.atLeast[1], tally.atLeast[2], tally.atLeast[3], tally.atLeast[4]);
  }

  /**
   * The reference for a name of {@link #REFERENCES} or a softplus, with or without
   * parameters; null for any other name.
   */
  private static DoubleUnaryOperator reference(String name) {
    Matcher m = SOFTPLUS.matcher(name.replace(" ", ""));
    if (!m.matches()) {
      return REFERENCES.get(name);
    }
    double beta = 1;
    double threshold = 20;
    if (m.group(1) != null) {
      for (String parameter : m.group(1).split(",")) {
        String[] kv = parameter.split("=", 2);
        if (kv.length != 2 || !(kv[0].equals("beta") || kv[0].equals("threshold"))) {
          return null;
        }
        double value = (float) Double.parseDouble(kv[1]);
        if (kv[0].equals("beta")) {
          beta = value;
        } else {
          threshold = value;
        }
      }
    }
    double b = beta;
    double t = threshold;
    return x -> ReferenceFunctions.softplus(x, b, t);
  }

  private static final Pattern SOFTPLUS = Pattern.compile("softplus(?:\\((.*)\\))?");

  /** The largest error so far, where, and how many results err by at least 1 to 4 ulp. */
  private static final class Tally {
    final DoubleUnaryOperator reference;
    final long[] atLeast = new long[5];
    long total;
    double worst;
    float worstAt = Float.NaN;

    Tally(DoubleUnaryOperator reference) {
      this.reference = reference;
    }

    void add(float[] x, float[] y, int m) {
      for (int i = 0; i < m; i++) {
        double e = ulps(y[i], reference.applyAsDouble(x[i]));
        for (int k = 1; k <= 4; k++) {
          if (e >= k) {
            atLeast[k]++;
          }
        }
        if (e > worst) {
          worst = e;
          worstAt = x[i];
        }
      }
      total += m;
    }
  }

  /** |y − ref| in ulps of the float nearest ref; +∞ for a wrong NaN or infinity. */
  static double ulps(float y, double ref) {
    if (Double.isNaN(ref) || Float.isNaN(y)) {
      return Double.isNaN(ref) && Float.isNaN(y) ? 0 : Double.POSITIVE_INFINITY;
    }
    float r = (float) ref;
    if (Float.isInfinite(r) || Float.isInfinite(y)) {
      return y == r ? 0 : Double.POSITIVE_INFINITY;
    }
    return Math.abs(y - ref) / Math.ulp(r); // Math.ulp(0f) is Float.MIN_VALUE
  }
}
