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
  void inFloatAdmitsOnlyValuesThatStayInRangeAsFloats() {
    HyperParameter positive =
        HyperParameter.real("beta", 1, 0, false, Double.POSITIVE_INFINITY, false).inFloat();
    assertThat(positive.isInFloat()).isTrue();
    assertThat(positive.admits(Float.MAX_VALUE)).isTrue();
    assertThat(positive.admits(1e39)).isFalse(); // Infinity as a float
    assertThat(positive.admits(Float.MIN_VALUE)).isTrue();
    assertThat(positive.admits(1e-50)).isFalse(); // 0 as a float, excluded
    HyperParameter unit = HyperParameter.real("b", 0.9, 0, true, 1, false).inFloat();
    assertThat(unit.admits(0.99999994)).isTrue(); // the float just below 1
    assertThat(unit.admits(0.99999999999)).isFalse(); // 1 as a float
    assertThat(unit.admits(1e-50)).isTrue(); // 0 as a float, allowed
    assertThat(HyperParameter.real("b", 0.9, 0, true, 1, false).admits(0.99999999999)).isTrue();
    assertThat(unit.range()).isEqualTo("[0, 1)");
  }

  @Test
  void inFloatNamesTheFloatValueWhenRoundingLeavesTheRange() {
    List<HyperParameter> declared =
        List.of(
            HyperParameter.real("beta", 1, 0, false, Double.POSITIVE_INFINITY, false).inFloat(),
            HyperParameter.real("decay", 0.9, 0, true, 1, false).inFloat());
    assertThatThrownBy(() -> HyperParameters.resolve("act", declared, Map.of("beta", 1e39)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "hyper-parameter 'beta' of act is 1.0E39, which is Infinity as a float (the value"
                + " used); expected a finite float in (0, +inf)");
    assertThatThrownBy(() -> HyperParameters.resolve("act", declared, Map.of("beta", "1e-50")))
        .hasMessage(
            "hyper-parameter 'beta' of act is 1e-50, which is 0.0 as a float (the value used);"
                + " expected a finite float in (0, +inf)");
    assertThatThrownBy(
            () -> HyperParameters.resolve("act", declared, Map.of("decay", 0.99999999999)))
        .hasMessage(
            "hyper-parameter 'decay' of act is 0.99999999999, which is 1.0 as a float (the value"
                + " used); expected a finite float in [0, 1)");
    assertThatThrownBy(() -> HyperParameters.resolve("act", declared, Map.of("beta", -1)))
        .hasMessage("hyper-parameter 'beta' of act is -1; expected a finite number in (0, +inf)");
    assertThat(HyperParameters.resolve("act", declared, Map.of("beta", 1e38)).real("beta"))
        .isEqualTo(1e38);
  }

  @Test
  void inFloatChecksTheDefaultAndOnlyAppliesToReals() {
    assertThatThrownBy(() -> HyperParameter.real("b", 1 - 1e-12, 0, true, 1, false).inFloat())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("default of hyper-parameter 'b'");
    assertThatThrownBy(() -> HyperParameter.flag("shared", false).inFloat())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("hyper-parameter 'shared' is flag; only a real one can be checked in float");
    assertThat(HyperParameter.requiredReal("a", 0, true, 1, true).inFloat().isRequired()).isTrue();
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
