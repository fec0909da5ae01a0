package dev.rectifier;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@link Diagnostics} before training and after every epoch (or every {@code every}
 * epochs) and keeps the reports, so that dead units, saturation, the growth of activations and
 * the size of gradients can be followed through training.
 *
 * <pre>{@code
 * DiagnosticsListener diagnostics = new DiagnosticsListener(x, y);
 * model.fit(x, y, new FitOptions().epochs(1000).listener(diagnostics));
 * for (ModelReport r : diagnostics.reports()) System.out.println(r.epoch() + " " + r.deadUnits());
 * }</pre>
 *
 * <p>Each report costs one forward pass over the data (and, with targets, one backward pass), so
 * on large data sets give a sample or report less often.
 */
public final class DiagnosticsListener implements FitListener {

  private final float[][] x;
  private final float[][] y;
  private final int every;
  private final double saturationBound;
  private final List<ModelReport> reports = new ArrayList<>();

  /**
   * Reports after every epoch, with gradient norms.
   *
   * @param x inputs to measure on, a row per sample
   * @param y targets, a row per sample; null for no gradient norms
   */
  public DiagnosticsListener(float[][] x, float[][] y) {
    this(x, y, 1, Diagnostics.DEFAULT_SATURATION_BOUND);
  }

  /**
   * @param x inputs to measure on, a row per sample
   * @param y targets, a row per sample; null for no gradient norms
   * @param every report after every this many epochs (and after the last), at least 1
   * @param saturationBound |f'(z)| below this counts as saturated; finite and &gt; 0
   */
  public DiagnosticsListener(float[][] x, float[][] y, int every, double saturationBound) {
    if (every < 1) {
      throw new IllegalArgumentException("every must be at least 1. Received: every=" + every);
    }
    Diagnostics.checkBound(saturationBound);
    this.x = x;
    this.y = y;
    this.every = every;
    this.saturationBound = saturationBound;
  }

  @Override
  public void onFitStart(Sequential model, int epochs, int batchesPerEpoch) {
    reports.add(measure(model, 0));
  }

  @Override
  public void onEpochEnd(Sequential model, int epoch, double loss, double validationLoss) {
    if (epoch % every == 0) {
      reports.add(measure(model, epoch));
    }
  }

  private ModelReport measure(Sequential model, int epoch) {
    Data dx = Data.of("x", x, model.inputWidth());
    double[] norms = null;
    if (y != null) {
      model.computeGradientsDuringFit(x, y);
      norms = Diagnostics.gradientNorms(model);
    }
    return Diagnostics.inspect(model, dx, norms, saturationBound, epoch);
  }

  /** @return the reports so far: epoch 0 (before training), then one per reported epoch */
  public List<ModelReport> reports() {
    return List.copyOf(reports);
  }

  /** @return the latest report */
  public ModelReport last() {
    if (reports.isEmpty()) {
      throw new IllegalStateException("no report yet: the listener has not seen a fit");
    }
    return reports.get(reports.size() - 1);
  }
}
