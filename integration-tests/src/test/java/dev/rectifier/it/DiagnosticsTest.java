package dev.rectifier.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rectifier.Dataset;
import dev.rectifier.Datasets;
import dev.rectifier.Dense;
import dev.rectifier.Diagnostics;
import dev.rectifier.DiagnosticsListener;
import dev.rectifier.FitListener;
import dev.rectifier.FitOptions;
import dev.rectifier.LayerReport;
import dev.rectifier.ModelReport;
import dev.rectifier.Segment;
import dev.rectifier.Segments;
import dev.rectifier.Sequential;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every diagnostic on small hand-built networks whose answers are worked out by hand. */
class DiagnosticsTest {

  /** Sets a Dense layer's kernel (row-major, inputs × units) and bias. */
  static void set(Sequential m, int layer, float[] kernel, float[] bias) {
    Dense d = (Dense) m.layers().get(layer);
    System.arraycopy(kernel, 0, d.kernel().values(), 0, kernel.length);
    System.arraycopy(bias, 0, d.bias().values(), 0, bias.length);
  }

  static float[][] column(float... values) {
    float[][] x = new float[values.length][1];
    for (int i = 0; i < values.length; i++) {
      x[i][0] = values[i];
    }
    return x;
  }

  @Test
  void deadUnitsSaturationAndActivationSizeOfAReluLayer() {
    Sequential m = new Sequential(1).add(new Dense(3, "relu"));
    // unit 0: z = x (alive for x > 0); unit 1: z = −x (dead for x ≥ 0); unit 2: z = 2x − 5 (dead)
    set(m, 0, new float[] {1, -1, 2}, new float[] {0, 0, -5});
    ModelReport r = Diagnostics.inspect(m, column(0f, 0.5f, 1f));
    LayerReport l = r.layer(0);
    assertThat(l.deadUnits()).containsExactly(1, 2);
    assertThat(l.deadShare()).isEqualTo(2.0 / 3);
    // f' = 0 at x = 0 for unit 0, and everywhere for units 1 and 2: 7 of 9 outputs
    assertThat(l.saturatedShare()).isEqualTo(7.0 / 9);
    assertThat(l.meanAbsOutput()).isCloseTo((0 + 0.5 + 1) / 9.0, within(1e-12));
    assertThat(l.maxAbsOutput()).isEqualTo(1.0);
    assertThat(l.gradientNorm()).isNaN();
    assertThat(r.deadUnits()).isEqualTo(2);
    assertThat(r.units()).isEqualTo(3);
  }

  @Test
  void sigmoidSaturationFollowsTheBound() {
    Sequential m = new Sequential(1).add(new Dense(2, "sigmoid"));
    // unit 0: z = ±10, σ'(10) = 4.54e-5; unit 1: z = ±0.1, σ'(0.1) = 0.2494
    set(m, 0, new float[] {10, 0.1f}, new float[] {0, 0});
    float[][] x = column(-1f, 1f);
    assertThat(Diagnostics.inspect(m, x).layer(0).saturatedShare()).isEqualTo(0.5);
    assertThat(Diagnostics.inspect(m, x, null, 1e-5).layer(0).saturatedShare()).isZero();
    assertThat(Diagnostics.inspect(m, x, null, 0.3).layer(0).saturatedShare()).isEqualTo(1.0);
    assertThat(Diagnostics.inspect(m, x).layer(0).deadUnits()).isEmpty();
    double maxExpected = 1 / (1 + Math.exp(-10));
    assertThat(Diagnostics.inspect(m, x).layer(0).maxAbsOutput())
        .isCloseTo(maxExpected, within(1e-6));
    assertThatThrownBy(() -> Diagnostics.inspect(m, x, null, 0))
        .hasMessageContaining("saturation bound must be a finite number > 0");
  }

