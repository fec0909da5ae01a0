package dev.rectifier.spi;

import java.util.List;

/**
 * A factory for one activation function, found by {@link java.util.ServiceLoader}.
 *
 * <p>A provider is cheap and stateless: it carries a name, its aliases and the hyper-parameters it
 * accepts, and creates {@link Activation}s that do the math. Register an implementation in {@code
 * module-info.java} ({@code provides dev.rectifier.spi.ActivationProvider with ...}) for the module
 * path and in {@code META-INF/services/dev.rectifier.spi.ActivationProvider} for the class path;
 * the implementation needs a public no-argument constructor.
 *
 * <p>Users never call providers directly: {@code dev.rectifier.Activations} looks them up by name
 * (case-insensitively, aliases included), validates the hyper-parameters against {@link
 * #parameters()} and fills in defaults before calling {@link #create}. When two providers on the
 * path share a name, the first found wins and a warning names both classes.
 */
public interface ActivationProvider {

  /**
   * The canonical name, lower_snake_case, such as {@code leaky_relu}. It is what model files and
   * an activation's {@code toString()} use.
   *
   * @return the name
   */
  String name();

  /**
   * Other lower_snake_case names that find this provider, such as {@code swish} for {@code silu}.
   *
   * @return the aliases; none by default
   */
  default List<String> aliases() {
    return List.of();
  }

  /**
   * The hyper-parameters this activation accepts, with their defaults and valid ranges.
   *
   * @return the declarations, in the order spec strings list them; none by default
   */
  default List<HyperParameter> parameters() {
    return List.of();
  }

  /**
   * A one-line description with the formula, for listings, such as {@code max(0, x)}.
   *
   * @return the description; empty by default
   */
  default String description() {
    return "";
  }

  /**
   * Creates the activation for a layer of {@code units} units.
   *
   * @param values every declared hyper-parameter, validated and with defaults filled in
   * @param units the width of the layer the activation serves, at least 1
   * @return a new activation; never shared between layers
   */
  Activation create(HyperParameters values, int units);
}
