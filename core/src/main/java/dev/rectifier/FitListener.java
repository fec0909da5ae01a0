package dev.rectifier;

/**
 * Called by {@link Sequential#fit} as training goes: at the start, after every epoch and, if
 * {@link #batchEvents()} says so, after every batch. Epochs and batches are numbered from 1.
 *
 * <p>Batch events carry primitives only, so listening to them allocates nothing. A listener that
 * throws stops training; the exception reaches the caller of {@code fit}.
 */
public interface FitListener {

  /**
   * Before the first epoch.
   *
   * @param model the model being trained
   * @param epochs the number of epochs asked for
   * @param batchesPerEpoch the number of batches in each epoch
   */
  default void onFitStart(Sequential model, int epochs, int batchesPerEpoch) {}

  /**
   * When fit sees a problem worth knowing before it trains, such as many dead units at
   * initialization. The same message also goes to {@code System.Logger} as a WARNING, once.
   *
   * @param model the model being trained
   * @param message what is wrong, why it matters and what helps
   */
  default void onWarning(Sequential model, String message) {}

  /**
   * After an epoch.
   *
   * @param model the model, with the weights at the end of the epoch
   * @param epoch the epoch just completed, from 1
   * @param loss its training loss
   * @param validationLoss the validation loss, or NaN without validation data
   */
  default void onEpochEnd(Sequential model, int epoch, double loss, double validationLoss) {}

  /**
   * After a batch, if {@link #batchEvents()} returns true.
   *
   * @param epoch the epoch, from 1
   * @param batch the batch within the epoch, from 1
   * @param loss the loss of the batch, before the update it caused
   */
  default void onBatchEnd(int epoch, int batch, double loss) {}

  /** @return whether to call {@link #onBatchEnd}; false by default */
  default boolean batchEvents() {
    return false;
  }

  /**
   * After training ended normally.
   *
   * @param model the model
   * @param history the losses per epoch
   */
  default void onFitEnd(Sequential model, History history) {}
}
