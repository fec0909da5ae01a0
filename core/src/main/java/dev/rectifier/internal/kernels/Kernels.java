package dev.rectifier.internal.kernels;

import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the kernels once per JVM: the vector kernels when the {@code jdk.incubator.vector}
 * module is present and readable, else the scalar ones.
 *
 * <p>The system property {@code rectifier.kernels} overrides the choice: {@code auto} (the
 * default), {@code scalar} or {@code vector}. {@code vector} without the module fails on first
 * use with a message that gives the flag to add.
 *
 * <p>The vector implementation is named here only as a string and loaded only after the module
 * check has passed, so no class of the Vector API is ever loaded on a JVM without it.
 */
public final class Kernels {

  /** The system property that overrides the choice: auto, scalar or vector. */
  public static final String PROPERTY = "rectifier.kernels";

  static final String VECTOR_MODULE = "jdk.incubator.vector";
  static final String FLAG = "--add-modules " + VECTOR_MODULE;
  private static final String PANAMA_CLASS =
      "dev.rectifier.internal.kernels.panama.PanamaKernels";
  private static final System.Logger LOG = System.getLogger("dev.rectifier");

  private Kernels() {}

  /**
   * @return the kernels chosen for this JVM
   * @throws IllegalStateException if {@code -Drectifier.kernels} asks for what cannot run here
   */
  public static KernelSet get() {
    Selection s = Holder.SELECTION;
    if (s.failure != null) {
      throw new IllegalStateException(s.failure);
    }
    return s.kernels;
  }

  /** @return the scalar kernels, always available */
  public static KernelSet scalar() {
    return ScalarHolder.SCALAR;
  }

  /**
   * The vector kernels, if this JVM can run them; for tests and benchmarks that compare both
   * paths in one JVM. Logs nothing.
   *
   * @return the vector kernels, or empty without the module
   */
  public static Optional<KernelSet> vector() {
    return Optional.ofNullable(VectorHolder.VECTOR);
  }

  private static final class ScalarHolder {
    static final KernelSet SCALAR =
        new KernelSet(
            "scalar",
            "scalar (plain Java)",
            new ScalarElementwiseKernels(),
            new ScalarMatrixKernels(),
            new ScalarUpdateKernels());
  }

  private static final class VectorHolder {
    static final KernelSet VECTOR = unavailableReason() == null ? loadVector() : null;
  }

  private static final class Holder {
    static final Selection SELECTION = select(System.getProperty(PROPERTY, "auto"));
  }

  /** The outcome of the selection: kernels, or the reason they cannot be had. */
  static final class Selection {
    final KernelSet kernels;
    final String failure;

    Selection(KernelSet kernels, String failure) {
      this.kernels = kernels;
      this.failure = failure;
    }
  }

  static Selection select(String requested) {
    String mode = requested.strip().toLowerCase(Locale.ROOT);
    switch (mode) {
      case "scalar":
        LOG.log(Level.INFO, "Rectifier kernels: " + scalar().description() + ", as -D"
            + PROPERTY + "=scalar asks");
        return new Selection(scalar(), null);
      case "vector":
        {
          String reason = unavailableReason();
          if (reason != null) {
            return new Selection(
                null,
                "-D" + PROPERTY + "=vector asks for the vector kernels, but " + reason
                    + "; start the JVM with " + FLAG + " or use -D" + PROPERTY + "=auto");
          }
          KernelSet v = VectorHolder.VECTOR;
          LOG.log(Level.INFO, "Rectifier kernels: " + v.description());
          return new Selection(v, null);
        }
      case "auto":
        {
          String reason = unavailableReason();
          if (reason != null) {
            LOG.log(
                Level.WARNING,
                "Rectifier kernels: " + scalar().description() + ", because " + reason
                    + "; for the faster vector kernels start the JVM with " + FLAG);
            return new Selection(scalar(), null);
          }
          String slow = slowReason();
          if (slow != null) {
            LOG.log(
                Level.WARNING,
                "Rectifier kernels: " + scalar().description() + ", because " + slow
                    + ", so the vector kernels would run slower than the scalar ones; -D"
                    + PROPERTY + "=vector uses them anyway");
            return new Selection(scalar(), null);
          }
          KernelSet v = VectorHolder.VECTOR;
          LOG.log(Level.INFO, "Rectifier kernels: " + v.description());
          return new Selection(v, null);
        }
      default:
        return new Selection(
            null,
            "-D" + PROPERTY + "=" + requested + " is not a kernel choice; expected auto, scalar or"
                + " vector");
    }
  }

  /** @return why the vector kernels cannot run here, or null if they can */
  static String unavailableReason() {
    Module self = Kernels.class.getModule();
    ModuleLayer layer = self.getLayer() != null ? self.getLayer() : ModuleLayer.boot();
    Optional<Module> vector = layer.findModule(VECTOR_MODULE);
    if (vector.isEmpty()) {
      return "the module " + VECTOR_MODULE + " is not in the boot layer";
    }
    if (!self.canRead(vector.get())) {
      self.addReads(vector.get());
    }
    if (!self.canRead(vector.get())) {
      return "the module " + VECTOR_MODULE + " is not readable from " + self;
    }
    return null;
  }

  /**
   * Why the vector kernels, though available, would be slow here: without fused multiply-add in
   * the CPU, or without the C2 compiler, the Vector API runs as plain Java objects. Read from the
   * HotSpot flags when the JVM exposes them (through reflection, so that no management module is
   * required); null if they look fine or cannot be read.
   *
   * @return the reason, or null
   */
  static String slowReason() {
    String fma = vmOption("UseFMA");
    if ("false".equals(fma)) {
      return "the CPU has no fused multiply-add (the JVM reports -XX:-UseFMA)";
    }
    if ("false".equals(vmOption("UseCompiler"))) {
      return "the JIT compiler is off (-Xint)";
    }
    String level = vmOption("TieredStopAtLevel");
    if ("true".equals(vmOption("TieredCompilation")) && level != null
        && !level.equals("4")) {
      return "the C2 compiler is off (-XX:TieredStopAtLevel=" + level + ")";
    }
    return null;
  }

  /** A HotSpot flag's value as text, or null if the JVM does not expose it. */
  static String vmOption(String name) {
    try {
      Class<?> bean = Class.forName("com.sun.management.HotSpotDiagnosticMXBean");
      Object mx = Class.forName("java.lang.management.ManagementFactory")
          .getMethod("getPlatformMXBean", Class.class)
          .invoke(null, bean);
      if (mx == null) {
        return null;
      }
      Object option = bean.getMethod("getVMOption", String.class).invoke(mx, name);
      return (String) option.getClass().getMethod("getValue").invoke(option);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null;
    }
  }

  private static KernelSet loadVector() {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      Class<?> cls = lookup.findClass(PANAMA_CLASS);
      MethodHandle create =
          lookup.findStatic(cls, "create", MethodType.methodType(KernelSet.class));
      return (KernelSet) create.invoke();
    } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
      throw new LinkageError("the vector kernels " + PANAMA_CLASS + " are missing or broken", e);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
  }
}
