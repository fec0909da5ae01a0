package dev.rectifier.examples;

import dev.rectifier.Activations;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One command's options, parsed and checked in full before anything runs or is written: a bad
 * value, an unknown option or an unknown activation is a {@link UsageException}.
 *
 * <p>Options take their value as the next argument or after '=': {@code --epochs 500} or {@code
 * --epochs=500}.
 */
final class Options {

  /** The activations {@code compare} leaves out unless asked: a linear hidden layer is a line. */
  static final Set<String> NOT_COMPARED_BY_DEFAULT = Set.of("linear");

  final String command;
  boolean help;
  boolean json;
  boolean kinksInData;
  String activation = "relu";
  List<String> activations = List.of();
  int epochs = 1000;
  int units = 30;
  int batchSize = 32;
  double learningRate = 0.001;
  long seed = 1;
  int seeds = 5;
  int threads = Runtime.getRuntime().availableProcessors();
  Path out = Path.of("out");

  private Options(String command) {
    this.command = command;
  }

  /** Parses the arguments after the command name. */
  static Options parse(String command, List<String> args) throws UsageException {
    boolean fit = command.equals("fit");
    Options o = new Options(command);
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String name = arg;
      String inline = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        inline = arg.substring(eq + 1);
      }
      if (inline != null && isFlag(name)) {
        throw new UsageException(name + " takes no value; got '" + arg + "'");
      }
      if (inline == null && !isFlag(name) && isOption(name)) {
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
          throw new UsageException(name + " needs a value");
        }
        inline = args.get(++i);
      }
      String v = inline;
      switch (name) {
        case "-h", "--help" -> o.help = true;
        case "--json" -> o.json = true;
        case "--kinks-in-data" -> o.kinksInData = true;
        case "--activation" -> {
          only(fit, name, "fit");
          o.activation = v.strip();
        }
        case "--activations" -> {
          only(!fit, name, "compare");
          o.activations = splitSpecs(v);
        }
        case "--seeds" -> {
          only(!fit, name, "compare");
          o.seeds = positive(name, v);
        }
        case "--threads" -> {
          only(!fit, name, "compare");
          o.threads = positive(name, v);
        }
        case "--epochs" -> o.epochs = positive(name, v);
        case "--units" -> o.units = positive(name, v);
        case "--batch-size" -> o.batchSize = positive(name, v);
        case "--lr" -> o.learningRate = learningRate(v);
        case "--seed" -> o.seed = wholeNumber(name, v);
        case "--out" -> o.out = path(v);
        default -> throw new UsageException(
            (arg.startsWith("-") ? "unknown option " : "unexpected argument ") + "'" + arg + "'");
      }
    }
    if (!o.help) {
      o.check();
    }
    return o;
  }

  /** Checks what needs the values together: activations exist, --out can be a folder. */
  private void check() throws UsageException {
    if (command.equals("fit")) {
      checkActivation(activation);
    } else {
      for (String spec : activations) {
        checkActivation(spec);
      }
      if (activationsToCompare().isEmpty()) {
        throw new UsageException(
            "no activation to compare: none found on the class path but "
                + NOT_COMPARED_BY_DEFAULT);
      }
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new UsageException("--out " + out + " exists and is not a folder");
    }
  }

  /** @return the specs {@code compare} trains: those asked for, else every one found but linear */
  List<String> activationsToCompare() {
    if (!activations.isEmpty()) {
      return activations;
    }
    List<String> all = new ArrayList<>();
    for (String name : Activations.names()) {
      if (!NOT_COMPARED_BY_DEFAULT.contains(name)) {
        all.add(name);
      }
    }
    return all;
  }

  private void checkActivation(String spec) throws UsageException {
    if (spec.isEmpty()) {
      throw new UsageException("an activation is empty; give a name such as relu");
    }
    try {
      Activations.create(spec, units);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static boolean isFlag(String name) {
    return name.equals("--json") || name.equals("--kinks-in-data") || name.equals("--help")
        || name.equals("-h");
  }

  private static boolean isOption(String name) {
    return switch (name) {
      case "--activation", "--activations", "--seeds", "--threads", "--epochs", "--units",
          "--batch-size", "--lr", "--seed", "--out" -> true;
      default -> false;
    };
  }

  private static void only(boolean allowed, String name, String command) throws UsageException {
    if (!allowed) {
      throw new UsageException(name + " is an option of " + command + " only");
    }
  }

  private static int positive(String name, String v) throws UsageException {
    long n = wholeNumber(name, v);
    if (n < 1 || n > Integer.MAX_VALUE) {
      throw new UsageException(name + " must be at least 1; got " + v);
    }
    return (int) n;
  }

  private static long wholeNumber(String name, String v) throws UsageException {
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw new UsageException(name + " needs a whole number; got '" + v + "'");
    }
  }

  private static double learningRate(String v) throws UsageException {
    double lr;
    try {
      lr = Double.parseDouble(v.strip());
    } catch (NumberFormatException e) {
      throw new UsageException("--lr needs a number; got '" + v + "'");
    }
    if (!(lr > 0) || Double.isInfinite(lr)) {
      throw new UsageException("--lr must be a finite number > 0; got " + v);
    }
    return lr;
  }

  private static Path path(String v) throws UsageException {
    if (v.isBlank()) {
      throw new UsageException("--out needs a folder; got an empty string");
    }
    try {
      return Path.of(v);
    } catch (InvalidPathException e) {
      throw new UsageException("--out " + v + " is not a valid path: " + e.getReason());
    }
  }

  /** Splits "a,b(x=1, y=2),c" at the commas outside parentheses. */
  static List<String> splitSpecs(String v) throws UsageException {
    List<String> specs = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i <= v.length(); i++) {
      char c = i < v.length() ? v.charAt(i) : ',';
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth <= 0) {
        String spec = v.substring(start, i).strip();
        if (spec.isEmpty()) {
          throw new UsageException("--activations has an empty name in '" + v + "'");
        }
        specs.add(spec);
        start = i + 1;
      }
    }
    return List.copyOf(specs);
  }
}
