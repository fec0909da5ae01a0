package dev.rectifier.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Warm vector kernels allocate nothing also in a JVM that has run other kernels first. C2 compiles
 * each kernel against profiles of the Vector API code that all kernels share; on JDK 17 a JVM
 * that ran PReLU's backward before gelu, mish or trainable silu compiled those kernels so that
 * every call allocated 6 to 21 KB (see the vector kernels' ProfilePrimer). Each JMH benchmark runs
 * in a JVM of its own and cannot see this, so this test starts one JVM and runs the kernels one
 * after another. It counts calls, not time: a kernel passes when, after enough calls for C2 to
 * have compiled it, three rounds of calls in a row allocate nothing; one compiled to allocate
 * never does.
 */
class WarmKernelAllocationTest {

  /** PReLU first, then the kernels that allocated after it (both gelu forms, mish, silu). */
  static final List<String> ORDER =
      List.of("prelu", "gelu", "gelu(approximate=tanh)", "mish", "silu(trainable=true)", "sigmoid");

  @Test
  void everyKernelStopsAllocatingOnceWarmInOneJvm() throws Exception {
    assumeTrue(
        ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
        "runs with the vector kernels' tests");
    Path testClasses =
        Path.of(WarmKernelAllocation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String classPath =
        String.join(
            File.pathSeparator,
            System.getProperty("rectifier.it.core"),
            System.getProperty("rectifier.it.activations"),
            testClasses.toString());
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of("--add-modules", "jdk.incubator.vector", "-cp", classPath));
    cmd.add(WarmKernelAllocation.class.getName());
    cmd.addAll(ORDER);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out;
    try (InputStream in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("the program ends").isTrue();
    assertThat(p.exitValue()).as("exit value; output:%n%s", out).isZero();
    List<String> passes = out.lines().filter(l -> l.contains(" rounds=")).toList();
    assertThat(passes).as("one line per pass in:%n%s", out).hasSize(2 * ORDER.size());
    assertThat(passes)
        .as("bytes per call of each pass once warm")
        .allSatisfy(l -> assertThat(l).endsWith("bytesPerCall=0.0"));
  }
}
