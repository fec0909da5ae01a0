package dev.rectifier.examples;

import dev.rectifier.Dataset;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The demo's pictures, drawn with XChart and written as PNG. Every file is written to a temporary
 * file in the target folder first and then moved into place atomically, so a reader never sees
 * half a picture.
 */
final class Charts {

  private static final Color DATA = new Color(165, 165, 165);
  private static final Color TRUTH = new Color(120, 170, 120);
  private static final Color FIT = new Color(31, 100, 180);
  private static final Color KINK = new Color(220, 90, 30);
  private static final Color VALIDATION = new Color(220, 90, 30);
  private static final Color FLOOR = new Color(110, 110, 110);

  static {
    // Encode in memory: ImageIO's default disk cache makes a temporary file per picture, and its
    // first use seeds a SecureRandom, which loads the security providers.
    ImageIO.setUseCache(false);
  }

  private Charts() {}

  /**
   * Draws and encodes a chart like the real ones on a background thread, so that the start-up of
   * AWT, the fonts and the PNG encoder, and the first slow pass through the drawing code (most of
   * a second together) overlap the training instead of following it.
   */
  static void warmUp() {
    Thread t =
        new Thread(
            () -> {
              try {
                XYChart c = new XYChartBuilder().width(120).height(90).title("warm-up").build();
                style(c.getStyler(), true);
                double[] x = {0, 0.3, 0.6, 1};
                double[] y = {1, -0.2, -0.9, 0.9};
                XYSeries points = c.addSeries("points", x, y);
                points.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
                points.setMarker(SeriesMarkers.CIRCLE);
                XYSeries line = c.addSeries("line", x, y);
                line.setMarker(SeriesMarkers.NONE);
                line.setLineWidth(2f);
                c.addAnnotation(new AnnotationText("text", 0.5, 0.5, false));
                png(image(c));
              } catch (IOException | RuntimeException | Error e) {
                // the real drawing will meet the same problem and report it
              }
            },
            "chart-warm-up");
    t.setDaemon(true);
    t.start();
  }

  /** The data, the true curve and the fitted one, with the kinks marked when there are any. */
  static XYChart fit(Experiment.Result r, int width, int height, boolean panel) {
    Experiment.Curve curve = r.curve();
    String title =
        panel
            ? String.format(Locale.ROOT, "%s  (seed %d, val MSE %.4f)", r.config().activation(),
                r.config().seed(), r.valMse())
            : String.format(Locale.ROOT, "%s, %d units (%d dead), %d epochs, seed %d: train MSE"
                    + " %.4f", r.canonicalActivation(), r.config().units(), r.deadUnits(),
                r.epochs(), r.config().seed(), r.trainMse());
    XYChart chart =
        new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(panel ? "" : "x")
            .yAxisTitle(panel ? "" : "y").build();
    style(chart.getStyler(), panel);
    chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(-1.5).setYAxisMax(1.5);
    chart.getStyler().setLegendPosition(LegendPosition.InsideN);
    chart.getStyler().setLegendVisible(!panel);
    chart.getStyler().setMarkerSize(panel ? 4 : 6);

    Dataset d = r.train();
    double[] dx = new double[d.size()];
    double[] dy = new double[d.size()];
    for (int i = 0; i < dx.length; i++) {
      dx[i] = d.x()[i][0];
      dy[i] = d.y()[i][0];
    }
    XYSeries data = chart.addSeries(d.size() + " noisy samples", dx, dy);
    data.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    data.setMarker(SeriesMarkers.CIRCLE);
    data.setMarkerColor(DATA);

    int n = 121;
    double[] tx = new double[n];
    double[] ty = new double[n];
    for (int i = 0; i < n; i++) {
      tx[i] = (double) i / (n - 1);
      ty[i] = Math.cos(6 * tx[i]);
    }
    XYSeries truth = chart.addSeries("cos 6x", tx, ty);
    truth.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
    truth.setMarker(SeriesMarkers.NONE);
    truth.setLineColor(TRUTH);
    truth.setLineStyle(
        new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {6, 4},
            0));

