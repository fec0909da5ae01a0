package dev.rectifier.internal.kernels;

import java.util.Objects;

/**
 * One consistent set of kernels, all scalar or all vector.
 *
 * @param name {@code scalar} or {@code vector}
 * @param description what runs, for the log line, such as {@code vector (S_256_BIT, 8 float lanes)}
 * @param elementwise activation kernels and bulk primitives
 * @param matrix Dense-layer matrix kernels
 * @param updates optimizer and loss kernels
 */
public record KernelSet(
    String name,
    String description,
    ElementwiseKernels elementwise,
    MatrixKernels matrix,
    UpdateKernels updates) {

  /** Checks that no part is missing. */
  public KernelSet {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(elementwise, "elementwise");
    Objects.requireNonNull(matrix, "matrix");
    Objects.requireNonNull(updates, "updates");
  }

  /** @return whether these are the vector kernels */
  public boolean isVector() {
    return name.equals("vector");
  }
}
