package dev.rectifier.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.knowm.xchart.XYChart;

/**
 * {@code compare}: trains the network with every activation, several seeds each, ranks the
 * activations by their median validation MSE and draws the fits side by side.
 *
 * <p>The runs are independent, so they go on a pool of threads; each run's numbers are the same
 * on any thread, and everything is reported in a fixed order (activation, then seed).
 */
final class Compare {

  private Compare() {}

  /** One activation's runs and their statistics over the seeds. */
  record Summary(
      String activation,
      List<Experiment.Result> runs,
      double medianVal,
      double minVal,
      double maxVal,
      double medianDead,
      double medianMs,
      Experiment.Result medianRun) {

    static Summary of(String activation, List<Experiment.Result> runs) {
      double[] val = runs.stream().mapToDouble(Experiment.Result::valMse).toArray();
      double[] dead = runs.stream().mapToDouble(Experiment.Result::deadUnits).toArray();
      double[] ms = runs.stream().mapToDouble(Experiment.Result::trainMs).toArray();
      List<Experiment.Result> byVal = new ArrayList<>(runs);
      byVal.sort(Comparator.comparingDouble(Experiment.Result::valMse));
      return new Summary(activation, runs, median(val), min(val), max(val), median(dead),
          median(ms), byVal.get((byVal.size() - 1) / 2));
    }
  }

  static void run(Options o, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    Charts.warmUp();
    List<String> activations = o.activationsToCompare();
    List<Experiment.Config> configs = new ArrayList<>();
    for (String a : activations) {
      for (int s = 0; s < o.seeds; s++) {
        configs.add(new Experiment.Config(a, o.units, o.epochs, o.batchSize, o.learningRate,
            o.seed + s, o.kinksInData));
      }
    }
    int threads = Math.min(o.threads, configs.size());
    long start = System.nanoTime();
    List<Experiment.Result> results = new ArrayList<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "compare");
              t.setDaemon(true);
              return t;
            });
    try (Progress progress =
        Progress.start(err, "compare", (long) configs.size() * o.epochs,
            !o.json && Progress.terminal())) {
      List<Future<Experiment.Result>> futures = new ArrayList<>();
      for (Experiment.Config c : configs) {
        futures.add(pool.submit(() -> Experiment.run(c, false, true, progress)));
      }
      for (Future<Experiment.Result> f : futures) {
        results.add(f.get());
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    } finally {
      pool.shutdownNow();
    }
    double trainSeconds = (System.nanoTime() - start) / 1e9;

    List<Summary> ranked = new ArrayList<>();
    for (int a = 0; a < activations.size(); a++) {
      ranked.add(Summary.of(activations.get(a),
          results.subList(a * o.seeds, (a + 1) * o.seeds)));
    }
    ranked.sort(Comparator.comparingDouble(Summary::medianVal)
        .thenComparing(Summary::activation));

    Path curvesPng = o.out.resolve("compare-curves.png");
    Path msePng = o.out.resolve("compare-mse.png");
    Files.createDirectories(o.out);
    List<XYChart> panels = new ArrayList<>();
    for (Summary s : ranked) {
      panels.add(Charts.fit(s.medianRun(), 360, 260, true));
    }
    Charts.writePanels(panels, 3, curvesPng);
    Charts.writePng(Charts.mse(ranked, o.seeds, 800, 500), msePng);

    for (Experiment.Result r : results) {
      if (r.diverged() != null) {
        err.println(r.config().activation() + ", seed " + r.config().seed()
            + ": training stopped early: " + r.diverged());
      }
    }
    if (o.json) {
      for (Experiment.Result r : results) {
        out.println(Json.line(r));
      }
      return;
    }
    printTable(o, ranked, threads, trainSeconds, out);
    out.println("wrote " + curvesPng + " and " + msePng);
  }

  private static void printTable(
      Options o, List<Summary> ranked, int threads, double seconds, PrintStream out) {
    out.printf(Locale.ROOT,
        "%d activations x %d seeds (%d..%d): %d hidden units, %d epochs, batches of %d, Adam lr"
            + " %s%n",
        ranked.size(), o.seeds, o.seed, o.seed + o.seeds - 1, o.units, o.epochs, o.batchSize,
        o.learningRate);
    out.printf(Locale.ROOT,
        "validation MSE on 200 other points per seed (seed + %d); noise variance %.4f is the"
            + " best reachable%n%n",
        Experiment.VALIDATION_SEED_OFFSET, Experiment.NOISE_FLOOR);
    int width = Math.max(10, ranked.stream().mapToInt(s -> s.activation().length()).max()
        .orElse(10));
    String format = "%4s  %-" + width + "s  %14s  %-17s  %10s  %7s%n";
    out.printf(Locale.ROOT, format, "rank", "activation", "val MSE median", "min - max",
        "dead units", "ms/run");
    int rank = 1;
    for (Summary s : ranked) {
      out.printf(Locale.ROOT, format, rank++, s.activation(),
          String.format(Locale.ROOT, "%.5f", s.medianVal()),
          String.format(Locale.ROOT, "%.5f - %.5f", s.minVal(), s.maxVal()),
          count(s.medianDead()), String.format(Locale.ROOT, "%.0f", s.medianMs()));
    }
    out.printf(Locale.ROOT, "%n%d runs in %.1f s on %d thread%s; dead units and ms/run are"
            + " medians over the seeds%n",
        ranked.size() * o.seeds, seconds, threads, threads == 1 ? "" : "s");
  }

  private static String count(double v) {
    return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v)
        : String.format(Locale.ROOT, "%.1f", v);
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  private static double min(double[] v) {
    return Arrays.stream(v).min().orElse(Double.NaN);
  }

  private static double max(double[] v) {
    return Arrays.stream(v).max().orElse(Double.NaN);
  }
}
