package dev.rectifier.internal.kernels;

/** The scalar optimizer and loss kernels: plain loops, sums accumulated in double. */
final class ScalarUpdateKernels implements UpdateKernels {

  @Override
  public void adam(
      float[] theta, float[] g, float[] m, float[] v, int n, float beta1, float beta2,
      float stepSize, float sqrtScale, float epsilon, float decay) {
    float c1 = 1f - beta1;
    float c2 = 1f - beta2;
    for (int i = 0; i < n; i++) {
      float t = theta[i] - decay * theta[i];
      float gi = g[i];
      float mi = flushSubnormal(m[i] + c1 * (gi - m[i]));
      float vi = flushSubnormal(v[i] + c2 * (gi * gi - v[i]));
      m[i] = mi;
      v[i] = vi;
      theta[i] = t - stepSize * mi / ((float) Math.sqrt(vi) * sqrtScale + epsilon);
    }
  }

  /**
   * 0 for a subnormal value. A unit that gets no gradient (a dead ReLU) lets its moment estimates
   * decay into the subnormal range, where every later operation on them takes a slow microcode
   * assist; no weight changes by a representable amount because of them.
   */
  static float flushSubnormal(float x) {
    return Math.abs(x) < Float.MIN_NORMAL ? 0f : x;
  }

  @Override
  public void sgd(
      float[] theta, float[] g, float[] velocity, int n, float lr, float momentum,
      boolean nesterov, float decay) {
    if (momentum == 0f) {
      for (int i = 0; i < n; i++) {
        theta[i] = (theta[i] - decay * theta[i]) - lr * g[i];
      }
    } else if (nesterov) {
      for (int i = 0; i < n; i++) {
        float u = momentum * velocity[i] - lr * g[i];
        velocity[i] = u;
        theta[i] = (theta[i] - decay * theta[i]) + (momentum * u - lr * g[i]);
      }
    } else {
      for (int i = 0; i < n; i++) {
        float u = momentum * velocity[i] - lr * g[i];
        velocity[i] = u;
        theta[i] = (theta[i] - decay * theta[i]) + u;
      }
    }
  }

  @Override
  public double squaredError(float[] predicted, float[] target, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      float e = predicted[i] - target[i];
      sum += (double) e * e;
    }
    return sum;
  }

  @Override
  public double squaredErrorWithGradient(
      float[] predicted, float[] target, float[] grad, int n, float scale) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      float e = predicted[i] - target[i];
      grad[i] = scale * e;
      sum += (double) e * e;
    }
    return sum;
  }
}
