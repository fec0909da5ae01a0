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
      List.of("elu", "leaky_relu", "linear", "prelu", "relu", "sigmoid", "tanh");

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
        "identity|linear"
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
    assertThatThrownBy(() -> Activations.create("selu", 3))
        .hasMessageStartingWith("unknown activation 'selu' (did you mean relu?)");
    assertThatThrownBy(() -> Activations.create("swish", 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown activation 'swish'; available: elu, identity, leaky_relu, linear, prelu,"
                + " relu, sigmoid, tanh");
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
  }

  @Test
  void onlyPreluHasTrainableParametersStartingAtItsAlpha() {
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
  }
}
