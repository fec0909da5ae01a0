package dev.rectifier;

import java.util.Arrays;

/**
 * One straight piece of a network's function of one input: on [from, to] every output j equals
 * slopes[j]·x + intercepts[j].
 *
 * @param from where the piece starts
 * @param to where it ends
 * @param slopes one slope per output
 * @param intercepts one intercept per output
 */
public record Segment(double from, double to, double[] slopes, double[] intercepts) {

  /** Copies the arrays. */
  public Segment {
    slopes = slopes.clone();
    intercepts = intercepts.clone();
  }

  /** @return the slopes, a copy */
  @Override
  public double[] slopes() {
    return slopes.clone();
  }

  /** @return the intercepts, a copy */
  @Override
  public double[] intercepts() {
    return intercepts.clone();
  }

  /** @return the slope of the first output */
  public double slope() {
    return slopes[0];
  }

  /** @return the intercept of the first output */
  public double intercept() {
    return intercepts[0];
  }

  /**
   * @param x a point in [from, to]
   * @return the first output at x
   */
  public double valueAt(double x) {
    return slopes[0] * x + intercepts[0];
  }

  @Override
  public String toString() {
    return String.format(
        "[%.6g, %.6g]: y = %s·x + %s", from, to, Arrays.toString(slopes),
        Arrays.toString(intercepts));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Segment s
        && Double.compare(s.from, from) == 0 && Double.compare(s.to, to) == 0
        && Arrays.equals(s.slopes, slopes) && Arrays.equals(s.intercepts, intercepts);
  }

  @Override
  public int hashCode() {
    return Double.hashCode(from) * 31 + Arrays.hashCode(slopes);
  }
}
