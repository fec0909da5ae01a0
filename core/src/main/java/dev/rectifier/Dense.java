package dev.rectifier;

import dev.rectifier.internal.kernels.Kernels;
import dev.rectifier.internal.kernels.MatrixKernels;
import dev.rectifier.spi.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A fully connected layer: a = act(x·W + b), with the kernel W of shape (inputs, units) and the
 * bias b of shape (1, units).
 *
 * <p>Defaults, as in Keras: no activation (linear), W drawn {@linkplain
 * Initializer#glorotUniform() Glorot-uniform}, b {@linkplain Initializer#zeros() zero}. The
 * activation is given by name or spec string ({@code "relu"}, {@code "leaky_relu(alpha=0.1)"}) and
 * looked up through {@link Activations}, or given as an {@link Activation} created for {@code
 * units} units.
 *
 * <pre>{@code
 * new Dense(30, "relu")
 * new Dense(30, "elu(alpha=0.5)").kernelInitializer(Initializer.heUniform())
 * new Dense(1)                                   // linear output
 * }</pre>
 *
 * <p>A Dense layer belongs to at most one model; its weights are drawn when the model adds it,
 * from the model's seed.
 */
public final class Dense implements Layer {

  private final int units;
  private final Activation activation;
  private Initializer kernelInitializer = Initializer.glorotUniform();
  private Initializer biasInitializer = Initializer.zeros();

  private String name = "";
  private int inputWidth;
  private Parameter kernel;
  private Parameter bias;
  /** Wᵀ, rewritten by every backward pass that computes an input gradient. */
  private float[] kernelTransposed;
  private List<Parameter> parameters = List.of();
  private MatrixKernels matrix;

  /**
   * A linear layer (no activation).
   *
   * @param units the output width, at least 1
   */
  public Dense(int units) {
    this(units, "linear");
  }

  /**
   * @param units the output width, at least 1
   * @param activation a name or spec string, such as {@code relu} or {@code
   *     leaky_relu(alpha=0.1)}; {@code null} means linear
   * @throws IllegalArgumentException for units &lt; 1 or an unknown or malformed activation
   */
  public Dense(int units, String activation) {
    this(checkUnits(units), Activations.create(activation == null ? "linear" : activation, units));
  }

  /**
   * @param units the output width, at least 1
   * @param activation an activation created for {@code units} units
   * @throws IllegalArgumentException for units &lt; 1 or an activation of another width
   */
  public Dense(int units, Activation activation) {
    checkUnits(units);
    Objects.requireNonNull(activation, "activation");
    if (activation.units() != units) {
      throw new IllegalArgumentException(
          "activation " + activation + " serves " + activation.units()
              + " units, but the Dense layer has units=" + units + "; create it for " + units);
    }
    this.units = units;
    this.activation = activation;
  }

  private static int checkUnits(int units) {
    if (units < 1) {
      throw new IllegalArgumentException(
          "Dense units must be at least 1. Received: units=" + units);
    }
    return units;
  }

  /**
   * Sets how the kernel W is drawn (default: glorot_uniform). Only before the layer is added.
   *
   * @param initializer the initializer
   * @return this layer
   */
  public Dense kernelInitializer(Initializer initializer) {
    checkNotBuilt();
    this.kernelInitializer = Objects.requireNonNull(initializer, "initializer");
    return this;
  }

  /**
   * Sets how the bias b is drawn (default: zeros). Only before the layer is added.
   *
   * @param initializer the initializer
   * @return this layer
   */
  public Dense biasInitializer(Initializer initializer) {
    checkNotBuilt();
    this.biasInitializer = Objects.requireNonNull(initializer, "initializer");
    return this;
  }

  private void checkNotBuilt() {
    if (kernel != null) {
      throw new IllegalStateException(
          "layer " + name + " is already part of a model; set initializers before adding it");
    }
  }

  /** Allocates and draws the parameters; called once by the model that adds this layer. */
  void build(String name, int inputWidth, SplittableRandom random) {
    if (kernel != null) {
      throw new IllegalStateException(
          "this Dense layer already belongs to a model (as " + this.name
              + "); create a new layer for each model");
    }
    this.matrix = Kernels.get().matrix();
    this.name = name;
    this.inputWidth = inputWidth;
    Parameter w = new Parameter("kernel", inputWidth, units);
    Parameter b = new Parameter("bias", 1, units);
    kernelInitializer.fill(w.values(), inputWidth, units, random.split());
    biasInitializer.fill(b.values(), inputWidth, units, random.split());
    List<Parameter> all = new ArrayList<>();
    all.add(w);
    all.add(b);
    all.addAll(activation.parameters());
    this.kernel = w;
    this.bias = b;
    this.kernelTransposed = new float[inputWidth * units];
    this.parameters = List.copyOf(all);
  }

  /** @return the activation */
  public Activation activation() {
    return activation;
  }

  /** @return the kernel W, shape (inputs, units); null before the layer is added */
  public Parameter kernel() {
    return kernel;
  }

  /** @return the bias b, shape (1, units); null before the layer is added */
  public Parameter bias() {
    return bias;
  }

  /** @return the kernel initializer */
  public Initializer kernelInitializer() {
    return kernelInitializer;
  }

  /** @return the bias initializer */
  public Initializer biasInitializer() {
    return biasInitializer;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int inputWidth() {
    return inputWidth;
  }

  @Override
  public int outputWidth() {
    return units;
  }

  @Override
  public List<Parameter> parameters() {
    return parameters;
  }

  @Override
  public long parameterCount() {
    long n = (long) inputWidth * units + units;
    for (Parameter p : activation.parameters()) {
      n += p.size();
    }
    return n;
  }

  @Override
  public void forward(float[] input, float[] preActivation, float[] output, int rows) {
    checkBuilt();
    matrix.matmulBias(
        input, kernel.values(), bias.values(), preActivation, rows, inputWidth, units);
    activation.forward(preActivation, output, rows);
  }

  @Override
  public void backward(
      float[] input,
      float[] preActivation,
      float[] output,
      float[] outputGradient,
      float[] preActivationGradient,
      float[] inputGradient,
      int rows) {
    checkBuilt();
    activation.backward(preActivation, output, outputGradient, preActivationGradient, rows);
    matrix.accumulateTransposedProduct(
        input, preActivationGradient, kernel.gradients(), rows, inputWidth, units);
    matrix.accumulateColumnSums(preActivationGradient, bias.gradients(), rows, units);
    if (inputGradient != null) {
      matrix.matmulTransposed(
          preActivationGradient, kernel.values(), kernelTransposed, inputGradient, rows, units,
          inputWidth);
    }
  }

  private void checkBuilt() {
    if (kernel == null) {
      throw new IllegalStateException("Dense layer not built: add it to a Sequential model first");
    }
  }

  @Override
  public String toString() {
    return "Dense(units=" + units + ", activation=" + activation + ")";
  }
}
