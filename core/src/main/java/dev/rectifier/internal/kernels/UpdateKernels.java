package dev.rectifier.internal.kernels;

/** Optimizer updates and loss kernels over the first {@code n} elements of their arrays. */
public interface UpdateKernels {

  /**
   * One Adam step in the general form both Keras and PyTorch reduce to:
   *
   * <pre>
   *   θ ← θ − decay·θ                       (decoupled weight decay; decay = lr·wd, 0 for none)
   *   m ← m + (1−β1)·(g − m)
   *   v ← v + (1−β2)·(g² − v)
   *   θ ← θ − stepSize·m / (√v·sqrtScale + ε)
   * </pre>
   *
   * Keras: stepSize = lr·√(1−β2^t)/(1−β1^t), sqrtScale = 1. PyTorch: stepSize = lr/(1−β1^t),
   * sqrtScale = 1/√(1−β2^t). Moments that fall below {@code Float.MIN_NORMAL} in magnitude are
   * set to 0: they would slow every later step on subnormal arithmetic and move no weight.
   */
  void adam(
      float[] theta, float[] g, float[] m, float[] v, int n, float beta1, float beta2,
      float stepSize, float sqrtScale, float epsilon, float decay);

  /**
   * One SGD step in Keras' form, with decoupled weight decay first (θ ← θ − decay·θ):
   *
   * <pre>
   *   momentum = 0:   θ ← θ − lr·g
   *   otherwise:      u ← momentum·u − lr·g;  θ ← θ + u            (nesterov: θ ← θ + momentum·u − lr·g)
   * </pre>
   *
   * @param velocity u, n elements; ignored when momentum is 0
   */
  void sgd(
      float[] theta, float[] g, float[] velocity, int n, float lr, float momentum,
      boolean nesterov, float decay);

  /** Returns Σ (p − t)². */
  double squaredError(float[] predicted, float[] target, int n);

  /** Returns Σ (p − t)² and writes grad = scale·(p − t). */
  double squaredErrorWithGradient(
      float[] predicted, float[] target, float[] grad, int n, float scale);
}
