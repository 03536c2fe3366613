package ouroboros.sim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A predicted collapse boundary that a sweep file declares under {@code report.predicted}, placed
 * on the collapse map's grid of cells.
 */
final class PredictedBoundary {
  private PredictedBoundary() {}

  /**
   * The predicted boundary for the facet value {@code f} ("" with two swept paths) as segments in
   * index coordinates: at x index i, y's value p[i] placed between y's values by linear
   * interpolation, a null (or a value beyond y's range) at the plot's edge. Empty when the sweep
   * declares none for {@code f}, or when x or y are not numbers.
   */
  static List<double[]> segments(
      Map<String, List<Double>> p, String f, List<String> xs, List<String> ys) {
    List<Double> t = p.get(f);
    for (Map.Entry<String, List<Double>> e : p.entrySet()) {
      if (t == null && same(e.getKey(), f)) {
        t = e.getValue();
      }
    }
    List<double[]> out = new ArrayList<>();
    double[] y = numbers(ys);
    if (t == null || y == null || numbers(xs) == null) {
      return out;
    }
    double[] prev = null;
    for (int i = 0; i < Math.min(t.size(), xs.size()); i++) {
      double[] pt = {i, t.get(i) == null ? y.length - 0.5 : index(y, t.get(i))};
      if (prev != null) {
        out.add(new double[] {prev[0], prev[1], pt[0], pt[1]});
      }
      prev = pt;
    }
    return out;
  }

  /** Whether two values are the same text or the same number. */
  private static boolean same(String a, String b) {
    double[] n = numbers(List.of(a, b));
    return a.equals(b) || (n != null && n[0] == n[1]);
  }

  /** The values as numbers, or null when one is not. */
  private static double[] numbers(List<String> values) {
    double[] out = new double[values.size()];
    try {
      for (int i = 0; i < out.length; i++) {
        out[i] = Double.parseDouble(values.get(i));
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return out;
  }

  /**
   * Where {@code v} falls among the increasing values {@code y}, in index units, within the plot.
   */
  static double index(double[] y, double v) {
    double pos;
    if (y.length == 1) {
      pos = v < y[0] ? -0.5 : v > y[0] ? 0.5 : 0;
    } else {
      int k = 0;
      while (k < y.length - 2 && v > y[k + 1]) {
        k++;
      }
      pos = k + (v - y[k]) / (y[k + 1] - y[k]);
    }
    return Math.max(-0.5, Math.min(y.length - 0.5, pos));
  }
}
