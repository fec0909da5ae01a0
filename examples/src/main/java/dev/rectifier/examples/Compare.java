package dev.rectifier.examples;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * {@code compare}: trains the network with every activation, several seeds each, ranks the
 * activations by their median validation MSE and draws the fits side by side.
 *
 * <p>The runs are independent, so they go on a pool of threads; each run's numbers are the same
 * on any thread, and everything is reported in a fixed order (activation, then seed).
 */
final class Compare {

  private static final int PANEL_WIDTH = 360;
  private static final int PANEL_HEIGHT = 260;

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
    int threads = Math.min(o.threads, activations.size() * o.seeds);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "compare");
              t.setDaemon(true);
              return t;
            });
    long start = System.nanoTime();
    List<Summary> summaries = new ArrayList<>();
    Map<Summary, BufferedImage> panels = new IdentityHashMap<>();
    try (Progress progress =
        Progress.start(err, "compare", (long) activations.size() * o.seeds * o.epochs,
            !o.json && Progress.terminal())) {
      List<List<CompletableFuture<Experiment.Result>>> byActivation =
          schedule(o, activations, pool, progress);
      List<CompletableFuture<Summary>> perActivation = new ArrayList<>();
      List<CompletableFuture<BufferedImage>> drawn = new ArrayList<>();
      for (int i = 0; i < activations.size(); i++) {
        String a = activations.get(i);
        List<CompletableFuture<Experiment.Result>> runs = byActivation.get(i);
        CompletableFuture<Summary> summary =
            CompletableFuture.allOf(runs.toArray(new CompletableFuture<?>[0]))
                .thenApply(v -> Summary.of(a, runs.stream().map(CompletableFuture::join)
                    .toList()));
        perActivation.add(summary);
        drawn.add(summary.thenApplyAsync(
            sum -> Charts.image(Charts.fit(sum.medianRun(), PANEL_WIDTH, PANEL_HEIGHT, true)),
            pool));
      }
      for (int i = 0; i < activations.size(); i++) {
        Summary summary = join(perActivation.get(i));
        summaries.add(summary);
        panels.put(summary, join(drawn.get(i)));
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    List<Summary> ranked = new ArrayList<>(summaries);
    ranked.sort(Comparator.comparingDouble(Summary::medianVal)
        .thenComparing(Summary::activation));
    List<BufferedImage> inRankOrder = new ArrayList<>();
    for (Summary s : ranked) {
      inRankOrder.add(panels.get(s));
    }
    Path curvesPng = o.out.resolve("compare-curves.png");
    Path msePng = o.out.resolve("compare-mse.png");
    Files.createDirectories(o.out);
    Charts.write(Charts.png(Charts.grid(inRankOrder, 3)), curvesPng);
    // 100 pixels a bar keep the names above neighbouring bars of equal height apart
    int mseWidth = Math.max(800, 120 + 100 * ranked.size());
    Charts.writePng(Charts.mse(ranked, o.seeds, mseWidth, 500), msePng);

    for (Summary s : summaries) {
      for (Experiment.Result r : s.runs()) {
        if (r.diverged() != null) {
          err.println(r.config().activation() + ", seed " + r.config().seed()
              + ": training stopped early: " + r.diverged());
        }
      }
    }
    if (o.json) {
      for (Summary s : summaries) {
        for (Experiment.Result r : s.runs()) {
          out.println(Json.line(r));
        }
      }
      return;
    }
    printTable(o, ranked, threads, seconds, out);
    out.println("wrote " + curvesPng + " and " + msePng);
  }

  /**
   * Queues every run on the pool and returns their results by activation, then seed.
   *
   * <p>Until the JIT has compiled the training code and an activation's kernels, a run is many
   * times slower than after (with the vector kernels, the first run of an activation takes 0.5 to
   * 1.5 s, the next ones 15 to 50 ms), and two such runs at once only compete with the compiler
   * for the cores. So the first seed of every activation trains alone, one after the other, and
   * the remaining runs are queued on all threads when they are done. Runs are queued seed by seed
   * rather than activation by activation, so that every activation reaches the compiled training
   * code early. An activation's panel is drawn as soon as its last seed is done, on whichever
   * thread is free, so drawing fills the idle end of the training.
   */
  private static List<List<CompletableFuture<Experiment.Result>>> schedule(
      Options o, List<String> activations, ExecutorService pool, Progress progress) {
    List<List<CompletableFuture<Experiment.Result>>> byActivation = new ArrayList<>();
    List<Runnable> tasks = new ArrayList<>();
    for (int i = 0; i < activations.size(); i++) {
      byActivation.add(new ArrayList<>());
    }
    for (int s = 0; s < o.seeds; s++) {
      for (int i = 0; i < activations.size(); i++) {
        Experiment.Config c =
            new Experiment.Config(activations.get(i), o.units, o.epochs, o.batchSize,
                o.learningRate, o.seed + s, o.kinksInData);
        CompletableFuture<Experiment.Result> result = new CompletableFuture<>();
        byActivation.get(i).add(result);
        tasks.add(() -> {
          try {
            result.complete(Experiment.run(c, false, true, progress));
          } catch (RuntimeException | Error e) {
            result.completeExceptionally(e);
          }
        });
      }
    }
    int warmUp = activations.size();
    pool.execute(() -> {
      for (Runnable task : tasks.subList(0, warmUp)) {
        task.run();
      }
      try {
        for (Runnable task : tasks.subList(warmUp, tasks.size())) {
          pool.execute(task);
        }
      } catch (RejectedExecutionException e) {
        // the pool was shut down because a run failed; that failure is reported
      }
    });
    return byActivation;
  }

  /** Waits for a result; a failure in a run is rethrown as it was thrown there. */
  private static <T> T join(CompletableFuture<T> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
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
