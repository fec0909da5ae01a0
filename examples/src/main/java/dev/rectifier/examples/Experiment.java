package dev.rectifier.examples;

import dev.rectifier.Dataset;
import dev.rectifier.Datasets;
import dev.rectifier.Dense;
import dev.rectifier.Diagnostics;
import dev.rectifier.FitListener;
import dev.rectifier.FitOptions;
import dev.rectifier.Layer;
import dev.rectifier.Loss;
import dev.rectifier.Optimizers;
import dev.rectifier.Segment;
import dev.rectifier.Segments;
import dev.rectifier.Sequential;
import dev.rectifier.TrainingDivergedException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The motivating experiment, one run: 200 points of y = cos(6x) + 0.08·N(0, 1), a hidden layer
 * of {@code units} units with the activation, a linear output, MSE and Adam, trained for {@code
 * epochs} epochs in batches reshuffled every epoch. One seed draws the training data, the
 * weights and the shuffling; the validation data are 200 other points drawn with {@code seed +
 * }{@value #VALIDATION_SEED_OFFSET}.
 *
 * <p>A run owns its model and data, so runs may go on several threads at once and each gives the
 * same numbers on any thread.
 */
final class Experiment {

  static final int SAMPLES = 200;
  static final double NOISE = 0.08;
  /** The noise variance: the smallest mean squared error any model can reach on average. */
  static final double NOISE_FLOOR = NOISE * NOISE;
  static final long VALIDATION_SEED_OFFSET = 1_000_000;
  private static final int CURVE_POINTS = 201;

  /** What one run trains. */
  record Config(
      String activation,
      int units,
      int epochs,
      int batchSize,
      double learningRate,
      long seed,
      boolean kinksInData) {}

  /**
   * The fitted function over [0, 1] as a polyline, and its kinks when the network is piecewise
   * linear (null otherwise).
   */
  record Curve(double[] x, double[] y, double[] kinkX, double[] kinkY) {
    boolean piecewiseLinear() {
      return kinkX != null;
    }
  }

  /**
   * What one run measured.
   *
   * @param epochs the epochs trained: those asked for, or the last finite one if training
   *     diverged
   * @param loss the training loss of every epoch
   * @param validationLoss the validation loss of every epoch, or empty if not tracked
   * @param diverged why training stopped early, or null
   */
  record Result(
      Config config,
      String canonicalActivation,
      int epochs,
      double trainMse,
      double valMse,
      int deadUnits,
      double trainMs,
      double[] loss,
      double[] validationLoss,
      Dataset train,
      Curve curve,
      String diverged) {}

  private Experiment() {}

  /**
   * Trains one network.
   *
   * @param c what to train
   * @param validationEachEpoch whether to compute the validation loss after every epoch (for the
   *     loss chart) or only once at the end
   * @param quiet whether to keep the library's dead-unit warning out of the log
   * @param progress called after every epoch
   * @return the measurements
   */
  static Result run(Config c, boolean validationEachEpoch, boolean quiet, FitListener progress) {
    Dataset train = Datasets.noisyCosine(SAMPLES, NOISE, c.seed());
    Dataset val = Datasets.noisyCosine(SAMPLES, NOISE, c.seed() + VALIDATION_SEED_OFFSET);
    Dense hidden = new Dense(c.units(), c.activation());
    Sequential model =
        new Sequential(1, c.seed())
            .add(hidden)
            .add(new Dense(1))
            .compile(
                Optimizers.create("adam", Map.of("learning_rate", c.learningRate())),
                Loss.named("mse"));
    if (c.kinksInData()) {
      model.placeKinksInData(train.x());
    }
    LossRecorder losses = new LossRecorder(c.epochs());
    FitOptions options =
        new FitOptions().epochs(c.epochs()).batchSize(c.batchSize()).listener(losses);
    if (progress != null) {
      options.listener(progress);
    }
    if (quiet) {
      options.deadUnitWarning(1);
    }
    if (validationEachEpoch) {
      options.validationData(val.x(), val.y());
    }
    String diverged = null;
    long start = System.nanoTime();
    try {
      model.fit(train.x(), train.y(), options);
    } catch (TrainingDivergedException e) {
      diverged = e.getMessage();
    }
    double trainMs = (System.nanoTime() - start) / 1e6;
    double trainMse = model.evaluate(train.x(), train.y());
    double valMse = model.evaluate(val.x(), val.y());
    int dead = Diagnostics.inspect(model, train.x()).layer(0).deadCount();
    return new Result(
        c, hidden.activation().toString(), losses.epochs, trainMse, valMse, dead, trainMs,
        losses.loss(), validationEachEpoch ? losses.validationLoss() : new double[0], train,
        curve(model), diverged);
  }

  /** The fitted function on [0, 1]: exact segments if piecewise linear, else sampled. */
  static Curve curve(Sequential model) {
    if (isPiecewiseLinear(model)) {
      List<Segment> segments = Segments.of(model, 0, 1);
      double[] kinks = Segments.breakpoints(segments);
      double[] x = new double[kinks.length + 2];
      double[] y = new double[x.length];
      double[] kinkY = new double[kinks.length];
      x[0] = 0;
      y[0] = segments.get(0).valueAt(0);
      for (int i = 0; i < segments.size(); i++) {
        Segment s = segments.get(i);
        x[i + 1] = s.to();
        y[i + 1] = s.valueAt(s.to());
        if (i < kinks.length) {
          kinkY[i] = y[i + 1];
        }
      }
      return new Curve(x, y, kinks, kinkY);
    }
    float[][] grid = new float[CURVE_POINTS][1];
    double[] x = new double[CURVE_POINTS];
    for (int i = 0; i < CURVE_POINTS; i++) {
      x[i] = (double) i / (CURVE_POINTS - 1);
      grid[i][0] = (float) x[i];
    }
    float[][] p = model.predict(grid);
    double[] y = new double[CURVE_POINTS];
    for (int i = 0; i < CURVE_POINTS; i++) {
      y[i] = p[i][0];
    }
    return new Curve(x, y, null, null);
  }

  private static boolean isPiecewiseLinear(Sequential model) {
    for (Layer layer : model.layers()) {
      Dense d = (Dense) layer;
      for (int u = 0; u < d.outputWidth(); u++) {
        if (d.activation().piecewiseLinear(u).isEmpty()) {
          return false;
        }
      }
    }
    return true;
  }

  /** Keeps every epoch's losses, also when training diverges before fit returns its History. */
  private static final class LossRecorder implements FitListener {
    private final double[] loss;
    private final double[] validationLoss;
    private int epochs;

    LossRecorder(int capacity) {
      loss = new double[capacity];
      validationLoss = new double[capacity];
    }

    @Override
    public void onEpochEnd(Sequential model, int epoch, double l, double v) {
      loss[epochs] = l;
      validationLoss[epochs] = v;
      epochs++;
    }

    double[] loss() {
      return Arrays.copyOf(loss, epochs);
    }

    double[] validationLoss() {
      return Arrays.copyOf(validationLoss, epochs);
    }
  }
}
