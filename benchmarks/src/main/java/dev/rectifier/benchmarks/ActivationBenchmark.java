package dev.rectifier.benchmarks;

import dev.rectifier.Activations;
import dev.rectifier.spi.Activation;
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
 * Forward and backward of one activation, taken by name through {@link Activations} exactly as a
 * {@code Dense} layer takes it, on the scalar and on the vector kernels.
 *
 * <p>{@code size} is the number of floats per call; divide ns/op by it for ns per element. By
 * default the batch is one row of {@code size} units. For {@code prelu} this means one learned
 * slope per element, a slope array as long as the data: its worst case (and so for {@code
 * silu(trainable=true)} and for silu with a beta other than 1, whose beta is per unit; the default
 * silu and {@code softplus} have loops without one). {@code -p units=256} runs a layer's shape
 * instead: {@code size / 256} rows of 256 units, each slope shared by the rows. The inputs are
 * uniform in [−5, 5], both signs mixed, so branches are unpredictable; the upstream gradient is
 * uniform in [−1, 1]. 65537 floats is not a multiple of any vector width and exercises the tails.
 * {@code -p inputs=-30:-20} draws the inputs from another interval: far from 0 some kernels meet
 * subnormal floats, and on x86 every operation that meets or makes one takes a microcode assist
 * (some ten times the time per element; docs/performance.md has a table).
 *
 * <p>How to run (after {@code mvn -q -pl benchmarks -am package -DskipTests}):
 *
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar Activation
 *   java -jar benchmarks/target/benchmarks.jar 'ActivationBenchmark.forward' -p activation=relu,tanh -p size=65536
 *   java -jar benchmarks/target/benchmarks.jar 'ActivationBenchmark.*Vector' -p activation=prelu -p units=256
 *   java -cp benchmarks/target/benchmarks.jar:my-plugin.jar org.openjdk.jmh.Main Activation -p activation=snake
 * </pre>
 *
 * The last line benchmarks a plug-in activation: any name the plug-in's provider answers to.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class ActivationBenchmark {

  /** The activation's name or spec string, such as {@code leaky_relu(alpha=0.1)}. */
  @Param({
    "relu", "leaky_relu", "prelu", "sigmoid", "tanh", "elu", "linear", "selu", "gelu",
    "gelu(approximate=tanh)", "silu", "silu(beta=2)", "silu(trainable=true)", "softplus",
    "softplus(beta=2)", "mish", "hard_sigmoid", "hard_tanh", "relu6"
  })
  public String activation;

  /** The interval the inputs are drawn from, uniformly: {@code low:high}. */
  @Param({"-5:5"})
  public String inputs;

  /** Floats per call. */
  @Param({"1024", "65536", "1048576", "65537"})
  public int size;

  /**
   * Units per row; {@code size / units} rows. 0, the default, means one row of {@code size} units.
   */
  @Param({"0"})
  public int units;

  private int rows;

  private Activation f;
  private float[] x;
  private float[] y;
  private float[] dy;
  private float[] dx;

  @Setup
  public void setUp() {
    if (units < 0 || (units > 0 && size % units != 0)) {
      throw new IllegalArgumentException(
          "units must be 0 (one row) or divide size " + size + " exactly, got " + units);
    }
    int width = units == 0 ? size : units;
    rows = size / width;
    f = Activations.create(activation, width);
    String[] bounds = inputs.split(":");
    double low = Double.NaN;
    double high = Double.NaN;
    try {
      if (bounds.length == 2) {
        low = Double.parseDouble(bounds[0]);
        high = Double.parseDouble(bounds[1]);
      }
    } catch (NumberFormatException e) {
      // reported below, with the expected form
    }
    if (!(low < high) || Double.isInfinite(low) || Double.isInfinite(high)) {
      throw new IllegalArgumentException(
          "inputs must be low:high with finite low < high, such as -5:5; got " + inputs);
    }
    SplittableRandom random = new SplittableRandom(42);
    x = new float[size];
    y = new float[size];
    dy = new float[size];
    dx = new float[size];
    for (int i = 0; i < size; i++) {
      x[i] = (float) random.nextDouble(low, high);
      dy[i] = (float) random.nextDouble(-1, 1);
    }
    // backward reads the outputs of the matching forward (sigmoid, tanh, elu and selu use them).
    f.forward(x, y, rows);
  }

  @Benchmark
  @Fork(value = KernelForks.FORKS, jvmArgsAppend = KernelForks.SCALAR)
  public float[] forwardScalar() {
    f.forward(x, y, rows);
    return y;
  }

  @Benchmark
  @Fork(value = KernelForks.FORKS, jvmArgsAppend = KernelForks.SCALAR)
  public float[] backwardScalar() {
    f.backward(x, y, dy, dx, rows);
    return dx;
  }

  @Benchmark
  @Fork(
      value = KernelForks.FORKS,
      jvmArgsAppend = {KernelForks.ADD_VECTOR_MODULE, KernelForks.VECTOR})
  public float[] forwardVector() {
    f.forward(x, y, rows);
    return y;
  }

  @Benchmark
  @Fork(
      value = KernelForks.FORKS,
      jvmArgsAppend = {KernelForks.ADD_VECTOR_MODULE, KernelForks.VECTOR})
  public float[] backwardVector() {
    f.backward(x, y, dy, dx, rows);
    return dx;
  }
}
