package dev.rectifier.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reads the vector kernels' class files and checks the rules that keep them from allocating: a
 * method of the vector package that takes or returns a vector (a helper) is called only from
 * another helper or from a method of more than 325 bytes of bytecode, and so is any kernel that
 * makes more than a few Vector API calls.
 *
 * <p>Why: C2 inlines a hot callee of at most 325 bytes (FreqInlineSize), so a small kernel is
 * often inlined into its caller; in a large caller the compilation may be past its node budget,
 * and a helper not inlined there boxes each vector it takes or returns, an allocation per call. A
 * kernel of more than 325 bytes is compiled on its own and keeps its budget for its helpers. The
 * JDK's own Vector API methods are forced inline and are not held to the budget.
 */
class VectorCallBoundaryTest {

  private static final String PACKAGE = "dev/rectifier/internal/kernels/panama/";
  private static final String[] CLASSES = {
    "VectorMath", "PanamaElementwiseKernels", "PanamaMatrixKernels", "PanamaUpdateKernels"
  };
  /** C2's FreqInlineSize on JDK 17 to 25: the largest hot callee it inlines, in bytes. */
  private static final int FREQ_INLINE_SIZE = 325;
  /** The most Vector API calls a kernel small enough to be inlined may make. */
  private static final int MAX_OPERATIONS_INLINED = 36;
  private static final int GETSTATIC = 0xb2;
  private static final String FLOAT_VECTOR = "Ljdk/incubator/vector/FloatVector;";

  @Test
  void helpersAreCalledOnlyFromHelpersOrMethodsTooBigToInline() throws IOException {
    List<String> violations = new ArrayList<>();
    int helperCalls = 0;
    for (String name : CLASSES) {
      for (MethodCode m : methods(PACKAGE + name)) {
        for (String callee : m.calls) {
          if (!isVectorHelper(callee)) {
            continue;
          }
          helperCalls++;
          if (!m.descriptor.contains("jdk/incubator/vector/") && m.length <= FREQ_INLINE_SIZE) {
            violations.add(name + "." + m.name + " (" + m.length + " bytes) calls " + callee);
          }
        }
      }
    }
    assertTrue(helperCalls > 0, "the scan found no helper call at all: the parser is broken");
    assertEquals(List.of(), violations);
  }

  @Test
  void kernelsWithManyVectorOperationsAreTooBigToInline() throws IOException {
    // Inlined into a large caller, a long body of Vector API operations may itself run past the
    // compilation's node budgets and lose some of its intrinsics. The relu family's loops make at
    // most a dozen operations, the reductions at most 20 (12 of them folding the lanes once a
    // block) and the one-argument kernels exp, sigmoid and tanh about 30 (measured safe inlined
    // into JMH's loop; with their constants declared they are now over 325 bytes anyway); those
    // may be inlined. The other transcendental kernels make more.
    List<String> violations = new ArrayList<>();
    for (String name : CLASSES) {
      for (MethodCode m : methods(PACKAGE + name)) {
        long operations =
            m.calls.stream().filter(c -> c.startsWith("jdk/incubator/vector/")).count();
        if (operations > MAX_OPERATIONS_INLINED && m.length <= FREQ_INLINE_SIZE
            && !m.descriptor.contains("jdk/incubator/vector/")) {
          violations.add(name + "." + m.name + ": " + operations + " vector operations in "
              + m.length + " bytes");
        }
      }
    }
    assertEquals(List.of(), violations);
  }

  @Test
  void loopsTakeTheirConstantsFromIntVectorBits() throws IOException {
    // A FloatVector constant's lanes are a float[], which C2 cannot tell from the arrays a loop
    // stores into, so it reloads the constant in every iteration; an IntVector's int[] lanes it
    // can, and hoists them. VectorMath's array loops (static, void, no vector in or out) read no
    // FloatVector field.
    List<String> violations = new ArrayList<>();
    int loops = 0;
    for (MethodCode m : methods(PACKAGE + "VectorMath")) {
      boolean loop = m.descriptor.endsWith(")V") && !m.descriptor.contains("jdk/incubator/vector/")
          && m.calls.stream().anyMatch(c -> c.startsWith("jdk/incubator/vector/"));
      if (!loop) {
        continue;
      }
      loops++;
      m.reads.stream()
          .filter(r -> r.endsWith(FLOAT_VECTOR))
          .forEach(r -> violations.add("VectorMath." + m.name + " reads " + r));
    }
    assertTrue(loops >= 15, "the scan found " + loops + " loops: the parser is broken");
    assertEquals(List.of(), violations);
  }

  @Test
  void theParserSeesTheKernelMethodsAndTheirCalls() throws IOException {
    // A check on the check: the reader finds known methods with their known calls and reads.
    MethodCode silu = vectorMathMethod("silu");
    assertTrue(silu.length > FREQ_INLINE_SIZE, "silu is " + silu.length + " bytes");
    String limitBits = PACKAGE + "VectorMath.B_NEG_SILU_LIMIT:Ljdk/incubator/vector/IntVector;";
    assertTrue(silu.reads.contains(limitBits), "silu's static reads: " + silu.reads);
    MethodCode sum = vectorMathMethod("sum");
    assertTrue(
        sum.calls.stream().anyMatch(c -> c.startsWith(PACKAGE + "VectorMath.foldHigh(")),
        "sum's calls: " + sum.calls);
    MethodCode sigmoid = vectorMathMethod("sigmoid");
    String one = PACKAGE + "VectorMath.B_ONE:Ljdk/incubator/vector/IntVector;";
    assertTrue(sigmoid.reads.contains(one), "sigmoid's static reads: " + sigmoid.reads);
  }

