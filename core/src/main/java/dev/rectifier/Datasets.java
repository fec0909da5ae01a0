package dev.rectifier;

import java.util.SplittableRandom;

/** Small synthetic data sets for experiments, drawn from a seed with the same bits on every JVM. */
public final class Datasets {

  private Datasets() {}

  /**
   * The data of Rectifier's motivating experiment: x uniform in [0, 1), y = cos(6x) + noise·N(0,
   * 1). With noise 0.08 the noise variance, 0.0064, is the smallest mean squared error any model
   * can reach.
   *
   * @param n the number of samples, at least 1
   * @param noise the standard deviation of the Gaussian noise, ≥ 0
   * @param seed the seed
   * @return n samples, a row of one value each for x and for y
   */
  public static Dataset noisyCosine(int n, double noise, long seed) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1. Received: n=" + n);
    }
    if (!(noise >= 0) || Double.isInfinite(noise)) {
      throw new IllegalArgumentException(
          "noise must be a finite number ≥ 0. Received: noise=" + noise);
    }
    SplittableRandom r = new SplittableRandom(seed);
    float[][] x = new float[n][1];
    float[][] y = new float[n][1];
    for (int i = 0; i < n; i++) {
      double xi = r.nextDouble();
      double u1 = 1.0 - r.nextDouble();
      double u2 = r.nextDouble();
      double g = StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
      x[i][0] = (float) xi;
      y[i][0] = (float) (StrictMath.cos(6 * xi) + noise * g);
    }
    return new Dataset(x, y);
  }
}
