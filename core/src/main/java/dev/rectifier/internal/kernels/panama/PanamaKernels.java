package dev.rectifier.internal.kernels.panama;

import dev.rectifier.internal.kernels.KernelSet;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector kernels, on the JDK Vector API ({@code jdk.incubator.vector}) at the preferred
 * species of the CPU: 16 float lanes with AVX-512, 8 with AVX2. Loaded by name, and only after the
 * module has been found readable, by {@link dev.rectifier.internal.kernels.Kernels}.
 */
public final class PanamaKernels {

  private PanamaKernels() {}

  /**
   * Primes the Vector API's operator profiles ({@code ProfilePrimer}), then builds the set.
   *
   * @return the vector kernel set, named {@code vector}
   */
  public static KernelSet create() {
    VectorSpecies<Float> species = FloatVector.SPECIES_PREFERRED;
    ProfilePrimer.prime();
    return new KernelSet(
        "vector",
        "vector (" + species.vectorShape() + ", " + species.length() + " float lanes)",
        new PanamaElementwiseKernels(),
        new PanamaMatrixKernels(),
        new PanamaUpdateKernels());
  }
}
