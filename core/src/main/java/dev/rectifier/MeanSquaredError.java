package dev.rectifier;

import dev.rectifier.internal.kernels.Kernels;
import dev.rectifier.internal.kernels.UpdateKernels;

/**
 * The mean squared error, averaged over the batch and the outputs as Keras' {@code
 * mean_squared_error} does:
 *
 * <pre>
 *   L = 1/(B·d) · Σ_i Σ_j (ŷ_ij − y_ij)²          ∂L/∂ŷ_ij = 2·(ŷ_ij − y_ij) / (B·d)
 * </pre>
 *
 * where B is the number of rows and d the output width. The sum is accumulated in double.
 */
public final class MeanSquaredError implements Loss {

  static final MeanSquaredError INSTANCE = new MeanSquaredError();

  private final UpdateKernels kernels = Kernels.get().updates();

  private MeanSquaredError() {}

  @Override
  public String name() {
    return "mean_squared_error";
  }

  @Override
  public double loss(float[] predicted, float[] target, int rows, int cols) {
    int n = rows * cols;
    return kernels.squaredError(predicted, target, n) / n;
  }

  @Override
  public double lossAndGradient(
      float[] predicted, float[] target, float[] gradient, int rows, int cols) {
    int n = rows * cols;
    return kernels.squaredErrorWithGradient(predicted, target, gradient, n, 2f / n) / n;
  }

  @Override
  public String toString() {
    return name();
  }
}
