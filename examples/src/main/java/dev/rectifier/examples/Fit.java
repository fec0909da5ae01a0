package dev.rectifier.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** {@code fit}: trains the network once with one activation and draws the fit and the loss. */
final class Fit {

  private Fit() {}

  static void run(Options o, PrintStream out, PrintStream err) throws IOException {
    Charts.warmUp();
    Experiment.Config config =
        new Experiment.Config(o.activation, o.units, o.epochs, o.batchSize, o.learningRate,
            o.seed, o.kinksInData);
    Experiment.Result r;
    try (Progress progress =
        Progress.start(err, "fit " + o.activation, o.epochs, !o.json && Progress.terminal())) {
      r = Experiment.run(config, true, false, progress);
    }
    if (r.diverged() != null) {
      err.println("training stopped early: " + r.diverged());
    }

    String name = fileName(o.activation);
    Path fitPng = o.out.resolve("fit-" + name + ".png");
    Path lossPng = o.out.resolve("loss-" + name + ".png");
    Files.createDirectories(o.out);
    Charts.writePng(Charts.fit(r, 800, 500, false), fitPng);
    Charts.writePng(Charts.loss(r, 800, 500), lossPng);

    if (o.json) {
      out.println(Json.line(r));
      return;
    }
    out.printf(Locale.ROOT, "%s: %d hidden units, %d epochs, batches of %d, Adam lr %s, seed %d%s%n",
        r.canonicalActivation(), o.units, r.epochs(), o.batchSize, o.learningRate, o.seed,
        o.kinksInData ? ", kinks placed in the data" : "");
    out.printf(Locale.ROOT, "training MSE     %.5f   (noise variance %.4f: the best reachable)%n",
        r.trainMse(), Experiment.NOISE_FLOOR);
    out.printf(Locale.ROOT, "validation MSE   %.5f   (200 other points, seed %d)%n", r.valMse(),
        o.seed + Experiment.VALIDATION_SEED_OFFSET);
    out.printf(Locale.ROOT, "training time    %.0f ms%n", r.trainMs());
    out.printf(Locale.ROOT, "dead units       %d of %d%n", r.deadUnits(), o.units);
    if (r.curve().piecewiseLinear()) {
      out.printf(Locale.ROOT, "straight pieces  %d on [0, 1], %d kinks%n",
          r.curve().kinkX().length + 1, r.curve().kinkX().length);
    }
    out.println("wrote " + fitPng + " and " + lossPng);
  }

  /** "leaky_relu(alpha=0.1)" becomes "leaky_relu-alpha-0.1": safe in any file system. */
  static String fileName(String spec) {
    String s = spec.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.+-]+", "-");
    s = s.replaceAll("^-+|-+$", "");
    return s.isEmpty() ? "activation" : s;
  }
}
