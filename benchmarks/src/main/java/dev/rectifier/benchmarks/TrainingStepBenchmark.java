package dev.rectifier.benchmarks;

import dev.rectifier.Dataset;
import dev.rectifier.Datasets;
import dev.rectifier.FitOptions;
import dev.rectifier.History;
import dev.rectifier.Sequential;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training step, as a user gets it from {@link Sequential#fit}: forward, MSE loss, backward and
 * an Adam update on one batch, with everything fit does around it.
 *
 * <p>fit is the only public way to train, and each call does some fixed work (checking the data,
 * an order array, a snapshot of the weights to restore if training diverges). So each invocation
 * calls fit once on a data set of exactly one batch, with {@code shuffle(false)} and as many epochs
 * as steps wanted: every epoch is then exactly one step on the same rows, and
 * {@code @OperationsPerInvocation} divides the time by the number of steps. What fit does per call
 * is amortised over those steps; what it does per epoch (saving the snapshot, scanning the weights
 * for NaN, recording the loss) is counted in every step, as it is for a data set of one batch.
 * Run with {@code -prof gc}: {@code gc.alloc.rate.norm} is then the allocation per step.
 *
 * <ul>
 *   <li>{@code motivating…}: the 1-30-1 ReLU network of the motivating experiment on the first 32
 *       rows of {@code Datasets.noisyCosine(200, 0.08, 1)}, batch 32, 100 steps per fit call.
 *   <li>{@code big…}: 784-512-512-10 ReLU on 256 rows of random inputs in [0, 1) and random
 *       targets in [0, 1), batch 256, 10 steps per fit call (a scalar step takes a few hundred
 *       milliseconds; 100 would make one invocation longer than a measurement iteration).
 * </ul>
 *
 * The weights keep training across invocations; the model is built once per fork from a fixed
 * seed. Compare the motivating network with {@link HandWrittenStepBenchmark}, the same step as
 * plain Java loops.
 *
 * <p>How to run:
 *
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar TrainingStep -prof gc
 *   java -jar benchmarks/target/benchmarks.jar 'TrainingStepBenchmark.motivating' -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class TrainingStepBenchmark {

  static final int MOTIVATING_STEPS = 100;
  static final int BIG_STEPS = 10;

  /** The 1-30-1 network and one batch of 32 rows of the motivating data. */
  @State(Scope.Thread)
  public static class MotivatingNetwork {
    Sequential model;
    float[][] x;
    float[][] y;
    FitOptions options;

    @Setup
    public void setUp() {
      Dataset data = Datasets.noisyCosine(200, 0.08, 1);
      x = Arrays.copyOf(data.x(), 32);
      y = Arrays.copyOf(data.y(), 32);
      model = Networks.motivating("adam");
      options = new FitOptions().epochs(MOTIVATING_STEPS).batchSize(32).shuffle(false);
    }

    History fit() {
      return model.fit(x, y, options);
    }
  }

  /** The 784-512-512-10 network and one batch of 256 random rows. */
  @State(Scope.Thread)
  public static class BigNetwork {
    static final int ROWS = 256;
    Sequential model;
    float[] x;
    float[] y;
    FitOptions options;

    @Setup
    public void setUp() {
      SplittableRandom random = new SplittableRandom(7);
      x = new float[ROWS * 784];
      y = new float[ROWS * 10];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) random.nextDouble();
      }
      for (int i = 0; i < y.length; i++) {
        y[i] = (float) random.nextDouble();
      }
      model = Networks.big("adam");
      options = new FitOptions().epochs(BIG_STEPS).batchSize(ROWS).shuffle(false);
    }

    History fit() {
      return model.fit(x, y, ROWS, options);
    }
  }

  @Benchmark
  @OperationsPerInvocation(MOTIVATING_STEPS)
  @Fork(value = KernelForks.FORKS, jvmArgsAppend = KernelForks.SCALAR)
  public History motivatingScalar(MotivatingNetwork net) {
    return net.fit();
  }

  @Benchmark
  @OperationsPerInvocation(MOTIVATING_STEPS)
  @Fork(
      value = KernelForks.FORKS,
      jvmArgsAppend = {KernelForks.ADD_VECTOR_MODULE, KernelForks.VECTOR})
  public History motivatingVector(MotivatingNetwork net) {
    return net.fit();
  }

  @Benchmark
  @OperationsPerInvocation(BIG_STEPS)
  @Fork(value = KernelForks.FORKS, jvmArgsAppend = KernelForks.SCALAR)
  public History bigScalar(BigNetwork net) {
    return net.fit();
  }

  @Benchmark
  @OperationsPerInvocation(BIG_STEPS)
  @Fork(
      value = KernelForks.FORKS,
      jvmArgsAppend = {KernelForks.ADD_VECTOR_MODULE, KernelForks.VECTOR})
  public History bigVector(BigNetwork net) {
    return net.fit();
  }
}
