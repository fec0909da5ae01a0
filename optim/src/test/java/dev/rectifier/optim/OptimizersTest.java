package dev.rectifier.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rectifier.Optimizer;
import dev.rectifier.Optimizers;
import dev.rectifier.Parameter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Three optimizer steps on f(θ) = Σ θ², whose gradient is 2θ, against the update rules worked
 * out in double precision. Float rounding of θ (~1e-7) and of the update bounds the tolerance.
 */
class OptimizersTest {

  private static final double[] START = {1.0, -0.5, 0.25, 3.0, -2.0};

  private static Parameter parameter() {
    Parameter p = new Parameter("theta", 1, START.length);
    for (int i = 0; i < START.length; i++) {
      p.values()[i] = (float) START[i];
    }
    return p;
  }

  private static void run(Optimizer o, Parameter p, int steps) {
    o.attach(List.of(p));
    for (int s = 0; s < steps; s++) {
      for (int i = 0; i < p.size(); i++) {
        p.gradients()[i] = 2 * p.values()[i];
      }
      o.step();
    }
  }

  @Test
  void adamsFirstStepMovesEachValueByAboutTheLearningRate() {
    // Step 1: m = 0.1g, v = 0.001g², α = lr·√0.001/0.1, so Δθ = lr·g·√0.001/(√0.001·|g| + ε).
    Parameter p = parameter();
    run(Optimizers.create("adam(learning_rate=0.01)"), p, 1);
    for (int i = 0; i < START.length; i++) {
      double g = 2 * START[i];
      double s = Math.sqrt(0.001);
      double expected = START[i] - 0.01 * g * s / (s * Math.abs(g) + 1e-7);
      assertThat((double) p.values()[i]).isCloseTo(expected, within(2e-7));
      assertThat(Math.abs(expected - START[i])).isCloseTo(0.01, within(1e-6));
    }
  }

  @ParameterizedTest
  @CsvSource({"keras, 0", "pytorch, 0", "keras, 0.1", "pytorch, 0.5"})
  void adamThreeStepsEqualTheHandComputedRule(String form, double weightDecay) {
    double lr = 0.05;
    double b1 = 0.8;
    double b2 = 0.95;
    double eps = 1e-3;
    Parameter p = parameter();
    Optimizer adam =
        Optimizers.create(
            "adam",
            Map.of("learning_rate", lr, "beta_1", b1, "beta_2", b2, "epsilon", eps,
                "weight_decay", weightDecay, "form", form));
    run(adam, p, 3);
    assertThat(adam.iterations()).isEqualTo(3);
    for (int i = 0; i < START.length; i++) {
      double theta = START[i];
      double m = 0;
      double v = 0;
      for (int t = 1; t <= 3; t++) {
        double g = 2 * theta;
        theta -= lr * weightDecay * theta;
        m = b1 * m + (1 - b1) * g;
        v = b2 * v + (1 - b2) * g * g;
        if (form.equals("keras")) {
          double alpha = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
          theta -= alpha * m / (Math.sqrt(v) + eps);
        } else {
          double mHat = m / (1 - Math.pow(b1, t));
          double vHat = v / (1 - Math.pow(b2, t));
          theta -= lr * mHat / (Math.sqrt(vHat) + eps);
        }
      }
      assertThat((double) p.values()[i]).as("θ[%d]", i).isCloseTo(theta, within(2e-6));
    }
    List<float[]> state = adam.state();
    assertThat(state).hasSize(2);
    assertThat(state.get(0)).hasSize(START.length);
  }

  @Test
  void theFormsDifferOnlyWhereEpsilonEnters() {
    Parameter a = parameter();
    Parameter b = parameter();
    run(Optimizers.create("adam(epsilon=1e-12, form=keras)"), a, 3);
    run(Optimizers.create("adam(epsilon=1e-12, form=pytorch)"), b, 3);
    for (int i = 0; i < START.length; i++) {
      assertThat(a.values()[i]).isCloseTo(b.values()[i], within(1e-6f));
    }
    Parameter c = parameter();
    Parameter d = parameter();
    run(Optimizers.create("adam(learning_rate=0.1, epsilon=1, form=keras)"), c, 3);
    run(Optimizers.create("adam(learning_rate=0.1, epsilon=1, form=pytorch)"), d, 3);
    assertThat(c.values()[0]).isNotEqualTo(d.values()[0]);
  }

