package dev.rectifier.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * The Rectifier demo: fits y = cos(6x) + noise with a small network and compares activations.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -jar examples/target/rectifier-demo.jar compare
 * java -jar examples/target/rectifier-demo.jar fit --activation relu
 * </pre>
 *
 * <p>Results go to standard output; the library's log line about the kernels, warnings and the
 * progress bar go to standard error. Exit codes: 0 done, 1 failed while running, 2 bad arguments
 * (nothing is written then).
 */
public final class Demo {

  static final String USAGE =
      """
      Usage: java [--add-modules jdk.incubator.vector] -jar rectifier-demo.jar COMMAND [OPTIONS]

      Fits y = cos(6x) + 0.08*N(0,1), 200 points with x uniform in [0, 1), with a network
      Dense(1 -> UNITS, ACTIVATION) then Dense(UNITS -> 1), MSE and Adam, in batches
      reshuffled every epoch. One seed draws the data, the weights and the shuffling; the
      validation MSE is measured on 200 other points drawn with seed + 1000000.

      Commands:
        fit       train once with one activation; print the training MSE, the training time
                  and the dead hidden units; draw the fit (with its kinks, for piecewise-linear
                  activations) and the loss per epoch into --out
        compare   train with every activation found (built-in or plug-in jar on the class
                  path), several seeds each; print them ranked by median validation MSE; draw
                  the fits side by side and the MSEs as bars into --out

      Options of fit:
        --activation SPEC    name or spec string, e.g. relu, leaky_relu(alpha=0.1)  [relu]
      Options of compare:
        --activations A,B    which activations to compare   [all found, except linear]
        --seeds N            seeds per activation: SEED, SEED+1, ... SEED+N-1       [5]
        --threads N          runs trained at once              [available processors]
      Options of both:
        --epochs N           passes over the data                                [1000]
        --units N            hidden units                                          [30]
        --batch-size N       samples per step                                      [32]
        --lr X               Adam's learning rate                               [0.001]
        --seed N             seed of the data, the weights and the shuffling        [1]
        --kinks-in-data      place every unit's kink inside the data before training
                             (Sequential.placeKinksInData; piecewise-linear only)
        --out DIR            folder for the PNG files                            [out]
        --json               one JSON object per run on standard output, nothing else
        -h, --help           this text

      Exit codes: 0 done, 1 failed while running, 2 bad arguments.
      """;

  private Demo() {}

  /**
   * Runs the demo and exits with its exit code.
   *
   * @param args the command and its options
   */
  public static void main(String[] args) {
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      // The library logs through System.Logger; one line per message reads best here.
      System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
    }
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the demo in this JVM.
   *
   * @param args the command and its options
   * @param out where results go
   * @param err where messages, the usage and the progress bar go
   * @return the exit code: 0 done, 1 failed while running, 2 bad arguments
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    System.setProperty("java.awt.headless", "true");
    if (args.length == 0) {
      err.println("missing command: fit or compare");
      err.println();
      err.print(USAGE);
      return 2;
    }
    String command = args[0];
    if (command.equals("-h") || command.equals("--help") || command.equals("help")) {
      out.print(USAGE);
      return 0;
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    Options options;
    try {
      if (!command.equals("fit") && !command.equals("compare")) {
        throw new UsageException("unknown command '" + command + "'; expected fit or compare");
      }
      options = Options.parse(command, rest);
    } catch (UsageException e) {
      err.println(e.getMessage());
      err.println();
      err.print(USAGE);
      return 2;
    }
    if (options.help) {
      out.print(USAGE);
      return 0;
    }
    try {
      if (command.equals("fit")) {
        Fit.run(options, out, err);
      } else {
        Compare.run(options, out, err);
      }
      out.flush();
      return 0;
    } catch (IOException | UncheckedIOException e) {
      err.println("could not write the pictures: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("interrupted");
      return 1;
    } catch (RuntimeException e) {
      err.println("failed: " + e);
      return 1;
    }
  }
}
