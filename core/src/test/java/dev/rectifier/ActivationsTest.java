package dev.rectifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rectifier.spi.Activation;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActivationsTest {

  @ParameterizedTest
  @ValueSource(strings = {"scaled(factor=2)", "SCALED(factor=2)", "Scaled_Alias(factor=2)",
      "scaled-alias ( factor = 2 )", "scaled(factor=2, negate=false, repeat=1, mode=plain)"})
  void findsByNameCaseInsensitivelyAndByAlias(String spec) {
    Activation a = Activations.create(spec, 3);
    assertThat(a.name()).isEqualTo("scaled");
    assertThat(a.toString()).isEqualTo("scaled(factor=2, negate=false, repeat=1, mode=plain)");
    float[] y = new float[3];
    a.forward(new float[] {1, -2, 0.5f}, y, 1);
    assertThat(y).containsExactly(2f, -4f, 1f);
  }

  @Test
  void createsFromAMapOfValues() {
    Activation a =
        Activations.create("scaled", Map.of("factor", 0.5, "negate", true, "mode", "fancy"), 2);
    assertThat(a.toString()).isEqualTo("scaled(factor=0.5, negate=true, repeat=1, mode=fancy)");
    assertThat(a.hyperParameters().real("factor")).isEqualTo(0.5);
    assertThat(a.units()).isEqualTo(2);
  }

  @Test
  void toStringParsesBackToAnEqualActivation() {
    Activation a = Activations.create("scaled(factor=1e-5, repeat=3)", 1);
    Activation b = Activations.create(a.toString(), 1);
    assertThat(b.hyperParameters()).isEqualTo(a.hyperParameters());
  }

  @Test
  void unknownNameListsEveryAvailableName() {
    assertThatThrownBy(() -> Activations.create("relux", 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown activation 'relux'")
        .hasMessageContaining("available: dup, linear, scaled, scaled_alias, softsign");
  }

  @Test
  void listsCanonicalNames() {
    assertThat(Activations.names()).containsExactly("dup", "linear", "scaled", "softsign");
    assertThat(Activations.provider("SOFTSIGN").name()).isEqualTo("softsign");
  }

  @Test
  void unknownHyperParameterNamesTheActivationAndWhatItAccepts() {
    assertThatThrownBy(() -> Activations.create("scaled(factor=1, slope=2)", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown hyper-parameter 'slope' for scaled")
        .hasMessageContaining("factor (0, 10]");
    assertThatThrownBy(() -> Activations.create("softsign(alpha=1)", 1))
        .hasMessageContaining("unknown hyper-parameter 'alpha' for softsign; it accepts none");
  }

  @Test
  void missingRequiredHyperParameterIsNamed() {
    assertThatThrownBy(() -> Activations.create("scaled", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing hyper-parameter 'factor' for scaled")
        .hasMessageContaining("(0, 10]");
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, -1, 10.5, Double.NaN, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY})
  void outOfRangeNaNAndInfinityNameTheValueAndTheRange(double factor) {
    assertThatThrownBy(() -> Activations.create("scaled", Map.of("factor", factor), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hyper-parameter 'factor' of scaled is " + factor)
        .hasMessageContaining("expected a finite number in (0, 10]");
  }

  @Test
  void wrongKindsOfValueAreNamed() {
    assertThatThrownBy(() -> Activations.create("scaled(factor=1, negate=maybe)", 1))
        .hasMessageContaining("'negate' of scaled is maybe; expected true or false");
    assertThatThrownBy(() -> Activations.create("scaled(factor=1, mode=wild)", 1))
        .hasMessageContaining("'mode' of scaled is wild; expected one of [plain, fancy]");
    assertThatThrownBy(() -> Activations.create("scaled(factor=1, repeat=1.5)", 1))
        .hasMessageContaining("'repeat' of scaled is 1.5; expected an integer in [1, 3]");
    assertThatThrownBy(() -> Activations.create("scaled(factor=inf)", 1))
        .hasMessageContaining("value inf is not a finite number");
  }

  @Test
  void unitsBelowOneAreRejected() {
    assertThatThrownBy(() -> Activations.create("softsign", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("units for activation softsign is 0; expected at least 1");
  }

  @Test
  void duplicateNamesKeepTheFirstAndWarnOnceNamingBothClasses() {
    List<LogRecord> records = new ArrayList<>();
    Logger logger = Logger.getLogger("dev.rectifier");
    Handler h =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            records.add(r);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(h);
    try {
      Activations.reload();
      assertThat(Activations.provider("dup").getClass().getSimpleName())
          .isEqualTo("DuplicateFirstProvider");
    } finally {
      logger.removeHandler(h);
    }
    assertThat(records)
        .filteredOn(r -> r.getMessage().contains("'dup'"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getLevel().getName()).isEqualTo("WARNING");
              assertThat(r.getMessage())
                  .contains("dev.rectifier.fixtures.DuplicateFirstProvider (used, found first)")
                  .contains("dev.rectifier.fixtures.DuplicateSecondProvider (ignored");
            });
  }

  @Test
  void aClassLoaderOfAPluginHostSeesProvidersTheDefaultLookupDoesNot() throws Exception {
    URL plugin = getClass().getClassLoader().getResource("plugin/");
    assertThat(plugin).isNotNull();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {plugin}, getClass().getClassLoader())) {
      assertThat(Activations.names(loader)).contains("plugin_only", "softsign");
      Activation a = Activations.create("plugin_only", 2, loader);
      assertThat(a.units()).isEqualTo(2);
      assertThat(Activations.create("plugin_only", Map.of(), 1, loader).name()).isEqualTo("softsign");
    }
    assertThat(Activations.names()).doesNotContain("plugin_only");
    assertThatThrownBy(() -> Activations.create("plugin_only", 1))
        .hasMessageContaining("unknown activation 'plugin_only'");
  }
}
