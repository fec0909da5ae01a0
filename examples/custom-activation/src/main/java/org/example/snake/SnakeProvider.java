package org.example.snake;

import dev.rectifier.spi.Activation;
import dev.rectifier.spi.ActivationProvider;
import dev.rectifier.spi.HyperParameter;
import dev.rectifier.spi.HyperParameters;
import java.util.List;

/**
 * {@code snake(alpha=1)}: f(x) = x + sin²(αx)/α with a trainable frequency α per unit (Liu, Ziyin
 * and Ueda, "Neural networks fail to learn periodic functions and how to fix it", NeurIPS 2020).
 *
 * <p>{@code alpha}: the initial α of every unit, in (0, +inf), default 1.
 */
public final class SnakeProvider implements ActivationProvider {

  /** Found by ServiceLoader, which needs a public no-argument constructor. */
  public SnakeProvider() {}

  @Override
  public String name() {
    return "snake";
  }

  @Override
  public List<HyperParameter> parameters() {
    return List.of(
        HyperParameter.real("alpha", 1.0, 0, false, Double.POSITIVE_INFINITY, false)
            .inFloat()
            .describedAs("initial frequency of every unit"));
  }

  @Override
  public String description() {
    return "x + sin(alpha_u*x)^2/alpha_u, alpha trainable";
  }

  @Override
  public Activation create(HyperParameters values, int units) {
    return new Snake(values, units);
  }
}