  @ParameterizedTest
  @CsvSource({"0, false, 0", "0.9, false, 0", "0.9, true, 0", "0.5, false, 0.2", "0, false, 0.3"})
  void sgdThreeStepsEqualTheHandComputedRule(double momentum, boolean nesterov, double wd) {
    double lr = 0.1;
    Parameter p = parameter();
    Optimizer sgd =
        Optimizers.create(
            "sgd",
            Map.of("learning_rate", lr, "momentum", momentum, "nesterov", nesterov,
                "weight_decay", wd));
    run(sgd, p, 3);
    for (int i = 0; i < START.length; i++) {
      double theta = START[i];
      double u = 0;
      for (int t = 1; t <= 3; t++) {
        double g = 2 * theta;
        theta -= lr * wd * theta;
        if (momentum == 0) {
          theta -= lr * g;
        } else {
          u = momentum * u - lr * g;
          theta += nesterov ? momentum * u - lr * g : u;
        }
      }
      assertThat((double) p.values()[i]).as("θ[%d]", i).isCloseTo(theta, within(2e-6));
    }
    assertThat(sgd.state()).hasSize(momentum == 0 ? 0 : 1);
  }

  @Test
  void specStringsAndDefaultsAreKeras() {
    assertThat(Optimizers.names()).containsExactly("adam", "sgd");
    assertThat(Optimizers.create("adam").toString())
        .isEqualTo(
            "adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1.0E-7,"
                + " weight_decay=0, form=keras)");
    assertThat(Optimizers.create("SGD").toString())
        .isEqualTo("sgd(learning_rate=0.01, momentum=0, nesterov=false, weight_decay=0)");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "adam(learning_rate=0)|'learning_rate' of adam is 0.0; expected a finite number in (0, +inf)",
        "adam(learning_rate=-1)|'learning_rate' of adam is -1.0",
        "adam(beta_1=1)|'beta_1' of adam is 1.0; expected a finite number in [0, 1)",
        "adam(beta_2=-0.1)|'beta_2' of adam is -0.1; expected a finite number in [0, 1)",
        "adam(epsilon=0)|'epsilon' of adam is 0.0",
        "adam(form=tf)|'form' of adam is tf; expected one of [keras, pytorch]",
        "sgd(momentum=1.5)|'momentum' of sgd is 1.5",
        "adam(beta_2=0.99999999999)|'beta_2' of adam is 0.99999999999, which is 1.0 as a float"
            + " (the value used); expected a finite float in [0, 1)",
        "adam(epsilon=1e-50)|'epsilon' of adam is 1.0E-50, which is 0.0 as a float",
        "sgd(learning_rate=1e39)|'learning_rate' of sgd is 1.0E39, which is Infinity as a float",
        "adam(learning_rate=10, weight_decay=1e38)|learning_rate × weight_decay of adam is 1.0E39"
            + " (learning_rate=10.0, weight_decay=1.0E38), beyond float's range; expected at most"
            + " 3.4028235E38",
        "sgd(learning_rate=10, weight_decay=1e38)|learning_rate × weight_decay of sgd is 1.0E39",
        "sgd(nesterov=yes)|'nesterov' of sgd is yes; expected true or false",
        "adamax|unknown optimizer 'adamax' (did you mean adam?); available: adam, sgd",
      })
  void badHyperParametersAreNamedWithTheirRange(String line) {
    String[] parts = line.split("\\|");
    assertThatThrownBy(() -> Optimizers.create(parts[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(parts[1]);
  }

  @Test
  void learningRateNaNIsRejected() {
    assertThatThrownBy(() -> Optimizers.create("adam", Map.of("learning_rate", Double.NaN)))
        .hasMessage(
            "hyper-parameter 'learning_rate' of adam is NaN; expected a finite number in"
                + " (0, +inf)");
  }

  @Test
  void stepBeforeAttachFailsClearly() {
    assertThatThrownBy(() -> Optimizers.create("adam").step())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not attached");
  }
}