  @Test
  void gradientNormOfEachLayer() {
    // ŷ = 2x + 1 = 3 at x = 1, y = 0: ∂L/∂ŷ = 2·3 = 6, so ∂L/∂w = 6, ∂L/∂b = 6, norm √72.
    Sequential m = new Sequential(1).add(new Dense(1)).compile("sgd", "mse");
    set(m, 0, new float[] {2}, new float[] {1});
    ModelReport r = Diagnostics.inspect(m, column(1f), column(0f));
    assertThat(r.layer(0).gradientNorm()).isCloseTo(Math.sqrt(72), within(1e-5));
  }

  @Test
  void segmentsOfAHandBuiltReluNetwork() {
    Sequential m = new Sequential(1).add(new Dense(2, "relu")).add(new Dense(1));
    // kinks where x − 0.25 = 0 and −x + 0.5 = 0; output 2·a0 + 3·a1 + 1
    set(m, 0, new float[] {1, -1}, new float[] {-0.25f, 0.5f});
    set(m, 1, new float[] {2, 3}, new float[] {1});
    List<Segment> s = Segments.of(m, 0, 1);
    assertThat(Segments.breakpoints(s)).containsExactly(0.25, 0.5);
    assertThat(s.get(0).slope()).isCloseTo(-3, within(1e-12));
    assertThat(s.get(0).intercept()).isCloseTo(2.5, within(1e-12));
    assertThat(s.get(1).slope()).isCloseTo(-1, within(1e-12));
    assertThat(s.get(1).intercept()).isCloseTo(2, within(1e-12));
    assertThat(s.get(2).slope()).isCloseTo(2, within(1e-12));
    assertThat(s.get(2).intercept()).isCloseTo(0.5, within(1e-12));
    assertThat(s.get(0).from()).isZero();
    assertThat(s.get(2).to()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"relu", "leaky_relu(alpha=0.2)", "prelu", "prelu(shared=true)", "linear",
      "relu6", "hard_tanh", "hard_tanh(min=-0.5, max=0.5)", "hard_sigmoid"})
  void oneHiddenLayerOfNUnitsGivesAtMostNTimesKPlusOneSegmentsThatReproducePredict(String act) {
    for (long seed = 1; seed <= 5; seed++) {
      Sequential m = new Sequential(1, seed).add(new Dense(30, act)).add(new Dense(1));
      SplittableRandom r = new SplittableRandom(seed);
      Dense hidden = (Dense) m.layers().get(0);
      for (int u = 0; u < 30; u++) {
        hidden.bias().values()[u] = (float) (r.nextDouble() * 2 - 1);
      }
      List<Segment> s = Segments.of(m, -2, 2);
      // k kinks per unit: at most 30·k + 1 segments
      int k = hidden.activation().piecewiseLinear(0).orElseThrow().breakpointCount();
      assertThat(s.size()).isBetween(1, 30 * k + 1);
      checkAgainstPredict(m, s, -2, 2, r);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"relu", "leaky_relu", "prelu", "relu6", "hard_tanh(min=-0.3, max=0.4)"})
  void deeperNetworksAreReproducedToo(String act) {
    Sequential m =
        new Sequential(1, 4).add(new Dense(8, act)).add(new Dense(8, act)).add(new Dense(2));
    SplittableRandom r = new SplittableRandom(9);
    for (int l = 0; l < 2; l++) {
      float[] b = ((Dense) m.layers().get(l)).bias().values();
      for (int u = 0; u < b.length; u++) {
        b[u] = (float) (r.nextDouble() - 0.5);
      }
    }
    List<Segment> s = Segments.of(m, -3, 3);
    assertThat(s.size()).isGreaterThan(2);
    checkAgainstPredict(m, s, -3, 3, r);
  }

