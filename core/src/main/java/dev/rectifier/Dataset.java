package dev.rectifier;

/**
 * Inputs and targets, a row per sample.
 *
 * @param x the inputs
 * @param y the targets, one row per input row
 */
public record Dataset(float[][] x, float[][] y) {

  /** Checks that x and y have one row each per sample. */
  public Dataset {
    if (x == null || y == null || x.length != y.length) {
      throw new IllegalArgumentException(
          "x and y must have the same number of rows; got "
              + (x == null ? "null" : x.length) + " and " + (y == null ? "null" : y.length));
    }
  }

  /** @return the number of samples */
  public int size() {
    return x.length;
  }
}
