package dev.rectifier.internal.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KernelSelectionTest {

  /** Set by the build: each test run states which kernels it means to exercise. */
  private static final String EXPECTED = System.getProperty("rectifier.test.expectedKernels");

  @Test
  void theRunUsesTheKernelsItExpects() {
    assumeTrue(EXPECTED != null, "rectifier.test.expectedKernels is not set");
    assertThat(Kernels.get().name()).isEqualTo(EXPECTED);
    assertThat(Kernels.vector().isPresent()).isEqualTo(EXPECTED.equals("vector"));
  }

  @Test
  void hotSpotFlagsThatWouldMakeTheVectorKernelsSlowAreRead() {
    assertThat(Kernels.vmOption("UseFMA")).isIn("true", "false");
    assertThat(Kernels.vmOption("NoSuchFlagAnywhere")).isNull();
    boolean fast =
        "true".equals(Kernels.vmOption("UseFMA"))
            && !"false".equals(Kernels.vmOption("UseCompiler"))
            && "4".equals(Kernels.vmOption("TieredStopAtLevel"));
    assertThat(Kernels.slowReason() == null).isEqualTo(fast);
  }

  @Test
  void theChoiceIsMadeOnce() {
    assertThat(Kernels.get()).isSameAs(Kernels.get());
    assertThat(Kernels.scalar()).isSameAs(Kernels.scalar());
  }

  @Test
  void scalarKernelsDescribeThemselves() {
    KernelSet s = Kernels.scalar();
    assertThat(s.name()).isEqualTo("scalar");
    assertThat(s.isVector()).isFalse();
  }

  @Test
  void vectorKernelsNameTheirShapeAndLanes() {
    assumeTrue(Kernels.vector().isPresent(), "no jdk.incubator.vector in this JVM");
    KernelSet v = Kernels.vector().get();
    assertThat(v.name()).isEqualTo("vector");
    assertThat(v.isVector()).isTrue();
    assertThat(v.description()).matches("vector \\(S_\\d+_BIT, \\d+ float lanes\\)");
    assertThat(Kernels.vector().get()).isSameAs(v);
  }

  @ParameterizedTest
  @ValueSource(strings = {"scalar", " Scalar ", "SCALAR"})
  void scalarCanAlwaysBeChosen(String value) {
    Kernels.Selection s = Kernels.select(value);
    assertThat(s.failure).isNull();
    assertThat(s.kernels).isSameAs(Kernels.scalar());
  }

  @ParameterizedTest
  @ValueSource(strings = {"vector", "Vector "})
  void vectorIsChosenWhenTheModuleIsThere(String value) {
    assumeTrue(Kernels.unavailableReason() == null, "no jdk.incubator.vector in this JVM");
    Kernels.Selection s = Kernels.select(value);
    assertThat(s.failure).isNull();
    assertThat(s.kernels).isSameAs(Kernels.vector().orElseThrow());
  }

  @Test
  void vectorWithoutTheModuleFailsNamingTheFlag() {
    assumeTrue(Kernels.unavailableReason() != null, "jdk.incubator.vector is present");
    Kernels.Selection s = Kernels.select("vector");
    assertThat(s.kernels).isNull();
    assertThat(s.failure)
        .contains("--add-modules jdk.incubator.vector")
        .contains("rectifier.kernels=vector");
  }

  @Test
  void autoTakesVectorExactlyWhenTheModuleIsThere() {
    Kernels.Selection s = Kernels.select("auto");
    assertThat(s.failure).isNull();
    KernelSet expected =
        Kernels.unavailableReason() == null ? Kernels.vector().orElseThrow() : Kernels.scalar();
    assertThat(s.kernels).isSameAs(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bogus", "", "simd", "scalar,vector"})
  void anUnknownChoiceFailsNamingItAndTheChoices(String value) {
    Kernels.Selection s = Kernels.select(value);
    assertThat(s.kernels).isNull();
    assertThat(s.failure)
        .contains("-Drectifier.kernels=" + value + " ")
        .contains("auto, scalar or vector");
  }
}