    XYSeries fit = chart.addSeries("fitted", curve.x(), curve.y());
    fit.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
    fit.setMarker(SeriesMarkers.NONE);
    fit.setLineColor(FIT);
    fit.setLineWidth(panel ? 2f : 2.5f);

    if (curve.piecewiseLinear() && curve.kinkX().length > 0) {
      XYSeries kinks =
          chart.addSeries(curve.kinkX().length + " kinks", curve.kinkX(), curve.kinkY());
      kinks.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
      kinks.setMarker(SeriesMarkers.DIAMOND);
      kinks.setMarkerColor(KINK);
    }
    return chart;
  }

  /** Training (and validation) loss per epoch on a log axis, with the noise floor. */
  static XYChart loss(Experiment.Result r, int width, int height) {
    XYChart chart =
        new XYChartBuilder().width(width).height(height)
            .title(String.format(Locale.ROOT, "%s: loss per epoch (MSE)",
                r.canonicalActivation()))
            .xAxisTitle("epoch").yAxisTitle("mean squared error").build();
    style(chart.getStyler(), false);
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
    chart.getStyler().setXAxisMin(0.0);
    int epochs = r.loss().length;
    double[] x = new double[epochs];
    for (int i = 0; i < epochs; i++) {
      x[i] = i + 1;
    }
    XYSeries train = chart.addSeries("training", x, r.loss());
    train.setMarker(SeriesMarkers.NONE);
    train.setLineColor(FIT);
    train.setLineWidth(2f);
    if (r.validationLoss().length == epochs) {
      XYSeries val = chart.addSeries("validation", x, r.validationLoss());
      val.setMarker(SeriesMarkers.NONE);
      val.setLineColor(VALIDATION);
      val.setLineWidth(1.5f);
    }
    // Starting at 0.5 also keeps XChart 4.0.3 from labelling the x axis at every k-th epoch,
    // which it does (crowded) when all x values are equally spaced.
    XYSeries floor =
        chart.addSeries("noise variance " + Experiment.NOISE_FLOOR,
            new double[] {0.5, Math.max(2, epochs)},
            new double[] {Experiment.NOISE_FLOOR, Experiment.NOISE_FLOOR});
    floor.setMarker(SeriesMarkers.NONE);
    floor.setLineColor(FLOOR);
    floor.setLineStyle(
        new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {4, 4},
            0));
    return chart;
  }

  /**
   * Median validation MSE per activation as bars, best first, with the min–max over the seeds as
   * whiskers and the noise variance as a dashed line, on a log axis. Drawn as an XY chart (bars
   * are thick vertical lines at x = 1, 2, ..., named by annotations above them), because XChart's
   * category error bars are symmetric and misplaced on a log axis.
   */
  static XYChart mse(List<Compare.Summary> ranked, int seeds, int width, int height) {
    XYChart chart =
        new XYChartBuilder().width(width).height(height)
            .title("Validation MSE: median of " + seeds + " seed" + (seeds == 1 ? "" : "s")
                + " (bar), min to max (whisker)")
            .yAxisTitle("validation MSE").build();
    style(chart.getStyler(), false);
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setLegendPosition(LegendPosition.InsideNW);
    chart.getStyler().setPlotGridVerticalLinesVisible(false);
    chart.getStyler().setXAxisTicksVisible(false);
    chart.getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    chart.getStyler().setAnnotationTextFontColor(Color.DARK_GRAY);
    int k = ranked.size();
    double lowest = Experiment.NOISE_FLOOR;
    double highest = Experiment.NOISE_FLOOR;
    for (Compare.Summary s : ranked) {
      lowest = Math.min(lowest, s.minVal());
      highest = Math.max(highest, s.maxVal());
    }
    double bottom = lowest / 1.6;
    chart.getStyler().setYAxisMin(bottom).setYAxisMax(highest * 2.2);
    chart.getStyler().setXAxisMin(0.4).setXAxisMax(k + 0.6);
    float barWidth = (float) Math.max(8, 0.5 * (width - 120) / Math.max(1, k));
    double cap = Math.min(0.12, 0.25 * barWidth * k / (width - 120.0));
    for (int i = 0; i < k; i++) {
      Compare.Summary s = ranked.get(i);
      double x = i + 1;
      XYSeries bar =
          chart.addSeries("median " + i, new double[] {x, x},
              new double[] {bottom, s.medianVal()});
      bar.setMarker(SeriesMarkers.NONE);
      bar.setLineColor(FIT);
      bar.setLineStyle(new BasicStroke(barWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
      bar.setShowInLegend(false);
      XYSeries whisker =
          chart.addSeries("range " + i,
              new double[] {x - cap, x + cap, x, x, x - cap, x + cap},
              new double[] {s.minVal(), s.minVal(), s.minVal(), s.maxVal(), s.maxVal(),
                  s.maxVal()});
      whisker.setMarker(SeriesMarkers.NONE);
      whisker.setLineColor(Color.DARK_GRAY);
      whisker.setLineWidth(1.5f);
      whisker.setShowInLegend(false);
      chart.addAnnotation(new AnnotationText(s.activation(), x, s.maxVal() * 1.35, false));
    }
    XYSeries floor =
        chart.addSeries("noise variance " + Experiment.NOISE_FLOOR, new double[] {0.4, k + 0.6},
            new double[] {Experiment.NOISE_FLOOR, Experiment.NOISE_FLOOR});
    floor.setMarker(SeriesMarkers.NONE);
    floor.setLineColor(KINK);
    floor.setLineStyle(
        new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {5, 4},
            0));
    return chart;
  }

  private static void style(AxesChartStyler s, boolean panel) {
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderColor(Color.LIGHT_GRAY);
    s.setPlotGridLinesColor(new Color(235, 235, 235));
    s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, panel ? 12 : 15));
    s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, panel ? 10 : 12));
    s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    s.setLegendBorderColor(Color.LIGHT_GRAY);
    s.setChartTitleBoxVisible(false);
    s.setChartPadding(panel ? 6 : 12);
    s.setAntiAlias(true);
  }

  /** Writes one chart as a PNG, atomically. */
  static void writePng(Chart<?, ?> chart, Path target) throws IOException {
    write(png(image(chart)), target);
  }

  /** Draws a chart into an image; thread-safe for distinct charts. */
  static BufferedImage image(Chart<?, ?> chart) {
    return BitmapEncoder.getBufferedImage(chart);
  }

  /** Lays out images of one size as panels, row by row, on white. */
  static BufferedImage grid(List<BufferedImage> panels, int columns) {
    int cols = Math.min(columns, panels.size());
    int rows = (panels.size() + cols - 1) / cols;
    int w = panels.get(0).getWidth();
    int h = panels.get(0).getHeight();
    BufferedImage grid = new BufferedImage(cols * w, rows * h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = grid.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
      for (int i = 0; i < panels.size(); i++) {
        g.drawImage(panels.get(i), (i % cols) * w, (i / cols) * h, null);
      }
    } finally {
      g.dispose();
    }
    return grid;
  }

  /** Encodes an image as PNG. */
  static byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 * 1024);
    if (!ImageIO.write(image, "png", bytes)) {
      throw new IOException("no PNG encoder in this JVM");
    }
    return bytes.toByteArray();
  }

  /** Writes bytes to a file atomically: a temporary file beside it, then a move. */
  static void write(byte[] png, Path target) throws IOException {
    Path tmp =
        target.resolveSibling(
            "." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Thread.currentThread().getId() + ".tmp");
    try {
      // CREATE_NEW: default permissions (as any file the user creates), and no clobbering
      Files.write(tmp, png, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
