package dev.rectifier.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rectifier.Dense;
import dev.rectifier.Layer;
import dev.rectifier.Parameter;
import dev.rectifier.Sequential;
import dev.rectifier.spi.PiecewiseLinear;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The analytic gradient of every parameter of a whole network — Dense kernels and biases, and
 * PReLU's slopes and trainable SiLU's betas — against central finite differences of the loss, for
 * every built-in activation.
 *
 * <p>Tolerance for float: the loss (about 1) is computed from float outputs, so each evaluation
 * carries a rounding error of a few 1e-7; divided by 2h with h = 1e-3 that is ~2e-4. Truncation
 * is h²·|L'''|/6, below 1e-6 here. Hence 2e-3 absolute plus 2e-3 relative.
 * A perturbation that moves any pre-activation across a kink would measure a different piece of
 * the function. The kinks are each unit's breakpoints where the activation is piecewise linear
 * (0 for relu, ±3 for hard_sigmoid, min and max for hard_tanh, 0 and 6 for relu6), else 0 (where
 * elu and selu change formula): the samples keep every pre-activation at least 0.05 away from
 * them, and a parameter whose perturbation still crosses one is skipped; the test requires that
 * almost none are.
 */
class NetworkGradientCheckTest {

  static final float H = 1e-3f;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "relu", "leaky_relu(alpha=0.1)", "prelu", "prelu(alpha=0.3, shared=true)", "sigmoid",
        "tanh", "elu", "elu(alpha=0.5)", "linear", "selu", "gelu", "gelu(approximate=tanh)",
        "silu", "silu(beta=1.5, trainable=true)", "softplus", "softplus(beta=2)", "mish",
        "hard_sigmoid", "hard_tanh", "hard_tanh(min=-0.5, max=0.5)", "relu6"
      })
  void analyticGradientsMatchCentralDifferences(String activation) {
    Sequential m =
        new Sequential(3, 17)
            .add(new Dense(6, activation).biasInitializer(
                (v, in, out, r) -> fill(v, r, 0.5)))
            .add(new Dense(4, activation).biasInitializer(
                (v, in, out, r) -> fill(v, r, 0.5)))
            .add(new Dense(2))
            .compile("sgd", "mse");
    // Samples whose pre-activations all lie at least 0.05 from the kinks, so that no perturbation
    // of size h crosses one.
    SplittableRandom r = new SplittableRandom(activation.hashCode());
    float[][] x = new float[12][];
    float[][] y = new float[12][];
    for (int i = 0; i < x.length; ) {
      float[] xi = new float[3];
      for (int c = 0; c < 3; c++) {
        xi[c] = (float) (r.nextDouble() * 4 - 2);
      }
      if (minDistanceToKinks(m, xi) >= 0.05) {
        x[i] = xi;
        y[i] = new float[] {(float) r.nextDouble(), (float) -r.nextDouble()};
        i++;
      }
    }
    m.computeGradients(x, y);
    List<float[]> analytic = new ArrayList<>();
    for (Parameter p : m.parameters()) {
      analytic.add(p.gradients().clone());
    }
    String pattern = kinkPattern(m, x);
    int checked = 0;
    int skipped = 0;
    List<Parameter> params = m.parameters();
    boolean sawActivationParameter = false;
    for (int pi = 0; pi < params.size(); pi++) {
      Parameter p = params.get(pi);
      sawActivationParameter |= p.name().equals("alpha") || p.name().equals("beta");
      float[] v = p.values();
      for (int i = 0; i < v.length; i++) {
        float old = v[i];
        v[i] = old + H;
        double up = m.evaluate(x, y);
        boolean sameUp = kinkPattern(m, x).equals(pattern);
        v[i] = old - H;
        double down = m.evaluate(x, y);
        boolean sameDown = kinkPattern(m, x).equals(pattern);
        v[i] = old;
        if (!sameUp || !sameDown) {
          skipped++;
          continue;
        }
        checked++;
        double fd = (up - down) / (2 * H);
        assertThat((double) analytic.get(pi)[i])
            .as("%s: %s[%d]", activation, p, i)
            .isCloseTo(fd, within(2e-3 + 2e-3 * Math.abs(fd)));
      }
    }
    assertThat(skipped).as("parameters skipped for a kink").isLessThanOrEqualTo(checked / 10);
    assertThat(sawActivationParameter)
        .isEqualTo(activation.startsWith("prelu") || activation.contains("trainable=true"));
  }

  private static void fill(float[] v, SplittableRandom r, double scale) {
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) ((r.nextDouble() * 2 - 1) * scale);
    }
  }

  /** A unit's kinks: its breakpoints if piecewise linear, else 0. */
  private static double[] kinks(Layer layer, int unit) {
    return ((Dense) layer).activation().piecewiseLinear(unit)
        .map(PiecewiseLinear::breakpoints)
        .orElse(new double[] {0});
  }

  private static double minDistanceToKinks(Sequential m, float[] x) {
    double min = Double.POSITIVE_INFINITY;
    float[] input = x;
    List<Layer> layers = m.layers();
    for (int l = 0; l < layers.size() - 1; l++) {
      Layer layer = layers.get(l);
      float[] z = new float[layer.outputWidth()];
      float[] a = new float[z.length];
      layer.forward(input, z, a, 1);
      for (int u = 0; u < z.length; u++) {
        for (double k : kinks(layer, u)) {
          min = Math.min(min, Math.abs(z[u] - k));
        }
      }
      input = a;
    }
    return min;
  }

  /** Which piece, between the kinks, every pre-activation of every layer lies in, per sample. */
  private static String kinkPattern(Sequential m, float[][] x) {
    StringBuilder sb = new StringBuilder();
    int rows = x.length;
    float[] input = new float[rows * m.inputWidth()];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(x[i], 0, input, i * m.inputWidth(), m.inputWidth());
    }
    for (Layer layer : m.layers()) {
      float[] z = new float[rows * layer.outputWidth()];
      float[] a = new float[z.length];
      layer.forward(input, z, a, rows);
      int units = layer.outputWidth();
      for (int i = 0; i < z.length; i++) {
        int piece = 0;
        for (double k : kinks(layer, i % units)) {
          piece += z[i] > k ? 1 : 0;
        }
        sb.append((char) ('0' + piece));
      }
      input = a;
    }
    return sb.toString();
  }
}
