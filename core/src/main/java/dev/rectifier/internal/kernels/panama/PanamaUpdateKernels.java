package dev.rectifier.internal.kernels.panama;

import static dev.rectifier.internal.kernels.panama.VectorMath.FOLD_1;
import static dev.rectifier.internal.kernels.panama.VectorMath.FOLD_16;
import static dev.rectifier.internal.kernels.panama.VectorMath.FOLD_2;
import static dev.rectifier.internal.kernels.panama.VectorMath.FOLD_32;
import static dev.rectifier.internal.kernels.panama.VectorMath.FOLD_4;
import static dev.rectifier.internal.kernels.panama.VectorMath.FOLD_8;
import static dev.rectifier.internal.kernels.panama.VectorMath.F;
import static dev.rectifier.internal.kernels.panama.VectorMath.L;

import dev.rectifier.internal.kernels.UpdateKernels;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The vector optimizer and loss kernels. Adam and SGD perform the scalar kernels' operations in
 * the same order without fused multiply-adds, so their results are bit-for-bit the scalar ones.
 * The squared-error sums are accumulated in float lanes over blocks of {@link
 * PanamaElementwiseKernels#SUM_BLOCK} vectors and then in double: the relative error of a sum
 * stays below (SUM_BLOCK + L + 1)·2^−24.
 */
final class PanamaUpdateKernels implements UpdateKernels {

  private static final int SUM_BLOCK = PanamaElementwiseKernels.SUM_BLOCK;

  @Override
  public void adam(
      float[] theta, float[] g, float[] m, float[] v, int n, float beta1, float beta2,
      float stepSize, float sqrtScale, float epsilon, float decay) {
    float c1 = 1f - beta1;
    float c2 = 1f - beta2;
    if (n < L) {
      for (int i = 0; i < n; i++) {
        float t = theta[i] - decay * theta[i];
        float gi = g[i];
        float mi = m[i] + c1 * (gi - m[i]);
        float vi = v[i] + c2 * (gi * gi - v[i]);
        // subnormal moments to 0, as the scalar kernel does
        mi = Math.abs(mi) < Float.MIN_NORMAL ? 0f : mi;
        vi = Math.abs(vi) < Float.MIN_NORMAL ? 0f : vi;
        m[i] = mi;
        v[i] = vi;
        theta[i] = t - stepSize * mi / ((float) Math.sqrt(vi) * sqrtScale + epsilon);
      }
      return;
    }
    // The scalar kernel's operations in its order: t = θ − decay·θ; m += c1·(g − m);
    // v += c2·(g² − v), subnormal moments to 0; θ = t − (stepSize·m) / (√v·sqrtScale + ε).
    // Scalars enter the vector operations directly, never as vectors made before the loop: C2
    // hoists their broadcasts, while a vector held across the loop may be boxed on every call.
    // One vector per iteration. If n is not a multiple of L, the loop stops while L + 1 to
    // 2L − 1 lanes are left, and two vectors cover them, the second ending at n. The update is in
    // place, so that pair loads everything before it stores anything: lanes in both are updated
    // from the same old values, the same way, and no lane is left to scalar code. Where n is a
    // multiple of L the pair is never reached, and C2 leaves it out of the compiled loop.
    int last = n - L;
    int end = n % L == 0 ? n : last;
    int i = 0;
    for (; i + L <= end; i += L) {
      FloatVector th = FloatVector.fromArray(F, theta, i);
      FloatVector gi = FloatVector.fromArray(F, g, i);
      FloatVector mi = FloatVector.fromArray(F, m, i);
      FloatVector vi = FloatVector.fromArray(F, v, i);
      FloatVector t = th.sub(th.mul(decay));
      mi = flushSubnormal(mi.add(gi.sub(mi).mul(c1)));
      vi = flushSubnormal(vi.add(gi.mul(gi).sub(vi).mul(c2)));
      mi.intoArray(m, i);
      vi.intoArray(v, i);
      t.sub(mi.mul(stepSize).div(vi.sqrt().mul(sqrtScale).add(epsilon))).intoArray(theta, i);
    }
    if (i == n) {
      return;
    }
    FloatVector th0 = FloatVector.fromArray(F, theta, i);
    FloatVector g0 = FloatVector.fromArray(F, g, i);
    FloatVector m0 = FloatVector.fromArray(F, m, i);
    FloatVector v0 = FloatVector.fromArray(F, v, i);
    FloatVector th1 = FloatVector.fromArray(F, theta, last);
    FloatVector g1 = FloatVector.fromArray(F, g, last);
    FloatVector m1 = FloatVector.fromArray(F, m, last);
    FloatVector v1 = FloatVector.fromArray(F, v, last);
    FloatVector t0 = th0.sub(th0.mul(decay));
    FloatVector t1 = th1.sub(th1.mul(decay));
    m0 = flushSubnormal(m0.add(g0.sub(m0).mul(c1)));
    m1 = flushSubnormal(m1.add(g1.sub(m1).mul(c1)));
    v0 = flushSubnormal(v0.add(g0.mul(g0).sub(v0).mul(c2)));
    v1 = flushSubnormal(v1.add(g1.mul(g1).sub(v1).mul(c2)));
    t0 = t0.sub(m0.mul(stepSize).div(v0.sqrt().mul(sqrtScale).add(epsilon)));
    t1 = t1.sub(m1.mul(stepSize).div(v1.sqrt().mul(sqrtScale).add(epsilon)));
    m0.intoArray(m, i);
    v0.intoArray(v, i);
    t0.intoArray(theta, i);
    m1.intoArray(m, last);
    v1.intoArray(v, last);
    t1.intoArray(theta, last);
  }

  /**
   * Subnormal lanes to 0 (moment estimates of units without gradient; see the scalar kernel).
   * Under 35 bytes of bytecode, so C2 always inlines it and the vector is never boxed.
   */
  private static FloatVector flushSubnormal(FloatVector x) {
    return x.blend(0f, x.abs().compare(VectorOperators.LT, Float.MIN_NORMAL));
  }

  @Override
  public void sgd(
      float[] theta, float[] g, float[] velocity, int n, float lr, float momentum,
      boolean nesterov, float decay) {
    int i = 0;
    int bound = F.loopBound(n);
    if (momentum == 0f) {
      for (; i < bound; i += L) {
        FloatVector th = FloatVector.fromArray(F, theta, i);
        FloatVector gi = FloatVector.fromArray(F, g, i);
        th.sub(th.mul(decay)).sub(gi.mul(lr)).intoArray(theta, i);
      }
      for (; i < n; i++) {
        theta[i] = (theta[i] - decay * theta[i]) - lr * g[i];
      }
    } else if (nesterov) {
      for (; i < bound; i += L) {
        FloatVector th = FloatVector.fromArray(F, theta, i);
        FloatVector gi = FloatVector.fromArray(F, g, i);
        FloatVector lg = gi.mul(lr);
        FloatVector u = FloatVector.fromArray(F, velocity, i).mul(momentum).sub(lg);
        u.intoArray(velocity, i);
        th.sub(th.mul(decay)).add(u.mul(momentum).sub(lg)).intoArray(theta, i);
      }
      for (; i < n; i++) {
        float u = momentum * velocity[i] - lr * g[i];
        velocity[i] = u;
        theta[i] = (theta[i] - decay * theta[i]) + (momentum * u - lr * g[i]);
      }
    } else {
      for (; i < bound; i += L) {
        FloatVector th = FloatVector.fromArray(F, theta, i);
        FloatVector gi = FloatVector.fromArray(F, g, i);
        FloatVector u = FloatVector.fromArray(F, velocity, i).mul(momentum).sub(gi.mul(lr));
        u.intoArray(velocity, i);
        th.sub(th.mul(decay)).add(u).intoArray(theta, i);
      }
      for (; i < n; i++) {
        float u = momentum * velocity[i] - lr * g[i];
        velocity[i] = u;
        theta[i] = (theta[i] - decay * theta[i]) + u;
      }
    }
  }

  @Override
  public double squaredError(float[] predicted, float[] target, int n) {
    double sum = 0;
    int i = 0;
    int bound = F.loopBound(n);
    while (i < bound) {
      int end = Math.min(bound, i + SUM_BLOCK * L);
      FloatVector acc = FloatVector.broadcast(F, 0f);
      for (; i < end; i += L) {
        FloatVector e =
            FloatVector.fromArray(F, predicted, i).sub(FloatVector.fromArray(F, target, i));
        acc = e.fma(e, acc);
      }
      // the lanes' sum in VectorMath.sum's fixed order, written out (this method is small
      // enough to be inlined into its caller, where a helper might not be: see VectorMath)
      FloatVector s = acc;
      s = FOLD_32 == null ? s : s.add(s.rearrange(FOLD_32));
      s = FOLD_16 == null ? s : s.add(s.rearrange(FOLD_16));
      s = FOLD_8 == null ? s : s.add(s.rearrange(FOLD_8));
      s = FOLD_4 == null ? s : s.add(s.rearrange(FOLD_4));
      s = FOLD_2 == null ? s : s.add(s.rearrange(FOLD_2));
      sum += s.add(s.rearrange(FOLD_1)).lane(0);
    }
    for (; i < n; i++) {
      float e = predicted[i] - target[i];
      sum += (double) e * e;
    }
    return sum;
  }

  @Override
  public double squaredErrorWithGradient(
      float[] predicted, float[] target, float[] grad, int n, float scale) {
    double sum = 0;
    int i = 0;
    int bound = F.loopBound(n);
    while (i < bound) {
      int end = Math.min(bound, i + SUM_BLOCK * L);
      FloatVector acc = FloatVector.broadcast(F, 0f);
      for (; i < end; i += L) {
        FloatVector e =
            FloatVector.fromArray(F, predicted, i).sub(FloatVector.fromArray(F, target, i));
        e.mul(scale).intoArray(grad, i);
        acc = e.fma(e, acc);
      }
      // the lanes' sum in VectorMath.sum's fixed order, written out (this method is small
      // enough to be inlined into its caller, where a helper might not be: see VectorMath)
      FloatVector s = acc;
      s = FOLD_32 == null ? s : s.add(s.rearrange(FOLD_32));
      s = FOLD_16 == null ? s : s.add(s.rearrange(FOLD_16));
      s = FOLD_8 == null ? s : s.add(s.rearrange(FOLD_8));
      s = FOLD_4 == null ? s : s.add(s.rearrange(FOLD_4));
      s = FOLD_2 == null ? s : s.add(s.rearrange(FOLD_2));
      sum += s.add(s.rearrange(FOLD_1)).lane(0);
    }
    for (; i < n; i++) {
      float e = predicted[i] - target[i];
      grad[i] = scale * e;
      sum += (double) e * e;
    }
    return sum;
  }
}
