package dev.rectifier.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts fresh JVMs with only the library's jars, on the class path and on the module path, and
 * checks what ServiceLoader finds — with and without a plug-in jar compiled here against the
 * public SPI alone.
 */
class PluginDiscoveryTest {

  static final String BUILT_INS =
      "elu,gelu,hard_sigmoid,hard_tanh,leaky_relu,linear,mish,prelu,relu,relu6,selu,sigmoid,silu,"
          + "softplus,tanh";

  /** The built-ins and the plug-in, in order. */
  static final String WITH_SOFTSIGN = BUILT_INS.replace("softplus,", "softplus,softsign,");

  @TempDir static Path work;
  static Path core;
  static Path activations;
  static Path lister;
  static Path softsign;

  @BeforeAll
  static void buildFixtures() throws Exception {
    core = artifact("rectifier.it.core");
    activations = artifact("rectifier.it.activations");
    lister = compileJar("lister", core);
    softsign = compileJar("softsign", core);
  }

  private static Path artifact(String property) {
    String value = System.getProperty(property);
    assertThat(value).as("system property %s (set by the build)", property).isNotBlank();
    Path p = Path.of(value);
    assertThat(p).exists();
    return p;
  }

  /** Compiles a fixture folder (sources and resources) into a modular jar. */
  private static Path compileJar(String name, Path modulePath) throws Exception {
    URL url = PluginDiscoveryTest.class.getClassLoader().getResource("fixtures/" + name);
    Path src = Path.of(url.toURI());
    Path classes = Files.createDirectories(work.resolve(name + "-classes"));
    List<String> args = new ArrayList<>(List.of(
        "--release", "17", "--module-path", modulePath.toString(), "-d", classes.toString()));
    List<Path> all;
    try (Stream<Path> s = Files.walk(src)) {
      all = s.filter(Files::isRegularFile).toList();
    }
    for (Path p : all) {
      if (p.toString().endsWith(".java")) {
        args.add(p.toString());
      } else {
        Path target = classes.resolve(src.relativize(p).toString());
        Files.createDirectories(target.getParent());
        Files.copy(p, target);
      }
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac.run(null, null, null, args.toArray(new String[0])))
        .as("javac of fixture %s", name).isZero();
    Path jar = work.resolve(name + ".jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out);
        Stream<Path> s = Files.walk(classes)) {
      for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
        j.putNextEntry(new JarEntry(classes.relativize(p).toString().replace(File.separatorChar, '/')));
        Files.copy(p, j);
        j.closeEntry();
      }
    }
    return jar;
  }

  private static List<String> run(List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(args);
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
      p.getOutputStream().close();
      String out;
      String err;
      try (InputStream o = p.getInputStream(); InputStream e = p.getErrorStream()) {
        out = new String(o.readAllBytes(), StandardCharsets.UTF_8);
        err = new String(e.readAllBytes(), StandardCharsets.UTF_8);
      }
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as("exit of %s%nstderr: %s", cmd, err).isZero();
      return out.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String path(Path... entries) {
    return String.join(File.pathSeparator, Stream.of(entries).map(Path::toString).toList());
  }

  private static final String MAIN = "dev.rectifier.it.lister.ListActivations";

  @Test
  void classPathWithCoreAndActivationsJarsFindsTheBuiltIns() {
    List<String> out = run(List.of("-cp", path(core, activations, lister), MAIN));
    assertThat(out).contains("named=false", "names=" + BUILT_INS);
    assertThat(out).contains("relu=[0.0, 0.0, 3.0]", "leaky_relu(alpha=0.01)=[-0.02, 0.0, 3.0]");
  }

  @Test
  void modulePathWithCoreAndActivationsJarsFindsTheBuiltIns() {
    List<String> out =
        run(List.of("--module-path", path(core, activations, lister),
            "-m", "dev.rectifier.it.lister/" + MAIN));
    assertThat(out).contains("named=true", "names=" + BUILT_INS);
    assertThat(out).contains("elu(alpha=1)=[-0.86466473, 0.0, 3.0]");
  }

  @Test
  void aPluginJarOnTheClassPathJoinsWithNoChangeToTheLibrary() {
    List<String> out = run(List.of("-cp", path(core, activations, lister, softsign), MAIN));
    assertThat(out).contains("names=" + WITH_SOFTSIGN);
    assertThat(out).contains("softsign=[-0.6666667, 0.0, 0.75]");
  }

  @Test
  void aPluginJarOnTheModulePathJoinsWithNoChangeToTheLibrary() {
    List<String> out =
        run(List.of("--module-path", path(core, activations, lister, softsign),
            "-m", "dev.rectifier.it.lister/" + MAIN));
    assertThat(out).contains("named=true");
    assertThat(out).contains("names=" + WITH_SOFTSIGN);
    assertThat(out).contains("softsign=[-0.6666667, 0.0, 0.75]");
  }

  @Test
  void withoutTheActivationsJarNothingIsFoundAndTheErrorSaysWhy() {
    assertThat(run(List.of("-cp", path(core, lister), MAIN))).contains("names=");
    assertThat(run(List.of("-cp", path(core, lister), MAIN, "relu")))
        .contains(
            "error=unknown activation 'relu'; available: none (no activation providers found:"
                + " is rectifier-activations on the class path or module path?)");
  }
}
