package dev.rectifier.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rectifier.Activations;
import dev.rectifier.spi.Activation;
import dev.rectifier.spi.ActivationProvider;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscoveryAndErrorsTest {

  static final List<String> BUILT_INS =
      List.of("elu", "gelu", "hard_sigmoid", "hard_tanh", "leaky_relu", "linear", "mish", "prelu",
          "relu", "relu6", "selu", "sigmoid", "silu", "softplus", "tanh");

  @Test
  void serviceLoaderFindsEveryBuiltInOnTheClassPath() {
    List<String> names =
        ServiceLoader.load(ActivationProvider.class).stream()
            .map(p -> p.get().name())
            .sorted()
            .toList();
    assertThat(names).containsExactlyElementsOf(BUILT_INS);
    assertThat(Activations.names()).containsExactlyElementsOf(BUILT_INS);
    assertThat(Activations.provider("identity").name()).isEqualTo("linear");
    assertThat(Activations.provider("swish").name()).isEqualTo("silu");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "relu|relu",
        "LeakyReLU|''",
        "leaky_relu|leaky_relu(alpha=0.01)",
        "Leaky-ReLU(alpha=0.2)|leaky_relu(alpha=0.2)",
        "prelu|prelu(alpha=0.25, shared=false)",
        "prelu(shared=true)|prelu(alpha=0.25, shared=true)",
        "sigmoid|sigmoid",
        "tanh|tanh",
        "elu|elu(alpha=1)",
        "identity|linear",
        "selu|selu",
        "gelu|gelu(approximate=none)",
        "GELU(approximate=tanh)|gelu(approximate=tanh)",
        "swish|silu(beta=1, trainable=false)",
        "silu(beta=0.5, trainable=true)|silu(beta=0.5, trainable=true)",
        "softplus|softplus(beta=1, threshold=20)",
        "softplus(beta=2.5)|softplus(beta=2.5, threshold=20)",
        "mish|mish",
        "Hard-Sigmoid|hard_sigmoid",
        "hard_tanh|hard_tanh(min=-1, max=1)",
        "hard_tanh(min=-2)|hard_tanh(min=-2, max=1)",
        "relu6|relu6"
      })
  void toStringReadsLikeASpecString(String spec, String expected) {
    if (expected.isEmpty()) {
      assertThatThrownBy(() -> Activations.create(spec, 1))
          .hasMessageStartingWith(
              "unknown activation 'LeakyReLU' (did you mean leaky_relu?); available: elu,");
      return;
    }
    Activation a = Activations.create(spec, 4);
    assertThat(a.toString()).isEqualTo(expected);
    assertThat(Activations.create(a.toString(), 4).hyperParameters())
        .isEqualTo(a.hyperParameters());
  }

  @Test
  void unknownNameListsEveryName() {
    assertThatThrownBy(() -> Activations.create("misch", 3))
        .hasMessageStartingWith("unknown activation 'misch' (did you mean mish?)");
    assertThatThrownBy(() -> Activations.create("snake", 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown activation 'snake'; available: elu, gelu, hard_sigmoid, hard_tanh, identity,"
                + " leaky_relu, linear, mish, prelu, relu, relu6, selu, sigmoid, silu, softplus,"
                + " swish, tanh");
  }

  @Test
  void badHyperParametersNameTheActivationTheValueAndTheRange() {
    assertThatThrownBy(() -> Activations.create("leaky_relu(alpha=-0.1)", 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "hyper-parameter 'alpha' of leaky_relu is -0.1; expected a finite number in"
                + " [0, +inf)");
    assertThatThrownBy(() -> Activations.create("elu", Map.of("alpha", Double.NaN), 3))
        .hasMessage("hyper-parameter 'alpha' of elu is NaN; expected a finite number in [0, +inf)");
    assertThatThrownBy(() -> Activations.create("prelu(shared=2)", 3))
        .hasMessage("hyper-parameter 'shared' of prelu is 2.0; expected true or false");
    assertThatThrownBy(() -> Activations.create("relu(alpha=0.1)", 3))
        .hasMessage("unknown hyper-parameter 'alpha' for relu; it accepts none");
    assertThatThrownBy(() -> Activations.create("elu(beta=1)", 3))
        .hasMessage("unknown hyper-parameter 'beta' for elu; it accepts alpha [0, +inf)");
    assertThatThrownBy(() -> Activations.create("gelu(approximate=erf)", 3))
        .hasMessage("hyper-parameter 'approximate' of gelu is erf; expected one of [none, tanh]");
    assertThatThrownBy(() -> Activations.create("softplus(beta=0)", 3))
        .hasMessage(
            "hyper-parameter 'beta' of softplus is 0.0; expected a finite number in (0, +inf)");
    assertThatThrownBy(() -> Activations.create("swish(beta=-1)", 3))
        .hasMessage(
            "hyper-parameter 'beta' of silu is -1.0; expected a finite number in (0, +inf)");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "softplus(beta=1e39)|hyper-parameter 'beta' of softplus is 1.0E39, which is Infinity as a"
            + " float (the value used); expected a finite float in (0, +inf)",
        "softplus(beta=1e-50)|hyper-parameter 'beta' of softplus is 1.0E-50, which is 0.0 as a"
            + " float (the value used); expected a finite float in (0, +inf)",
        "softplus(threshold=-1)|hyper-parameter 'threshold' of softplus is -1.0; expected a finite"
            + " number in (0, +inf)",
        "softplus(beta=NaN)|cannot parse activation spec 'softplus(beta=NaN)' at position 14:"
            + " value NaN is not a finite number (expected the form name or name(key=value, ...),"
            + " such as leaky_relu(alpha=0.1))",
        "silu(beta=1e39)|hyper-parameter 'beta' of silu is 1.0E39, which is Infinity as a float"
            + " (the value used); expected a finite float in (0, +inf)",
        "swish(trainable=maybe)|hyper-parameter 'trainable' of silu is maybe; expected true or"
            + " false",
        "gelu(approximate=fast)|hyper-parameter 'approximate' of gelu is fast; expected one of"
            + " [none, tanh]",
        "mish(beta=1)|unknown hyper-parameter 'beta' for mish; it accepts none",
        "selu(alpha=1)|unknown hyper-parameter 'alpha' for selu; it accepts none",
        "relu6(max=5)|unknown hyper-parameter 'max' for relu6; it accepts none",
        "hard_sigmoid(slope=0.2)|unknown hyper-parameter 'slope' for hard_sigmoid; it accepts"
            + " none",
        "hard_tanh(min=-1e39)|hyper-parameter 'min' of hard_tanh is -1.0E39, which is -Infinity as"
            + " a float (the value used); expected a finite float in (-inf, +inf)",
        "elu(alpha=1e39)|hyper-parameter 'alpha' of elu is 1.0E39, which is Infinity as a float"
            + " (the value used); expected a finite float in [0, +inf)",
        "prelu(alpha=-1e39)|hyper-parameter 'alpha' of prelu is -1.0E39, which is -Infinity as a"
            + " float (the value used); expected a finite float in (-inf, +inf)",
        "hard_tanh(min=0.1, max=0.10000000001)|hyper-parameters 'min' and 'max' of hard_tanh are"
            + " min=0.1, max=0.10000000001, 0.1 and 0.1 as floats (the values used); expected"
            + " min < max",
      })
  void newerActivationsRefuseBadValuesByName(String spec, String message) {
    assertThatThrownBy(() -> Activations.create(spec, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "hard_tanh(min=2)|min=2, max=1",
        "hard_tanh(min=0.5, max=0.5)|min=0.5, max=0.5",
        "hard_tanh(max=-3)|min=-1, max=-3"
      })
  void hardTanhNeedsMinBelowMax(String spec, String values) {
    assertThatThrownBy(() -> Activations.create(spec, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "hyper-parameters 'min' and 'max' of hard_tanh are " + values
                + "; expected min < max");
  }

  @Test
  void onlyPreluAndTrainableSiluHaveTrainableParametersStartingAtTheirValue() {
    for (String name : BUILT_INS) {
      Activation a = Activations.create(name, 6);
      if (name.equals("prelu")) {
        assertThat(a.parameters()).singleElement().satisfies(p -> {
          assertThat(p.rows()).isEqualTo(1);
          assertThat(p.cols()).isEqualTo(6);
          assertThat(p.values()).containsOnly(0.25f);
        });
      } else {
        assertThat(a.parameters()).as(name).isEmpty();
      }
      assertThat(a.units()).isEqualTo(6);
      assertThat(a.name()).isEqualTo(name);
    }
    assertThat(Activations.create("silu(beta=2, trainable=true)", 6).parameters())
        .singleElement()
        .satisfies(p -> {
          assertThat(p.name()).isEqualTo("beta");
          assertThat(p.rows()).isEqualTo(1);
          assertThat(p.cols()).isEqualTo(6);
          assertThat(p.values()).containsOnly(2f);
        });
  }
}
