package dev.rectifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A stack of layers trained as one model, in the manner of Keras' {@code Sequential}.
 *
 * <pre>{@code
 * Sequential model = new Sequential(1, 42)          // 1 input, seed 42
 *     .add(new Dense(30, "relu"))
 *     .add(new Dense(1))
 *     .compile("adam", "mse");
 * History history = model.fit(x, y, new FitOptions().epochs(1000));
 * float[][] yHat = model.predict(x);
 * }</pre>
 *
 * <p><b>Randomness.</b> One seed drives everything random: each layer's initial weights (drawn
 * when it is added) and the shuffling of every epoch. The same seed and the same calls give
 * bit-identical weights and losses, run after run, on the same JVM and kernels.
 *
 * <p><b>Data.</b> Inputs and targets are {@code float[][]} (a row per sample) or flat row-major
 * {@code float[]} with a row count; neither is copied except batch by batch. Every entry point
 * checks shapes and finiteness first and throws an {@link IllegalArgumentException} naming the
 * argument, the row and column, the value and what was expected.
 *
 * <p><b>Threads.</b> {@link #predict} and {@link #evaluate} allocate their own buffers and may
 * run on many threads at once, as long as no {@code fit} runs on the model at the same time.
 * {@code fit} trains on the calling thread and must not be called concurrently on one model.
 */
public final class Sequential {

  private static final System.Logger LOG = System.getLogger("dev.rectifier");

  /** Rows per chunk when predict and evaluate run without a training workspace. */
  private static final int CHUNK_ROWS = 1024;

  private final int inputWidth;
  private final long seed;
  private long epochsTrained;
  private final List<Dense> layers = new ArrayList<>();
  private Optimizer optimizer;
  private Loss loss;
  private boolean compiled;
  private Parameter[] parameters = new Parameter[0];
  private Workspace training;
  private volatile boolean fitting;

  /**
   * A model with seed 0.
   *
   * @param inputWidth the number of input features, at least 1
   */
  public Sequential(int inputWidth) {
    this(inputWidth, 0L);
  }

  /**
   * @param inputWidth the number of input features, at least 1
   * @param seed drives weight initialization and shuffling
   */
  public Sequential(int inputWidth, long seed) {
    if (inputWidth < 1) {
      throw new IllegalArgumentException(
          "input width must be at least 1. Received: inputWidth=" + inputWidth);
    }
    this.inputWidth = inputWidth;
    this.seed = seed;
  }

  /** Purposes of the random streams derived from the seed. */
  private static final long INIT = 1;
  private static final long SHUFFLE = 2;
  private static final long KINKS = 3;

  /**
   * The random stream for one purpose and index, such as the weights of layer 2 or the shuffle of
   * epoch 17: a function of the seed alone, so that saving and loading a model, or splitting one
   * fit into several, draws exactly the same numbers.
   */
  static SplittableRandom stream(long seed, long purpose, long index) {
    return new SplittableRandom(mix(seed ^ mix(purpose * 0x9E3779B97F4A7C15L + index)));
  }

  /** The finalizer of SplitMix64: a bijection that spreads every input bit over the output. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * Appends a layer; its input width is this model's current output width, and its weights are
   * drawn now. Call {@link #compile} again after adding layers to a compiled model.
   *
   * @param layer a layer not yet in any model
   * @return this model
   */
  public Sequential add(Layer layer) {
    Objects.requireNonNull(layer, "layer");
    checkNotFitting();
    Dense dense = (Dense) layer;
    String name = layers.isEmpty() ? "dense" : "dense_" + layers.size();
    dense.build(name, outputWidth(), stream(seed, INIT, layers.size()));
    layers.add(dense);
    compiled = false;
    List<Parameter> all = new ArrayList<>();
    for (Dense d : layers) {
      all.addAll(d.parameters());
    }
    parameters = all.toArray(new Parameter[0]);
    training = null;
    return this;
  }

  /**
   * Chooses the optimizer and the loss, and attaches the optimizer to the parameters (which
   * resets its state).
   *
   * @param optimizer the optimizer
   * @param loss the loss
   * @return this model
   */
  public Sequential compile(Optimizer optimizer, Loss loss) {
    Objects.requireNonNull(optimizer, "optimizer");
    Objects.requireNonNull(loss, "loss");
    checkNotFitting();
    if (layers.isEmpty()) {
      throw new IllegalStateException("the model has no layers; add at least one before compile");
    }
    optimizer.attach(List.of(parameters));
    this.optimizer = optimizer;
    this.loss = loss;
    this.compiled = true;
    return this;
  }

  /**
   * Chooses the optimizer and the loss by name, as Keras' {@code compile(optimizer="adam",
   * loss="mse")} does.
   *
   * @param optimizer an optimizer spec string, such as {@code adam} or {@code
   *     adam(learning_rate=0.01)}
   * @param loss a loss name: {@code mse} or {@code mean_squared_error}
   * @return this model
   */
  public Sequential compile(String optimizer, String loss) {
    return compile(Optimizers.create(optimizer), Loss.named(loss));
  }

  /** @return the number of input features */
  public int inputWidth() {
    return inputWidth;
  }

  /** @return the output width of the last layer, or the input width without layers */
  public int outputWidth() {
    return layers.isEmpty() ? inputWidth : layers.get(layers.size() - 1).outputWidth();
  }

  /** @return the seed given at construction */
  public long seed() {
    return seed;
  }

  /** Sets the epoch count of a loaded model. */
  void restoreEpochsTrained(long epochs) {
    this.epochsTrained = epochs;
  }

  // ---------------------------------------------------------------- files

  /**
   * Saves the model, with its optimizer's state if it is compiled, in Rectifier's model format
   * ({@code docs/format.md}). The file is written next to the target under a temporary name,
   * forced to the device and then renamed over the target in one atomic step: a crash or a full
   * disk never leaves an existing model file truncated or corrupt.
   *
   * @param path the file to write
   * @throws IOException if writing fails; the target is then unchanged
   * @throws IllegalArgumentException if an activation or optimizer could not be found again by
   *     name when loading (it is not installed through its provider)
   */
  public void save(Path path) throws IOException {
    save(path, true);
  }

  /**
   * Saves the model; without the optimizer's state the file is smaller, and a loaded model
   * trains on with a fresh optimizer.
   *
   * @param path the file to write
   * @param withOptimizerState whether to store the optimizer's state (Adam's moments, the step
   *     count) so that training resumes exactly where it stopped
   * @throws IOException if writing fails; the target is then unchanged
   */
  public void save(Path path, boolean withOptimizerState) throws IOException {
    Objects.requireNonNull(path, "path");
    checkLayers();
    checkNotFitting();
    ModelFiles.save(this, path, withOptimizerState);
  }

  /**
   * Writes the model, with its optimizer's state, to a stream (which is flushed, not closed).
   *
   * @param out the stream
   * @throws IOException if writing fails
   */
  public void save(OutputStream out) throws IOException {
    Objects.requireNonNull(out, "out");
    checkLayers();
    checkNotFitting();
    ModelFiles.save(this, out, true);
  }

  /**
   * Loads a model saved by {@link #save(Path)}. Activations and the optimizer are created again
   * through their providers, by name; the model comes back compiled if it was saved compiled.
   * Its predictions equal the saved model's bit for bit on the same kernels, and with the
   * optimizer state, further training continues exactly as if it had never stopped.
   *
   * @param path the file
   * @return the model
   * @throws ModelFormatException for any defect of the file: the message names it
   * @throws IOException if the file cannot be read
   */
  public static Sequential load(Path path) throws IOException {
    return ModelFiles.load(Objects.requireNonNull(path, "path"));
  }

  /**
   * Loads a model from a stream, read to its end (and not closed).
   *
   * @param in the stream
   * @return the model
   * @throws ModelFormatException for any defect of the data
   * @throws IOException if the stream cannot be read
   */
  public static Sequential load(InputStream in) throws IOException {
    return ModelFiles.load(Objects.requireNonNull(in, "in"));
  }

  /**
   * @return the number of epochs this model has completed in all its fit calls; the shuffle of
   *     the next epoch is drawn from the seed and this count
   */
  public long epochsTrained() {
    return epochsTrained;
  }

  /** @return the layers, in order */
  public List<Layer> layers() {
    return List.copyOf(layers);
  }

  /** @return every trainable parameter, layer by layer, in a fixed order */
  public List<Parameter> parameters() {
    return List.of(parameters);
  }

  /** @return the number of trainable values */
  public long parameterCount() {
    long n = 0;
    for (Parameter p : parameters) {
      n += p.size();
    }
    return n;
  }

  /** @return the optimizer, or null before {@link #compile} */
  public Optimizer optimizer() {
    return optimizer;
  }

  /** @return the loss, or null before {@link #compile} */
  public Loss loss() {
    return loss;
  }

  /**
   * A table of the layers, their output shapes, activations and parameter counts, as Keras'
   * {@code model.summary()} prints it.
   *
   * @return the summary, lines separated by '\n'
   */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    String format = "%-18s %-14s %-26s %10s%n";
    sb.append("Model: sequential (input width ").append(inputWidth).append(", seed ")
        .append(seed).append(")\n");
    String rule = "-".repeat(71) + "\n";
    sb.append(rule);
    sb.append(String.format(format, "Layer (type)", "Output shape", "Activation", "Param #"));
    sb.append(rule);
    for (Dense d : layers) {
      sb.append(String.format(format, d.name() + " (Dense)", "(None, " + d.outputWidth() + ")",
          d.activation().toString(), d.parameterCount()));
    }
    sb.append(rule);
    sb.append("Total params: ").append(parameterCount()).append('\n');
    if (compiled) {
      sb.append("Optimizer: ").append(optimizer).append(", loss: ").append(loss.name())
          .append('\n');
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- training

  /**
   * Trains on rows given as arrays.
   *
   * @param x inputs, a row of {@link #inputWidth()} values per sample
   * @param y targets, a row of {@link #outputWidth()} values per sample
   * @param options epochs, batch size, shuffling, validation data, listeners
   * @return the loss of every epoch
   * @throws IllegalArgumentException for data of the wrong shape, empty, NaN or infinite
   * @throws IllegalStateException if the model is not compiled
   * @throws TrainingDivergedException if the loss or a weight stops being finite; the weights are
   *     restored to the last finite epoch
   */
  public History fit(float[][] x, float[][] y, FitOptions options) {
    checkLayers();
    Data dx = Data.of("x", x, inputWidth);
    Data dy = Data.of("y", y, outputWidth());
    return fit(dx, dy, options);
  }

  /**
   * Trains on flat row-major arrays.
   *
   * @param x inputs, rows × {@link #inputWidth()} values
   * @param y targets, rows × {@link #outputWidth()} values
   * @param rows the number of samples
   * @param options epochs, batch size, shuffling, validation data, listeners
   * @return the loss of every epoch
   */
  public History fit(float[] x, float[] y, int rows, FitOptions options) {
    checkLayers();
    Data dx = Data.of("x", x, rows, inputWidth);
    Data dy = Data.of("y", y, rows, outputWidth());
    return fit(dx, dy, options);
  }

  private History fit(Data x, Data y, FitOptions options) {
    Objects.requireNonNull(options, "options");
    Data.checkSameRows(x, y);
    Data vx = options.validationX(inputWidth);
    Data vy = options.validationY(outputWidth());
    if (vx != null) {
      Data.checkSameRows(vx, vy);
    }
    if (!compiled) {
      throw new IllegalStateException(
          "the model is not compiled; call compile(optimizer, loss) before fit"
              + (optimizer != null ? " (layers were added after the last compile)" : ""));
    }
    checkNotFitting();
    fitting = true;
    try {
      return train(x, y, vx, vy, options);
    } finally {
      fitting = false;
    }
  }

  private History train(Data x, Data y, Data vx, Data vy, FitOptions options) {
    int n = x.rows;
    int batchSize = Math.min(options.batchSize(), n);
    if (training == null || training.capacity < batchSize) {
      training = new Workspace(batchSize);
    }
    Workspace w = training;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    long shuffleSeed = options.hasSeed() ? options.seedValue() : seed;
    Snapshot snapshot = new Snapshot();
    snapshot.save();
    List<FitListener> listeners = options.listeners();
    FitListener[] batchListeners =
        listeners.stream().filter(FitListener::batchEvents).toArray(FitListener[]::new);
    int batches = (n + batchSize - 1) / batchSize;
    int epochs = options.epochs();
    for (FitListener l : listeners) {
      l.onFitStart(this, epochs, batches);
    }
    warnAboutDeadUnits(x, options.deadUnitWarning(), listeners);
    History history = new History(vx != null);
    for (int epoch = 1; epoch <= epochs; epoch++) {
      if (options.shuffle()) {
        // Each epoch's order depends only on the seed and the epoch's index in the model's life.
        shuffle(order, stream(shuffleSeed, SHUFFLE, epochsTrained));
      }
      double epochLoss = trainEpoch(x, y, w, order, batchSize, epoch, snapshot, batchListeners);
      String bad = firstNonFinite();
      if (bad != null) {
        snapshot.restore();
        throw new TrainingDivergedException(
            epoch, batches, (long) epoch * batches, epochLoss, snapshot.epoch,
            bad + " became non-finite");
      }
      double valLoss = vx == null ? Double.NaN : evaluate(vx, vy, w);
      history.add(epochLoss, valLoss);
      epochsTrained++;
      snapshot.save();
      snapshot.epoch = epoch;
      for (FitListener l : listeners) {
        l.onEpochEnd(this, epoch, epochLoss, valLoss);
      }
    }
    for (FitListener l : listeners) {
      l.onFitEnd(this, history);
    }
    return history;
  }

  /**
   * One pass over the data in the given order, batch by batch; returns the epoch's loss. The
   * training loop's parts are methods of their own so that the JIT compiles each once, instead of
   * recompiling the whole of fit's loop for every loop inside it.
   */
  private double trainEpoch(
      Data x,
      Data y,
      Workspace w,
      int[] order,
      int batchSize,
      int epoch,
      Snapshot snapshot,
      FitListener[] batchListeners) {
    int n = x.rows;
    int batches = (n + batchSize - 1) / batchSize;
    double sum = 0;
    for (int b = 0; b < batches; b++) {
      int start = b * batchSize;
      int rows = Math.min(batchSize, n - start);
      loadBatch(x, y, order, start, rows, w);
      double batchLoss = trainStep(w, rows);
      if (!Double.isFinite(batchLoss)) {
        snapshot.restore();
        long step = (long) (epoch - 1) * batches + b + 1;
        throw new TrainingDivergedException(
            epoch, b + 1, step, batchLoss, snapshot.epoch, "the loss became " + batchLoss);
      }
      sum += batchLoss * rows;
      for (FitListener l : batchListeners) {
        l.onBatchEnd(epoch, b + 1, batchLoss);
      }
    }
    return sum / n;
  }

  /** Sets order to a permutation of 0 … n − 1 drawn by the shuffler (Fisher–Yates). */
  private static void shuffle(int[] order, SplittableRandom shuffler) {
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    for (int i = order.length - 1; i > 0; i--) {
      int j = shuffler.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  /** Copies the rows of one batch, in the epoch's order, into the workspace. */
  private void loadBatch(Data x, Data y, int[] order, int start, int rows, Workspace w) {
    for (int r = 0; r < rows; r++) {
      int src = order[start + r];
      x.copyRow(src, w.x, r * inputWidth);
      y.copyRow(src, w.y, r * outputWidth());
    }
  }

  /**
   * One gradient step on one batch, as Keras' {@code train_on_batch}: forward, loss, backward and
   * one optimizer update. Once the batch buffers are sized (the first call, or a larger batch
   * than before), a call allocates nothing.
   *
   * @param x inputs, rows × {@link #inputWidth()} values, row-major
   * @param y targets, rows × {@link #outputWidth()} values, row-major
   * @param rows the number of samples in the batch
   * @return the loss on the batch, before the update
   * @throws IllegalArgumentException for arrays of the wrong length or non-finite values
   * @throws TrainingDivergedException if the loss is not finite; no update is applied then
   */
  public double trainOnBatch(float[] x, float[] y, int rows) {
    checkLayers();
    Data.checkFlat("x", x, rows, inputWidth);
    Data.checkFlat("y", y, rows, outputWidth());
    if (!compiled) {
      throw new IllegalStateException(
          "the model is not compiled; call compile(optimizer, loss) before trainOnBatch");
    }
    checkNotFitting();
    if (training == null || training.capacity < rows) {
      training = new Workspace(rows);
    }
    Workspace w = training;
    System.arraycopy(x, 0, w.x, 0, rows * inputWidth);
    System.arraycopy(y, 0, w.y, 0, rows * outputWidth());
    double batchLoss = backpropagate(w, rows);
    if (!Double.isFinite(batchLoss)) {
      throw new TrainingDivergedException(batchLoss);
    }
    optimizer.step();
    return batchLoss;
  }

  /**
   * Before training: if more than {@code share} of a layer's units are dead on the training data,
   * says so once through System.Logger and every listener, with the cause and the remedies.
   */
  private void warnAboutDeadUnits(Data x, double share, List<FitListener> listeners) {
    if (share >= 1) {
      return;
    }
    ModelReport report = Diagnostics.inspect(this, x, null, Diagnostics.DEFAULT_SATURATION_BOUND, 0);
    StringBuilder layersText = new StringBuilder();
    for (LayerReport r : report.layers()) {
      if (r.deadCount() > 0 && r.deadShare() > share) {
        layersText.append(layersText.length() == 0 ? "" : "; ")
            .append(r.deadCount()).append(" of ").append(r.units()).append(" units of ")
            .append(r.layer()).append(" (").append(r.activation()).append(")");
      }
    }
    if (layersText.length() == 0) {
      return;
    }
    String message =
        "dead units at the start of training: " + layersText + " have derivative 0 on every"
            + " training sample, so they get no gradient and cannot learn. Common cause: inputs of"
            + " one sign with zero biases put a unit's kink outside the data. Remedies: a leaky"
            + " variant (leaky_relu, prelu, elu), another initializer (he_uniform), or biases that"
            + " place each kink inside the data (Sequential.placeKinksInData)";
    LOG.log(System.Logger.Level.WARNING, message);
    for (FitListener l : listeners) {
      l.onWarning(this, message);
    }
  }

  /**
   * Sets the biases of every layer with a piecewise-linear activation (relu, leaky_relu, prelu,
   * ...) so that each unit's kink passes through the data: b_u = κ − w_u·h_k, where κ is the
   * unit's first breakpoint and h_k the layer's input for a training sample k drawn at random
   * (redrawn, up to ten times, if the unit would still be dead on the data). No unit then starts
   * dead, and the kinks spread over the data as the samples do. Layers are set in order, each
   * from the outputs of the layers before it. The draws come from the model's seed.
   *
   * @param x training inputs, a row per sample
   * @return this model
   */
  public Sequential placeKinksInData(float[][] x) {
    checkLayers();
    checkNotFitting();
    Data data = Data.of("x", x, inputWidth);
    SplittableRandom random = stream(seed, KINKS, 0);
    float[] in = new float[data.rows * inputWidth];
    for (int r = 0; r < data.rows; r++) {
      data.copyRow(r, in, r * inputWidth);
    }
    int rows = data.rows;
    for (Dense d : layers) {
      int width = d.inputWidth();
      int units = d.outputWidth();
      float[] w = d.kernel().values();
      float[] b = d.bias().values();
      for (int u = 0; u < units; u++) {
        var pieces = d.activation().piecewiseLinear(u);
        if (pieces.isEmpty() || pieces.get().breakpointCount() == 0) {
          continue;
        }
        double kink = pieces.get().breakpoint(0);
        for (int attempt = 0; attempt < 10; attempt++) {
          int k = random.nextInt(rows);
          double dot = 0;
          for (int j = 0; j < width; j++) {
            dot += (double) w[j * units + u] * in[k * width + j];
          }
          b[u] = (float) (kink - dot);
          if (!deadOnData(w, b[u], u, units, in, rows, width, kink)) {
            break;
          }
        }
      }
      float[] z = new float[rows * units];
      float[] a = new float[rows * units];
      d.forward(in, z, a, rows);
      in = a;
    }
    return this;
  }

  /** Whether unit u's pre-activation stays at or below its first kink on every sample. */
  private static boolean deadOnData(
      float[] w, float bias, int u, int units, float[] in, int rows, int width, double kink) {
    for (int r = 0; r < rows; r++) {
      double z = bias;
      for (int j = 0; j < width; j++) {
        z += (double) w[j * units + u] * in[r * width + j];
      }
      if (z > kink) {
        return false;
      }
    }
    return true;
  }

  /** One gradient step on the first {@code rows} rows of the workspace; returns the batch loss. */
  private double trainStep(Workspace w, int rows) {
    double batchLoss = backpropagate(w, rows);
    optimizer.step();
    return batchLoss;
  }

  /** Forward, loss and backward: leaves every parameter's gradient for the batch. */
  private double backpropagate(Workspace w, int rows) {
    int last = layers.size() - 1;
    forward(w, rows);
    double batchLoss =
        loss.lossAndGradient(w.a[last], w.y, w.da[last], rows, layers.get(last).outputWidth());
    for (Parameter p : parameters) {
      p.zeroGradients();
    }
    for (int l = last; l >= 0; l--) {
      Dense d = layers.get(l);
      float[] input = l == 0 ? w.x : w.a[l - 1];
      float[] inputGradient = l == 0 ? null : w.da[l - 1];
      d.backward(input, w.z[l], w.a[l], w.da[l], w.dz[l], inputGradient, rows);
    }
    return batchLoss;
  }

  private void forward(Workspace w, int rows) {
    float[] input = w.x;
    for (int l = 0; l < layers.size(); l++) {
      layers.get(l).forward(input, w.z[l], w.a[l], rows);
      input = w.a[l];
    }
  }

  /** @return where the first non-finite parameter value is, or null if all are finite */
  private String firstNonFinite() {
    for (Parameter p : parameters) {
      float[] v = p.values();
      for (int i = 0; i < v.length; i++) {
        if (!Float.isFinite(v[i])) {
          for (Dense d : layers) {
            if (d.parameters().contains(p)) {
              return "a value of " + d.name() + "/" + p.name();
            }
          }
          return "a value of " + p.name();
        }
      }
    }
    return null;
  }

  /**
   * Computes the loss on the given rows as one batch and the gradient of every parameter,
   * without updating anything: afterwards each {@link Parameter#gradients()} holds ∂loss/∂θ.
   * Useful to check gradients and to inspect their size layer by layer.
   *
   * @param x inputs, a row per sample
   * @param y targets, a row per sample
   * @return the loss
   * @throws IllegalStateException if the model is not compiled (the loss is not chosen)
   */
  public double computeGradients(float[][] x, float[][] y) {
    checkNotFitting();
    return computeGradientsDuringFit(x, y);
  }

  /** As computeGradients, also from a listener while fit runs (it does not touch fit's buffers). */
  double computeGradientsDuringFit(float[][] x, float[][] y) {
    checkLayers();
    Data dx = Data.of("x", x, inputWidth);
    Data dy = Data.of("y", y, outputWidth());
    Data.checkSameRows(dx, dy);
    if (loss == null) {
      throw new IllegalStateException("the model is not compiled, so it has no loss");
    }
    Workspace w = new Workspace(dx.rows);
    for (int r = 0; r < dx.rows; r++) {
      dx.copyRow(r, w.x, r * inputWidth);
      dy.copyRow(r, w.y, r * outputWidth());
    }
    return backpropagate(w, dx.rows);
  }

  // ---------------------------------------------------------------- inference

  /**
   * Predicts outputs for rows given as arrays.
   *
   * @param x inputs, a row of {@link #inputWidth()} values per sample
   * @return a row of {@link #outputWidth()} values per sample
   */
  public float[][] predict(float[][] x) {
    checkLayers();
    Data d = Data.of("x", x, inputWidth);
    float[] flat = predict(d);
    int width = outputWidth();
    float[][] out = new float[d.rows][];
    for (int r = 0; r < d.rows; r++) {
      out[r] = Arrays.copyOfRange(flat, r * width, (r + 1) * width);
    }
    return out;
  }

  /**
   * Predicts outputs for a flat row-major array.
   *
   * @param x inputs, rows × {@link #inputWidth()} values
   * @param rows the number of samples
   * @return rows × {@link #outputWidth()} values, row-major
   */
  public float[] predict(float[] x, int rows) {
    checkLayers();
    return predict(Data.of("x", x, rows, inputWidth));
  }

  private float[] predict(Data x) {
    int width = outputWidth();
    float[] out = new float[x.rows * width];
    Workspace w = new Workspace(Math.min(x.rows, CHUNK_ROWS));
    int last = layers.size() - 1;
    for (int start = 0; start < x.rows; start += w.capacity) {
      int rows = Math.min(w.capacity, x.rows - start);
      for (int r = 0; r < rows; r++) {
        x.copyRow(start + r, w.x, r * inputWidth);
      }
      forward(w, rows);
      System.arraycopy(w.a[last], 0, out, start * width, rows * width);
    }
    return out;
  }

  /**
   * The loss on a data set, over all rows at once (for the mean squared error, the mean over
   * every row and output).
   *
   * @param x inputs, a row per sample
   * @param y targets, a row per sample
   * @return the loss
   * @throws IllegalStateException if the model is not compiled (the loss is not chosen)
   */
  public double evaluate(float[][] x, float[][] y) {
    checkLayers();
    Data dx = Data.of("x", x, inputWidth);
    Data dy = Data.of("y", y, outputWidth());
    Data.checkSameRows(dx, dy);
    return evaluate(dx, dy, null);
  }

  /**
   * The loss on a data set given as flat row-major arrays.
   *
   * @param x inputs, rows × {@link #inputWidth()} values
   * @param y targets, rows × {@link #outputWidth()} values
   * @param rows the number of samples
   * @return the loss
   */
  public double evaluate(float[] x, float[] y, int rows) {
    checkLayers();
    Data dx = Data.of("x", x, rows, inputWidth);
    Data dy = Data.of("y", y, rows, outputWidth());
    return evaluate(dx, dy, null);
  }

  private double evaluate(Data x, Data y, Workspace reuse) {
    if (loss == null) {
      throw new IllegalStateException("the model is not compiled, so it has no loss to evaluate");
    }
    Workspace w = reuse != null ? reuse : new Workspace(Math.min(x.rows, CHUNK_ROWS));
    int last = layers.size() - 1;
    int width = outputWidth();
    double total = 0;
    for (int start = 0; start < x.rows; start += w.capacity) {
      int rows = Math.min(w.capacity, x.rows - start);
      for (int r = 0; r < rows; r++) {
        x.copyRow(start + r, w.x, r * inputWidth);
        y.copyRow(start + r, w.y, r * width);
      }
      forward(w, rows);
      total += loss.loss(w.a[last], w.y, rows, width) * rows;
    }
    return total / x.rows;
  }

  // ---------------------------------------------------------------- helpers

  private void checkLayers() {
    if (layers.isEmpty()) {
      throw new IllegalStateException("the model has no layers; add at least one");
    }
  }

  private void checkNotFitting() {
    if (fitting) {
      throw new IllegalStateException(
          "fit is running on this model; a model trains on one thread at a time");
    }
  }

  /** Batch buffers for every layer, sized once for a number of rows. */
  private final class Workspace {
    final int capacity;
    final float[] x;
    final float[] y;
    final float[][] z;
    final float[][] a;
    final float[][] da;
    final float[][] dz;

    Workspace(int capacity) {
      this.capacity = capacity;
      int count = layers.size();
      x = new float[capacity * inputWidth];
      y = new float[capacity * outputWidth()];
      z = new float[count][];
      a = new float[count][];
      da = new float[count][];
      dz = new float[count][];
      for (int l = 0; l < count; l++) {
        int size = capacity * layers.get(l).outputWidth();
        z[l] = new float[size];
        a[l] = new float[size];
        da[l] = new float[size];
        dz[l] = new float[size];
      }
    }
  }

  /** A copy of every parameter and the optimizer state, to undo a diverged epoch. */
  private final class Snapshot {
    final float[][] values = new float[parameters.length][];
    final List<float[]> state = optimizer.state();
    final float[][] stateCopy = new float[state.size()][];
    long iterations;
    long epochsTrainedThen;
    int epoch;

    Snapshot() {
      for (int i = 0; i < parameters.length; i++) {
        values[i] = new float[parameters[i].size()];
      }
      for (int i = 0; i < stateCopy.length; i++) {
        stateCopy[i] = new float[state.get(i).length];
      }
    }

    void save() {
      for (int i = 0; i < parameters.length; i++) {
        System.arraycopy(parameters[i].values(), 0, values[i], 0, values[i].length);
      }
      for (int i = 0; i < stateCopy.length; i++) {
        System.arraycopy(state.get(i), 0, stateCopy[i], 0, stateCopy[i].length);
      }
      iterations = optimizer.iterations();
      epochsTrainedThen = epochsTrained;
    }

    void restore() {
      for (int i = 0; i < parameters.length; i++) {
        System.arraycopy(values[i], 0, parameters[i].values(), 0, values[i].length);
        parameters[i].zeroGradients();
      }
      for (int i = 0; i < stateCopy.length; i++) {
        System.arraycopy(stateCopy[i], 0, state.get(i), 0, stateCopy[i].length);
      }
      optimizer.setIterations(iterations);
      epochsTrained = epochsTrainedThen;
    }
  }

  @Override
  public String toString() {
    return "Sequential(inputWidth=" + inputWidth + ", layers=" + layers.size() + ", params="
        + parameterCount() + ")";
  }
}
