package dev.rectifier;

import dev.rectifier.internal.ProviderRegistry;
import dev.rectifier.internal.Spec;
import dev.rectifier.spi.Activation;
import dev.rectifier.spi.ActivationProvider;
import dev.rectifier.spi.HyperParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds activations by name through {@link java.util.ServiceLoader}: the built-ins of {@code
 * rectifier-activations} and any provider on the class path or module path.
 *
 * <p>Names are looked up case-insensitively, aliases included ({@code LEAKY_RELU}, {@code
 * leaky-relu} and {@code leaky_relu} are one name). A spec string gives hyper-parameters in
 * parentheses: {@code leaky_relu(alpha=0.1)}; missing ones take their defaults.
 *
 * <pre>{@code
 * Activation a = Activations.create("leaky_relu(alpha=0.1)", 30);
 * Activation b = Activations.create("elu", Map.of("alpha", 0.5), 30);
 * List<String> names = Activations.names();   // [elu, gelu, hard_sigmoid, hard_tanh, ...]
 * }</pre>
 *
 * <p>The methods without a {@link ClassLoader} search the application's module layers and class
 * path (through the thread's context class loader at first use) and cache what they find; plugin
 * hosts pass the loader of their plugins. {@link #reload()} forgets the cache.
 *
 * <p>Errors are {@link IllegalArgumentException}s: an unknown name lists every available name; a
 * bad hyper-parameter names the activation, the hyper-parameter, the value and the valid range.
 */
public final class Activations {

  private static final ProviderRegistry.Cache<ActivationProvider> CACHE =
      new ProviderRegistry.Cache<>(
          ActivationProvider.class,
          "activation",
          ActivationProvider::name,
          ActivationProvider::aliases);

  private Activations() {}

  /**
   * Creates an activation from a spec string.
   *
   * @param spec a name or spec string, such as {@code relu} or {@code leaky_relu(alpha=0.1)}
   * @param units the width of the layer it serves, at least 1
   * @return a new activation
   * @throws IllegalArgumentException for a malformed spec, an unknown name or a bad value
   */
  public static Activation create(String spec, int units) {
    return create(CACHE.get(), spec, units);
  }

  /**
   * Creates an activation from a spec string, with the providers a class loader sees.
   *
   * @param spec a name or spec string
   * @param units the width of the layer, at least 1
   * @param loader the class loader to search, such as a plugin host's
   * @return a new activation
   */
  public static Activation create(String spec, int units, ClassLoader loader) {
    return create(CACHE.get(loader(loader)), spec, units);
  }

  /**
   * Creates an activation from a name and hyper-parameter values.
   *
   * @param name a name or alias
   * @param values hyper-parameter values by name: numbers, booleans or words; missing ones take
   *     their defaults
   * @param units the width of the layer, at least 1
   * @return a new activation
   */
  public static Activation create(String name, Map<String, ?> values, int units) {
    return create(CACHE.get(), name, values, units);
  }

  /**
   * Creates an activation from a name and values, with the providers a class loader sees.
   *
   * @param name a name or alias
   * @param values hyper-parameter values by name
   * @param units the width of the layer, at least 1
   * @param loader the class loader to search
   * @return a new activation
   */
  public static Activation create(
      String name, Map<String, ?> values, int units, ClassLoader loader) {
    return create(CACHE.get(loader(loader)), name, values, units);
  }

  /**
   * @param name a name or alias, in any case
   * @return the provider
   * @throws IllegalArgumentException naming the name and listing the available ones
   */
  public static ActivationProvider provider(String name) {
    return CACHE.get().require(Objects.requireNonNull(name, "name"));
  }

  /**
   * @param name a name or alias
   * @param loader the class loader to search
   * @return the provider
   */
  public static ActivationProvider provider(String name, ClassLoader loader) {
    return CACHE.get(loader(loader)).require(Objects.requireNonNull(name, "name"));
  }

  /** @return every provider found, each once, in the order found */
  public static List<ActivationProvider> providers() {
    return CACHE.get().providers();
  }

  /**
   * @param loader the class loader to search
   * @return every provider it sees, each once
   */
  public static List<ActivationProvider> providers(ClassLoader loader) {
    return CACHE.get(loader(loader)).providers();
  }

  /** @return the canonical names of every provider found, sorted */
  public static List<String> names() {
    return canonicalNames(CACHE.get().providers());
  }

  /**
   * @param loader the class loader to search
   * @return the canonical names of every provider it sees, sorted
   */
  public static List<String> names(ClassLoader loader) {
    return canonicalNames(CACHE.get(loader(loader)).providers());
  }

  /** Forgets the providers found so far; the next lookup scans the path again. */
  public static void reload() {
    CACHE.clear();
  }

  private static List<String> canonicalNames(List<ActivationProvider> providers) {
    List<String> names = new ArrayList<>();
    for (ActivationProvider p : providers) {
      names.add(p.name());
    }
    names.sort(null);
    return List.copyOf(names);
  }

  private static Activation create(
      ProviderRegistry<ActivationProvider> registry, String specText, int units) {
    Spec spec = Spec.parse("activation", specText);
    return create(registry, spec.name(), spec.values(), units);
  }

  private static Activation create(
      ProviderRegistry<ActivationProvider> registry,
      String name,
      Map<String, ?> values,
      int units) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(values, "values");
    ActivationProvider provider = registry.require(name);
    if (units < 1) {
      throw new IllegalArgumentException(
          "units for activation " + provider.name() + " is " + units + "; expected at least 1");
    }
    HyperParameters resolved =
        HyperParameters.resolve(provider.name(), provider.parameters(), values);
    Activation a = provider.create(resolved, units);
    if (a == null) {
      throw new IllegalStateException(
          "activation provider " + provider.getClass().getName() + " returned null");
    }
    if (a.units() != units) {
      throw new IllegalStateException(
          "activation provider " + provider.getClass().getName() + " created " + a
              + " for " + a.units() + " units; " + units + " were asked for");
    }
    return a;
  }

  private static ClassLoader loader(ClassLoader loader) {
    return Objects.requireNonNull(loader, "loader");
  }
}
