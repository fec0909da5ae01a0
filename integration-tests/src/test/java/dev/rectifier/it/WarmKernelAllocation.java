package dev.rectifier.it;

import com.sun.management.ThreadMXBean;
import dev.rectifier.Activations;
import dev.rectifier.spi.Activation;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

/**
 * The program {@link WarmKernelAllocationTest} runs in a JVM of its own: each activation named in
 * its arguments, in order, forward then backward, in rounds of calls on 1,024 floats: at least
 * {@link #MIN_ROUNDS} (well past the calls after which C2 compiles a method), then on until three
 * rounds in a row allocate nothing or {@link #MAX_ROUNDS} have run. Prints one line per pass:
 * the activation, the pass, the rounds run and the bytes per call of the last round.
 */
public final class WarmKernelAllocation {

  static final int FLOATS = 1024;
  static final int CALLS_PER_ROUND = 5000;
  static final int MIN_ROUNDS = 10;
  /**
   * Generous: a loaded machine may take seconds to compile a kernel, and only a kernel that never
   * stops allocating runs them all.
   */
  static final int MAX_ROUNDS = 400;
  private static float sink;

  private WarmKernelAllocation() {}

  public static void main(String[] args) {
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (String name : args) {
      for (boolean backward : new boolean[] {false, true}) {
        Activation f = Activations.create(name, FLOATS);
        float[] x = new float[FLOATS];
        float[] y = new float[FLOATS];
        float[] dy = new float[FLOATS];
        float[] dx = new float[FLOATS];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < FLOATS; i++) {
          x[i] = (float) random.nextDouble(-5, 5);
          dy[i] = (float) random.nextDouble(-1, 1);
        }
        f.forward(x, y, 1);
        int rounds = 0;
        int clean = 0;
        double bytes = Double.NaN;
        while (rounds < MAX_ROUNDS && (rounds < MIN_ROUNDS || clean < 3)) {
          long before = threads.getCurrentThreadAllocatedBytes();
          for (int k = 0; k < CALLS_PER_ROUND; k++) {
            if (backward) {
              f.backward(x, y, dy, dx, 1);
            } else {
              f.forward(x, y, 1);
            }
            sink += y[0] + dx[0];
          }
          bytes = (threads.getCurrentThreadAllocatedBytes() - before) / (double) CALLS_PER_ROUND;
          clean = bytes == 0 ? clean + 1 : 0;
          rounds++;
        }
        System.out.printf(
            "%s %s rounds=%d bytesPerCall=%.1f%n",
            name, backward ? "backward" : "forward", rounds, bytes);
      }
    }
    if (sink == 42) {
      System.out.println();
    }
  }
}
