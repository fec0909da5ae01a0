package dev.rectifier.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rectifier.Activations;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The demo's command line, run in this JVM: errors, the JSON lines, plug-ins, the pictures. */
class DemoTest {

  private static final List<String> JSON_KEYS =
      List.of("activation", "seed", "epochs", "train_mse", "val_mse", "dead_units", "train_ms");

  @TempDir Path tmp;

  /** What one run of the demo printed, and its exit code. */
  private record Outcome(int code, String out, String err) {}

  private static Outcome demo(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Demo.run(args, o, e);
    }
    return new Outcome(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  static Stream<Arguments> badArguments() {
    return Stream.of(
        Arguments.of(List.of(), "missing command"),
        Arguments.of(List.of("train"), "unknown command 'train'"),
        Arguments.of(List.of("fit", "--bogus"), "unknown option '--bogus'"),
        Arguments.of(List.of("fit", "stray"), "unexpected argument 'stray'"),
        Arguments.of(List.of("fit", "--epochs"), "--epochs needs a value"),
        Arguments.of(List.of("fit", "--epochs", "--json"), "--epochs needs a value"),
        Arguments.of(List.of("fit", "--epochs", "many"), "--epochs needs a whole number"),
        Arguments.of(List.of("fit", "--epochs", "0"), "--epochs must be at least 1"),
        Arguments.of(List.of("fit", "--epochs=-3"), "--epochs must be at least 1"),
        Arguments.of(List.of("fit", "--units", "1.5"), "--units needs a whole number"),
        Arguments.of(List.of("fit", "--batch-size", "0"), "--batch-size must be at least 1"),
        Arguments.of(List.of("fit", "--lr", "fast"), "--lr needs a number"),
        Arguments.of(List.of("fit", "--lr", "0"), "--lr must be a finite number > 0"),
        Arguments.of(List.of("fit", "--lr", "NaN"), "--lr must be a finite number > 0"),
        Arguments.of(List.of("fit", "--seed", "x"), "--seed needs a whole number"),
        Arguments.of(List.of("fit", "--json=yes"), "--json takes no value"),
        Arguments.of(List.of("fit", "--seeds", "3"), "--seeds is an option of compare only"),
        Arguments.of(List.of("compare", "--activation", "relu"),
            "--activation is an option of fit only"),
        Arguments.of(List.of("compare", "--seeds", "0"), "--seeds must be at least 1"),
        Arguments.of(List.of("fit", "--activation", "rleu"), "unknown activation 'rleu'"),
        Arguments.of(List.of("fit", "--activation", "leaky_relu(alpha=x)"), "alpha"),
        Arguments.of(List.of("compare", "--activations", "relu,,elu"), "empty name"),
        Arguments.of(List.of("compare", "--activations", "relu,nope"),
            "unknown activation 'nope'"));
  }

  @ParameterizedTest
  @MethodSource("badArguments")
  void badArgumentsExitWithTwoAndTheUsageAndWriteNothing(List<String> args, String message) {
    Path out = tmp.resolve("out");
    List<String> all = new ArrayList<>();
    if (!args.isEmpty()) {
      all.add(args.get(0));
      all.add("--out");
      all.add(out.toString());
      all.addAll(args.subList(1, args.size()));
    }
    Outcome r = demo(all.toArray(new String[0]));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(message).contains("Usage:");
    assertThat(r.out()).isEmpty();
    assertThat(out).doesNotExist();
  }

  @Test
  void anUnknownActivationIsNamedWithEveryAvailableOne() {
    Outcome r = demo("fit", "--out", tmp.resolve("out").toString(), "--activation", "snake");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("snake").contains("available");
    for (String name : Activations.names()) {
      assertThat(r.err()).contains(name);
    }
  }

  @Test
  void anOutThatIsAFileIsRefused() throws IOException {
    Path file = Files.writeString(tmp.resolve("taken"), "not a folder");
    Outcome r = demo("fit", "--out", file.toString(), "--epochs", "2");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("is not a folder").contains("Usage:");
    assertThat(Files.readString(file)).isEqualTo("not a folder");
  }

  @Test
  void helpPrintsTheUsageAndSucceeds() {
    Outcome r = demo("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Usage:").contains("compare").contains("--kinks-in-data");
    assertThat(demo("fit", "-h").out()).contains("Usage:");
  }

  @Test
  void fitWithJsonPrintsOneObjectAndNothingElse() throws IOException {
    Path out = tmp.resolve("pictures");
    Outcome r =
        demo("fit", "--activation", "leaky_relu", "--epochs", "15", "--seed", "3", "--json",
            "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<Map<String, Object>> lines = JsonLines.parse(r.out());
    assertThat(lines).hasSize(1);
    Map<String, Object> run = lines.get(0);
    assertThat(run.keySet()).containsExactlyElementsOf(JSON_KEYS);
    assertThat(run).containsEntry("activation", "leaky_relu").containsEntry("seed", 3L)
        .containsEntry("epochs", 15L);
    assertThat((Double) run.get("train_mse")).isPositive().isFinite();
    assertThat((Double) run.get("val_mse")).isPositive().isFinite();
    assertThat((Long) run.get("dead_units")).isBetween(0L, 30L);
    assertThat(((Number) run.get("train_ms")).doubleValue()).isPositive();
    assertThat(r.out().lines()).hasSize(1);
    assertThat(pngs(out)).containsExactlyInAnyOrder("fit-leaky_relu.png", "loss-leaky_relu.png");
  }

  @Test
  void fitPrintsItsMeasurementsAndDrawsKinks() throws IOException {
    Path out = tmp.resolve("pictures");
    Outcome r =
        demo("fit", "--activation", "leaky_relu(alpha=0.1)", "--epochs", "10", "--units", "8",
            "--kinks-in-data", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("training MSE").contains("training time")
        .contains("dead units").contains("kinks").contains("kinks placed in the data");
    assertThat(pngs(out))
        .containsExactlyInAnyOrder("fit-leaky_relu-alpha-0.1.png", "loss-leaky_relu-alpha-0.1.png");
    byte[] png = Files.readAllBytes(out.resolve("fit-leaky_relu-alpha-0.1.png"));
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
  }

  @Test
  void compareFindsAPlugInOnTheClassPathAndReportsEveryRun() throws IOException {
    Path out = tmp.resolve("compare");
    Outcome r =
        demo("compare", "--epochs", "3", "--seeds", "2", "--seed", "7", "--units", "6",
            "--json", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<Map<String, Object>> runs = JsonLines.parse(r.out());
    List<String> expected = new ArrayList<>(Activations.names());
    expected.remove("linear");
    assertThat(expected).contains("softsign", "relu");
    assertThat(runs).hasSize(expected.size() * 2);
    for (int i = 0; i < runs.size(); i++) {
      Map<String, Object> run = runs.get(i);
      assertThat(run.keySet()).containsExactlyElementsOf(JSON_KEYS);
      assertThat(run).containsEntry("activation", expected.get(i / 2))
          .containsEntry("seed", 7L + i % 2).containsEntry("epochs", 3L);
    }
    assertThat(pngs(out)).containsExactlyInAnyOrder("compare-curves.png", "compare-mse.png");
  }

  @Test
  void compareRanksTheChosenActivationsInATable() throws IOException {
    Path out = tmp.resolve("compare");
    Outcome r =
        demo("compare", "--activations", "softsign, leaky_relu(alpha=0.2)", "--epochs", "3",
            "--seeds", "3", "--threads", "2", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("rank").contains("val MSE median").contains("dead units")
        .contains("ms/run").contains("softsign").contains("leaky_relu(alpha=0.2)")
        .contains("6 runs");
    assertThat(r.out().lines().filter(l -> l.matches("\\s+[12]\\s+.*"))).hasSize(2);
    assertThat(pngs(out)).containsExactlyInAnyOrder("compare-curves.png", "compare-mse.png");
  }

  @Test
  void resultsDoNotDependOnTheNumberOfThreads() {
    String[] common = {"compare", "--activations", "relu,tanh", "--epochs", "4", "--seeds", "3",
        "--json", "--out", tmp.resolve("o").toString()};
    String one = demo(concat(common, "--threads", "1")).out();
    String two = demo(concat(common, "--threads", "3")).out();
    assertThat(withoutTimes(two)).isEqualTo(withoutTimes(one));
  }

  @Test
  void specListsSplitAtTopLevelCommasOnly() throws UsageException {
    assertThat(Options.splitSpecs("relu, prelu(alpha=0.1, shared=true) ,elu"))
        .containsExactly("relu", "prelu(alpha=0.1, shared=true)", "elu");
  }

  @Test
  void fileNamesAreSafe() {
    assertThat(Fit.fileName("leaky_relu(alpha=0.1)")).isEqualTo("leaky_relu-alpha-0.1");
    assertThat(Fit.fileName("../x")).isEqualTo("..-x");
    assertThat(Fit.fileName("()")).isEqualTo("activation");
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static String withoutTimes(String json) {
    return json.replaceAll("\"train_ms\":[0-9.eE+-]+", "\"train_ms\":_");
  }

  /** The files in a folder: only finished PNGs, no temporary leftovers. */
  private static List<String> pngs(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
