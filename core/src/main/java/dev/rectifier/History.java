package dev.rectifier;

import java.util.Arrays;

/**
 * What {@link Sequential#fit} measured, one entry per completed epoch: the training loss (the
 * mean of the batch losses, weighted by batch size, as Keras reports it) and, when validation
 * data was given, the validation loss at the end of the epoch.
 */
public final class History {

  private double[] loss = new double[16];
  private double[] validationLoss = new double[16];
  private int epochs;
  private final boolean hasValidation;

  History(boolean hasValidation) {
    this.hasValidation = hasValidation;
  }

  void add(double trainLoss, double valLoss) {
    if (epochs == loss.length) {
      loss = Arrays.copyOf(loss, epochs * 2);
      validationLoss = Arrays.copyOf(validationLoss, epochs * 2);
    }
    loss[epochs] = trainLoss;
    validationLoss[epochs] = valLoss;
    epochs++;
  }

  /** @return the number of completed epochs */
  public int epochs() {
    return epochs;
  }

  /** @return the training loss of each epoch, a copy */
  public double[] loss() {
    return Arrays.copyOf(loss, epochs);
  }

  /** @return the validation loss of each epoch, a copy; empty without validation data */
  public double[] validationLoss() {
    return hasValidation ? Arrays.copyOf(validationLoss, epochs) : new double[0];
  }

  /** @return whether validation data was given */
  public boolean hasValidation() {
    return hasValidation;
  }

  /**
   * @return the training loss of the last epoch
   * @throws IllegalStateException if no epoch completed
   */
  public double finalLoss() {
    if (epochs == 0) {
      throw new IllegalStateException("no epoch completed");
    }
    return loss[epochs - 1];
  }

  @Override
  public String toString() {
    return "History(epochs=" + epochs + (epochs > 0 ? ", final loss=" + finalLoss() : "") + ")";
  }
}
