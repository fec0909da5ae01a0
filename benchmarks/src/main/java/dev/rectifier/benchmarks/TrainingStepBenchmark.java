package dev.rectifier.benchmarks;

import dev.rectifier.Dataset;
import dev.rectifier.Datasets;
import dev.rectifier.Sequential;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training step — forward, MSE loss, backward and an Adam update on one batch — as {@link
 * Sequential#trainOnBatch} performs it: the step {@code fit} repeats for every batch, without the
 * per-call work of fit (checking the data, the snapshot kept to undo a diverged epoch).
 *
 * <ul>
 *   <li>{@code motivating…}: the 1-30-1 ReLU network of the motivating experiment on the first 32
 *       rows of {@code Datasets.noisyCosine(200, 0.08, 1)}, batch 32; {@code -p
 *       activation=tanh} (any name or spec string) puts another activation in its hidden layer.
 *   <li>{@code big…}: 784-512-512-10 ReLU on 256 rows of random inputs in [0, 1) and random
 *       targets in [0, 1), batch 256.
 * </ul>
 *
 * The weights keep training across invocations; the model is built once per fork from a fixed
 * seed. Run with {@code -prof gc}: {@code gc.alloc.rate.norm} is the allocation per step, which
 * should be about 0 B/op. Compare the motivating network with {@link HandWrittenStepBenchmark}, the
 * same step as plain Java loops.
 *
 * <p>How to run:
 *
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar TrainingStep -prof gc
 *   java -jar benchmarks/target/benchmarks.jar 'TrainingStepBenchmark.motivating' -prof gc
 *   java -jar benchmarks/target/benchmarks.jar 'TrainingStepBenchmark.motivating' -p activation=sigmoid,tanh
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class TrainingStepBenchmark {

  /** The 1-30-1 network and one batch of 32 rows of the motivating data. */
  @State(Scope.Thread)
  public static class MotivatingNetwork {
    static final int ROWS = 32;

    /** The hidden layer's activation: relu, as in the motivating experiment, by default. */
    @Param({"relu"})
    public String activation;

    Sequential model;
    float[] x = new float[ROWS];
    float[] y = new float[ROWS];

    @Setup
    public void setUp() {
      Dataset data = Datasets.noisyCosine(200, 0.08, 1);
      for (int i = 0; i < ROWS; i++) {
        x[i] = data.x()[i][0];
        y[i] = data.y()[i][0];
      }
      model = Networks.motivating("adam", activation);
    }

    double step() {
      return model.trainOnBatch(x, y, ROWS);
    }
  }

  /** The 784-512-512-10 network and one batch of 256 random rows. */
  @State(Scope.Thread)
  public static class BigNetwork {
    static final int ROWS = 256;
    Sequential model;
    float[] x;
    float[] y;

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
    }

    double step() {
      return model.trainOnBatch(x, y, ROWS);
    }
  }

  @Benchmark
  @Fork(value = KernelForks.FORKS, jvmArgsAppend = KernelForks.SCALAR)
  public double motivatingScalar(MotivatingNetwork net) {
    return net.step();
  }

  @Benchmark
  @Fork(
      value = KernelForks.FORKS,
      jvmArgsAppend = {KernelForks.ADD_VECTOR_MODULE, KernelForks.VECTOR})
  public double motivatingVector(MotivatingNetwork net) {
    return net.step();
  }

  @Benchmark
  @Fork(value = KernelForks.FORKS, jvmArgsAppend = KernelForks.SCALAR)
  public double bigScalar(BigNetwork net) {
    return net.step();
  }

  @Benchmark
  @Fork(
      value = KernelForks.FORKS,
      jvmArgsAppend = {KernelForks.ADD_VECTOR_MODULE, KernelForks.VECTOR})
  public double bigVector(BigNetwork net) {
    return net.step();
  }
}
