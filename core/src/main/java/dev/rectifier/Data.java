package dev.rectifier;

/**
 * A read-only view of a data set as rows of equal width, over either a {@code float[][]} (a row
 * per sample) or a flat row-major {@code float[]}; rows are copied only into batch buffers.
 */
abstract class Data {

  final String label;
  final int rows;
  final int cols;

  private Data(String label, int rows, int cols) {
    this.label = label;
    this.rows = rows;
    this.cols = cols;
  }

  /** Copies row r into dst at offset off. */
  abstract void copyRow(int r, float[] dst, int off);

  /** @return the element at (r, c) */
  abstract float get(int r, int c);

  /** @return how element (r, c) is written in messages, such as x[12][0] */
  abstract String where(int r, int c);

  /**
   * Wraps rows given as arrays, checking that they are non-empty, equal in width and finite.
   *
   * @param label the argument's name in messages, such as "x"
   * @param data the rows
   * @param width the expected width
   */
  static Data of(String label, float[][] data, int width) {
    if (data == null) {
      throw new IllegalArgumentException(label + " is null; expected " + shape(width));
    }
    if (data.length == 0) {
      throw new IllegalArgumentException(label + " is empty; expected " + shape(width));
    }
    for (int r = 0; r < data.length; r++) {
      float[] row = data[r];
      if (row == null) {
        throw new IllegalArgumentException(label + "[" + r + "] is null; expected a row of "
            + width + " values");
      }
      if (row.length != width) {
        throw new IllegalArgumentException(
            label + "[" + r + "] has " + row.length + " values; expected " + width
                + " (the model's " + (label.startsWith("y") ? "output" : "input") + " width)");
      }
    }
    Data d =
        new Data(label, data.length, width) {
          @Override
          void copyRow(int r, float[] dst, int off) {
            System.arraycopy(data[r], 0, dst, off, cols);
          }

          @Override
          float get(int r, int c) {
            return data[r][c];
          }

          @Override
          String where(int r, int c) {
            return label + "[" + r + "][" + c + "] (row " + r + ", column " + c + ")";
          }
        };
    d.checkFinite();
    return d;
  }

  /**
   * Wraps a flat row-major array of {@code rows} rows.
   *
   * @param label the argument's name in messages
   * @param data the values, rows × width
   * @param rows the number of rows
   * @param width the expected width
   */
  static Data of(String label, float[] data, int rows, int width) {
    checkFlat(label, data, rows, width);
    return new Data(label, rows, width) {
      @Override
      void copyRow(int r, float[] dst, int off) {
        System.arraycopy(data, r * cols, dst, off, cols);
      }

      @Override
      float get(int r, int c) {
        return data[r * cols + c];
      }

      @Override
      String where(int r, int c) {
        return flatWhere(label, r, c, cols);
      }
    };
  }

  /**
   * Checks a flat row-major array without wrapping it: length, then finiteness.
   *
   * @param label the argument's name in messages
   * @param data the values, rows × width
   * @param rows the number of rows
   * @param width the expected width
   */
  static void checkFlat(String label, float[] data, int rows, int width) {
    if (data == null) {
      throw new IllegalArgumentException(label + " is null; expected " + shape(width));
    }
    if (rows < 1) {
      throw new IllegalArgumentException(
          label + " has rows=" + rows + "; expected at least 1 row");
    }
    if ((long) rows * width != data.length) {
      throw new IllegalArgumentException(
          label + " has " + data.length + " values; expected rows × width = " + rows + " × "
              + width + " = " + ((long) rows * width));
    }
    for (int i = 0; i < data.length; i++) {
      if (!Float.isFinite(data[i])) {
        throw new IllegalArgumentException(
            flatWhere(label, i / width, i % width, width) + " is " + data[i]
                + "; expected finite values only");
      }
    }
  }

  private static String flatWhere(String label, int r, int c, int cols) {
    return label + "[" + (r * cols + c) + "] (row " + r + ", column " + c + ")";
  }

  private void checkFinite() {
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        float v = get(r, c);
        if (!Float.isFinite(v)) {
          throw new IllegalArgumentException(
              where(r, c) + " is " + v + "; expected finite values only");
        }
      }
    }
  }

  /** Checks that x and y describe the same samples. */
  static void checkSameRows(Data x, Data y) {
    if (x.rows != y.rows) {
      throw new IllegalArgumentException(
          x.label + " has " + x.rows + " rows but " + y.label + " has " + y.rows
              + "; expected one target row per input row");
    }
  }

  private static String shape(int width) {
    return "at least one row of " + width + " values";
  }
}
