package dev.rectifier.internal.kernels.panama;

import dev.rectifier.internal.kernels.KernelSet;

/** Placeholder until the vector kernels land. */
final class PanamaKernels {
  private PanamaKernels() {}

  static KernelSet create() {
    throw new UnsupportedOperationException("vector kernels not built yet");
  }
}
