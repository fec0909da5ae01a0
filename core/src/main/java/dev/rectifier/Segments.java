package dev.rectifier;

import dev.rectifier.spi.PiecewiseLinear;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The exact straight segments of a network with one input whose activations are all piecewise
 * linear (relu, leaky_relu, prelu, linear, ...): the breakpoints and each segment's slope and
 * intercept over an interval, computed from the weights, not by sampling.
 *
 * <p>This is how ReLU builds a curve: with one hidden layer of n units, each unit adds at most one
 * kink, so the network is at most n + 1 straight pieces. With more layers the count can grow
 * faster. Computation is in double precision from the float weights, so a segment reproduces
 * {@link Sequential#predict} to float precision.
 *
 * <pre>{@code
 * List<Segment> pieces = Segments.of(model, 0, 1);
 * double[] kinks = Segments.breakpoints(pieces);
 * }</pre>
 */
public final class Segments {

  private Segments() {}

  /**
   * @param model a model with one input and piecewise-linear activations only
   * @param from the start of the interval, finite
   * @param to the end of the interval, finite and &gt; from
   * @return the segments, in order, covering [from, to]
   * @throws IllegalArgumentException for a model with several inputs, an activation that is not
   *     piecewise linear, or a bad interval
   */
  public static List<Segment> of(Sequential model, double from, double to) {
    if (model.inputWidth() != 1) {
      throw new IllegalArgumentException(
          "segments need a model with one input; this one has " + model.inputWidth());
    }
    if (!Double.isFinite(from) || !Double.isFinite(to) || !(from < to)) {
      throw new IllegalArgumentException(
          "interval must be finite with from < to. Received: from=" + from + ", to=" + to);
    }
    if (model.layers().isEmpty()) {
      throw new IllegalStateException("the model has no layers; add at least one");
    }
    // Each piece: an interval and, per unit of the current layer, a(x) = s·x + t.
    List<Piece> pieces = new ArrayList<>();
    pieces.add(new Piece(from, to, new double[] {1}, new double[] {0}));
    for (Layer layer : model.layers()) {
      Dense d = (Dense) layer;
      PiecewiseLinear[] f = new PiecewiseLinear[d.outputWidth()];
      for (int u = 0; u < f.length; u++) {
        Optional<PiecewiseLinear> p = d.activation().piecewiseLinear(u);
        if (p.isEmpty()) {
          throw new IllegalArgumentException(
              "segments need piecewise-linear activations; layer " + d.name() + " uses "
                  + d.activation()
                  + " (relu, leaky_relu, prelu, relu6, hard_tanh, hard_sigmoid and linear are)");
        }
        f[u] = p.get();
      }
      List<Piece> next = new ArrayList<>();
      for (Piece piece : pieces) {
        split(piece, d, f, next);
      }
      pieces = next;
    }
    List<Segment> out = new ArrayList<>(pieces.size());
    for (Piece p : pieces) {
      out.add(new Segment(p.from, p.to, p.s, p.t));
    }
    return out;
  }

  /**
   * @param segments segments in order, as {@link #of} returns them
   * @return the points where one segment ends and the next starts
   */
  public static double[] breakpoints(List<Segment> segments) {
    double[] b = new double[Math.max(0, segments.size() - 1)];
    for (int i = 0; i < b.length; i++) {
      b[i] = segments.get(i).to();
    }
    return b;
  }

  private record Piece(double from, double to, double[] s, double[] t) {}

  /** Applies one layer to one piece: its pre-activations, their kinks, the new pieces. */
  private static void split(Piece piece, Dense d, PiecewiseLinear[] f, List<Piece> out) {
    int in = d.inputWidth();
    int units = d.outputWidth();
    float[] w = d.kernel().values();
    float[] b = d.bias().values();
    double[] zs = new double[units];
    double[] zt = new double[units];
    TreeSet<Double> cuts = new TreeSet<>();
    for (int u = 0; u < units; u++) {
      double s = 0;
      double t = b[u];
      for (int j = 0; j < in; j++) {
        s += (double) w[j * units + u] * piece.s[j];
        t += (double) w[j * units + u] * piece.t[j];
      }
      zs[u] = s;
      zt[u] = t;
      if (s != 0) {
        for (int k = 0; k < f[u].breakpointCount(); k++) {
          double x = (f[u].breakpoint(k) - t) / s;
          if (x > piece.from && x < piece.to) {
            cuts.add(x);
          }
        }
      }
    }
    double start = piece.from;
    List<Double> ends = new ArrayList<>(cuts);
    ends.add(piece.to);
    for (double end : ends) {
      double mid = 0.5 * (start + end);
      double[] s = new double[units];
      double[] t = new double[units];
      for (int u = 0; u < units; u++) {
        int p = f[u].pieceOf(zs[u] * mid + zt[u]);
        s[u] = f[u].slope(p) * zs[u];
        t[u] = f[u].slope(p) * zt[u] + f[u].intercept(p);
      }
      out.add(new Piece(start, end, s, t));
      start = end;
    }
  }
}
