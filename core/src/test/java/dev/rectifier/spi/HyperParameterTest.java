package dev.rectifier.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HyperParameterTest {

  @Test
  void rangesAreOpenOrClosedAsDeclared() {
    HyperParameter p = HyperParameter.real("alpha", 0.5, 0, true, 1, false);
    assertThat(p.admits(0)).isTrue();
    assertThat(p.admits(1)).isFalse();
    assertThat(p.admits(Math.nextDown(1.0))).isTrue();
    assertThat(p.admits(-Double.MIN_VALUE)).isFalse();
    assertThat(p.admits(Double.NaN)).isFalse();
    assertThat(p.range()).isEqualTo("[0, 1)");
    assertThat(HyperParameter.real("b", 1, 0, false, Double.POSITIVE_INFINITY, false).range())
        .isEqualTo("(0, +inf)");
    assertThat(p.toString()).isEqualTo("alpha (real, default 0.5, [0, 1))");
  }

  @Test
  void declarationsAreCheckedWhenMade() {
    assertThatThrownBy(() -> HyperParameter.real("alpha", 2, 0, true, 1, true))
        .hasMessageContaining("default of hyper-parameter 'alpha' is 2.0, outside its range [0, 1]");
    assertThatThrownBy(() -> HyperParameter.real("Alpha", 0, 0, true, 1, true))
        .hasMessageContaining("'Alpha' is not lower_snake_case");
    assertThatThrownBy(() -> HyperParameter.requiredReal("a", 1, true, 0, true))
        .hasMessageContaining("empty range");
    assertThatThrownBy(() -> HyperParameter.choice("mode", "c", List.of("a", "b")))
        .hasMessageContaining("'c', not one of [a, b]");
  }

  @Test
  void resolveFillsDefaultsInDeclarationOrder() {
    List<HyperParameter> declared =
        List.of(
            HyperParameter.real("alpha", 0.25, -1, true, 1, true),
            HyperParameter.flag("shared", false),
            HyperParameter.integer("k", 2, 1, 5),
            HyperParameter.choice("approximate", "none", List.of("none", "tanh")));
    HyperParameters v =
        HyperParameters.resolve("act", declared, Map.of("k", 3, "approximate", "tanh"));
    assertThat(v.asMap().keySet()).containsExactly("alpha", "shared", "k", "approximate");
    assertThat(v.real("alpha")).isEqualTo(0.25);
    assertThat(v.flag("shared")).isFalse();
    assertThat(v.integer("k")).isEqualTo(3);
    assertThat(v.choice("approximate")).isEqualTo("tanh");
    assertThat(v.toString()).isEqualTo("alpha=0.25, shared=false, k=3, approximate=tanh");
    assertThat(v.toSpec("act")).isEqualTo("act(alpha=0.25, shared=false, k=3, approximate=tanh)");
    assertThat(HyperParameters.resolve("act", declared, Map.of("shared", 1.0)).flag("shared"))
        .isTrue();
  }

  @Test
  void numbersAreFormattedShortestAndExact() {
    assertThat(HyperParameters.format(0.01)).isEqualTo("0.01");
    assertThat(HyperParameters.format(1.0)).isEqualTo("1");
    assertThat(HyperParameters.format(1e-7)).isEqualTo("1.0E-7");
    assertThat(HyperParameters.format(-2.5)).isEqualTo("-2.5");
    assertThat(HyperParameters.format(1e12)).isEqualTo("1.0E12");
    assertThat(Double.parseDouble(HyperParameters.format(0.1 + 0.2))).isEqualTo(0.1 + 0.2);
  }
}
