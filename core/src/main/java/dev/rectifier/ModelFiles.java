package dev.rectifier;

import dev.rectifier.spi.Activation;
import dev.rectifier.spi.HyperParameters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Reads and writes Rectifier's model format, version 1 (specified in {@code docs/format.md}).
 *
 * <p>Writing serializes the whole model into memory first, so nothing on disk is touched until
 * the bytes are complete; then a temporary file in the target's folder is written, forced to the
 * device and renamed over the target atomically. Reading takes every byte first (bounded by the
 * size actually present, never by a size the file claims), checks length, magic, version and
 * CRC32C, and then parses with a bounds check before every allocation.
 */
final class ModelFiles {

  static final byte[] MAGIC = {(byte) 0x89, 'R', 'C', 'T', 'F', '\r', '\n', 0x1A};
  static final int VERSION = 1;
  static final int FLAG_OPTIMIZER = 1;
  static final int FLAG_STATE = 2;
  static final int HEADER = 24;
  static final int TRAILER = 4;

  /** Sane limits: a file beyond them is refused before anything is allocated for it. */
  static final int MAX_FILE_BYTES = Integer.MAX_VALUE - 64;
  static final int MAX_LAYERS = 4096;
  static final int MAX_WIDTH = 1 << 24;
  static final int MAX_STRING_BYTES = 1024;
  static final int MAX_ENTRIES = 256;

  private static final byte TAG_REAL = 1;
  private static final byte TAG_FLAG = 2;
  private static final byte TAG_WORD = 3;

  private ModelFiles() {}

  // ------------------------------------------------------------------ writing

  static byte[] encode(Sequential model, boolean withState) {
    Writer w = new Writer();
    w.u32(model.inputWidth());
    w.i64(model.seed());
    w.i64(model.epochsTrained());
    List<Layer> layers = model.layers();
    w.u32(layers.size());
    for (Layer layer : layers) {
      Dense d = (Dense) layer;
      Activation a = d.activation();
      // Refuse now what could not be loaded again: the activation must be installed by name.
      Activations.provider(a.name());
      w.str("dense");
      w.str(d.name());
      w.u32(d.outputWidth());
      w.str(a.name());
      w.values(a.hyperParameters());
      List<Parameter> params = d.parameters();
      w.u32(params.size());
      for (Parameter p : params) {
        w.str(p.name());
        w.u32(p.rows());
        w.u32(p.cols());
        w.floats(p.values());
      }
    }
    Optimizer optimizer = model.optimizer();
    int flags = 0;
    if (optimizer != null) {
      flags |= FLAG_OPTIMIZER;
      Optimizers.provider(optimizer.name());
      w.str(optimizer.name());
      w.values(optimizer.hyperParameters());
      w.str(model.loss().name());
      if (withState) {
        flags |= FLAG_STATE;
        w.i64(optimizer.iterations());
        List<float[]> state = optimizer.state();
        w.u32(state.size());
        for (float[] s : state) {
          w.u32(s.length);
          w.floats(s);
        }
      }
    }
    byte[] payload = w.toByteArray();
    ByteBuffer out = ByteBuffer.allocate(HEADER + payload.length + TRAILER)
        .order(ByteOrder.LITTLE_ENDIAN);
    out.put(MAGIC).putInt(VERSION).putInt(flags).putLong(payload.length).put(payload);
    CRC32C crc = new CRC32C();
    crc.update(out.array(), 0, HEADER + payload.length);
    out.putInt((int) crc.getValue());
    return out.array();
  }

