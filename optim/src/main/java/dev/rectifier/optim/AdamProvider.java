package dev.rectifier.optim;

import dev.rectifier.Optimizer;
import dev.rectifier.spi.HyperParameter;
import dev.rectifier.spi.HyperParameters;
import dev.rectifier.spi.OptimizerProvider;
import java.util.List;

/**
 * {@code adam}: Adam (Kingma and Ba, 2015), in Keras' form by default, with optional decoupled
 * weight decay (AdamW, Loshchilov and Hutter, 2019). At step t, for each parameter θ with
 * gradient g:
 *
 * <pre>
 *   θ ← θ − lr·weight_decay·θ                    (only if weight_decay &gt; 0)
 *   m ← m + (1 − β1)·(g − m)
 *   v ← v + (1 − β2)·(g² − v)
 *   keras:    θ ← θ − α_t·m / (√v + ε)              α_t = lr·√(1 − β2^t) / (1 − β1^t)
 *   pytorch:  θ ← θ − lr/(1 − β1^t) · m / (√v̂ + ε)    v̂ = v / (1 − β2^t)
 * </pre>
 *
 * <table>
 *   <caption>Hyper-parameters</caption>
 *   <tr><th>name</th><th>default</th><th>range</th></tr>
 *   <tr><td>learning_rate</td><td>0.001</td><td>(0, +inf)</td></tr>
 *   <tr><td>beta_1</td><td>0.9</td><td>[0, 1)</td></tr>
 *   <tr><td>beta_2</td><td>0.999</td><td>[0, 1)</td></tr>
 *   <tr><td>epsilon</td><td>1e-7 (Keras'; PyTorch uses 1e-8)</td><td>(0, +inf)</td></tr>
 *   <tr><td>weight_decay</td><td>0</td><td>[0, +inf)</td></tr>
 *   <tr><td>form</td><td>keras</td><td>keras or pytorch: where ε enters</td></tr>
 * </table>
 *
 * The two forms differ only in where ε enters; with the same ε they agree to within ε's
 * influence. State: m and v, one value each per parameter value. A moment that decays below
 * {@code Float.MIN_NORMAL} (1.2e-38) in magnitude — as those of a unit that gets no gradient
 * do — is set to 0: subnormal arithmetic would slow every later step, and the update it makes is
 * far below any weight's precision.
 */
public final class AdamProvider implements OptimizerProvider {

  private static final double INF = Double.POSITIVE_INFINITY;

  @Override
  public String name() {
    return "adam";
  }

  @Override
  public List<HyperParameter> parameters() {
    return List.of(
        HyperParameter.real("learning_rate", 1e-3, 0, false, INF, false)
            .inFloat()
            .describedAs("step size"),
        HyperParameter.real("beta_1", 0.9, 0, true, 1, false)
            .inFloat()
            .describedAs("decay rate of the first-moment estimate"),
        HyperParameter.real("beta_2", 0.999, 0, true, 1, false)
            .inFloat()
            .describedAs("decay rate of the second-moment estimate"),
        HyperParameter.real("epsilon", 1e-7, 0, false, INF, false)
            .inFloat()
            .describedAs("added to the denominator for stability"),
        HyperParameter.real("weight_decay", 0, 0, true, INF, false)
            .inFloat()
            .describedAs("decoupled weight decay per step, times the learning rate"),
        HyperParameter.choice("form", "keras", List.of("keras", "pytorch"))
            .describedAs("where epsilon enters: keras (√v + ε) or pytorch (√v̂ + ε)"));
  }

  @Override
  public String description() {
    return "Adam, Keras' form by default; AdamW with weight_decay > 0";
  }

  @Override
  public Optimizer create(HyperParameters values) {
    return new Adam(values);
  }

  private static final class Adam extends BaseOptimizer {
    private final double lr;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float decay;
    private final boolean keras;

    Adam(HyperParameters values) {
      super("adam", values);
      this.lr = values.real("learning_rate");
      this.beta1 = (float) values.real("beta_1");
      this.beta2 = (float) values.real("beta_2");
      this.epsilon = (float) values.real("epsilon");
      this.decay = decayPerStep();
      this.keras = values.choice("form").equals("keras");
    }

    @Override
    int slotCount() {
      return 2;
    }

    @Override
    void update() {
      double bc1 = 1 - Math.pow(beta1, iterations);
      double bc2 = 1 - Math.pow(beta2, iterations);
      float stepSize;
      float sqrtScale;
      if (keras) {
        stepSize = (float) (lr * Math.sqrt(bc2) / bc1);
        sqrtScale = 1f;
      } else {
        stepSize = (float) (lr / bc1);
        sqrtScale = (float) (1 / Math.sqrt(bc2));
      }
      float[][] m = slots[0];
      float[][] v = slots[1];
      for (int i = 0; i < parameters.length; i++) {
        kernels.adam(
            parameters[i].values(), parameters[i].gradients(), m[i], v[i],
            parameters[i].size(), beta1, beta2, stepSize, sqrtScale, epsilon, decay);
      }
    }
  }
}
