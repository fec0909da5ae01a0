package dev.rectifier;

import java.util.List;

/**
 * What {@link Diagnostics} measured in every layer of a model over a data set.
 *
 * @param epoch the epoch after which it was measured (0: before training), or −1 outside fit
 * @param layers one report per layer, in order
 */
public record ModelReport(int epoch, List<LayerReport> layers) {

  /** Copies the list. */
  public ModelReport {
    layers = List.copyOf(layers);
  }

  /** @return the number of dead units in all layers */
  public int deadUnits() {
    int n = 0;
    for (LayerReport r : layers) {
      n += r.deadCount();
    }
    return n;
  }

  /** @return the number of units in all layers */
  public int units() {
    int n = 0;
    for (LayerReport r : layers) {
      n += r.units();
    }
    return n;
  }

  /**
   * @param index a layer index, from 0
   * @return that layer's report
   */
  public LayerReport layer(int index) {
    return layers.get(index);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(epoch >= 0 ? "after epoch " + epoch : "model").append(": ")
        .append(deadUnits()).append('/').append(units()).append(" units dead");
    for (LayerReport r : layers) {
      sb.append("\n  ").append(r);
    }
    return sb.toString();
  }
}
