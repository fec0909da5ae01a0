package dev.rectifier.benchmarks;

import dev.rectifier.Dataset;
import dev.rectifier.Datasets;
import dev.rectifier.FitOptions;
import dev.rectifier.Parameter;
import dev.rectifier.Sequential;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The reference for {@code TrainingStepBenchmark.motivating…}: one training step of the 1-30-1 ReLU
 * network (MSE, Adam in Keras' form) written as the plain Java loops a programmer would write by
 * hand, on preallocated float arrays, without the library.
 *
 * <p>Same batch semantics as the library benchmark: the first 32 rows of {@code
 * Datasets.noisyCosine(200, 0.08, 1)}, the same fixed batch every step, no shuffling. The weights
 * start as the library model's (seed 42) and keep training across invocations. Each step computes
 * the loss too, as fit does.
 *
 * <p>The control: setup trains a copy for five steps beside the library and fails unless both
 * report the same losses (to 1e-4 relative; the library sums with fused multiply-adds), so the two
 * benchmarks time the same math.
 *
 * <p>How to run:
 *
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar 'HandWrittenStepBenchmark|TrainingStepBenchmark.motivating' -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = KernelForks.FORKS, jvmArgsAppend = KernelForks.SCALAR)
public class HandWrittenStepBenchmark {

  private static final int BATCH = 32;

  private Net net;

  @Setup
  public void setUp() {
    Dataset data = Datasets.noisyCosine(200, 0.08, 1);
    float[] x = new float[BATCH];
    float[] y = new float[BATCH];
    for (int r = 0; r < BATCH; r++) {
      x[r] = data.x()[r][0];
      y[r] = data.y()[r][0];
    }
    checkSameLossesAsLibrary(data, x, y);
    net = new Net(x, y, Networks.motivating("adam").parameters());
  }

  private static void checkSameLossesAsLibrary(Dataset data, float[] x, float[] y) {
    int steps = 5;
    Sequential model = Networks.motivating("adam");
    Net copy = new Net(x, y, model.parameters());
    float[][] bx = Arrays.copyOf(data.x(), BATCH);
    float[][] by = Arrays.copyOf(data.y(), BATCH);
    double[] expected =
        model.fit(bx, by, new FitOptions().epochs(steps).batchSize(BATCH).shuffle(false)).loss();
    for (int s = 0; s < steps; s++) {
      double actual = copy.step();
      if (Math.abs(actual - expected[s]) > 1e-4 * Math.abs(expected[s])) {
        throw new IllegalStateException("the hand-written step differs from the library: loss "
            + actual + " at step " + (s + 1) + ", library " + expected[s]);
      }
    }
  }

  @Benchmark
  public double step() {
    return net.step();
  }

  /** The network, its gradients, Adam's moments and the batch buffers, all allocated once. */
  static final class Net {
    static final int HIDDEN = 30;
    static final float LR = 1e-3f;
    static final float BETA1 = 0.9f;
    static final float BETA2 = 0.999f;
    static final float EPSILON = 1e-7f;

    final float[] x;
    final float[] y;
    // weights: w1 is 1×30, b1 30, w2 30×1, b2 1
    final float[] w1 = new float[HIDDEN];
    final float[] b1 = new float[HIDDEN];
    final float[] w2 = new float[HIDDEN];
    final float[] b2 = new float[1];
    final float[] gw1 = new float[HIDDEN];
    final float[] gb1 = new float[HIDDEN];
    final float[] gw2 = new float[HIDDEN];
    final float[] gb2 = new float[1];
    final float[][] m = {new float[HIDDEN], new float[HIDDEN], new float[HIDDEN], new float[1]};
    final float[][] v = {new float[HIDDEN], new float[HIDDEN], new float[HIDDEN], new float[1]};
    // activations of the batch
    final float[] z1 = new float[BATCH * HIDDEN];
    final float[] h = new float[BATCH * HIDDEN];
    final float[] out = new float[BATCH];
    final float[] dout = new float[BATCH];
    long t;

    /** Starts from the weights of a library model: kernel, bias, kernel, bias. */
    Net(float[] x, float[] y, List<Parameter> weights) {
      this.x = x;
      this.y = y;
      float[][] mine = {w1, b1, w2, b2};
      for (int i = 0; i < mine.length; i++) {
        System.arraycopy(weights.get(i).values(), 0, mine[i], 0, mine[i].length);
      }
    }

    /** One step on the batch; returns the loss before the update. */
    double step() {
      // forward: z1 = x·w1 + b1, h = relu(z1), out = h·w2 + b2
      for (int r = 0; r < BATCH; r++) {
        for (int u = 0; u < HIDDEN; u++) {
          float z = x[r] * w1[u] + b1[u];
          z1[r * HIDDEN + u] = z;
          h[r * HIDDEN + u] = Math.max(0f, z);
        }
        float s = b2[0];
        for (int u = 0; u < HIDDEN; u++) {
          s += h[r * HIDDEN + u] * w2[u];
        }
        out[r] = s;
      }
      // loss: mean squared error, and its gradient 2·(out − y)/B
      double loss = 0;
      for (int r = 0; r < BATCH; r++) {
        float e = out[r] - y[r];
        loss += e * e;
        dout[r] = 2f * e / BATCH;
      }
      loss /= BATCH;
      // backward
      Arrays.fill(gw1, 0f);
      Arrays.fill(gb1, 0f);
      Arrays.fill(gw2, 0f);
      gb2[0] = 0f;
      for (int r = 0; r < BATCH; r++) {
        float d = dout[r];
        gb2[0] += d;
        for (int u = 0; u < HIDDEN; u++) {
          gw2[u] += h[r * HIDDEN + u] * d;
          float dz = z1[r * HIDDEN + u] > 0 ? d * w2[u] : 0f;
          gw1[u] += x[r] * dz;
          gb1[u] += dz;
        }
      }
      // Adam, Keras' form: θ ← θ − lr·√(1−β2^t)/(1−β1^t) · m / (√v + ε)
      t++;
      float stepSize =
          (float) (LR * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t)));
      adam(w1, gw1, m[0], v[0], stepSize);
      adam(b1, gb1, m[1], v[1], stepSize);
      adam(w2, gw2, m[2], v[2], stepSize);
      adam(b2, gb2, m[3], v[3], stepSize);
      return loss;
    }

    private static void adam(float[] theta, float[] g, float[] m, float[] v, float stepSize) {
      for (int i = 0; i < theta.length; i++) {
        m[i] = BETA1 * m[i] + (1 - BETA1) * g[i];
        v[i] = BETA2 * v[i] + (1 - BETA2) * g[i] * g[i];
        theta[i] -= stepSize * m[i] / ((float) Math.sqrt(v[i]) + EPSILON);
      }
    }
  }
}
