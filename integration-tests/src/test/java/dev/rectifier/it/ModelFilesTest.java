package dev.rectifier.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.rectifier.Dataset;
import dev.rectifier.Datasets;
import dev.rectifier.Dense;
import dev.rectifier.FitOptions;
import dev.rectifier.History;
import dev.rectifier.ModelFormatException;
import dev.rectifier.Parameter;
import dev.rectifier.Sequential;
import dev.rectifier.spi.Activation;
import dev.rectifier.spi.HyperParameters;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelFilesTest {

  @TempDir Path dir;

  static Sequential trained(String activation, long seed, int epochs) {
    Dataset d = Datasets.noisyCosine(100, 0.08, seed);
    Sequential m =
        new Sequential(1, seed)
            .add(new Dense(12, activation))
            .add(new Dense(5, "prelu"))
            .add(new Dense(1))
            .compile("adam(learning_rate=0.01)", "mse");
    m.fit(d.x(), d.y(), new FitOptions().epochs(epochs).deadUnitWarning(1));
    return m;
  }

  static float[][] grid(int n) {
    float[][] x = new float[n][1];
    for (int i = 0; i < n; i++) {
      x[i][0] = -0.5f + 2f * i / n;
    }
    return x;
  }

  static void assertSameBits(float[][] a, float[][] b) {
    assertThat(a.length).isEqualTo(b.length);
    for (int i = 0; i < a.length; i++) {
      assertThat(b[i]).containsExactly(a[i]);
    }
  }

  static void assertSameWeights(Sequential a, Sequential b) {
    List<Parameter> pa = a.parameters();
    List<Parameter> pb = b.parameters();
    assertThat(pb).hasSameSizeAs(pa);
    for (int i = 0; i < pa.size(); i++) {
      assertThat(pb.get(i).values()).as(pa.get(i).toString()).containsExactly(pa.get(i).values());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"relu", "leaky_relu(alpha=0.2)", "prelu(shared=true)", "sigmoid", "tanh",
      "elu(alpha=0.5)", "linear", "selu", "gelu(approximate=tanh)",
      "silu(beta=1.5, trainable=true)", "softplus(beta=2, threshold=10)", "mish", "hard_sigmoid",
      "hard_tanh(min=-0.5, max=2)", "relu6"})
  void aLoadedModelPredictsBitForBitLikeTheSavedOne(String activation) throws IOException {
    Sequential m = trained(activation, 3, 5);
    Path file = dir.resolve("model.rtf");
    m.save(file);
    Sequential loaded = Sequential.load(file);
    assertSameBits(m.predict(grid(257)), loaded.predict(grid(257)));
    assertSameWeights(m, loaded);
    assertThat(loaded.summary()).isEqualTo(m.summary());
    assertThat(loaded.epochsTrained()).isEqualTo(5);
    assertThat(loaded.optimizer().iterations()).isEqualTo(m.optimizer().iterations());
  }

  @Test
  void streamsAndUncompiledModelsRoundTripToo() throws IOException {
    Sequential m = new Sequential(3, 9).add(new Dense(4, "tanh")).add(new Dense(2, "sigmoid"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.save(out);
    Sequential loaded = Sequential.load(new ByteArrayInputStream(out.toByteArray()));
    assertThat(loaded.optimizer()).isNull();
    float[][] x = {{1, 2, 3}, {-1, 0.5f, 0}};
    assertSameBits(m.predict(x), loaded.predict(x));
    Sequential compiled = trained("relu", 4, 2);
    Path file = dir.resolve("no-state.rtf");
    compiled.save(file, false);
    Sequential withoutState = Sequential.load(file);
    assertThat(withoutState.optimizer().toString()).isEqualTo(compiled.optimizer().toString());
    assertThat(withoutState.optimizer().iterations()).isZero();
    assertThat(Files.size(file)).isLessThan(out.size() + 4L * 2 * compiled.parameterCount());
  }

  @Test
  void resumingFromAFileWithOptimizerStateEqualsAnUninterruptedFitBitForBit() throws IOException {
    Dataset d = Datasets.noisyCosine(200, 0.08, 11);
    Sequential straight = trained("relu", 11, 0 + 1);
    Sequential first = trained("relu", 11, 1);
    History whole = straight.fit(d.x(), d.y(), new FitOptions().epochs(8).deadUnitWarning(1));
    first.fit(d.x(), d.y(), new FitOptions().epochs(3).deadUnitWarning(1));
    Path file = dir.resolve("checkpoint.rtf");
    first.save(file);
    Sequential resumed = Sequential.load(file);
    History rest = resumed.fit(d.x(), d.y(), new FitOptions().epochs(5).deadUnitWarning(1));
    assertSameWeights(straight, resumed);
    assertThat(rest.loss()).containsExactly(Arrays.copyOfRange(whole.loss(), 3, 8));
    assertThat(resumed.optimizer().iterations()).isEqualTo(straight.optimizer().iterations());
  }

  @Test
  void anActivationThatIsNotInstalledIsNamedWithWhatIs() throws IOException {
    byte[] bytes = bytes(trained("relu", 1, 1));
    byte[] forged = replaceFirst(bytes, "relu", "rel9");
    assertThatThrownBy(() -> load(fixCrc(forged)))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("unknown activation 'rel9'")
        .hasMessageContaining(
            "available: elu, gelu, hard_sigmoid, hard_tanh, identity, leaky_relu, linear, mish,"
                + " prelu, relu,");
  }

  @Test
  void everyDefectGetsAPreciseMessage() throws IOException {
    byte[] good = bytes(trained("relu", 2, 1));
    assertThatThrownBy(() -> load(Arrays.copyOf(good, 10)))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("shorter than the smallest model file");
    byte[] magic = good.clone();
    magic[1] = 'X';
    assertThatThrownBy(() -> load(magic)).hasMessageContaining("not a Rectifier model file");
    assertThatThrownBy(() -> load(fixCrc(putInt(good, 8, 2))))
        .hasMessageContaining("format version 2; this library reads version 1");
    assertThatThrownBy(() -> load(fixCrc(putInt(good, 12, 8))))
        .hasMessageContaining("flags 8 at offset 12");
    assertThatThrownBy(() -> load(Arrays.copyOf(good, good.length - 1)))
        .hasMessageContaining("truncated or extended");
    assertThatThrownBy(() -> load(Arrays.copyOf(good, good.length + 3)))
        .hasMessageContaining("truncated or extended");
    byte[] flipped = good.clone();
    flipped[good.length / 2] ^= 4;
    assertThatThrownBy(() -> load(flipped)).hasMessageContaining("fails its CRC32C check");
    // forged counts, with a valid checksum, must not allocate what they claim
    assertThatThrownBy(() -> load(fixCrc(putInt(good, 24 + 20, 4000))))
        .hasMessageContaining("layer");
    assertThatThrownBy(() -> load(fixCrc(putInt(good, 24, 1 << 24))))
        .hasMessageContaining("needs")
        .hasMessageContaining("bytes but only");
    assertThatThrownBy(() -> load(fixCrc(putInt(good, 24, 0))))
        .hasMessageContaining("input width is 0; expected 1 to 16777216");
    assertThatThrownBy(() -> load(fixCrc(putInt(good, 24, 2))))
        .hasMessageContaining("expected kernel of shape (2, 12)");
  }

  /**
   * Thousands of seeded mutations of a valid file — bit flips, byte changes, truncations,
   * appended bytes and forged 32-bit fields, half of them with the checksum recomputed so that
   * the parser sees them — each either loads or fails with ModelFormatException: never another
   * exception, never a hang, never an OutOfMemoryError (the tests run with -Xmx1g).
   */
  @Test
  void fuzzedFilesFailOnlyWithTheDocumentedException() {
    byte[] good;
    try {
      good = bytes(trained("prelu", 5, 2));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        Duration.ofMinutes(3),
        () -> {
          SplittableRandom r = new SplittableRandom(20261130);
          int loaded = 0;
          int rejected = 0;
          for (int i = 0; i < 5000; i++) {
            byte[] m = mutate(good, r);
            if (r.nextBoolean() && m.length >= 28) {
              m = fixCrc(m);
            }
            try {
              load(m);
              loaded++;
            } catch (ModelFormatException e) {
              rejected++;
              assertThat(e.getMessage()).isNotBlank();
            } catch (Throwable t) {
              fail("mutation " + i + " threw " + t, t);
            }
          }
          // a changed weight with a recomputed checksum is a valid file: those load
          assertThat(rejected).isGreaterThan(3000);
          assertThat(loaded + rejected).isEqualTo(5000);
        });
  }

  private static byte[] mutate(byte[] good, SplittableRandom r) {
    byte[] m = good.clone();
    switch (r.nextInt(6)) {
      case 0 -> m[r.nextInt(m.length)] ^= (byte) (1 << r.nextInt(8));
      case 1 -> m[r.nextInt(m.length)] = (byte) r.nextInt(256);
      case 2 -> m = Arrays.copyOf(m, r.nextInt(m.length));
      case 3 -> {
        m = Arrays.copyOf(m, m.length + 1 + r.nextInt(64));
        for (int i = good.length; i < m.length; i++) {
          m[i] = (byte) r.nextInt(256);
        }
      }
      case 4 -> {
        int[] interesting = {0, 1, -1, 0x7FFFFFFF, 0x80000000, 1 << 24, 1 << 20, 65535, 4096, 2};
        int at = r.nextInt(Math.max(1, m.length - 4));
        ByteBuffer.wrap(m).order(ByteOrder.LITTLE_ENDIAN)
            .putInt(at, interesting[r.nextInt(interesting.length)]);
      }
      default -> {
        for (int k = 0; k < 1 + r.nextInt(8); k++) {
          m[r.nextInt(m.length)] = (byte) r.nextInt(256);
        }
      }
    }
    return m;
  }

  @Test
  void aFailedSaveLeavesTheExistingFileAsItWas() throws IOException {
    Path file = dir.resolve("keep.rtf");
    Sequential m = trained("relu", 6, 1);
    m.save(file);
    byte[] before = Files.readAllBytes(file);
    Activation orphan =
        new Activation() {
          public String name() {
            return "not_installed";
          }

          public HyperParameters hyperParameters() {
            return HyperParameters.none();
          }

          public int units() {
            return 2;
          }

          public void forward(float[] x, float[] y, int rows) {
            System.arraycopy(x, 0, y, 0, rows * 2);
          }

          public void backward(float[] x, float[] y, float[] dy, float[] dx, int rows) {
            System.arraycopy(dy, 0, dx, 0, rows * 2);
          }
        };
    Sequential unsaveable = new Sequential(1).add(new Dense(2, orphan)).add(new Dense(1));
    assertThatThrownBy(() -> unsaveable.save(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown activation 'not_installed'");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    Path occupied = Files.createDirectories(dir.resolve("occupied.rtf"));
    Files.writeString(occupied.resolve("inside"), "x");
    assertThatThrownBy(() -> m.save(occupied)).isInstanceOf(IOException.class);
    assertThat(Files.readString(occupied.resolve("inside"))).isEqualTo("x");
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .as("no temporary file left behind")
          .containsExactlyInAnyOrder("keep.rtf", "occupied.rtf");
    }
    assertThat(Sequential.load(file).predict(grid(10))).isDeepEqualTo(m.predict(grid(10)));
  }

  @Test
  void predictFromManyThreadsAtOnceEqualsOneThread() throws Exception {
    Sequential m = trained("elu", 8, 3);
    float[][] x = grid(3000);
    float[][] expected = m.predict(x);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<float[][]>> results = new ArrayList<>();
      for (int t = 0; t < 64; t++) {
        results.add(pool.submit(() -> m.predict(x)));
      }
      for (Future<float[][]> f : results) {
        assertSameBits(expected, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // ------------------------------------------------------------------ helpers

  static byte[] bytes(Sequential m) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.save(out);
    return out.toByteArray();
  }

  static Sequential load(byte[] bytes) throws IOException {
    return Sequential.load(new ByteArrayInputStream(bytes));
  }

  static byte[] putInt(byte[] b, int offset, int value) {
    byte[] c = b.clone();
    ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
    return c;
  }

  static byte[] fixCrc(byte[] b) {
    byte[] c = b.clone();
    CRC32C crc = new CRC32C();
    crc.update(c, 0, c.length - 4);
    ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN).putInt(c.length - 4, (int) crc.getValue());
    return c;
  }

  static byte[] replaceFirst(byte[] b, String from, String to) {
    byte[] f = from.getBytes(StandardCharsets.UTF_8);
    byte[] t = to.getBytes(StandardCharsets.UTF_8);
    byte[] c = b.clone();
    outer:
    for (int i = 0; i + f.length <= c.length; i++) {
      for (int j = 0; j < f.length; j++) {
        if (c[i + j] != f[j]) {
          continue outer;
        }
      }
      System.arraycopy(t, 0, c, i, t.length);
      return c;
    }
    throw new AssertionError(from + " not found");
  }
}
