package dev.rectifier.spi;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The declaration of one hyper-parameter that a provider accepts: its name, its kind, its default
 * and the values it allows.
 *
 * <p>Four kinds exist:
 *
 * <ul>
 *   <li>{@linkplain #real(String, double, double, boolean, double, boolean) real}: a finite
 *       {@code double} within a range whose ends are each open or closed, such as
 *       {@code alpha} in [0, +inf);
 *   <li>{@linkplain #integer(String, int, int, int) integer}: a whole number within a closed range;
 *   <li>{@linkplain #flag(String, boolean) flag}: {@code true} or {@code false};
 *   <li>{@linkplain #choice(String, String, List) choice}: one word from a fixed list, such as
 *       {@code approximate} in {none, tanh}.
 * </ul>
 *
 * <p>A hyper-parameter without a default is required: creating the activation without it fails.
 * Instances are immutable.
 */
public final class HyperParameter {

  /** What kind of value a hyper-parameter takes. */
  public enum Kind {
    /** A finite {@code double} within a range. */
    REAL,
    /** A whole number within a closed range. */
    INTEGER,
    /** {@code true} or {@code false}. */
    FLAG,
    /** One word from a fixed list. */
    CHOICE
  }

  private final String name;
  private final Kind kind;
  private final Object defaultValue;
  private final double min;
  private final boolean minInclusive;
  private final double max;
  private final boolean maxInclusive;
  private final List<String> choices;
  private final String description;
  private final boolean inFloat;

  private HyperParameter(
      String name,
      Kind kind,
      Object defaultValue,
      double min,
      boolean minInclusive,
      double max,
      boolean maxInclusive,
      List<String> choices,
      String description,
      boolean inFloat) {
    this.name = checkName(name);
    this.kind = kind;
    this.defaultValue = defaultValue;
    this.min = min;
    this.minInclusive = minInclusive;
    this.max = max;
    this.maxInclusive = maxInclusive;
    this.choices = choices;
    this.description = Objects.requireNonNull(description, "description");
    this.inFloat = inFloat;
  }

  /**
   * A real hyper-parameter with a default, allowed in the range from {@code min} to {@code max}.
   *
   * @param name lower_snake_case name, such as {@code alpha}
   * @param defaultValue the value used when none is given; must lie in the range
   * @param min the lower end of the range; {@code Double.NEGATIVE_INFINITY} for none
   * @param minInclusive whether {@code min} itself is allowed
   * @param max the upper end of the range; {@code Double.POSITIVE_INFINITY} for none
   * @param maxInclusive whether {@code max} itself is allowed
   * @return the declaration
   * @throws IllegalArgumentException if the name is not lower_snake_case, the range is empty or
   *     the default lies outside it
   */
  public static HyperParameter real(
      String name,
      double defaultValue,
      double min,
      boolean minInclusive,
      double max,
      boolean maxInclusive) {
    return requiredReal(name, min, minInclusive, max, maxInclusive).withDefault(defaultValue);
  }

  /**
   * A required real hyper-parameter (no default) in the range from {@code min} to {@code max}.
   *
   * @param name lower_snake_case name
   * @param min the lower end of the range; {@code Double.NEGATIVE_INFINITY} for none
   * @param minInclusive whether {@code min} itself is allowed
   * @param max the upper end of the range; {@code Double.POSITIVE_INFINITY} for none
   * @param maxInclusive whether {@code max} itself is allowed
   * @return the declaration
   */
  public static HyperParameter requiredReal(
      String name, double min, boolean minInclusive, double max, boolean maxInclusive) {
    HyperParameter p =
        new HyperParameter(
            name, Kind.REAL, null, min, minInclusive, max, maxInclusive, List.of(), "", false);
    p.checkRange();
    return p;
  }

  /**
   * An integer hyper-parameter with a default, allowed in the closed range [{@code min}, {@code
   * max}].
   *
   * @param name lower_snake_case name
   * @param defaultValue the value used when none is given
   * @param min smallest allowed value
   * @param max largest allowed value
   * @return the declaration
   */
  public static HyperParameter integer(String name, int defaultValue, int min, int max) {
    HyperParameter p =
        new HyperParameter(name, Kind.INTEGER, null, min, true, max, true, List.of(), "", false);
    p.checkRange();
    return p.withDefault(defaultValue);
  }

  /** This numeric declaration with a default, which must lie in its range. */
  private HyperParameter withDefault(double value) {
    if (!admits(value)) {
      throw new IllegalArgumentException(
          "default of hyper-parameter '" + name + "' is " + value + ", outside its range "
              + range());
    }
    return new HyperParameter(
        name, kind, value, min, minInclusive, max, maxInclusive, choices, description, inFloat);
  }

  /**
   * A flag ({@code true} or {@code false}) with a default.
   *
   * @param name lower_snake_case name
   * @param defaultValue the value used when none is given
   * @return the declaration
   */
  public static HyperParameter flag(String name, boolean defaultValue) {
    return new HyperParameter(
        name, Kind.FLAG, defaultValue, 0, true, 1, true, List.of(), "", false);
  }

  /**
   * A choice among fixed words, with a default.
   *
   * @param name lower_snake_case name
   * @param defaultValue the word used when none is given; one of {@code choices}
   * @param choices the allowed words, lower_snake_case, at least one
   * @return the declaration
   */
  public static HyperParameter choice(String name, String defaultValue, List<String> choices) {
    List<String> copy = List.copyOf(choices);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("choice hyper-parameter '" + name + "' needs choices");
    }
    for (String c : copy) {
      checkName(c);
    }
    if (!copy.contains(defaultValue)) {
      throw new IllegalArgumentException(
          "default of hyper-parameter '"
              + name
              + "' is '"
              + defaultValue
              + "', not one of "
              + copy);
    }
    return new HyperParameter(
        name, Kind.CHOICE, defaultValue, 0, true, 0, true, copy, "", false);
  }

  /**
   * Returns a copy of this declaration with a one-line description, shown in listings and docs.
   *
   * @param text what the hyper-parameter means, with its unit where it has one
   * @return the described declaration
   */
  public HyperParameter describedAs(String text) {
    return new HyperParameter(
        name, kind, defaultValue, min, minInclusive, max, maxInclusive, choices, text, inFloat);
  }

  /**
   * Returns a copy of this real declaration whose values are used as {@code float}s, as kernels
   * use them: a value is then admitted only if, rounded to the nearest float, it is finite and
   * still in the range. So {@code 1e39} is refused (it would become infinite), and so is {@code
   * 1e-50} where 0 is excluded, or {@code 0.99999999999} in [0, 1) (it would become 1); the
   * message gives the float value. The default must pass the same test.
   *
   * @return the declaration, checked in float
   * @throws IllegalStateException if this is not a real hyper-parameter
   * @throws IllegalArgumentException if the default, as a float, is outside the range
   */
  public HyperParameter inFloat() {
    if (kind != Kind.REAL) {
      throw new IllegalStateException(
          "hyper-parameter '" + name + "' is " + kind.name().toLowerCase(Locale.ROOT)
              + "; only a real one can be checked in float");
    }
    HyperParameter p =
        new HyperParameter(
            name, kind, null, min, minInclusive, max, maxInclusive, choices, description, true);
    return defaultValue == null ? p : p.withDefault((Double) defaultValue);
  }

  /** @return whether values are checked as the floats they become (see {@link #inFloat()}) */
  public boolean isInFloat() {
    return inFloat;
  }

  /** @return the lower_snake_case name */
  public String name() {
    return name;
  }

  /** @return the kind of value */
  public Kind kind() {
    return kind;
  }

  /** @return whether a value must be given (there is no default) */
  public boolean isRequired() {
    return defaultValue == null;
  }

  /**
   * @return the default: a {@link Double} for real and integer kinds, a {@link Boolean} for
   *     flags, a {@link String} for choices; {@code null} if the hyper-parameter is required
   */
  public Object defaultValue() {
    return defaultValue;
  }

  /** @return the lower end of the range (real and integer kinds) */
  public double min() {
    return min;
  }

  /** @return the upper end of the range (real and integer kinds) */
  public double max() {
    return max;
  }

  /** @return whether {@link #min()} itself is allowed */
  public boolean minInclusive() {
    return minInclusive;
  }

  /** @return whether {@link #max()} itself is allowed */
  public boolean maxInclusive() {
    return maxInclusive;
  }

  /** @return the allowed words of a choice; empty for other kinds */
  public List<String> choices() {
    return choices;
  }

  /** @return the one-line description, or an empty string */
  public String description() {
    return description;
  }

  /**
   * Whether a number lies in this hyper-parameter's range (and, for integers, is whole; for a
   * declaration {@linkplain #inFloat() checked in float}, also as the nearest float). NaN and
   * infinities are never admitted.
   *
   * @param value the candidate
   * @return {@code true} if allowed
   */
  public boolean admits(double value) {
    return inRange(value) && (!inFloat || inRange((float) value));
  }

  /** Whether a number lies in the range, as a double (the float check aside). */
  boolean inRange(double value) {
    if (!Double.isFinite(value)) {
      return false;
    }
    if (kind == Kind.INTEGER && value != Math.rint(value)) {
      return false;
    }
    boolean aboveMin = minInclusive ? value >= min : value > min;
    boolean belowMax = maxInclusive ? value <= max : value < max;
    return aboveMin && belowMax;
  }

  /**
   * The allowed values in words, as error messages show them: {@code [0, +inf)}, {@code (0, 1]},
   * {@code true or false}, {@code one of [none, tanh]}.
   *
   * @return the description of the allowed values
   */
  public String range() {
    switch (kind) {
      case FLAG:
        return "true or false";
      case CHOICE:
        return "one of " + choices;
      case INTEGER:
        return "an integer in [" + (long) min + ", " + (long) max + "]";
      default:
        return (minInclusive ? "[" : "(")
            + HyperParameters.format(min)
            + ", "
            + HyperParameters.format(max)
            + (maxInclusive ? "]" : ")");
    }
  }

  @Override
  public String toString() {
    String d =
        defaultValue == null
            ? "required"
            : "default "
                + (defaultValue instanceof Double
                    ? HyperParameters.format((Double) defaultValue)
                    : defaultValue);
    return name + " (" + kind.name().toLowerCase(Locale.ROOT) + ", " + d + ", " + range() + ")";
  }

  private void checkRange() {
    if (Double.isNaN(min) || Double.isNaN(max) || min > max || (min == max && !(minInclusive && maxInclusive))) {
      throw new IllegalArgumentException(
          "hyper-parameter '" + name + "' has an empty range " + range());
    }
  }

  static String checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[a-z][a-z0-9]*(_[a-z0-9]+)*")) {
      throw new IllegalArgumentException(
          "name '" + name + "' is not lower_snake_case (expected letters, digits and '_', "
              + "starting with a letter, such as leaky_relu)");
    }
    return name;
  }
}
