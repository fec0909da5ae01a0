package dev.rectifier;

import dev.rectifier.internal.ProviderRegistry;
import dev.rectifier.internal.Spec;
import dev.rectifier.spi.HyperParameters;
import dev.rectifier.spi.OptimizerProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds optimizers by name through {@link java.util.ServiceLoader}: {@code adam} and {@code sgd}
 * from {@code rectifier-optim}, and any provider on the path. Names and spec strings work as in
 * {@link Activations}: {@code Optimizers.create("adam(learning_rate=0.01)")}.
 */
public final class Optimizers {

  private static final ProviderRegistry.Cache<OptimizerProvider> CACHE =
      new ProviderRegistry.Cache<>(
          OptimizerProvider.class, "optimizer", OptimizerProvider::name,
          OptimizerProvider::aliases);

  private Optimizers() {}

  /**
   * @param spec a name or spec string, such as {@code adam} or {@code sgd(momentum=0.9)}
   * @return a new optimizer
   * @throws IllegalArgumentException for a malformed spec, an unknown name or a bad value
   */
  public static Optimizer create(String spec) {
    Spec s = Spec.parse("optimizer", spec);
    return create(CACHE.get(), s.name(), s.values());
  }

  /**
   * @param spec a name or spec string
   * @param loader the class loader to search
   * @return a new optimizer
   */
  public static Optimizer create(String spec, ClassLoader loader) {
    Spec s = Spec.parse("optimizer", spec);
    return create(CACHE.get(Objects.requireNonNull(loader, "loader")), s.name(), s.values());
  }

  /**
   * @param name a name or alias
   * @param values hyper-parameter values by name; missing ones take their defaults
   * @return a new optimizer
   */
  public static Optimizer create(String name, Map<String, ?> values) {
    return create(CACHE.get(), name, values);
  }

  /**
   * @param name a name or alias
   * @param values hyper-parameter values by name
   * @param loader the class loader to search
   * @return a new optimizer
   */
  public static Optimizer create(String name, Map<String, ?> values, ClassLoader loader) {
    return create(CACHE.get(Objects.requireNonNull(loader, "loader")), name, values);
  }

  /**
   * @param name a name or alias
   * @return the provider
   */
  public static OptimizerProvider provider(String name) {
    return CACHE.get().require(Objects.requireNonNull(name, "name"));
  }

  /** @return every provider found, each once */
  public static List<OptimizerProvider> providers() {
    return CACHE.get().providers();
  }

  /** @return the canonical names of every provider found, sorted */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    for (OptimizerProvider p : CACHE.get().providers()) {
      names.add(p.name());
    }
    names.sort(null);
    return List.copyOf(names);
  }

  /** Forgets the providers found so far. */
  public static void reload() {
    CACHE.clear();
  }

  private static Optimizer create(
      ProviderRegistry<OptimizerProvider> registry, String name, Map<String, ?> values) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(values, "values");
    OptimizerProvider p = registry.require(name);
    Optimizer o = p.create(HyperParameters.resolve(p.name(), p.parameters(), values));
    if (o == null) {
      throw new IllegalStateException(
          "optimizer provider " + p.getClass().getName() + " returned null");
    }
    return o;
  }
}
