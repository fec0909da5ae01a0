package dev.rectifier.examples;

/**
 * One run as one line of JSON, with exactly the keys {@code activation}, {@code seed}, {@code
 * epochs}, {@code train_mse}, {@code val_mse}, {@code dead_units} and {@code train_ms}. A number
 * that is not finite is written as {@code null}, as JSON has no NaN.
 */
final class Json {

  private Json() {}

  static String line(Experiment.Result r) {
    return "{\"activation\":" + string(r.config().activation())
        + ",\"seed\":" + r.config().seed()
        + ",\"epochs\":" + r.epochs()
        + ",\"train_mse\":" + number(r.trainMse())
        + ",\"val_mse\":" + number(r.valMse())
        + ",\"dead_units\":" + r.deadUnits()
        + ",\"train_ms\":" + number(Math.round(r.trainMs() * 10) / 10.0)
        + "}";
  }

  static String number(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "null";
  }

  static String string(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
