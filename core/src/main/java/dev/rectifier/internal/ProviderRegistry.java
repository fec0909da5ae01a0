package dev.rectifier.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.function.Function;

/**
 * The providers of one service found by {@link ServiceLoader}, indexed by canonical name and
 * alias, case-insensitively. One registry is built per class loader and cached.
 *
 * <p>When two providers claim one name, the first found wins and one warning names both classes.
 * A provider that fails to load is skipped with a warning, so one broken jar does not hide the
 * others.
 *
 * @param <P> the provider type
 */
public final class ProviderRegistry<P> {

  private static final System.Logger LOG = System.getLogger("dev.rectifier");

  private final String what;
  private final Map<String, P> byName;
  private final List<P> providers;

  private ProviderRegistry(String what, Map<String, P> byName, List<P> providers) {
    this.what = what;
    this.byName = byName;
    this.providers = providers;
  }

  /** Builds registries for one service type and caches them per class loader. */
  public static final class Cache<P> {
    private final Class<P> service;
    private final String what;
    private final Function<P, String> nameOf;
    private final Function<P, List<String>> aliasesOf;
    private final Map<ClassLoader, ProviderRegistry<P>> byLoader = new WeakHashMap<>();
    private ProviderRegistry<P> forDefault;

    /**
     * @param service the service interface
     * @param what the noun used in messages, such as "activation"
     * @param nameOf the canonical name of a provider
     * @param aliasesOf the aliases of a provider
     */
    public Cache(
        Class<P> service,
        String what,
        Function<P, String> nameOf,
        Function<P, List<String>> aliasesOf) {
      this.service = service;
      this.what = what;
      this.nameOf = nameOf;
      this.aliasesOf = aliasesOf;
    }

    /**
     * The registry for the default lookup: the module layers of the application and the class
     * path, through the thread's context class loader at first use.
     *
     * @return the registry
     */
    public synchronized ProviderRegistry<P> get() {
      if (forDefault == null) {
        forDefault = build(ServiceLoader.load(service));
      }
      return forDefault;
    }

    /**
     * The registry of providers visible to a class loader.
     *
     * @param loader the class loader, such as a plugin host's
     * @return the registry
     */
    public synchronized ProviderRegistry<P> get(ClassLoader loader) {
      return byLoader.computeIfAbsent(loader, l -> build(ServiceLoader.load(service, l)));
    }

    /** Forgets every cached registry, so the next lookup scans the path again. */
    public synchronized void clear() {
      forDefault = null;
      byLoader.clear();
    }

    private ProviderRegistry<P> build(ServiceLoader<P> loader) {
      Map<String, P> byName = new LinkedHashMap<>();
      List<P> providers = new ArrayList<>();
      Iterator<P> it = loader.iterator();
      while (true) {
        P p;
        try {
          if (!it.hasNext()) {
            break;
          }
          p = it.next();
        } catch (ServiceConfigurationError e) {
          LOG.log(Level.WARNING, "skipping a " + what + " provider that failed to load: " + e);
          continue;
        }
        String name = nameOf.apply(p);
        List<String> keys = new ArrayList<>();
        keys.add(name);
        keys.addAll(aliasesOf.apply(p));
        boolean added = false;
        for (String key : keys) {
          String k = Spec.normalize(key);
          P existing = byName.get(k);
          if (existing == null) {
            byName.put(k, p);
            added = true;
          } else if (existing.getClass() != p.getClass()) {
            LOG.log(
                Level.WARNING,
                "two " + what + " providers claim the name '" + k + "': "
                    + existing.getClass().getName() + " (used, found first) and "
                    + p.getClass().getName() + " (ignored for this name)");
          }
        }
        if (added && !providers.contains(p)) {
          providers.add(p);
        }
      }
      return new ProviderRegistry<>(
          what, Collections.unmodifiableMap(byName), Collections.unmodifiableList(providers));
    }

    /** @return the canonical name of a provider */
    public String nameOf(P provider) {
      return nameOf.apply(provider);
    }
  }

  /**
   * @param name a name or alias, in any case
   * @return the provider, if any
   */
  public Optional<P> find(String name) {
    return Optional.ofNullable(byName.get(Spec.normalize(name)));
  }

  /**
   * @param name a name or alias, in any case
   * @return the provider
   * @throws IllegalArgumentException naming the name and listing every available name
   */
  public P require(String name) {
    P p = byName.get(Spec.normalize(name));
    if (p == null) {
      String suggestion = closest(Spec.normalize(name));
      throw new IllegalArgumentException(
          "unknown " + what + " '" + name + "'"
              + (suggestion == null ? "" : " (did you mean " + suggestion + "?)")
              + "; available: " + describeNames()
              + (byName.isEmpty()
                  ? " (no " + what + " providers found: is rectifier-"
                      + (what.equals("activation") ? "activations" : "optim")
                      + " on the class path or module path?)"
                  : ""));
    }
    return p;
  }

  /** The known name nearest to a misspelt one: equal but for '_', or at most 2 edits away. */
  private String closest(String name) {
    String best = null;
    int bestDistance = 3;
    for (String known : byName.keySet()) {
      int d = known.replace("_", "").equals(name.replace("_", "")) ? 0 : distance(known, name);
      if (d < bestDistance) {
        bestDistance = d;
        best = known;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** @return the providers, each once, in the order found */
  public List<P> providers() {
    return providers;
  }

  /** @return every name and alias, sorted */
  public List<String> names() {
    return new ArrayList<>(new TreeSet<>(byName.keySet()));
  }

  private String describeNames() {
    return names().isEmpty() ? "none" : String.join(", ", names());
  }
}
