/**
 * The built-in optimizers, each an {@link dev.rectifier.spi.OptimizerProvider}: adam and sgd. Nothing is exported: they are found by name through {@code
 * dev.rectifier.Optimizers}.
 */
module dev.rectifier.optim {
  requires dev.rectifier.core;

  provides dev.rectifier.spi.OptimizerProvider with
      dev.rectifier.optim.AdamProvider,
      dev.rectifier.optim.SgdProvider;
}
