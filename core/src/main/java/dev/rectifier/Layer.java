package dev.rectifier;

import java.util.List;

/**
 * One stage of a {@link Sequential} model. Batches are row-major {@code float} arrays, one row per
 * sample.
 *
 * <p>A layer computes its output in two parts, a pre-activation z and the output a = act(z), and
 * its backward pass needs both; callers own every buffer, so a layer keeps no per-batch state and
 * the same layer can run {@code forward} on several threads at once.
 */
public sealed interface Layer permits Dense {

  /** @return the layer's name in its model, such as {@code dense_1}; empty before it is added */
  String name();

  /** @return the input width; 0 until the layer is added to a model */
  int inputWidth();

  /** @return the output width (its number of units) */
  int outputWidth();

  /** @return the trainable parameters, values and gradients; empty until the layer is built */
  List<Parameter> parameters();

  /** @return the number of trainable values */
  long parameterCount();

  /**
   * Computes z and a = act(z) for a batch.
   *
   * @param input {@code rows × inputWidth()}
   * @param preActivation where z goes, {@code rows × outputWidth()}
   * @param output where a goes, {@code rows × outputWidth()}
   * @param rows the number of samples
   */
  void forward(float[] input, float[] preActivation, float[] output, int rows);

  /**
   * Back-propagates a batch: from ∂L/∂a computes ∂L/∂z, adds the parameter gradients and, unless
   * {@code inputGradient} is null, writes ∂L/∂input.
   *
   * @param input the batch given to {@code forward}
   * @param preActivation z from {@code forward}
   * @param output a from {@code forward}
   * @param outputGradient ∂L/∂a, {@code rows × outputWidth()}
   * @param preActivationGradient scratch for ∂L/∂z, {@code rows × outputWidth()}
   * @param inputGradient where ∂L/∂input goes, {@code rows × inputWidth()}; null to skip
   * @param rows the number of samples
   */
  void backward(
      float[] input,
      float[] preActivation,
      float[] output,
      float[] outputGradient,
      float[] preActivationGradient,
      float[] inputGradient,
      int rows);
}
