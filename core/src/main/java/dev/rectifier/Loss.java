package dev.rectifier;

import java.util.Locale;

/**
 * A loss function: how far a batch of predictions lies from its targets, and the gradient that
 * training follows. Predictions and targets are row-major {@code rows × cols} arrays.
 */
public interface Loss {

  /** @return the canonical lower_snake_case name, such as {@code mean_squared_error} */
  String name();

  /**
   * @param predicted the model's outputs, {@code rows × cols}
   * @param target the wanted outputs, same shape
   * @param rows the number of samples
   * @param cols the output width
   * @return the loss, averaged as the implementation documents
   */
  double loss(float[] predicted, float[] target, int rows, int cols);

  /**
   * Computes the loss and writes its gradient with respect to each prediction.
   *
   * @param predicted the model's outputs, {@code rows × cols}
   * @param target the wanted outputs, same shape
   * @param gradient where ∂loss/∂predicted goes, same shape
   * @param rows the number of samples
   * @param cols the output width
   * @return the loss
   */
  double lossAndGradient(float[] predicted, float[] target, float[] gradient, int rows, int cols);

  /** @return the mean squared error, Keras' {@code mean_squared_error} */
  static Loss meanSquaredError() {
    return MeanSquaredError.INSTANCE;
  }

  /**
   * Finds a loss by name: {@code mse} or {@code mean_squared_error}, in any case.
   *
   * @param name the name
   * @return the loss
   * @throws IllegalArgumentException for any other name, listing the available ones
   */
  static Loss named(String name) {
    String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    if (n.equals("mse") || n.equals("mean_squared_error")) {
      return MeanSquaredError.INSTANCE;
    }
    throw new IllegalArgumentException(
        "unknown loss '" + name + "'; available: mean_squared_error (alias mse)");
  }
}
