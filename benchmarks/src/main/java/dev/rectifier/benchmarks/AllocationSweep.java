package dev.rectifier.benchmarks;

import com.sun.management.ThreadMXBean;
import dev.rectifier.Activations;
import dev.rectifier.spi.Activation;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

/**
 * Every activation's forward and backward, one after the other in one JVM, with the bytes each
 * call allocates once it is warm. JMH gives each benchmark a JVM of its own; this shows what a
 * program that uses many activations sees (the demo's {@code compare}, a model mixing several),
 * where C2 compiles each kernel after the others have shaped the profiles of the Vector API code
 * they share.
 *
 * <p>Not a benchmark: the times are rough (no forks, no statistics). The bytes are exact, from
 * {@code ThreadMXBean.getCurrentThreadAllocatedBytes}, over the last of 12 rounds of calls.
 *
 * <pre>
 *   java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar \
 *       dev.rectifier.benchmarks.AllocationSweep 1024 [activation;activation;...]
 * </pre>
 */
public final class AllocationSweep {

  private static final String DEFAULT =
      "relu;leaky_relu;prelu;sigmoid;tanh;elu;selu;gelu;gelu(approximate=tanh);silu;"
          + "silu(trainable=true);softplus;softplus(beta=0.5);mish;hard_sigmoid;hard_tanh;relu6";
  private static final int ROUNDS = 12;
  private static final long FLOATS_PER_ROUND = 40_000_000L;

  private static float sink;

  private AllocationSweep() {}

  /**
   * @param args the number of floats per call, then optionally the activations, separated by
   *     semicolons
   */
  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: AllocationSweep <floats per call> [activation;activation;...]");
      System.exit(2);
    }
    int n = Integer.parseInt(args[0]);
    String[] names = (args.length > 1 ? args[1] : DEFAULT).split(";");
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    System.out.printf("%-24s %-8s %12s %12s%n", "activation", "pass", "ns/element", "B/call");
    for (String name : names) {
      for (boolean backward : new boolean[] {false, true}) {
        Activation f = Activations.create(name, n);
        float[] x = new float[n];
        float[] y = new float[n];
        float[] dy = new float[n];
        float[] dx = new float[n];
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < n; i++) {
          x[i] = (float) random.nextDouble(-5, 5);
          dy[i] = (float) random.nextDouble(-1, 1);
        }
        f.forward(x, y, 1);
        long calls = Math.max(1, FLOATS_PER_ROUND / n);
        double bytes = 0;
        double nanos = 0;
        for (int round = 0; round < ROUNDS; round++) {
          long b0 = threads.getCurrentThreadAllocatedBytes();
          long t0 = System.nanoTime();
          run(f, x, y, dy, dx, backward, calls);
          long t1 = System.nanoTime();
          long b1 = threads.getCurrentThreadAllocatedBytes();
          bytes = (b1 - b0) / (double) calls;
          nanos = (t1 - t0) / (double) (calls * n);
        }
        System.out.printf(
            "%-24s %-8s %12.3f %12.1f%n", name, backward ? "backward" : "forward", nanos, bytes);
      }
    }
    if (sink == 42) {
      System.out.println();
    }
  }

  private static void run(
      Activation f, float[] x, float[] y, float[] dy, float[] dx, boolean backward, long calls) {
    for (long k = 0; k < calls; k++) {
      if (backward) {
        f.backward(x, y, dy, dx, 1);
      } else {
        f.forward(x, y, 1);
      }
      sink += y[0];
    }
  }
}