  static void save(Sequential model, Path path, boolean withState) throws IOException {
    byte[] bytes = encode(model, withState);
    Path target = path.toAbsolutePath();
    Path dir = target.getParent();
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException(
            "cannot replace " + target + " atomically on this file system; the model was not"
                + " saved and the existing file, if any, is unchanged", e);
      }
      syncDirectory(dir);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Makes the rename durable where the platform allows opening a directory. */
  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not every platform can open a directory; the rename itself was atomic.
    }
  }

  static void save(Sequential model, OutputStream out, boolean withState) throws IOException {
    out.write(encode(model, withState));
    out.flush();
  }

  // ------------------------------------------------------------------ reading

  static Sequential load(Path path) throws IOException {
    long size = Files.size(path);
    if (size > MAX_FILE_BYTES) {
      throw new ModelFormatException(
          path + " is " + size + " bytes; a model file holds at most " + MAX_FILE_BYTES);
    }
    try (InputStream in = Files.newInputStream(path)) {
      return decode(readAll(in), path.toString());
    }
  }

  static Sequential load(InputStream in) throws IOException {
    return decode(readAll(in), "the stream");
  }

  /** Reads to the end, growing the buffer only as bytes actually arrive. */
  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[1 << 16];
    long total = 0;
    int n;
    while ((n = in.read(chunk)) > 0) {
      total += n;
      if (total > MAX_FILE_BYTES) {
        throw new ModelFormatException(
            "more than " + MAX_FILE_BYTES + " bytes; a model holds at most that many");
      }
      out.write(chunk, 0, n);
    }
    return out.toByteArray();
  }

  static Sequential decode(byte[] bytes, String source) throws ModelFormatException {
    if (bytes.length < HEADER + TRAILER) {
      throw new ModelFormatException(
          source + " is " + bytes.length + " bytes, shorter than the smallest model file ("
              + (HEADER + TRAILER) + "): truncated or not a model");
    }
    if (!Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new ModelFormatException(
          source + " does not start with the model magic bytes 89 52 43 54 46 0D 0A 1A: not a"
              + " Rectifier model file");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int version = b.getInt(8);
    if (version != VERSION) {
      throw new ModelFormatException(
          source + " has format version " + Integer.toUnsignedString(version)
              + "; this library reads version " + VERSION);
    }
    int flags = b.getInt(12);
    if ((flags & ~(FLAG_OPTIMIZER | FLAG_STATE)) != 0
        || ((flags & FLAG_STATE) != 0 && (flags & FLAG_OPTIMIZER) == 0)) {
      throw new ModelFormatException(
          source + " has flags " + Integer.toHexString(flags) + " at offset 12; expected a"
              + " combination of 1 (optimizer) and 2 (optimizer state, only with 1)");
    }
    long length = b.getLong(16);
    long expected = (long) bytes.length - HEADER - TRAILER;
    if (length != expected) {
      throw new ModelFormatException(
          source + " declares a payload of " + length + " bytes at offset 16, but holds "
              + expected + " (" + bytes.length + " bytes in all): truncated or extended");
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length - TRAILER);
    int stored = b.getInt(bytes.length - TRAILER);
    if ((int) crc.getValue() != stored) {
      throw new ModelFormatException(
          source + " fails its CRC32C check (stored " + Integer.toHexString(stored)
              + ", computed " + Integer.toHexString((int) crc.getValue())
              + "): the file is corrupt");
    }
    Reader r = new Reader(b, HEADER, bytes.length - TRAILER, source);
    try {
      Sequential model = readModel(r, flags);
      if (r.pos != r.end) {
        throw r.error((r.end - r.pos) + " unexpected bytes after the last section");
      }
      return model;
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ModelFormatException(source + ": " + e.getMessage(), e);
    }
  }

  private static Sequential readModel(Reader r, int flags) throws ModelFormatException {
    int inputWidth = r.count("input width", 1, MAX_WIDTH);
    long seed = r.i64();
    long epochs = r.i64();
    if (epochs < 0) {
      throw r.error("epochs trained is " + epochs + "; expected at least 0");
    }
    int layerCount = r.count("layer count", 1, MAX_LAYERS);
    Sequential model = new Sequential(inputWidth, seed);
    for (int l = 0; l < layerCount; l++) {
      String type = r.str("layer type");
      if (!type.equals("dense")) {
        throw r.error("layer " + l + " has type '" + type + "'; this version reads dense");
      }
      String name = r.str("layer name");
      int units = r.count("units of layer " + name, 1, MAX_WIDTH);
      int width = model.outputWidth();
      String activation = r.str("activation name");
      Map<String, Object> values = r.values("activation " + activation);
      // The kernel and bias must be present before anything of their size is allocated.
      r.need(4 * ((long) width * units + units), "the weights of layer " + name);
      Activation a;
      try {
        a = Activations.create(activation, values, units);
      } catch (IllegalArgumentException e) {
        throw r.error("layer " + name + ": " + e.getMessage());
      }
      int tensors = r.count("tensor count of layer " + name, 0, MAX_ENTRIES);
      // Check every tensor's shape and that its floats are present before building the layer.
      List<Shape> expected = expectedShapes(width, units, a);
      if (tensors != expected.size()) {
        throw r.error("layer " + name + " stores " + tensors + " tensors; a dense layer with "
            + a + " has " + expected.size());
      }
      int[] positions = new int[tensors];
      for (int t = 0; t < tensors; t++) {
        Shape p = expected.get(t);
        String tn = r.str("tensor name");
        int rows = r.count("rows of " + name + "/" + tn, 1, Integer.MAX_VALUE);
        int cols = r.count("columns of " + name + "/" + tn, 1, Integer.MAX_VALUE);
        if (!tn.equals(p.name()) || rows != p.rows() || cols != p.cols()) {
          throw r.error("layer " + name + " stores tensor " + tn + " of shape (" + rows + ", "
              + cols + "); expected " + p.name() + " of shape (" + p.rows() + ", " + p.cols()
              + ") after a layer of width " + width);
        }
        positions[t] = r.skipFloats((long) rows * cols, name + "/" + tn);
      }
      Dense dense = new Dense(units, a);
      model.add(dense);
      if (!dense.name().equals(name)) {
        throw r.error("layer " + l + " is named " + name + "; expected " + dense.name());
      }
      List<Parameter> actual = dense.parameters();
      for (int t = 0; t < tensors; t++) {
        r.floatsAt(positions[t], actual.get(t).values());
      }
    }
    if ((flags & FLAG_OPTIMIZER) != 0) {
      String optimizerName = r.str("optimizer name");
      Map<String, Object> values = r.values("optimizer " + optimizerName);
      String lossName = r.str("loss name");
      Optimizer optimizer;
      Loss loss;
      try {
        optimizer = Optimizers.create(optimizerName, values);
        loss = Loss.named(lossName);
      } catch (IllegalArgumentException e) {
        throw r.error(e.getMessage());
      }
      model.compile(optimizer, loss);
      if ((flags & FLAG_STATE) != 0) {
        long iterations = r.i64();
        if (iterations < 0) {
          throw r.error("optimizer iterations is " + iterations + "; expected at least 0");
        }
        List<float[]> state = optimizer.state();
        int slots = r.count("optimizer state count", 0, 1 << 20);
        if (slots != state.size()) {
          throw r.error("the optimizer state holds " + slots + " arrays; " + optimizer
              + " on this model has " + state.size());
        }
        for (int s = 0; s < slots; s++) {
          int length = r.count("length of optimizer state " + s, 0, Integer.MAX_VALUE);
          if (length != state.get(s).length) {
            throw r.error("optimizer state " + s + " holds " + length + " values; expected "
                + state.get(s).length);
          }
          r.floatsAt(r.skipFloats(length, "optimizer state " + s), state.get(s));
        }
        optimizer.setIterations(iterations);
      }
    }
    model.restoreEpochsTrained(epochs);
    return model;
  }

  /** A tensor's name and shape, to compare with what a file stores. */
  private record Shape(String name, int rows, int cols) {}

  /** The tensors a dense layer of this shape and activation has, in storage order. */
  private static List<Shape> expectedShapes(int width, int units, Activation a) {
    List<Shape> out = new java.util.ArrayList<>();
    out.add(new Shape("kernel", width, units));
    out.add(new Shape("bias", 1, units));
    for (Parameter p : a.parameters()) {
      out.add(new Shape(p.name(), p.rows(), p.cols()));
    }
    return out;
  }

  // ------------------------------------------------------------------ encoding helpers

  private static final class Writer {
    private ByteBuffer buf = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);

    private void ensure(long more) {
      if (buf.remaining() < more) {
        long needed = buf.position() + more;
        if (needed > MAX_FILE_BYTES) {
          throw new IllegalStateException(
              "the model needs more than " + MAX_FILE_BYTES + " bytes, the most a file holds");
        }
        long size = Math.min(MAX_FILE_BYTES, Math.max(needed, 2L * buf.capacity()));
        ByteBuffer bigger = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        buf.flip();
        bigger.put(buf);
        buf = bigger;
      }
    }

    void u32(int v) {
      ensure(4);
      buf.putInt(v);
    }

    void i64(long v) {
      ensure(8);
      buf.putLong(v);
    }

    void str(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      if (b.length > MAX_STRING_BYTES) {
        throw new IllegalArgumentException(
            "name '" + s + "' is " + b.length + " bytes in UTF-8; at most " + MAX_STRING_BYTES
                + " fit in a model file");
      }
      ensure(2 + b.length);
      buf.putShort((short) b.length).put(b);
    }

    void floats(float[] v) {
      ensure(4L * v.length);
      for (float f : v) {
        buf.putInt(Float.floatToRawIntBits(f));
      }
    }

    void values(HyperParameters hp) {
      Map<String, Object> m = hp.asMap();
      u32(m.size());
      for (Map.Entry<String, Object> e : m.entrySet()) {
        str(e.getKey());
        Object v = e.getValue();
        if (v instanceof Double d) {
          ensure(9);
          buf.put(TAG_REAL).putDouble(d);
        } else if (v instanceof Boolean f) {
          ensure(2);
          buf.put(TAG_FLAG).put((byte) (f ? 1 : 0));
        } else {
          ensure(1);
          buf.put(TAG_WORD);
          str((String) v);
        }
      }
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buf.array(), buf.position());
    }
  }

  private static final class Reader {
    final ByteBuffer b;
    int pos;
    final int end;
    final String source;

    Reader(ByteBuffer b, int pos, int end, String source) {
      this.b = b;
      this.pos = pos;
      this.end = end;
      this.source = source;
    }

    ModelFormatException error(String what) {
      return new ModelFormatException(source + " at offset " + pos + ": " + what);
    }

    void need(long n, String what) throws ModelFormatException {
      if (n > end - pos) {
        throw error(what + " needs " + n + " bytes but only " + (end - pos) + " remain");
      }
    }

    int count(String what, int min, int max) throws ModelFormatException {
      need(4, what);
      long v = Integer.toUnsignedLong(b.getInt(pos));
      if (v < min || v > max) {
        throw error(what + " is " + v + "; expected " + min + " to " + max);
      }
      pos += 4;
      return (int) v;
    }

    long i64() throws ModelFormatException {
      need(8, "a 64-bit value");
      long v = b.getLong(pos);
      pos += 8;
      return v;
    }

    String str(String what) throws ModelFormatException {
      need(2, what);
      int n = Short.toUnsignedInt(b.getShort(pos));
      if (n > MAX_STRING_BYTES) {
        throw error(what + " is " + n + " bytes long; at most " + MAX_STRING_BYTES);
      }
      need(2L + n, what);
      byte[] raw = new byte[n];
      b.get(pos + 2, raw);
      try {
        String s = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(raw)).toString();
        pos += 2 + n;
        return s;
      } catch (CharacterCodingException e) {
        throw error(what + " is not valid UTF-8");
      }
    }

    Map<String, Object> values(String owner) throws ModelFormatException {
      int n = count("hyper-parameter count of " + owner, 0, MAX_ENTRIES);
      Map<String, Object> out = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        String key = r(owner);
        need(1, "hyper-parameter " + key);
        byte tag = b.get(pos);
        pos++;
        Object v;
        switch (tag) {
          case TAG_REAL:
            need(8, "hyper-parameter " + key);
            v = b.getDouble(pos);
            pos += 8;
            break;
          case TAG_FLAG:
            need(1, "hyper-parameter " + key);
            byte f = b.get(pos);
            if (f != 0 && f != 1) {
              throw error("flag " + key + " of " + owner + " is " + f + "; expected 0 or 1");
            }
            v = f == 1;
            pos++;
            break;
          case TAG_WORD:
            v = str("hyper-parameter " + key);
            break;
          default:
            throw error("hyper-parameter " + key + " of " + owner + " has type tag " + tag
                + "; expected 1 (real), 2 (flag) or 3 (word)");
        }
        if (out.put(key, v) != null) {
          throw error("hyper-parameter " + key + " of " + owner + " appears twice");
        }
      }
      return out;
    }

    private String r(String owner) throws ModelFormatException {
      return str("a hyper-parameter name of " + owner);
    }

    /** Checks that n floats are present and skips them; returns where they start. */
    int skipFloats(long n, String what) throws ModelFormatException {
      need(4 * n, what);
      int start = pos;
      pos += (int) (4 * n);
      return start;
    }

    void floatsAt(int start, float[] into) {
      for (int i = 0; i < into.length; i++) {
        into[i] = Float.intBitsToFloat(b.getInt(start + 4 * i));
      }
    }
  }
}
