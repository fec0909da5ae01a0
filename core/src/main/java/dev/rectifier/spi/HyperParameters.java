package dev.rectifier.spi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The validated values of a provider's hyper-parameters: every declared hyper-parameter present,
 * in declaration order, each within its range.
 *
 * <p>Providers receive an instance in {@link ActivationProvider#create} and {@link
 * OptimizerProvider#create}; they read values with the typed getters and need not check them
 * again. {@link #toString()} renders {@code alpha=0.01, shared=false}, the form spec strings use.
 * Instances are immutable.
 */
public final class HyperParameters {

  private static final HyperParameters NONE = new HyperParameters(Map.of());

  private final Map<String, Object> values;

  private HyperParameters(Map<String, Object> values) {
    this.values = values;
  }

  /** @return the empty set of values, for providers that declare no hyper-parameters */
  public static HyperParameters none() {
    return NONE;
  }

  /**
   * Checks given values against declarations and fills in defaults.
   *
   * <p>Values may be given as a {@link Number} (real and integer kinds; for flags 0 or 1), a
   * {@link Boolean} (flags) or a {@link String} (choices; for other kinds, a word such as {@code
   * true} or a decimal number is parsed).
   *
   * @param owner the name of the activation or optimizer, used in error messages
   * @param declared the provider's declarations
   * @param given the values given by the user, by name; may be empty
   * @return the complete, validated values
   * @throws IllegalArgumentException for an unknown or missing hyper-parameter, or a value of the
   *     wrong kind, NaN, infinite or out of range; the message names the owner, the hyper-parameter,
   *     the value and what is allowed
   */
  public static HyperParameters resolve(
      String owner, List<HyperParameter> declared, Map<String, ?> given) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(declared, "declared");
    Objects.requireNonNull(given, "given");
    Map<String, HyperParameter> byName = new LinkedHashMap<>();
    for (HyperParameter p : declared) {
      byName.put(p.name(), p);
    }
    for (String key : given.keySet()) {
      if (!byName.containsKey(key)) {
        throw new IllegalArgumentException(
            "unknown hyper-parameter '"
                + key
                + "' for "
                + owner
                + "; it accepts "
                + (declared.isEmpty() ? "none" : describe(declared)));
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (HyperParameter p : declared) {
      Object raw = given.get(p.name());
      if (raw == null) {
        if (p.isRequired()) {
          throw new IllegalArgumentException(
              "missing hyper-parameter '"
                  + p.name()
                  + "' for "
                  + owner
                  + ": it has no default; expected "
                  + p.range());
        }
        out.put(p.name(), p.defaultValue());
      } else {
        out.put(p.name(), convert(owner, p, raw));
      }
    }
    return out.isEmpty() ? NONE : new HyperParameters(Collections.unmodifiableMap(out));
  }

  private static Object convert(String owner, HyperParameter p, Object raw) {
    switch (p.kind()) {
      case REAL:
      case INTEGER:
        {
          double v = numberOf(owner, p, raw);
          if (!p.admits(v)) {
            // in range as a double but not as the float it becomes: say so, with the float
            String expected =
                p.inRange(v)
                    ? ", which is " + (float) v
                        + " as a float (the value used); expected a finite float in "
                    : "; expected "
                        + (p.kind() == HyperParameter.Kind.REAL ? "a finite number in " : "");
            throw new IllegalArgumentException(
                "hyper-parameter '" + p.name() + "' of " + owner + " is " + raw + expected
                    + p.range());
          }
          return v;
        }
      case FLAG:
        if (raw instanceof Boolean) {
          return raw;
        }
        if (raw instanceof String && (raw.equals("true") || raw.equals("false"))) {
          return Boolean.valueOf((String) raw);
        }
        if (raw instanceof Number) {
          double v = ((Number) raw).doubleValue();
          if (v == 0 || v == 1) {
            return v == 1;
          }
        }
        throw new IllegalArgumentException(
            "hyper-parameter '" + p.name() + "' of " + owner + " is " + raw
                + "; expected true or false");
      default:
        if (raw instanceof String && p.choices().contains(raw)) {
          return raw;
        }
        throw new IllegalArgumentException(
            "hyper-parameter '" + p.name() + "' of " + owner + " is " + raw
                + "; expected " + p.range());
    }
  }

  private static double numberOf(String owner, HyperParameter p, Object raw) {
    if (raw instanceof Number) {
      return ((Number) raw).doubleValue();
    }
    if (raw instanceof String) {
      try {
        return Double.parseDouble((String) raw);
      } catch (NumberFormatException e) {
        // fall through to the message below
      }
    }
    throw new IllegalArgumentException(
        "hyper-parameter '" + p.name() + "' of " + owner + " is " + raw
            + "; expected a number in " + p.range());
  }

  private static String describe(List<HyperParameter> declared) {
    List<String> parts = new ArrayList<>();
    for (HyperParameter p : declared) {
      parts.add(p.name() + " " + p.range());
    }
    return String.join(", ", parts);
  }

  /**
   * @param name a declared real hyper-parameter
   * @return its value
   * @throws IllegalArgumentException if no such real or integer hyper-parameter exists
   */
  public double real(String name) {
    Object v = get(name);
    if (!(v instanceof Double)) {
      throw new IllegalArgumentException("hyper-parameter '" + name + "' is not a number: " + v);
    }
    return (Double) v;
  }

  /**
   * @param name a declared integer hyper-parameter
   * @return its value
   */
  public int integer(String name) {
    return (int) real(name);
  }

  /**
   * @param name a declared flag
   * @return its value
   */
  public boolean flag(String name) {
    Object v = get(name);
    if (!(v instanceof Boolean)) {
      throw new IllegalArgumentException("hyper-parameter '" + name + "' is not a flag: " + v);
    }
    return (Boolean) v;
  }

  /**
   * @param name a declared choice
   * @return the chosen word
   */
  public String choice(String name) {
    Object v = get(name);
    if (!(v instanceof String)) {
      throw new IllegalArgumentException("hyper-parameter '" + name + "' is not a choice: " + v);
    }
    return (String) v;
  }

  /**
   * @return the values by name, in declaration order: {@link Double}, {@link Boolean} or {@link
   *     String}; unmodifiable
   */
  public Map<String, Object> asMap() {
    return values;
  }

  /** @return whether there are no values */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  private Object get(String name) {
    Object v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException(
          "no hyper-parameter '" + name + "'; present: " + values.keySet());
    }
    return v;
  }

  /**
   * Renders a spec string: {@code name} alone without values, else {@code name(k=v, ...)}.
   *
   * @param name the activation or optimizer name
   * @return the spec string, which {@code Activations.spec} parses back to equal values
   */
  public String toSpec(String name) {
    return values.isEmpty() ? name : name + "(" + this + ")";
  }

  /** Renders {@code k=v, k=v} in declaration order; numbers in their shortest exact form. */
  @Override
  public String toString() {
    StringJoiner j = new StringJoiner(", ");
    for (Map.Entry<String, Object> e : values.entrySet()) {
      Object v = e.getValue();
      j.add(e.getKey() + "=" + (v instanceof Double ? format((Double) v) : v));
    }
    return j.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HyperParameters && ((HyperParameters) o).values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /**
   * Formats a number as spec strings show it: {@code 0.01}, {@code 1}, {@code 1.0E-7}, {@code
   * +inf}.
   */
  static String format(double v) {
    if (v == Double.POSITIVE_INFINITY) {
      return "+inf";
    }
    if (v == Double.NEGATIVE_INFINITY) {
      return "-inf";
    }
    if (Double.isNaN(v)) {
      return "NaN";
    }
    double a = Math.abs(v);
    if (a == 0 || (a >= 1e-4 && a < 1e9)) {
      String s = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
      return s.equals("-0") ? "0" : s;
    }
    return Double.toString(v);
  }
}
