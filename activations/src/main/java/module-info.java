/**
 * The built-in activations, each an {@link dev.rectifier.spi.ActivationProvider}: relu,
 * leaky_relu, prelu, sigmoid, tanh, elu and linear. Nothing is exported: they are found by name
 * through {@code dev.rectifier.Activations}.
 */
module dev.rectifier.activations {
  requires dev.rectifier.core;

  provides dev.rectifier.spi.ActivationProvider with
      dev.rectifier.activations.ReluProvider,
      dev.rectifier.activations.LeakyReluProvider,
      dev.rectifier.activations.PReluProvider,
      dev.rectifier.activations.SigmoidProvider,
      dev.rectifier.activations.TanhProvider,
      dev.rectifier.activations.EluProvider,
      dev.rectifier.activations.LinearProvider;
}
