package dev.rectifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How {@link Sequential#fit} trains: a fluent set of options, each checked when set.
 *
 * <table>
 *   <caption>Options and defaults (Keras' defaults where Keras has the option)</caption>
 *   <tr><th>option</th><th>default</th></tr>
 *   <tr><td>{@link #epochs(int)}</td><td>1</td></tr>
 *   <tr><td>{@link #batchSize(int)}</td><td>32; the last batch of an epoch may be smaller</td></tr>
 *   <tr><td>{@link #shuffle(boolean)}</td><td>true: the samples are reshuffled every epoch</td></tr>
 *   <tr><td>{@link #seed(long)}</td><td>none: shuffling continues the model's seeded stream</td></tr>
 *   <tr><td>{@link #validationData}</td><td>none</td></tr>
 *   <tr><td>{@link #listener(FitListener)}</td><td>none</td></tr>
 *   <tr><td>{@link #deadUnitWarning(double)}</td><td>0.25: warn when more than a quarter of a
 *       layer's units are dead on the training data before training</td></tr>
 * </table>
 *
 * <pre>{@code
 * model.fit(x, y, new FitOptions().epochs(1000).batchSize(32));
 * }</pre>
 */
public final class FitOptions {

  private int epochs = 1;
  private int batchSize = 32;
  private boolean shuffle = true;
  private boolean hasSeed;
  private long seed;
  private Object validationX;
  private Object validationY;
  private int validationRows;
  private final List<FitListener> listeners = new ArrayList<>();
  private double deadUnitWarning = 0.25;

  /** Options with every default. */
  public FitOptions() {}

  /**
   * @param epochs how many passes over the data, at least 1
   * @return these options
   */
  public FitOptions epochs(int epochs) {
    if (epochs < 1) {
      throw new IllegalArgumentException(
          "epochs must be at least 1. Received: epochs=" + epochs);
    }
    this.epochs = epochs;
    return this;
  }

  /**
   * @param batchSize samples per gradient step, at least 1
   * @return these options
   */
  public FitOptions batchSize(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException(
          "batch size must be at least 1. Received: batchSize=" + batchSize);
    }
    this.batchSize = batchSize;
    return this;
  }

  /**
   * @param shuffle whether to reshuffle the samples before every epoch
   * @return these options
   */
  public FitOptions shuffle(boolean shuffle) {
    this.shuffle = shuffle;
    return this;
  }

  /**
   * Shuffles with a generator seeded here instead of the model's stream: the same seed gives the
   * same order in every fit call.
   *
   * @param seed the shuffling seed
   * @return these options
   */
  public FitOptions seed(long seed) {
    this.hasSeed = true;
    this.seed = seed;
    return this;
  }

  /**
   * Data to compute a validation loss on after each epoch (never trained on).
   *
   * @param x inputs, a row per sample
   * @param y targets, a row per sample
   * @return these options
   */
  public FitOptions validationData(float[][] x, float[][] y) {
    this.validationX = Objects.requireNonNull(x, "validation x");
    this.validationY = Objects.requireNonNull(y, "validation y");
    this.validationRows = -1;
    return this;
  }

  /**
   * Validation data as flat row-major arrays.
   *
   * @param x inputs, rows × input width
   * @param y targets, rows × output width
   * @param rows the number of samples
   * @return these options
   */
  public FitOptions validationData(float[] x, float[] y, int rows) {
    this.validationX = Objects.requireNonNull(x, "validation x");
    this.validationY = Objects.requireNonNull(y, "validation y");
    this.validationRows = rows;
    return this;
  }

  /**
   * Adds a listener.
   *
   * @param listener called during training
   * @return these options
   */
  public FitOptions listener(FitListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Before training, fit checks every layer on the training data and warns once (through {@code
   * System.Logger} and {@link FitListener#onWarning}) when more than this share of a layer's units
   * are dead. 1 turns the check off.
   *
   * @param share a share in [0, 1]
   * @return these options
   */
  public FitOptions deadUnitWarning(double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException(
          "dead-unit warning share must be in [0, 1]. Received: share=" + share);
    }
    this.deadUnitWarning = share;
    return this;
  }

  /** @return the share of dead units in a layer above which fit warns */
  public double deadUnitWarning() {
    return deadUnitWarning;
  }

  /** @return the number of epochs */
  public int epochs() {
    return epochs;
  }

  /** @return the batch size */
  public int batchSize() {
    return batchSize;
  }

  /** @return whether samples are reshuffled every epoch */
  public boolean shuffle() {
    return shuffle;
  }

  /** @return the listeners, in the order added */
  public List<FitListener> listeners() {
    return List.copyOf(listeners);
  }

  boolean hasSeed() {
    return hasSeed;
  }

  long seedValue() {
    return seed;
  }

  Data validationX(int width) {
    if (validationX == null) {
      return null;
    }
    return validationRows < 0
        ? Data.of("validation x", (float[][]) validationX, width)
        : Data.of("validation x", (float[]) validationX, validationRows, width);
  }

  Data validationY(int width) {
    if (validationY == null) {
      return null;
    }
    return validationRows < 0
        ? Data.of("validation y", (float[][]) validationY, width)
        : Data.of("validation y", (float[]) validationY, validationRows, width);
  }
}