  private static MethodCode vectorMathMethod(String name) throws IOException {
    return methods(PACKAGE + "VectorMath").stream()
        .filter(m -> m.name.equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static boolean isVectorHelper(String callee) {
    return callee.startsWith(PACKAGE) && callee.contains("jdk/incubator/vector/");
  }

  /**
   * One method: its name, descriptor, bytecode length, the methods it invokes and the static
   * fields it reads (owner.name:descriptor).
   */
  private record MethodCode(
      String name, String descriptor, int length, List<String> calls, List<String> reads) {}

  private static List<MethodCode> methods(String className) throws IOException {
    try (InputStream in =
        VectorCallBoundaryTest.class.getClassLoader().getResourceAsStream(className + ".class")) {
      assertTrue(in != null, className + ".class not found");
      return parse(new DataInputStream(in));
    }
  }

  private static List<MethodCode> parse(DataInputStream in) throws IOException {
    assertEquals(0xCAFEBABE, in.readInt());
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    int[] ref1 = new int[count];
    int[] ref2 = new int[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 7, 8, 16, 19, 20 -> ref1[i] = in.readUnsignedShort();
        case 3, 4 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++;
        }
        case 9, 10, 11, 12, 17, 18 -> {
          ref1[i] = in.readUnsignedShort();
          ref2[i] = in.readUnsignedShort();
        }
        case 15 -> {
          in.readUnsignedByte();
          in.readUnsignedShort();
        }
        default -> throw new IOException("constant pool tag " + tag);
      }
    }
    in.readUnsignedShort(); // access
    in.readUnsignedShort(); // this
    in.readUnsignedShort(); // super
    in.skipBytes(2 * in.readUnsignedShort());
    int fields = in.readUnsignedShort();
    for (int f = 0; f < fields; f++) {
      in.skipBytes(6);
      skipAttributes(in);
    }
    List<MethodCode> result = new ArrayList<>();
    int methods = in.readUnsignedShort();
    for (int m = 0; m < methods; m++) {
      in.readUnsignedShort();
      String name = utf8[in.readUnsignedShort()];
      String descriptor = utf8[in.readUnsignedShort()];
      int attributes = in.readUnsignedShort();
      for (int a = 0; a < attributes; a++) {
        String attribute = utf8[in.readUnsignedShort()];
        int size = in.readInt();
        byte[] body = in.readNBytes(size);
        if (attribute.equals("Code")) {
          int length =
              ((body[4] & 0xff) << 24) | ((body[5] & 0xff) << 16) | ((body[6] & 0xff) << 8)
                  | (body[7] & 0xff);
          List<String> calls = new ArrayList<>();
          List<String> reads = new ArrayList<>();
          for (int at : references(body, 8, length)) {
            int ref = ((body[8 + at + 1] & 0xff) << 8) | (body[8 + at + 2] & 0xff);
            String owner = utf8[ref1[ref1[ref]]];
            int nameAndType = ref2[ref];
            if ((body[8 + at] & 0xff) == GETSTATIC) {
              reads.add(owner + "." + utf8[ref1[nameAndType]] + ":" + utf8[ref2[nameAndType]]);
            } else {
              calls.add(owner + "." + utf8[ref1[nameAndType]] + utf8[ref2[nameAndType]]);
            }
          }
          result.add(new MethodCode(name, descriptor, length, calls, reads));
        }
      }
    }
    return result;
  }

  /**
   * The offsets of getstatic, invokevirtual, invokespecial and invokestatic in the code, decoded in
   * order.
   */
  private static List<Integer> references(byte[] body, int start, int length) {
    List<Integer> result = new ArrayList<>();
    int pc = 0;
    while (pc < length) {
      int op = body[start + pc] & 0xff;
      if (op == GETSTATIC || (op >= 0xb6 && op <= 0xb8)) {
        result.add(pc);
      }
      pc += instructionLength(body, start, pc, op);
    }
    assertEquals(length, pc, "decoding ran past the end of the code");
    return result;
  }

  private static int instructionLength(byte[] body, int start, int pc, int op) {
    if (op == 0xaa || op == 0xab) { // tableswitch, lookupswitch: padded to 4 bytes
      int p = pc + 1 + ((4 - (pc + 1) % 4) % 4);
      if (op == 0xaa) {
        int low = readInt(body, start + p + 4);
        int high = readInt(body, start + p + 8);
        return p - pc + 12 + 4 * (high - low + 1);
      }
      return p - pc + 8 + 8 * readInt(body, start + p + 4);
    }
    if (op == 0xc4) { // wide
      return (body[start + pc + 1] & 0xff) == 0x84 ? 6 : 4;
    }
    if (op == 0x10 || op == 0x12 || (op >= 0x15 && op <= 0x19) || (op >= 0x36 && op <= 0x3a)
        || op == 0xa9 || op == 0xbc) {
      return 2;
    }
    if (op == 0x11 || op == 0x13 || op == 0x14 || op == 0x84 || (op >= 0x99 && op <= 0xa8)
        || (op >= 0xb2 && op <= 0xb8) || op == 0xbb || op == 0xbd || op == 0xc0 || op == 0xc1
        || op == 0xc6 || op == 0xc7) {
      return 3;
    }
    if (op == 0xc5) {
      return 4;
    }
    if (op == 0xb9 || op == 0xba || op == 0xc8 || op == 0xc9) {
      return 5;
    }
    return 1;
  }

  private static int readInt(byte[] b, int at) {
    return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8)
        | (b[at + 3] & 0xff);
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    int attributes = in.readUnsignedShort();
    for (int a = 0; a < attributes; a++) {
      in.skipBytes(2);
      in.skipBytes(in.readInt());
    }
  }
}
