package dev.rectifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MeanSquaredErrorTest {

  @ParameterizedTest
  @CsvSource({"1,1", "7,1", "32,1", "33,3", "256,10", "1000,17"})
  void meanOverBatchAndOutputsWithGradientTwoErrorOverBd(int rows, int cols) {
    SplittableRandom r = new SplittableRandom(rows * 31L + cols);
    int n = rows * cols;
    float[] p = new float[n];
    float[] t = new float[n];
    for (int i = 0; i < n; i++) {
      p[i] = (float) (r.nextDouble() * 4 - 2);
      t[i] = (float) (r.nextDouble() * 4 - 2);
    }
    double expected = 0;
    for (int i = 0; i < n; i++) {
      double e = (double) p[i] - t[i];
      expected += e * e;
    }
    expected /= n;
    Loss mse = Loss.meanSquaredError();
    float[] g = new float[n];
    // float differences, squared and summed: relative error a few ε_float at most.
    assertThat(mse.loss(p, t, rows, cols)).isCloseTo(expected, within(1e-6 * expected));
    assertThat(mse.lossAndGradient(p, t, g, rows, cols)).isCloseTo(expected, within(1e-6 * expected));
    for (int i = 0; i < n; i++) {
      double eg = 2.0 * ((double) p[i] - t[i]) / n;
      assertThat((double) g[i]).isCloseTo(eg, within(3e-7 * Math.abs(eg) + 1e-30));
    }
    assertThat(Loss.named("MSE")).isSameAs(mse);
    assertThat(mse.name()).isEqualTo("mean_squared_error");
  }
}
