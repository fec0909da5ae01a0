package dev.rectifier.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict parser for what the demo prints with --json: one flat object per line, with string,
 * number and null values. Anything else on a line fails the parse.
 */
final class JsonLines {

  private JsonLines() {}

  static List<Map<String, Object>> parse(String text) {
    List<Map<String, Object>> objects = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty()) {
        objects.add(new JsonLines.Parser(line.strip()).object());
      }
    }
    return objects;
  }

  private static final class Parser {
    private final String s;
    private int i;

    Parser(String s) {
      this.s = s;
    }

    Map<String, Object> object() {
      Map<String, Object> m = new LinkedHashMap<>();
      expect('{');
      if (peek() != '}') {
        do {
          String key = string();
          expect(':');
          if (m.put(key, value()) != null) {
            throw error("duplicate key " + key);
          }
        } while (accept(','));
      }
      expect('}');
      if (i != s.length()) {
        throw error("text after the object");
      }
      return m;
    }

    private Object value() {
      char c = peek();
      if (c == '"') {
        return string();
      }
      if (s.startsWith("null", i)) {
        i += 4;
        return null;
      }
      int start = i;
      while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
        i++;
      }
      String number = s.substring(start, i);
      if (!number.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
        throw error("not a JSON number: '" + number + "'");
      }
      return number.matches("-?[0-9]+") ? (Object) Long.parseLong(number)
          : (Object) Double.parseDouble(number);
    }

    private String string() {
      expect('"');
      StringBuilder sb = new StringBuilder();
      while (true) {
        char c = s.charAt(i++);
        if (c == '"') {
          return sb.toString();
        }
        if (c == '\\') {
          char e = s.charAt(i++);
          switch (e) {
            case '"', '\\', '/' -> sb.append(e);
            case 'n' -> sb.append('\n');
            case 't' -> sb.append('\t');
            case 'r' -> sb.append('\r');
            case 'u' -> {
              sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
              i += 4;
            }
            default -> throw error("bad escape \\" + e);
          }
        } else if (c < 0x20) {
          throw error("control character in a string");
        } else {
          sb.append(c);
        }
      }
    }

    private char peek() {
      if (i >= s.length()) {
        throw error("unexpected end");
      }
      return s.charAt(i);
    }

    private boolean accept(char c) {
      if (i < s.length() && s.charAt(i) == c) {
        i++;
        return true;
      }
      return false;
    }

    private void expect(char c) {
      if (!accept(c)) {
        throw error("expected '" + c + "'");
      }
    }

    private IllegalArgumentException error(String what) {
      return new IllegalArgumentException(what + " at " + i + " in: " + s);
    }
  }
}
