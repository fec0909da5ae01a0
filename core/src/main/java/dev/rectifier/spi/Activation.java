package dev.rectifier.spi;

import dev.rectifier.Parameter;
import java.util.List;
import java.util.Optional;

/**
 * An activation function applied to a batch of a layer's outputs: y = f(x), element by element
 * (or, for parametric activations, with one parameter per unit).
 *
 * <p>Batches are row-major {@code float} arrays of {@code rows × units()} elements, one row per
 * sample; only the first {@code rows × units()} elements are read or written. The arrays passed to
 * one call are distinct.
 *
 * <p>An activation may own trainable {@link Parameter}s (PReLU's slopes, one per unit). {@link
 * #backward} then also <em>adds</em> the gradient of those parameters for the batch to {@link
 * Parameter#gradients()}; the model zeroes gradients before each batch and any optimizer updates
 * them like weights.
 *
 * <p>Contract for every implementation:
 *
 * <ul>
 *   <li>NaN in gives NaN out, never a silent 0; infinities give the function's limits;
 *   <li>at a kink the derivative takes the left side (the derivative of ReLU at 0 is 0);
 *   <li>{@link #forward} does not change the activation's state, so it may run on several threads
 *       at once with different arrays (the model's {@code predict} relies on it);
 *   <li>{@code toString()} reads like a spec string, {@code leaky_relu(alpha=0.01)}, which {@code
 *       Activations.create} turns back into an equal activation.
 * </ul>
 *
 * <p>For a function of one element, extend {@link ElementwiseActivation} and give f and f'.
 */
public interface Activation {

  /** @return the canonical name of the provider that created this activation */
  String name();

  /** @return the hyper-parameter values it was created with */
  HyperParameters hyperParameters();

  /** @return the width of the layer it serves */
  int units();

  /**
   * Computes y = f(x) for a batch.
   *
   * @param x the inputs, {@code rows × units()} elements, row-major
   * @param y where the outputs go, same shape
   * @param rows the number of samples in the batch
   */
  void forward(float[] x, float[] y, int rows);

  /**
   * Computes dx = f'(x) ⊙ dy for a batch, from the inputs and outputs of the matching {@link
   * #forward} call, and adds the gradients of its trainable parameters, if any.
   *
   * @param x the inputs given to {@code forward}
   * @param y the outputs {@code forward} produced
   * @param dy the gradient of the loss with respect to y
   * @param dx where the gradient of the loss with respect to x goes
   * @param rows the number of samples in the batch
   */
  void backward(float[] x, float[] y, float[] dy, float[] dx, int rows);

  /**
   * For a piecewise-linear activation, the function that one unit applies, exactly as the kernels
   * compute it (for trainable slopes, their current values). Diagnostics use it to compute a
   * network's straight segments from its weights.
   *
   * @param unit the unit, from 0
   * @return the function, or empty if the activation is not piecewise linear (the default)
   */
  default Optional<PiecewiseLinear> piecewiseLinear(int unit) {
    return Optional.empty();
  }

  /**
   * The trainable parameters, updated by the optimizer with the layer's weights.
   *
   * @return the parameters; none by default
   */
  default List<Parameter> parameters() {
    return List.of();
  }
}
