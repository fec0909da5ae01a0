package dev.rectifier.benchmarks;

import dev.rectifier.Dense;
import dev.rectifier.Sequential;

/** The two reference networks every benchmark of whole steps is measured on. */
final class Networks {

  /** Seeds the weights; the same in every benchmark, so every fork starts from the same model. */
  static final long SEED = 42;

  private Networks() {}

  /**
   * The motivating network: 1 input, 30 ReLU units, 1 linear output, compiled with Adam and MSE.
   * 91 parameters: kernel 1×30, bias 30, kernel 30×1, bias 1.
   *
   * @param optimizer an optimizer spec string, such as {@code adam}
   */
  static Sequential motivating(String optimizer) {
    return motivating(optimizer, "relu");
  }

  /**
   * The motivating network with another activation in its hidden layer.
   *
   * @param optimizer an optimizer spec string, such as {@code adam}
   * @param activation the hidden layer's activation, a name or spec string
   */
  static Sequential motivating(String optimizer, String activation) {
    return new Sequential(1, SEED)
        .add(new Dense(30, activation))
        .add(new Dense(1))
        .compile(optimizer, "mse");
  }

  /**
   * A network of MNIST's shape: 784 inputs, two layers of 512 ReLU units, 10 linear outputs,
   * compiled with Adam and MSE. 669,706 parameters.
   *
   * @param optimizer an optimizer spec string, such as {@code adam}
   */
  static Sequential big(String optimizer) {
    return new Sequential(784, SEED)
        .add(new Dense(512, "relu"))
        .add(new Dense(512, "relu"))
        .add(new Dense(10))
        .compile(optimizer, "mse");
  }

  /**
   * @param name {@code motivating} or {@code big}
   * @param optimizer an optimizer spec string
   */
  static Sequential named(String name, String optimizer) {
    switch (name) {
      case "motivating":
        return motivating(optimizer);
      case "big":
        return big(optimizer);
      default:
        throw new IllegalArgumentException(
            "network must be motivating (1-30-1) or big (784-512-512-10). Received: network="
                + name);
    }
  }
}
