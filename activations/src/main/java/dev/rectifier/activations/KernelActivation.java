package dev.rectifier.activations;

import dev.rectifier.internal.kernels.ElementwiseKernels;
import dev.rectifier.internal.kernels.Kernels;
import dev.rectifier.spi.Activation;
import dev.rectifier.spi.HyperParameters;

/** The common part of the built-in activations: identity, width and the kernels they run on. */
abstract class KernelActivation implements Activation {

  final String name;
  final HyperParameters values;
  final int units;
  final ElementwiseKernels kernels;

  KernelActivation(String name, HyperParameters values, int units) {
    this.name = name;
    this.values = values;
    this.units = units;
    this.kernels = Kernels.get().elementwise();
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final HyperParameters hyperParameters() {
    return values;
  }

  @Override
  public final int units() {
    return units;
  }

  @Override
  public final String toString() {
    return values.toSpec(name);
  }
}
