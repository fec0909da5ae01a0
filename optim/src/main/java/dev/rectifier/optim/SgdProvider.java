package dev.rectifier.optim;

import dev.rectifier.Optimizer;
import dev.rectifier.spi.HyperParameter;
import dev.rectifier.spi.HyperParameters;
import dev.rectifier.spi.OptimizerProvider;
import java.util.List;

/**
 * {@code sgd}: stochastic gradient descent with optional momentum and Nesterov momentum, in
 * Keras' form. For each parameter θ with gradient g and velocity u (initially 0):
 *
 * <pre>
 *   θ ← θ − lr·weight_decay·θ                    (only if weight_decay &gt; 0)
 *   momentum = 0:  θ ← θ − lr·g
 *   otherwise:     u ← momentum·u − lr·g
 *                  θ ← θ + u                       (nesterov: θ ← θ + momentum·u − lr·g)
 * </pre>
 *
 * <table>
 *   <caption>Hyper-parameters</caption>
 *   <tr><th>name</th><th>default</th><th>range</th></tr>
 *   <tr><td>learning_rate</td><td>0.01</td><td>(0, +inf)</td></tr>
 *   <tr><td>momentum</td><td>0</td><td>[0, 1)</td></tr>
 *   <tr><td>nesterov</td><td>false</td><td>true or false</td></tr>
 *   <tr><td>weight_decay</td><td>0</td><td>[0, +inf)</td></tr>
 * </table>
 *
 * With a constant learning rate this equals PyTorch's form (u ← μu + g; θ ← θ − lr·u). State:
 * the velocity, one value per parameter value, only when momentum &gt; 0.
 */
public final class SgdProvider implements OptimizerProvider {

  private static final double INF = Double.POSITIVE_INFINITY;

  @Override
  public String name() {
    return "sgd";
  }

  @Override
  public List<HyperParameter> parameters() {
    return List.of(
        HyperParameter.real("learning_rate", 0.01, 0, false, INF, false)
            .inFloat()
            .describedAs("step size"),
        HyperParameter.real("momentum", 0, 0, true, 1, false)
            .inFloat()
            .describedAs("how much of the previous update to keep"),
        HyperParameter.flag("nesterov", false).describedAs("use Nesterov momentum"),
        HyperParameter.real("weight_decay", 0, 0, true, INF, false)
            .inFloat()
            .describedAs("decoupled weight decay per step, times the learning rate"));
  }

  @Override
  public String description() {
    return "SGD with optional (Nesterov) momentum";
  }

  @Override
  public Optimizer create(HyperParameters values) {
    return new Sgd(values);
  }

  private static final class Sgd extends BaseOptimizer {
    private final float lr;
    private final float momentum;
    private final boolean nesterov;
    private final float decay;

    Sgd(HyperParameters values) {
      super("sgd", values);
      this.lr = (float) values.real("learning_rate");
      this.momentum = (float) values.real("momentum");
      this.nesterov = values.flag("nesterov");
      this.decay = decayPerStep();
    }

    @Override
    int slotCount() {
      return momentum == 0f ? 0 : 1;
    }

    @Override
    void update() {
      for (int i = 0; i < parameters.length; i++) {
        float[] velocity = momentum == 0f ? null : slots[0][i];
        kernels.sgd(
            parameters[i].values(), parameters[i].gradients(), velocity,
            parameters[i].size(), lr, momentum, nesterov, decay);
      }
    }
  }
}
