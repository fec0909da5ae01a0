package dev.rectifier.examples;

import dev.rectifier.FitListener;
import dev.rectifier.Sequential;
import java.io.Console;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-line progress bar on the terminal, counted in epochs. It appears only when the work looks
 * like it will take more than about a second, redraws ten times a second from a daemon thread,
 * and erases itself when closed. Disabled, it does nothing at all.
 */
final class Progress implements AutoCloseable, FitListener {

  private static final int BAR = 30;

  private final PrintStream err;
  private final String what;
  private final long total;
  private final long start = System.nanoTime();
  private final AtomicLong done = new AtomicLong();
  private final ScheduledExecutorService timer;
  private int drawnWidth;
  private boolean closed;

  private Progress(PrintStream err, String what, long total, boolean enabled) {
    this.err = err;
    this.what = what;
    this.total = Math.max(1, total);
    if (enabled) {
      timer =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "progress");
                t.setDaemon(true);
                return t;
              });
      timer.scheduleAtFixedRate(this::draw, 100, 100, TimeUnit.MILLISECONDS);
    } else {
      timer = null;
    }
  }

  /**
   * @param err where to draw
   * @param what a short label, such as "compare"
   * @param totalEpochs the epochs of all runs together
   * @param enabled false with --json or when the output is not a terminal
   */
  static Progress start(PrintStream err, String what, long totalEpochs, boolean enabled) {
    return new Progress(err, what, totalEpochs, enabled);
  }

  /**
   * @return whether a terminal is attached: no bar into files and pipes. Before JDK 22 a console
   *     exists only on a terminal; from JDK 22 on it may exist without one, and says so through
   *     {@code Console.isTerminal()}.
   */
  static boolean terminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public void onEpochEnd(Sequential model, int epoch, double loss, double validationLoss) {
    done.incrementAndGet();
  }

  private synchronized void draw() {
    if (closed) {
      return;
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    double share = Math.min(1, (double) done.get() / total);
    if (drawnWidth == 0 && (elapsed < 0.3 || share <= 0 || elapsed / share < 1.0)) {
      return; // short work: no bar
    }
    int filled = (int) Math.round(share * BAR);
    String line =
        String.format(
            Locale.ROOT, "%s [%s%s] %3.0f%%  %.1f s", what, "#".repeat(filled),
            ".".repeat(BAR - filled), 100 * share, elapsed);
    err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
    err.flush();
    drawnWidth = Math.max(drawnWidth, line.length());
  }

  /** Stops drawing and erases the bar. */
  @Override
  public synchronized void close() {
    if (timer == null || closed) {
      return;
    }
    closed = true;
    timer.shutdownNow();
    if (drawnWidth > 0) {
      err.print("\r" + " ".repeat(drawnWidth) + "\r");
      err.flush();
      drawnWidth = 0;
    }
  }
}
