package dev.rectifier;

import java.util.Arrays;

/**
 * What {@link Diagnostics} measured in one layer over a data set.
 *
 * @param layer the layer's name, such as {@code dense}
 * @param activation the activation's spec string, such as {@code relu}
 * @param units the layer's width
 * @param deadUnits the indices of the units whose derivative f'(z) is 0 for every sample (for
 *     relu: z ≤ 0 everywhere, so the unit gets no gradient and cannot learn), ascending
 * @param saturatedShare the share of (sample, unit) pairs where |f'(z)| is below the saturation
 *     bound, in [0, 1]; for sigmoid and tanh this is saturation, for relu the zero outputs
 * @param meanAbsOutput the mean of |f(z)| over samples and units
 * @param maxAbsOutput the largest |f(z)|
 * @param gradientNorm the L2 norm of the gradient of the loss with respect to all of the layer's
 *     parameters (kernel, bias and any activation parameters), or NaN when no targets were given
 */
public record LayerReport(
    String layer,
    String activation,
    int units,
    int[] deadUnits,
    double saturatedShare,
    double meanAbsOutput,
    double maxAbsOutput,
    double gradientNorm) {

  /** Copies the indices. */
  public LayerReport {
    deadUnits = deadUnits.clone();
  }

  /** @return the indices of the dead units, a copy */
  @Override
  public int[] deadUnits() {
    return deadUnits.clone();
  }

  /** @return the number of dead units */
  public int deadCount() {
    return deadUnits.length;
  }

  /** @return the share of dead units, in [0, 1] */
  public double deadShare() {
    return (double) deadUnits.length / units;
  }

  @Override
  public String toString() {
    return String.format(
        "%s (%s): %d/%d dead %s, %.1f%% saturated, mean |a| %.4g, max |a| %.4g, |grad| %.4g",
        layer, activation, deadUnits.length, units, Arrays.toString(deadUnits),
        100 * saturatedShare, meanAbsOutput, maxAbsOutput, gradientNorm);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LayerReport r
        && r.layer.equals(layer) && r.activation.equals(activation) && r.units == units
        && Arrays.equals(r.deadUnits, deadUnits)
        && Double.compare(r.saturatedShare, saturatedShare) == 0
        && Double.compare(r.meanAbsOutput, meanAbsOutput) == 0
        && Double.compare(r.maxAbsOutput, maxAbsOutput) == 0
        && Double.compare(r.gradientNorm, gradientNorm) == 0;
  }

  @Override
  public int hashCode() {
    return layer.hashCode() * 31 + Arrays.hashCode(deadUnits);
  }
}
