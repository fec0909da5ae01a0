package dev.rectifier.spi;

import dev.rectifier.Optimizer;
import java.util.List;

/**
 * A factory for one optimizer, found by {@link java.util.ServiceLoader} like {@link
 * ActivationProvider}: register it in {@code module-info.java} and in {@code
 * META-INF/services/dev.rectifier.spi.OptimizerProvider}.
 *
 * <p>{@code dev.rectifier.Optimizers} looks providers up by name, validates hyper-parameters
 * against {@link #parameters()} and fills in defaults before calling {@link #create}.
 */
public interface OptimizerProvider {

  /** @return the canonical lower_snake_case name, such as {@code adam} */
  String name();

  /** @return other names that find this provider; none by default */
  default List<String> aliases() {
    return List.of();
  }

  /** @return the hyper-parameters it accepts, with defaults and ranges; none by default */
  default List<HyperParameter> parameters() {
    return List.of();
  }

  /** @return a one-line description for listings; empty by default */
  default String description() {
    return "";
  }

  /**
   * Creates an optimizer, not yet attached to any parameters.
   *
   * @param values every declared hyper-parameter, validated and with defaults filled in
   * @return a new optimizer
   */
  Optimizer create(HyperParameters values);
}
