package dev.rectifier;

import java.util.Arrays;
import java.util.Objects;

/**
 * A trainable tensor: its values and the gradient of the loss with respect to them, both stored
 * row-major in {@code float} arrays of {@link #size()} elements.
 *
 * <p>{@link #values()} and {@link #gradients()} return the live storage, not copies: layers and
 * activations compute with it in place and optimizers update it in place. A Dense layer's kernel
 * is a parameter of shape (inputs, units), its bias one of shape (1, units); PReLU's slopes one of
 * shape (1, units).
 */
public final class Parameter {

  private final String name;
  private final int rows;
  private final int cols;
  private final float[] values;
  private final float[] gradients;

  /**
   * Creates a parameter of zeros.
   *
   * @param name a short name, such as {@code kernel}, {@code bias} or {@code alpha}
   * @param rows the number of rows, at least 1
   * @param cols the number of columns, at least 1
   */
  public Parameter(String name, int rows, int cols) {
    this.name = Objects.requireNonNull(name, "name");
    if (rows < 1 || cols < 1) {
      throw new IllegalArgumentException(
          "parameter '" + name + "' has shape (" + rows + ", " + cols
              + "); expected at least 1 row and 1 column");
    }
    long size = (long) rows * cols;
    if (size > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException(
          "parameter '" + name + "' of shape (" + rows + ", " + cols + ") has " + size
              + " elements; at most " + (Integer.MAX_VALUE - 16) + " fit in one array");
    }
    this.rows = rows;
    this.cols = cols;
    this.values = new float[(int) size];
    this.gradients = new float[(int) size];
  }

  /** @return the short name */
  public String name() {
    return name;
  }

  /** @return the number of rows */
  public int rows() {
    return rows;
  }

  /** @return the number of columns */
  public int cols() {
    return cols;
  }

  /** @return rows × cols */
  public int size() {
    return values.length;
  }

  /** @return the live values, row-major */
  public float[] values() {
    return values;
  }

  /** @return the live gradients, row-major, same shape as the values */
  public float[] gradients() {
    return gradients;
  }

  /** Sets every gradient to zero. */
  public void zeroGradients() {
    Arrays.fill(gradients, 0f);
  }

  @Override
  public String toString() {
    return name + "(" + rows + "x" + cols + ")";
  }
}
