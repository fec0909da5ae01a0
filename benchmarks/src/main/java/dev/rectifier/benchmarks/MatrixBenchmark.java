package dev.rectifier.benchmarks;

import dev.rectifier.internal.kernels.Kernels;
import dev.rectifier.internal.kernels.MatrixKernels;
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
 * The four Dense-layer matrix kernels at the shapes the two reference networks use, on the kernels
 * {@code -Drectifier.kernels} selects in each fork.
 *
 * <p>A shape {@code m x k x n} is a Dense layer of k inputs and n units on a batch of m rows; one
 * training step of that layer runs each kernel once:
 *
 * <ul>
 *   <li>{@code matmulBias}: z = x·W + b, forward;
 *   <li>{@code accumulateTransposedProduct}: dW += xᵀ·dz, the weight gradient;
 *   <li>{@code matmulTransposed}: dx = dz·Wᵀ, the input gradient (not needed by a first layer);
 *   <li>{@code accumulateColumnSums}: db += Σ_rows dz, the bias gradient.
 * </ul>
 *
 * The shapes: the motivating network 1-30-1 at batch 32 ({@code 32x1x30}, {@code 32x30x1}) and
 * the 784-512-512-10 network at batch 256 ({@code 256x784x512}, {@code 256x512x512}, {@code
 * 256x512x10}).
 *
 * <p>From ns/op to GFLOP/s: the three products do 2·m·k·n floating-point operations each (one
 * multiply and one add per fused multiply-add), so GFLOP/s = 2·m·k·n / (ns/op). For {@code
 * 256x784x512}, 205,520,896 flops; at 50,000,000 ns/op that is 4.1 GFLOP/s. The column sums do
 * m·n additions: GFLOP/s = m·n / (ns/op).
 *
 * <p>How to run:
 *
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar Matrix
 *   java -jar benchmarks/target/benchmarks.jar 'MatrixBenchmark.matmulBias' -p shape=256x784x512
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class MatrixBenchmark {

  /** m x k x n: batch rows, layer inputs, layer units. */
  @Param({"32x1x30", "32x30x1", "256x784x512", "256x512x512", "256x512x10"})
  public String shape;

  private MatrixKernels kernels;
  private int m;
  private int k;
  private int n;
  /** The layer input, m × k. */
  private float[] x;
  /** The weights, k × n. */
  private float[] w;

  /** Scratch for Wᵀ, which matmulTransposed writes before its product. */
  private float[] wt;
  /** The bias, n. */
  private float[] b;
  /** The pre-activations, m × n. */
  private float[] z;
  /** The gradient at the pre-activations, m × n. */
  private float[] dz;
  /** The weight gradient, k × n. */
  private float[] dw;
  /** The bias gradient, n. */
  private float[] db;
  /** The input gradient, m × k. */
  private float[] dx;

  @Setup
  public void setUp() {
    String[] parts = shape.split("x");
    if (parts.length != 3) {
      throw new IllegalArgumentException("shape must be m x k x n, such as 256x784x512. Received: "
          + "shape=" + shape);
    }
    m = Integer.parseInt(parts[0]);
    k = Integer.parseInt(parts[1]);
    n = Integer.parseInt(parts[2]);
    // In this fork's JVM, -Drectifier.kernels chose the path; vector fails here if it cannot run.
    kernels = Kernels.get().matrix();
    SplittableRandom random = new SplittableRandom(42);
    x = uniform(random, m * k);
    w = uniform(random, k * n);
    b = uniform(random, n);
    z = new float[m * n];
    dz = uniform(random, m * n);
    dw = new float[k * n];
    wt = new float[k * n];
    db = new float[n];
    dx = new float[m * k];
  }

  private static float[] uniform(SplittableRandom random, int size) {
    float[] a = new float[size];
    for (int i = 0; i < size; i++) {
      a[i] = (float) random.nextDouble(-1, 1);
    }
    return a;
  }

  // The accumulating kernels add into dw and db on every call, as a model does over the rows of
  // one batch; the sums wander like a random walk and stay far from overflow.

  @Benchmark
  @Fork(value = KernelForks.FORKS, jvmArgsAppend = KernelForks.SCALAR)
  public float[] matmulBiasScalar() {
    kernels.matmulBias(x, w, b, z, m, k, n);
    return z;
  }

  @Benchmark
  @Fork(value = KernelForks.FORKS, jvmArgsAppend = KernelForks.SCALAR)
  public float[] accumulateTransposedProductScalar() {
    kernels.accumulateTransposedProduct(x, dz, dw, m, k, n);
    return dw;
  }

  @Benchmark
  @Fork(value = KernelForks.FORKS, jvmArgsAppend = KernelForks.SCALAR)
  public float[] matmulTransposedScalar() {
    kernels.matmulTransposed(dz, w, wt, dx, m, n, k);
    return dx;
  }

  @Benchmark
  @Fork(value = KernelForks.FORKS, jvmArgsAppend = KernelForks.SCALAR)
  public float[] accumulateColumnSumsScalar() {
    kernels.accumulateColumnSums(dz, db, m, n);
    return db;
  }

  @Benchmark
  @Fork(
      value = KernelForks.FORKS,
      jvmArgsAppend = {KernelForks.ADD_VECTOR_MODULE, KernelForks.VECTOR})
  public float[] matmulBiasVector() {
    kernels.matmulBias(x, w, b, z, m, k, n);
    return z;
  }

  @Benchmark
  @Fork(
      value = KernelForks.FORKS,
      jvmArgsAppend = {KernelForks.ADD_VECTOR_MODULE, KernelForks.VECTOR})
  public float[] accumulateTransposedProductVector() {
    kernels.accumulateTransposedProduct(x, dz, dw, m, k, n);
    return dw;
  }

  @Benchmark
  @Fork(
      value = KernelForks.FORKS,
      jvmArgsAppend = {KernelForks.ADD_VECTOR_MODULE, KernelForks.VECTOR})
  public float[] matmulTransposedVector() {
    kernels.matmulTransposed(dz, w, wt, dx, m, n, k);
    return dx;
  }

  @Benchmark
  @Fork(
      value = KernelForks.FORKS,
      jvmArgsAppend = {KernelForks.ADD_VECTOR_MODULE, KernelForks.VECTOR})
  public float[] accumulateColumnSumsVector() {
    kernels.accumulateColumnSums(dz, db, m, n);
    return db;
  }
}
