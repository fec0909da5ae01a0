package dev.rectifier.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rectifier.fixtures.SoftsignProvider;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ElementwiseActivationTest {

  @Test
  void tenLineSoftsignMatchesItsDoubleReferenceForwardAndBackward() {
    int rows = 50;
    int units = 7;
    Activation a = new SoftsignProvider.Softsign(HyperParameters.none(), units);
    SplittableRandom r = new SplittableRandom(7);
    float[] x = new float[rows * units];
    float[] dy = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (r.nextDouble() * 20 - 10);
      dy[i] = (float) (r.nextDouble() * 2 - 1);
    }
    float[] y = new float[x.length];
    float[] dx = new float[x.length];
    a.forward(x, y, rows);
    a.backward(x, y, dy, dx, rows);
    for (int i = 0; i < x.length; i++) {
      double xd = x[i];
      double f = xd / (1 + Math.abs(xd));
      double d = 1 / ((1 + Math.abs(xd)) * (1 + Math.abs(xd)));
      assertThat((double) y[i]).isCloseTo(f, within(2.0 * Math.ulp((float) f)));
      assertThat((double) dx[i]).isCloseTo(d * dy[i], within(1e-6 * Math.abs(d * dy[i]) + 1e-12));
    }
    assertThat(a.toString()).isEqualTo("softsign");
    assertThat(a.parameters()).isEmpty();
  }

  @Test
  void onlyTheBatchRowsAreTouched() {
    Activation a = new SoftsignProvider.Softsign(HyperParameters.none(), 2);
    float[] x = {1, 1, 1, 1};
    float[] y = {9, 9, 9, 9};
    a.forward(x, y, 1);
    assertThat(y).containsExactly(0.5f, 0.5f, 9f, 9f);
  }
}
