package dev.rectifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SequentialTest {

  private static Sequential smallModel(long seed) {
    return new Sequential(2, seed)
        .add(new Dense(5, "softsign"))
        .add(new Dense(3, "softsign"))
        .add(new Dense(1))
        .compile("plain_sgd(learning_rate=0.05)", "mse");
  }

  private static float[][] random(int rows, int cols, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[][] out = new float[rows][cols];
    for (float[] row : out) {
      for (int c = 0; c < cols; c++) {
        row[c] = (float) (r.nextDouble() * 2 - 1);
      }
    }
    return out;
  }

  private static float[] flat(float[][] rows) {
    int w = rows[0].length;
    float[] out = new float[rows.length * w];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, out, r * w, w);
    }
    return out;
  }

  private static List<float[]> weights(Sequential m) {
    List<float[]> out = new ArrayList<>();
    for (Parameter p : m.parameters()) {
      out.add(p.values().clone());
    }
    return out;
  }

  @Test
  void inputWidthIsGivenOnceAndTheRestInferred() {
    Sequential m = smallModel(1);
    assertThat(m.layers()).extracting(Layer::inputWidth).containsExactly(2, 5, 3);
    assertThat(m.layers()).extracting(Layer::outputWidth).containsExactly(5, 3, 1);
    assertThat(m.layers()).extracting(Layer::name).containsExactly("dense", "dense_1", "dense_2");
    assertThat(m.parameterCount()).isEqualTo(2 * 5 + 5 + 5 * 3 + 3 + 3 + 1);
    assertThat(m.summary())
        .contains("dense (Dense)", "(None, 5)", "softsign", "linear", "Total params: 37")
        .contains("Optimizer: plain_sgd(learning_rate=0.05), loss: mean_squared_error");
  }

  @Test
  void biasesStartAtZeroAndKernelsWithinTheGlorotLimit() {
    Sequential m = smallModel(3);
    Dense d = (Dense) m.layers().get(0);
    double limit = Math.sqrt(6.0 / (2 + 5));
    for (float v : d.kernel().values()) {
      assertThat(Math.abs(v)).isLessThanOrEqualTo((float) limit);
    }
    assertThat(d.bias().values()).containsOnly(0f);
  }

  @Test
  void sameSeedSameBitsAndDifferentSeedsDiffer() {
    float[][] x = random(40, 2, 11);
    float[][] y = random(40, 1, 12);
    Sequential a = smallModel(5);
    Sequential b = smallModel(5);
    Sequential c = smallModel(6);
    History ha = a.fit(x, y, new FitOptions().epochs(5).batchSize(8));
    History hb = b.fit(x, y, new FitOptions().epochs(5).batchSize(8));
    c.fit(x, y, new FitOptions().epochs(5).batchSize(8));
    assertThat(ha.loss()).containsExactly(hb.loss());
    List<float[]> wa = weights(a);
    List<float[]> wb = weights(b);
    List<float[]> wc = weights(c);
    for (int i = 0; i < wa.size(); i++) {
      assertThat(wb.get(i)).containsExactly(wa.get(i));
    }
    assertThat(Arrays.equals(wa.get(0), wc.get(0))).isFalse();
  }

  @Test
  void fullBatchTrainingOfALinearModelMatchesHandComputedGradientDescent() {
    // y ≈ w·x + b with MSE: dL/dw = 2/N Σ (ŷ − y)·x, dL/db = 2/N Σ (ŷ − y).
    float[][] x = {{0.5f}, {-1f}, {2f}, {0.25f}};
    float[][] y = {{1f}, {-2f}, {3.5f}, {0f}};
    Sequential m = new Sequential(1, 9).add(new Dense(1)).compile("plain_sgd(learning_rate=0.1)", "mse");
    Dense d = (Dense) m.layers().get(0);
    double w = d.kernel().values()[0];
    double b = 0;
    History h = m.fit(x, y, new FitOptions().epochs(3).batchSize(4).shuffle(false));
    double[] expectedLoss = new double[3];
    for (int epoch = 0; epoch < 3; epoch++) {
      double gw = 0;
      double gb = 0;
      double loss = 0;
      for (int i = 0; i < 4; i++) {
        double e = w * x[i][0] + b - y[i][0];
        loss += e * e / 4;
        gw += 2 * e * x[i][0] / 4;
        gb += 2 * e / 4;
      }
      expectedLoss[epoch] = loss;
      w -= 0.1 * gw;
      b -= 0.1 * gb;
    }
    assertThat(h.loss()).containsExactly(expectedLoss, within(1e-5));
    assertThat((double) d.kernel().values()[0]).isCloseTo(w, within(1e-5));
    assertThat((double) d.bias().values()[0]).isCloseTo(b, within(1e-5));
  }

  @Test
  void computeGradientsAgreesWithCentralDifferences() {
    // softsign is smooth, so finite differences apply everywhere. In float, the loss (~1) is
    // rounded to ~6e-8; with h = 1e-2 the difference quotient carries ~1e-5 of rounding and
    // O(h²·f''') ~ 1e-4 of truncation, hence the 2e-3 tolerance.
    float[][] x = random(16, 2, 21);
    float[][] y = random(16, 1, 22);
    Sequential m = smallModel(8);
    m.computeGradients(x, y);
    List<float[]> grads = new ArrayList<>();
    for (Parameter p : m.parameters()) {
      grads.add(p.gradients().clone());
    }
    float h = 1e-2f;
    List<Parameter> params = m.parameters();
    for (int pi = 0; pi < params.size(); pi++) {
      float[] v = params.get(pi).values();
      for (int i = 0; i < v.length; i++) {
        float old = v[i];
        v[i] = old + h;
        double up = m.evaluate(x, y);
        v[i] = old - h;
        double down = m.evaluate(x, y);
        v[i] = old;
        double fd = (up - down) / (2 * h);
        assertThat((double) grads.get(pi)[i])
            .as("%s[%d]", params.get(pi), i)
            .isCloseTo(fd, within(2e-3 + 2e-3 * Math.abs(fd)));
      }
    }
  }

  @Test
  void lastBatchIsPartialAndListenersHearEveryBatchAndEpoch() {
    float[][] x = random(200, 2, 1);
    float[][] y = random(200, 1, 2);
    List<String> events = new ArrayList<>();
    FitListener l =
        new FitListener() {
          @Override
          public void onFitStart(Sequential model, int epochs, int batchesPerEpoch) {
            events.add("start " + epochs + " " + batchesPerEpoch);
          }

          @Override
          public void onBatchEnd(int epoch, int batch, double loss) {
            events.add("batch " + epoch + "." + batch);
          }

          @Override
          public boolean batchEvents() {
            return true;
          }

          @Override
          public void onEpochEnd(Sequential model, int epoch, double loss, double valLoss) {
            events.add("epoch " + epoch + " " + Double.isNaN(valLoss));
          }

          @Override
          public void onFitEnd(Sequential model, History history) {
            events.add("end " + history.epochs());
          }
        };
    smallModel(1).fit(x, y, new FitOptions().epochs(2).listener(l));
    assertThat(events).hasSize(1 + 2 * 7 + 2 + 1);
    assertThat(events.get(0)).isEqualTo("start 2 7");
    assertThat(events.get(7)).isEqualTo("batch 1.7");
    assertThat(events.get(8)).isEqualTo("epoch 1 true");
    assertThat(events.get(events.size() - 1)).isEqualTo("end 2");
  }

  @Test
  void validationLossIsTheLossOnTheValidationDataAfterEachEpoch() {
    float[][] x = random(30, 2, 3);
    float[][] y = random(30, 1, 4);
    float[][] vx = random(10, 2, 5);
    float[][] vy = random(10, 1, 6);
    Sequential m = smallModel(2);
    List<Double> seen = new ArrayList<>();
    History h =
        m.fit(
            x, y,
            new FitOptions().epochs(3).validationData(vx, vy).listener(
                new FitListener() {
                  @Override
                  public void onEpochEnd(Sequential model, int e, double loss, double val) {
                    seen.add(model.evaluate(vx, vy));
                  }
                }));
    assertThat(h.validationLoss()).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(h.validationLoss()[i]).isEqualTo(seen.get(i));
    }
    assertThat(h.hasValidation()).isTrue();
  }

  @Test
  void flatAndRowInputsGiveIdenticalResults() {
    float[][] x = random(50, 2, 7);
    float[][] y = random(50, 1, 8);
    Sequential a = smallModel(3);
    Sequential b = smallModel(3);
    History ha = a.fit(x, y, new FitOptions().epochs(3).batchSize(16));
    History hb = b.fit(flat(x), flat(y), 50, new FitOptions().epochs(3).batchSize(16));
    assertThat(hb.loss()).containsExactly(ha.loss());
    assertThat(b.predict(flat(x), 50)).containsExactly(flat(a.predict(x)));
    assertThat(b.evaluate(flat(x), flat(y), 50)).isEqualTo(a.evaluate(x, y));
  }

  @Test
  void aRowPredictedAloneEqualsTheSameRowInABatch() {
    float[][] x = random(2500, 2, 9);
    Sequential m = smallModel(4);
    float[][] all = m.predict(x);
    for (int r : new int[] {0, 1, 1023, 1024, 2499}) {
      assertThat(m.predict(new float[][] {x[r]})[0]).containsExactly(all[r]);
    }
  }

  @Test
  void divergenceStopsTrainingAndRestoresTheLastFiniteEpoch() {
    // w ← w − lr·2(wx + b − y)x grows by |1 − 2·lr·(x² + 1)| = 3.4 per step with lr = 1.1:
    // a few finite epochs, then overflow to infinity.
    float[][] x = {{1f}, {1f}, {1f}, {1f}};
    float[][] y = {{0f}, {0f}, {0f}, {0f}};
    Sequential m =
        new Sequential(1, 3).add(new Dense(1)).compile("plain_sgd(learning_rate=1.1)", "mse");
    List<List<float[]>> atEpochEnd = new ArrayList<>();
    atEpochEnd.add(weights(m));
    FitListener recorder =
        new FitListener() {
          @Override
          public void onEpochEnd(Sequential model, int epoch, double loss, double val) {
            atEpochEnd.add(weights(model));
          }
        };
    assertThatThrownBy(
            () -> m.fit(x, y, new FitOptions().epochs(100).batchSize(1).listener(recorder)))
        .isInstanceOfSatisfying(
            TrainingDivergedException.class,
            e -> {
              int last = atEpochEnd.size() - 1;
              assertThat(last).isGreaterThan(1);
              assertThat(e.restoredEpoch()).isEqualTo(last);
              assertThat(e.epoch()).isEqualTo(last + 1);
              assertThat(e.step()).isEqualTo(4L * last + e.batch());
              assertThat(e.getMessage())
                  .contains("at epoch " + (last + 1) + ", batch " + e.batch())
                  .contains("restored to those at the end of epoch " + last);
              List<float[]> now = weights(m);
              for (int i = 0; i < now.size(); i++) {
                assertThat(now.get(i)).containsExactly(atEpochEnd.get(last).get(i));
              }
              assertThat(m.optimizer().iterations()).isEqualTo(4L * last);
            });
  }

  @Test
  void badDataIsRejectedBeforeTrainingWithTheProblemNamed() {
    Sequential m = smallModel(1);
    FitOptions o = new FitOptions();
    float[][] x = random(4, 2, 1);
    float[][] y = random(4, 1, 2);
    assertThatThrownBy(() -> m.fit(x, random(3, 1, 2), o))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x has 4 rows but y has 3");
    assertThatThrownBy(() -> m.fit(new float[][] {{1, 2}, {3}}, y, o))
        .hasMessageContaining("x[1] has 1 values; expected 2 (the model's input width)");
    assertThatThrownBy(() -> m.fit(x, new float[][] {{1}, {2}, {3}, {4, 5}}, o))
        .hasMessageContaining("y[3] has 2 values; expected 1 (the model's output width)");
    assertThatThrownBy(() -> m.fit(new float[0][], new float[0][], o))
        .hasMessageContaining("x is empty");
    float[][] nan = random(4, 2, 1);
    nan[2][1] = Float.NaN;
    assertThatThrownBy(() -> m.fit(nan, y, o))
        .hasMessageContaining("x[2][1] (row 2, column 1) is NaN; expected finite values only");
    float[][] inf = random(4, 1, 1);
    inf[3][0] = Float.NEGATIVE_INFINITY;
    assertThatThrownBy(() -> m.fit(x, inf, o))
        .hasMessageContaining("y[3][0] (row 3, column 0) is -Infinity");
    float[] flatX = flat(x);
    flatX[5] = Float.POSITIVE_INFINITY;
    assertThatThrownBy(() -> m.fit(flatX, flat(y), 4, o))
        .hasMessageContaining("x[5] (row 2, column 1) is Infinity");
    assertThatThrownBy(() -> m.fit(new float[7], flat(y), 4, o))
        .hasMessageContaining("x has 7 values; expected rows × width = 4 × 2 = 8");
    assertThatThrownBy(() -> m.predict(new float[][] {{1, 2, 3}}))
        .hasMessageContaining("x[0] has 3 values; expected 2");
    assertThatThrownBy(
            () -> m.fit(x, y, new FitOptions().validationData(random(2, 3, 1), random(2, 1, 1))))
        .hasMessageContaining("validation x[0] has 3 values; expected 2");
  }

  @Test
  void badOptionsAndShapesAreRejectedWithTheValueReceived() {
    assertThatThrownBy(() -> new FitOptions().epochs(0))
        .hasMessage("epochs must be at least 1. Received: epochs=0");
    assertThatThrownBy(() -> new FitOptions().batchSize(-3))
        .hasMessage("batch size must be at least 1. Received: batchSize=-3");
    assertThatThrownBy(() -> new Dense(0))
        .hasMessage("Dense units must be at least 1. Received: units=0");
    assertThatThrownBy(() -> new Dense(0, "softsign"))
        .hasMessage("Dense units must be at least 1. Received: units=0");
    assertThatThrownBy(() -> new Sequential(0))
        .hasMessage("input width must be at least 1. Received: inputWidth=0");
    assertThatThrownBy(() -> new Dense(3, "nope"))
        .hasMessageContaining("unknown activation 'nope'; available:");
    assertThatThrownBy(() -> new Sequential(1).compile("plain_sgd", "mse"))
        .hasMessageContaining("the model has no layers");
    assertThatThrownBy(() -> new Sequential(1).add(new Dense(1)).compile("plain_sgd", "hinge"))
        .hasMessageContaining("unknown loss 'hinge'; available: mean_squared_error (alias mse)");
    assertThatThrownBy(
            () -> new Sequential(1).add(new Dense(1)).compile("plain_sgd(learning_rate=0)", "mse"))
        .hasMessageContaining("'learning_rate' of plain_sgd is 0.0");
    Sequential notCompiled = new Sequential(1).add(new Dense(1));
    assertThatThrownBy(() -> notCompiled.fit(new float[][] {{1}}, new float[][] {{1}}, new FitOptions()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not compiled");
    Dense shared = new Dense(2);
    new Sequential(1).add(shared);
    assertThatThrownBy(() -> new Sequential(1).add(shared))
        .hasMessageContaining("already belongs to a model");
  }

  @Test
  void trainOnBatchIsOneStepOfFitOverTheSameBatch() {
    float[][] x = random(20, 2, 31);
    float[][] y = random(20, 1, 32);
    Sequential a = smallModel(12);
    Sequential b = smallModel(12);
    History h = a.fit(x, y, new FitOptions().epochs(1).batchSize(20).shuffle(false));
    double loss = b.trainOnBatch(flat(x), flat(y), 20);
    assertThat(loss).isEqualTo(h.loss()[0]);
    List<float[]> wa = weights(a);
    List<float[]> wb = weights(b);
    for (int i = 0; i < wa.size(); i++) {
      assertThat(wb.get(i)).containsExactly(wa.get(i));
    }
    assertThat(b.optimizer().iterations()).isEqualTo(1);
  }

  @Test
  void trainOnBatchRejectsBadDataAndLeavesWeightsAloneWhenTheLossIsNotFinite() {
    Sequential m =
        new Sequential(1, 3).add(new Dense(1)).compile("plain_sgd(learning_rate=0.1)", "mse");
    assertThatThrownBy(() -> m.trainOnBatch(new float[] {1, Float.NaN}, new float[] {1, 2}, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x[1] (row 1, column 0) is NaN; expected finite values only");
    assertThatThrownBy(() -> m.trainOnBatch(new float[] {1, 2}, new float[] {1}, 2))
        .hasMessageContaining("y has 1 values; expected rows × width = 2 × 1 = 2");
    ((Dense) m.layers().get(0)).kernel().values()[0] = 1f;
    List<float[]> before = weights(m);
    // finite data whose error, 6e38, overflows float: the loss is infinite
    assertThatThrownBy(
            () -> m.trainOnBatch(new float[] {3e38f}, new float[] {-3e38f}, 1))
        .isInstanceOf(TrainingDivergedException.class)
        .hasMessageContaining("no update was applied");
    List<float[]> after = weights(m);
    for (int i = 0; i < before.size(); i++) {
      assertThat(after.get(i)).containsExactly(before.get(i));
    }
    assertThat(m.optimizer().iterations()).isZero();
  }

  @Test
  void addingALayerAfterCompileRequiresCompilingAgain() {
    Sequential m = smallModel(1);
    m.add(new Dense(2));
    assertThatThrownBy(
            () -> m.fit(random(2, 2, 1), random(2, 2, 1), new FitOptions()))
        .hasMessageContaining("layers were added after the last compile");
  }
}
