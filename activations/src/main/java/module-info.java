/**
 * The built-in activations, each an {@link dev.rectifier.spi.ActivationProvider}: relu,
 * leaky_relu, prelu, sigmoid, tanh, elu, linear, selu, gelu, silu, softplus, mish, hard_sigmoid,
 * hard_tanh and relu6. Nothing is exported: they are found by name through {@code
 * dev.rectifier.Activations}.
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
      dev.rectifier.activations.LinearProvider,
      dev.rectifier.activations.SeluProvider,
      dev.rectifier.activations.GeluProvider,
      dev.rectifier.activations.SiluProvider,
      dev.rectifier.activations.SoftplusProvider,
      dev.rectifier.activations.MishProvider,
      dev.rectifier.activations.HardSigmoidProvider,
      dev.rectifier.activations.HardTanhProvider,
      dev.rectifier.activations.Relu6Provider;
}
