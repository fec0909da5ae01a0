/**
 * Rectifier's core: {@link dev.rectifier.Sequential} models of {@link dev.rectifier.Dense} layers,
 * the mean squared error, the {@link dev.rectifier.Optimizer} interface, and the SPIs through which
 * activations and optimizers are found ({@link dev.rectifier.spi.ActivationProvider}, {@link
 * dev.rectifier.spi.OptimizerProvider}).
 *
 * <p>The kernels in {@code dev.rectifier.internal.kernels} are internal: exported only to the
 * library's own modules. The vector kernels use {@code jdk.incubator.vector} when the JVM runs
 * with {@code --add-modules jdk.incubator.vector}; without it the scalar kernels run.
 */
module dev.rectifier.core {
  requires static jdk.incubator.vector;

  exports dev.rectifier;
  exports dev.rectifier.spi;
  exports dev.rectifier.internal.kernels to
      dev.rectifier.activations,
      dev.rectifier.optim;

  uses dev.rectifier.spi.ActivationProvider;
  uses dev.rectifier.spi.OptimizerProvider;
}
