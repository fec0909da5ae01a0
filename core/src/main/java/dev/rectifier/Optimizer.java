package dev.rectifier;

import dev.rectifier.spi.HyperParameters;
import java.util.List;

/**
 * Updates parameters from their gradients, one step per batch. Implementations come from {@link
 * dev.rectifier.spi.OptimizerProvider}s and are created by {@link Optimizers}.
 *
 * <p>A model {@linkplain #attach attaches} its optimizer to its parameters once; each training
 * step then calls {@link #step()}, which must not allocate. The state (Adam's moments, SGD's
 * velocity) is exposed as live arrays so that a model can snapshot, restore and save it.
 */
public interface Optimizer {

  /** @return the canonical name of the provider, such as {@code adam} */
  String name();

  /** @return the hyper-parameter values it was created with */
  HyperParameters hyperParameters();

  /**
   * Binds the optimizer to the parameters it updates and allocates its state, all zero, with the
   * iteration count at 0. Attaching again discards the previous state.
   *
   * @param parameters the parameters, in a fixed order
   */
  void attach(List<Parameter> parameters);

  /**
   * Updates every attached parameter from its current gradient and counts one iteration.
   *
   * @throws IllegalStateException if not attached
   */
  void step();

  /** @return the number of steps taken since attaching */
  long iterations();

  /**
   * Sets the iteration count, when state is restored.
   *
   * @param iterations the count, at least 0
   */
  void setIterations(long iterations);

  /**
   * The optimizer's state as live arrays, in a fixed order that depends only on the attached
   * parameters (for Adam: m then v of each parameter). Writing into them restores state.
   *
   * @return the state arrays; empty for a stateless optimizer
   */
  List<float[]> state();
}
