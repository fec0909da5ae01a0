package dev.rectifier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SpecTest {

  @Test
  void parsesNamesValuesAndWhitespace() {
    Spec s = Spec.parse("activation", "  Leaky-ReLU ( alpha = 1e-2 , shared=true, mode=Tanh )  ");
    assertThat(s.name()).isEqualTo("Leaky-ReLU");
    assertThat(Spec.normalize(s.name())).isEqualTo("leaky_relu");
    assertThat(s.values())
        .containsExactly(
            Map.entry("alpha", 0.01), Map.entry("shared", true), Map.entry("mode", "tanh"));
    assertThat(Spec.parse("activation", "relu()").values()).isEmpty();
    assertThat(Spec.parse("activation", "relu").values()).isEmpty();
    assertThat(Spec.parse("activation", "x(a=-2.5,b=+3,c=.5)").values())
        .containsExactly(Map.entry("a", -2.5), Map.entry("b", 3.0), Map.entry("c", 0.5));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "\"\"|0|expected a name",
        "relu(|5|expected a hyper-parameter name",
        "relu(alpha)|10|expected '='",
        "relu(alpha=)|11|expected a value",
        "relu(alpha=1|12|expected ',' or ')'",
        "relu(alpha=1) x|14|unexpected text after the spec",
        "relu(alpha=1, alpha=2)|21|given twice",
        "relu(alpha=1x)|11|'1x' is not a number",
        "relu(alpha=NaN)|11|not a finite number",
        "relu(alpha=1e999)|11|not a finite number",
        "9relu|0|expected a name",
      })
  void reportsWhereAndWhatWentWrong(String text, int position, String problem) {
    assertThatThrownBy(() -> Spec.parse("activation", text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot parse activation spec '" + text + "' at position " + position)
        .hasMessageContaining(problem)
        .hasMessageContaining("such as leaky_relu(alpha=0.1)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ReLU", " relu ", "RELU"})
  void normalizesCase(String name) {
    assertThat(Spec.normalize(name)).isEqualTo("relu");
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> Spec.parse("optimizer", null))
        .hasMessageContaining("optimizer spec is null");
  }
}
