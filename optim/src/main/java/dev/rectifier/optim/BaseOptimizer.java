package dev.rectifier.optim;

import dev.rectifier.Optimizer;
import dev.rectifier.Parameter;
import dev.rectifier.internal.kernels.Kernels;
import dev.rectifier.internal.kernels.UpdateKernels;
import dev.rectifier.spi.HyperParameters;
import java.util.ArrayList;
import java.util.List;

/**
 * The bookkeeping every built-in optimizer shares: the attached parameters, a number of state
 * slots per parameter (each an array of the parameter's size), and the iteration count.
 */
abstract class BaseOptimizer implements Optimizer {

  final String name;
  final HyperParameters values;
  final UpdateKernels kernels = Kernels.get().updates();
  Parameter[] parameters;
  /** slots[s][i]: state slot s of parameter i. */
  float[][][] slots;
  long iterations;

  BaseOptimizer(String name, HyperParameters values) {
    this.name = name;
    this.values = values;
  }

  /**
   * The decoupled weight decay per step, learning_rate × weight_decay, as the float the update
   * kernels use.
   *
   * @throws IllegalArgumentException if the product is beyond float's range, naming both values
   */
  final float decayPerStep() {
    double lr = values.real("learning_rate");
    double wd = values.real("weight_decay");
    float decay = (float) (lr * wd);
    if (Float.isInfinite(decay)) {
      throw new IllegalArgumentException(
          "learning_rate × weight_decay of " + name + " is " + lr * wd + " (learning_rate="
              + lr + ", weight_decay=" + wd + "), beyond float's range; expected at most "
              + Float.MAX_VALUE);
    }
    return decay;
  }

  /** @return the number of state arrays per parameter */
  abstract int slotCount();

  /** Updates every parameter; {@link #iterations} already counts this step. */
  abstract void update();

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final HyperParameters hyperParameters() {
    return values;
  }

  @Override
  public final void attach(List<Parameter> parameters) {
    this.parameters = parameters.toArray(new Parameter[0]);
    int count = slotCount();
    this.slots = new float[count][this.parameters.length][];
    for (int s = 0; s < count; s++) {
      for (int i = 0; i < this.parameters.length; i++) {
        slots[s][i] = new float[this.parameters[i].size()];
      }
    }
    this.iterations = 0;
  }

  @Override
  public final void step() {
    if (parameters == null) {
      throw new IllegalStateException(
          name + " is not attached to any parameters; compile the model with it first");
    }
    iterations++;
    update();
  }

  @Override
  public final long iterations() {
    return iterations;
  }

  @Override
  public final void setIterations(long iterations) {
    if (iterations < 0) {
      throw new IllegalArgumentException(
          "iterations must be at least 0. Received: iterations=" + iterations);
    }
    this.iterations = iterations;
  }

  @Override
  public final List<float[]> state() {
    List<float[]> out = new ArrayList<>();
    if (slots != null) {
      for (float[][] slot : slots) {
        for (float[] a : slot) {
          out.add(a);
        }
      }
    }
    return List.copyOf(out);
  }

  @Override
  public final String toString() {
    return values.toSpec(name);
  }
}