  /** Float precision: the network computes in float, the segments in double from float weights. */
  private static void checkAgainstPredict(
      Sequential m, List<Segment> s, double from, double to, SplittableRandom r) {
    for (int k = 0; k < 500; k++) {
      float x = (float) (from + (to - from) * r.nextDouble());
      float[] y = m.predict(new float[][] {{x}})[0];
      Segment seg = s.stream().filter(g -> g.from() <= x && x <= g.to()).findFirst().orElseThrow();
      for (int j = 0; j < y.length; j++) {
        double v = seg.slopes()[j] * x + seg.intercepts()[j];
        assertThat((double) y[j]).as("output %d at x = %s", j, x)
            .isCloseTo(v, within(1e-5 * (1 + Math.abs(v))));
      }
    }
  }

  @Test
  void segmentsRefuseWhatTheyCannotDescribe() {
    assertThatThrownBy(() -> Segments.of(new Sequential(1).add(new Dense(3, "tanh")), 0, 1))
        .hasMessage("segments need piecewise-linear activations; layer dense uses tanh"
            + " (relu, leaky_relu, prelu, relu6, hard_tanh, hard_sigmoid and linear are)");
    assertThatThrownBy(() -> Segments.of(new Sequential(2).add(new Dense(3, "relu")), 0, 1))
        .hasMessage("segments need a model with one input; this one has 2");
    assertThatThrownBy(() -> Segments.of(new Sequential(1).add(new Dense(3, "relu")), 1, 0))
        .hasMessageContaining("from < to");
  }

  @Test
  void fitWarnsOnceAboutDeadUnitsThroughTheListener() {
    Dataset d = Datasets.noisyCosine(200, 0.08, 1);
    List<String> warnings = new ArrayList<>();
    FitListener l =
        new FitListener() {
          @Override
          public void onWarning(Sequential model, String message) {
            warnings.add(message);
          }
        };
    Sequential relu = MotivatingExperimentTest.model("relu", 1);
    int dead = Diagnostics.inspect(relu, d.x()).layer(0).deadCount();
    assertThat(dead).as("dead units at initialization, seed 1").isGreaterThan(8);
    relu.fit(d.x(), d.y(), new FitOptions().epochs(3).listener(l));
    assertThat(warnings).singleElement().asString()
        .contains(dead + " of 30 units of dense (relu)")
        .contains("leaky_relu", "he_uniform", "placeKinksInData");
    warnings.clear();
    MotivatingExperimentTest.model("leaky_relu", 1)
        .fit(d.x(), d.y(), new FitOptions().epochs(3).listener(l));
    assertThat(warnings).isEmpty();
    MotivatingExperimentTest.model("relu", 1)
        .fit(d.x(), d.y(), new FitOptions().epochs(3).listener(l).deadUnitWarning(1));
    assertThat(warnings).isEmpty();
  }

  @Test
  void placingKinksInTheDataLeavesNoUnitDead() {
    for (long seed = 1; seed <= 10; seed++) {
      Dataset d = Datasets.noisyCosine(200, 0.08, seed);
      Sequential m = MotivatingExperimentTest.model("relu", seed).placeKinksInData(d.x());
      assertThat(Diagnostics.inspect(m, d.x()).layer(0).deadUnits()).isEmpty();
      Dense hidden = (Dense) m.layers().get(0);
      for (int u = 0; u < 30; u++) {
        double kink = -hidden.bias().values()[u] / hidden.kernel().values()[u];
        assertThat(kink).isBetween(0.0, 1.0);
      }
    }
  }

  @Test
  void theListenerReportsBeforeTrainingAndAfterEveryEpoch() {
    Dataset d = Datasets.noisyCosine(64, 0.08, 3);
    DiagnosticsListener diagnostics = new DiagnosticsListener(d.x(), d.y());
    Sequential m = MotivatingExperimentTest.model("relu", 3);
    m.fit(d.x(), d.y(), new FitOptions().epochs(4).listener(diagnostics));
    assertThat(diagnostics.reports()).extracting(ModelReport::epoch).containsExactly(0, 1, 2, 3, 4);
    assertThat(diagnostics.last().layer(1).gradientNorm()).isPositive().isFinite();
    assertThat(diagnostics.last().layers())
        .isEqualTo(Diagnostics.inspect(m, d.x(), d.y()).layers());
  }
}
