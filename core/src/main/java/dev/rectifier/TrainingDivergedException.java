package dev.rectifier;

/**
 * Thrown by {@link Sequential#fit} when the loss, or a weight, stops being finite. The model's
 * weights and optimizer state have been put back to those at the end of the last finite epoch
 * (or to those before the fit, if the first epoch failed): nothing half-updated is left behind.
 */
public final class TrainingDivergedException extends ArithmeticException {

  private static final long serialVersionUID = 1L;

  private final int epoch;
  private final int batch;
  private final long step;
  private final double loss;
  private final int restoredEpoch;

  TrainingDivergedException(
      int epoch, int batch, long step, double loss, int restoredEpoch, String what) {
    super(
        what + " at epoch " + epoch + ", batch " + batch + " (step " + step + " of this fit);"
            + " the weights were restored to "
            + (restoredEpoch == 0
                ? "those before the fit"
                : "those at the end of epoch " + restoredEpoch)
            + ". Try a smaller learning rate, or check the data's scale");
    this.epoch = epoch;
    this.batch = batch;
    this.step = step;
    this.loss = loss;
    this.restoredEpoch = restoredEpoch;
  }

  /** For {@link Sequential#trainOnBatch}: the batch's loss was not finite; nothing was updated. */
  TrainingDivergedException(double loss) {
    super(
        "the loss of this batch became " + loss + "; no update was applied, the weights are"
            + " unchanged. Try a smaller learning rate, or check the data's scale");
    this.epoch = 0;
    this.batch = 1;
    this.step = 1;
    this.loss = loss;
    this.restoredEpoch = 0;
  }

  /** @return the epoch in which training diverged, from 1 (0 for trainOnBatch) */
  public int epoch() {
    return epoch;
  }

  /** @return the batch within that epoch, from 1 */
  public int batch() {
    return batch;
  }

  /** @return the step within the fit call, from 1 */
  public long step() {
    return step;
  }

  /** @return the loss of that batch (NaN or infinite, or finite if a weight diverged) */
  public double loss() {
    return loss;
  }

  /** @return the last finite epoch whose weights the model now holds; 0 for the initial ones */
  public int restoredEpoch() {
    return restoredEpoch;
  }
}
