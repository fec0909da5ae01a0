package dev.rectifier.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rectifier.Dataset;
import dev.rectifier.Datasets;
import dev.rectifier.Dense;
import dev.rectifier.FitOptions;
import dev.rectifier.Parameter;
import dev.rectifier.Sequential;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The motivating experiment: 200 points of y = cos(6x) + 0.08·N(0, 1) on [0, 1), a 1-30-1
 * network, MSE, Adam(1e-3, 0.9, 0.999, 1e-7), batches of 32 reshuffled every epoch, 1000 epochs.
 * The noise variance 0.0064 is the best any model can reach. These tests assert quality, never
 * time.
 */
class MotivatingExperimentTest {

  static double trainMse(String activation, long seed) {
    return trainMse(activation, seed, false);
  }

  static double trainMse(String activation, long seed, boolean kinksInData) {
    Dataset d = Datasets.noisyCosine(200, 0.08, seed);
    Sequential m = model(activation, seed);
    if (kinksInData) {
      m.placeKinksInData(d.x());
    }
    // the dead-unit warning is tested elsewhere; here it would only repeat itself
    m.fit(d.x(), d.y(), new FitOptions().epochs(1000).batchSize(32).deadUnitWarning(1));
    return m.evaluate(d.x(), d.y());
  }

  static Sequential model(String activation, long seed) {
    return new Sequential(1, seed)
        .add(new Dense(30, activation))
        .add(new Dense(1))
        .compile("adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7)", "mse");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void leakyReluFitsTheCurveToNearTheNoiseFloor(long seed) {
    assertThat(trainMse("leaky_relu", seed)).isLessThanOrEqualTo(0.0075);
  }

  @Test
  void reluReachesTheTargetForMostSeedsButNotAll() {
    int reached = 0;
    double[] mse = new double[20];
    for (int seed = 1; seed <= 20; seed++) {
      mse[seed - 1] = trainMse("relu", seed);
      if (mse[seed - 1] <= 0.02) {
        reached++;
      }
    }
    System.out.printf(
        "relu, 20 seeds: %d reach MSE <= 0.02; MSE per seed %s%n", reached, Arrays.toString(mse));
    // Other libraries: 50–75% of seeds. Dead units at initialization make the rest fail.
    assertThat(reached).isBetween(8, 20);
  }

  @Test
  void placingTheKinksInTheDataRescuesTheSeedsThatReluLoses() {
    int reached = 0;
    double[] mse = new double[20];
    for (int seed = 1; seed <= 20; seed++) {
      mse[seed - 1] = trainMse("relu", seed, true);
      if (mse[seed - 1] <= 0.02) {
        reached++;
      }
    }
    System.out.printf(
        "relu with kinks placed in the data, 20 seeds: %d reach MSE <= 0.02; MSE per seed %s%n",
        reached, Arrays.toString(mse));
    assertThat(reached).isGreaterThanOrEqualTo(18);
  }

  @Test
  void sameSeedGivesBitIdenticalWeightsAndLosses() {
    Dataset d = Datasets.noisyCosine(200, 0.08, 7);
    Sequential a = model("relu", 7);
    Sequential b = model("relu", 7);
    Sequential c = model("relu", 8);
    double[] la = a.fit(d.x(), d.y(), new FitOptions().epochs(50)).loss();
    double[] lb = b.fit(d.x(), d.y(), new FitOptions().epochs(50)).loss();
    double[] lc = c.fit(d.x(), d.y(), new FitOptions().epochs(50)).loss();
    assertThat(lb).containsExactly(la);
    assertThat(Arrays.equals(la, lc)).isFalse();
    List<Parameter> pa = a.parameters();
    List<Parameter> pb = b.parameters();
    for (int i = 0; i < pa.size(); i++) {
      assertThat(pb.get(i).values()).containsExactly(pa.get(i).values());
    }
  }
}
