package dev.rectifier.benchmarks;

/**
 * The JVM flags that pin one kernel path per fork. Scalar and vector never share a JVM: the
 * kernels are chosen once per JVM, and code the JIT compiled for one path would colour the other.
 *
 * <p>Every benchmark that runs on the library's kernels has a {@code …Scalar} and a {@code
 * …Vector} method, each with its own {@code @Fork(jvmArgsAppend = …)}. {@code
 * -Drectifier.kernels=vector} fails loudly, instead of falling back to scalar, when the vector
 * kernels cannot run, so a vector score is always a vector score.
 *
 * <p>These are appended JVM arguments: JMH's {@code -jvmArgsAppend} on the command line would
 * replace them, so add other flags with {@code -jvmArgs} or {@code -jvmArgsPrepend}.
 */
final class KernelForks {

  /** Forks per benchmark unless the command line says otherwise. */
  static final int FORKS = 2;

  /** Chooses the scalar kernels. */
  static final String SCALAR = "-Drectifier.kernels=scalar";

  /** Makes the Vector API readable; the vector kernels need it. */
  static final String ADD_VECTOR_MODULE = "--add-modules=jdk.incubator.vector";

  /** Chooses the vector kernels, and fails if they cannot run. */
  static final String VECTOR = "-Drectifier.kernels=vector";

  private KernelForks() {}
}
