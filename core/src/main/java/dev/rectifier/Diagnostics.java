package dev.rectifier;

import dev.rectifier.spi.Activation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Instruments for looking inside a network: which units are dead, how many outputs are
 * saturated, how large the activations are, and how large each layer's gradient is.
 *
 * <pre>{@code
 * ModelReport r = Diagnostics.inspect(model, x, y);
 * r.layer(0).deadUnits();        // units whose derivative is 0 on every sample
 * r.layer(0).saturatedShare();   // share of outputs with |f'(z)| < 1e-3
 * r.layer(1).gradientNorm();     // vanishing or exploding gradients
 * }</pre>
 *
 * <p>To follow them epoch by epoch during training, add a {@link DiagnosticsListener}.
 * Definitions: a unit is <em>dead</em> when f'(z) = 0 for every sample (for ReLU-like
 * activations: z ≤ 0 everywhere); an output is <em>saturated</em> when |f'(z)| is below a bound,
 * {@value #DEFAULT_SATURATION_BOUND} by default.
 */
public final class Diagnostics {

  /** The default bound below which |f'(z)| counts as saturated. */
  public static final double DEFAULT_SATURATION_BOUND = 1e-3;

  private static final int CHUNK_ROWS = 1024;

  private Diagnostics() {}

  /**
   * Measures the activations of every layer over a data set (no gradient norms).
   *
   * @param model the model
   * @param x inputs, a row per sample
   * @return the report; gradient norms are NaN
   */
  public static ModelReport inspect(Sequential model, float[][] x) {
    return inspect(model, Data.of("x", x, model.inputWidth()), null, DEFAULT_SATURATION_BOUND, -1);
  }

  /**
   * Measures the activations of every layer and the gradient norm of each layer's parameters.
   * The gradients are left in the parameters, as {@link Sequential#computeGradients} leaves them.
   *
   * @param model a compiled model
   * @param x inputs, a row per sample
   * @param y targets, a row per sample
   * @return the report
   */
  public static ModelReport inspect(Sequential model, float[][] x, float[][] y) {
    return inspect(model, x, y, DEFAULT_SATURATION_BOUND);
  }

  /**
   * As {@link #inspect(Sequential, float[][], float[][])}, with another saturation bound.
   *
   * @param model a compiled model
   * @param x inputs, a row per sample
   * @param y targets, a row per sample; null for no gradient norms
   * @param saturationBound |f'(z)| below this counts as saturated; finite and &gt; 0
   * @return the report
   */
  public static ModelReport inspect(
      Sequential model, float[][] x, float[][] y, double saturationBound) {
    checkBound(saturationBound);
    Data dx = Data.of("x", x, model.inputWidth());
    double[] norms = null;
    if (y != null) {
      model.computeGradients(x, y);
      norms = gradientNorms(model);
    }
    return inspect(model, dx, norms, saturationBound, -1);
  }

  static void checkBound(double saturationBound) {
    if (!(saturationBound > 0) || Double.isInfinite(saturationBound)) {
      throw new IllegalArgumentException(
          "saturation bound must be a finite number > 0. Received: " + saturationBound);
    }
  }

  static double[] gradientNorms(Sequential model) {
    List<Layer> layers = model.layers();
    double[] norms = new double[layers.size()];
    for (int l = 0; l < layers.size(); l++) {
      double sum = 0;
      for (Parameter p : layers.get(l).parameters()) {
        for (float g : p.gradients()) {
          sum += (double) g * g;
        }
      }
      norms[l] = Math.sqrt(sum);
    }
    return norms;
  }

  /** The measurement itself, over any data view; norms may be null. */
  static ModelReport inspect(
      Sequential model, Data x, double[] norms, double saturationBound, int epoch) {
    if (model.layers().isEmpty()) {
      throw new IllegalStateException("the model has no layers; add at least one");
    }
    List<Layer> layers = model.layers();
    int count = layers.size();
    int chunk = Math.min(x.rows, CHUNK_ROWS);
    boolean[][] alive = new boolean[count][];
    long[] saturated = new long[count];
    double[] sumAbs = new double[count];
    double[] maxAbs = new double[count];
    float[][] z = new float[count][];
    float[][] a = new float[count][];
    float[][] d = new float[count][];
    float[] ones = new float[0];
    for (int l = 0; l < count; l++) {
      int w = layers.get(l).outputWidth();
      alive[l] = new boolean[w];
      z[l] = new float[chunk * w];
      a[l] = new float[chunk * w];
      d[l] = new float[chunk * w];
      if (ones.length < chunk * w) {
        ones = new float[chunk * w];
      }
    }
    Arrays.fill(ones, 1f);
    float[] input = new float[chunk * model.inputWidth()];
    for (int start = 0; start < x.rows; start += chunk) {
      int rows = Math.min(chunk, x.rows - start);
      for (int r = 0; r < rows; r++) {
        x.copyRow(start + r, input, r * model.inputWidth());
      }
      float[] in = input;
      for (int l = 0; l < count; l++) {
        Dense layer = (Dense) layers.get(l);
        int w = layer.outputWidth();
        layer.forward(in, z[l], a[l], rows);
        Activation act = layer.activation();
        act.backward(z[l], a[l], ones, d[l], rows);
        for (int r = 0; r < rows; r++) {
          for (int u = 0; u < w; u++) {
            int i = r * w + u;
            double deriv = Math.abs(d[l][i]);
            if (deriv != 0) {
              alive[l][u] = true;
            }
            if (deriv < saturationBound) {
              saturated[l]++;
            }
            double v = Math.abs(a[l][i]);
            sumAbs[l] += v;
            if (v > maxAbs[l]) {
              maxAbs[l] = v;
            }
          }
        }
        in = a[l];
      }
    }
    List<LayerReport> reports = new ArrayList<>();
    for (int l = 0; l < count; l++) {
      Dense layer = (Dense) layers.get(l);
      int w = layer.outputWidth();
      int dead = 0;
      for (boolean b : alive[l]) {
        dead += b ? 0 : 1;
      }
      int[] deadUnits = new int[dead];
      for (int u = 0, k = 0; u < w; u++) {
        if (!alive[l][u]) {
          deadUnits[k++] = u;
        }
      }
      double cells = (double) x.rows * w;
      reports.add(
          new LayerReport(
              layer.name(), layer.activation().toString(), w, deadUnits, saturated[l] / cells,
              sumAbs[l] / cells, maxAbs[l], norms == null ? Double.NaN : norms[l]));
    }
    return new ModelReport(epoch, reports);
  }
}
