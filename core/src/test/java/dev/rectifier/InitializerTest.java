package dev.rectifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InitializerTest {

  /**
   * With 200,000 draws the sample mean has a standard error of σ/447 and the sample variance
   * one of about σ²·√(2/n) ≈ 0.32%·σ², so 5 standard errors bound each check.
   */
  @ParameterizedTest
  @CsvSource({
    "glorot_uniform, 2, true, true",
    "glorot_normal, 2, true, false",
    "he_uniform, 2, false, true",
    "he_normal, 2, false, false",
    "lecun_normal, 1, false, false"
  })
  void drawsHaveTheStatedSpreadAndBounds(
      String name, double scale, boolean fanSum, boolean uniform) {
    int fanIn = 5;
    int fanOut = 15;
    // Keras' VarianceScaling: variance = scale / fan, fan = fan_in or (fan_in + fan_out) / 2 · 2.
    double stddev = Math.sqrt(scale / (fanSum ? fanIn + fanOut : fanIn));
    float[] v = new float[200_000];
    Initializer.of(name).fill(v, fanIn, fanOut, new SplittableRandom(1));
    double mean = 0;
    double sq = 0;
    double max = 0;
    for (float f : v) {
      mean += f;
      sq += (double) f * f;
      max = Math.max(max, Math.abs(f));
    }
    mean /= v.length;
    double var = sq / v.length - mean * mean;
    assertThat(mean).isCloseTo(0, within(5 * stddev / Math.sqrt(v.length)));
    assertThat(Math.sqrt(var)).isCloseTo(stddev, within(0.01 * stddev));
    double bound = uniform ? stddev * Math.sqrt(3) : 2 * stddev / 0.87962566103423978;
    assertThat(max).isLessThanOrEqualTo(bound * (1 + 1e-6));
    assertThat(max).isGreaterThan(0.95 * bound);
    float[] again = new float[v.length];
    Initializer.of(name).fill(again, fanIn, fanOut, new SplittableRandom(1));
    assertThat(Arrays.equals(again, v)).as("same seed, same bits").isTrue();
  }

  @ParameterizedTest
  @CsvSource({"zeros,0", "ZEROS,0"})
  void zerosAndConstant(String name, float value) {
    float[] v = {1, 2, 3};
    Initializer.of(name).fill(v, 1, 1, new SplittableRandom(1));
    assertThat(v).containsOnly(value);
    Initializer.constant(0.5).fill(v, 1, 1, new SplittableRandom(1));
    assertThat(v).containsOnly(0.5f);
    assertThatThrownBy(() -> Initializer.constant(Double.NaN))
        .hasMessageContaining("constant initializer value is NaN");
    assertThatThrownBy(() -> Initializer.of("orthogonal"))
        .hasMessageContaining("unknown initializer 'orthogonal'; available: glorot_uniform");
  }
}
