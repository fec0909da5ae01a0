package dev.rectifier.benchmarks;

import dev.rectifier.Optimizer;
import dev.rectifier.Parameter;
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
 * One optimizer step over every parameter of a reference network, exactly as {@code fit} calls it
 * after each batch: {@link Optimizer#step()} on the optimizer the model was compiled with.
 *
 * <p>The networks: {@code motivating}, 1-30-1, 91 parameters in four arrays (30 + 30 + 30 + 1),
 * where the per-array overhead shows; {@code big}, 784-512-512-10, 669,706 parameters in six
 * arrays, where memory bandwidth shows (Adam streams θ, g, m and v: 16 bytes read and 12 written
 * per parameter). Divide ns/op by the parameter count for ns per parameter.
 *
 * <p>The gradients are fixed random values in [−1, 1]; the step count grows through the run,
 * which changes only Adam's bias corrections, two scalars per step.
 *
 * <p>How to run:
 *
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar Optimizer
 *   java -jar benchmarks/target/benchmarks.jar Optimizer -p network=big -p optimizer='sgd(momentum=0.9)'
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class OptimizerBenchmark {

  /** {@code motivating} (1-30-1) or {@code big} (784-512-512-10). */
  @Param({"motivating", "big"})
  public String network;

  /** The optimizer's spec string, as given to {@code compile}: any registered optimizer. */
  @Param({"adam"})
  public String optimizer;

  private Optimizer step;

  @Setup
  public void setUp() {
    Sequential model = Networks.named(network, optimizer);
    SplittableRandom random = new SplittableRandom(7);
    for (Parameter p : model.parameters()) {
      float[] g = p.gradients();
      for (int i = 0; i < g.length; i++) {
        g[i] = (float) random.nextDouble(-1, 1);
      }
    }
    step = model.optimizer();
  }

  @Benchmark
  @Fork(value = KernelForks.FORKS, jvmArgsAppend = KernelForks.SCALAR)
  public Optimizer stepScalar() {
    step.step();
    return step;
  }

  @Benchmark
  @Fork(
      value = KernelForks.FORKS,
      jvmArgsAppend = {KernelForks.ADD_VECTOR_MODULE, KernelForks.VECTOR})
  public Optimizer stepVector() {
    step.step();
    return step;
  }
}
