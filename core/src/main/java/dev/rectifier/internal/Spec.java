package dev.rectifier.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed spec string, {@code name} or {@code name(key=value, ...)}: the form in which users name
 * an activation or optimizer with its hyper-parameters.
 *
 * <p>Values are numbers (Java's decimal syntax, such as {@code 0.1}, {@code 1e-3}, {@code -2}),
 * {@code true}/{@code false}, or lower_snake_case words. Whitespace around tokens is ignored.
 * Numbers come back as {@link Double}, flags as {@link Boolean}, words as {@link String}.
 */
public final class Spec {

  private final String name;
  private final Map<String, Object> values;

  private Spec(String name, Map<String, Object> values) {
    this.name = name;
    this.values = values;
  }

  /** @return the name as written; lookups {@linkplain #normalize normalize} it */
  public String name() {
    return name;
  }

  /** @return the given values by key, in the order written */
  public Map<String, Object> values() {
    return values;
  }

  /**
   * Parses a spec string.
   *
   * @param what what the spec names, for messages: "activation" or "optimizer"
   * @param text the spec string
   * @return the parsed spec
   * @throws IllegalArgumentException naming the spec, the position and what was expected
   */
  public static Spec parse(String what, String text) {
    if (text == null) {
      throw new IllegalArgumentException(what + " spec is null; expected a name such as relu");
    }
    Parser p = new Parser(what, text);
    return p.spec();
  }

  /**
   * Normalizes a name for lookup: lower case, '-' read as '_', surrounding whitespace removed.
   *
   * @param name a user-given name
   * @return the normalized name
   */
  public static String normalize(String name) {
    return name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
  }

  private static final class Parser {
    private final String what;
    private final String text;
    private int pos;

    Parser(String what, String text) {
      this.what = what;
      this.text = text;
    }

    Spec spec() {
      skipSpace();
      String name = word("a name such as relu");
      skipSpace();
      Map<String, Object> values = new LinkedHashMap<>();
      if (pos < text.length() && text.charAt(pos) == '(') {
        pos++;
        skipSpace();
        if (peek() == ')') {
          pos++;
        } else {
          while (true) {
            skipSpace();
            String key = word("a hyper-parameter name");
            skipSpace();
            expect('=');
            skipSpace();
            Object value = value();
            if (values.put(normalize(key), value) != null) {
              throw error("hyper-parameter '" + key + "' given twice");
            }
            skipSpace();
            char c = peek();
            if (c == ',') {
              pos++;
            } else if (c == ')') {
              pos++;
              break;
            } else {
              throw error("expected ',' or ')'");
            }
          }
        }
        skipSpace();
      }
      if (pos != text.length()) {
        throw error("unexpected text after the spec");
      }
      return new Spec(name, Collections.unmodifiableMap(values));
    }

    private Object value() {
      int start = pos;
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '+' || c == '_') {
          pos++;
        } else {
          break;
        }
      }
      String token = text.substring(start, pos);
      if (token.isEmpty()) {
        pos = start;
        throw error("expected a value (a number, true, false or a word)");
      }
      if (token.equals("true") || token.equals("false")) {
        return Boolean.valueOf(token);
      }
      char first = token.charAt(0);
      if (Character.isDigit(first) || first == '-' || first == '+' || first == '.') {
        try {
          double v = Double.parseDouble(token);
          if (!Double.isFinite(v)) {
            pos = start;
            throw error("value " + token + " is not a finite number");
          }
          return v;
        } catch (NumberFormatException e) {
          pos = start;
          throw error("'" + token + "' is not a number");
        }
      }
      if (token.matches("[A-Za-z][A-Za-z0-9_]*")) {
        if (token.equalsIgnoreCase("nan") || token.equalsIgnoreCase("infinity")
            || token.equalsIgnoreCase("inf")) {
          pos = start;
          throw error("value " + token + " is not a finite number");
        }
        return token.toLowerCase(Locale.ROOT);
      }
      pos = start;
      throw error("'" + token + "' is not a number, true, false or a word");
    }

    private String word(String expected) {
      int start = pos;
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (Character.isLetterOrDigit(c) || c == '_' || (c == '-' && pos > start)) {
          pos++;
        } else {
          break;
        }
      }
      if (pos == start || !Character.isLetter(text.charAt(start))) {
        pos = start;
        throw error("expected " + expected);
      }
      return text.substring(start, pos);
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("expected '" + c + "'");
      }
      pos++;
    }

    private char peek() {
      return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    private IllegalArgumentException error(String problem) {
      return new IllegalArgumentException(
          "cannot parse " + what + " spec '" + text + "' at position " + pos + ": " + problem
              + " (expected the form name or name(key=value, ...), such as leaky_relu(alpha=0.1))");
    }
  }
}
