package ouroboros.sim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.TDistribution;
import ouroboros.sim.output.ReplicateStats;

/**
 * Means and 95% confidence intervals across replicates: mean ± t(0.975, n − 1) s / √n, with s the
 * sample standard deviation of the n replicates' values (Student's t, since n is small). Values
 * that are not finite are left out; one value gives a band of zero width. A point the charts draw
 * ({@link #point}) is, as in summary.csv and sweep-ticks.csv, infinite when some replicate's value
 * is, so that a chart leaves it out and counts it rather than drawing the mean of the others.
 */
final class Bands {
  private Bands() {}

  /** {mean, low, high, n} of the finite values; NaNs when there are none. */
  static double[] meanCi(List<Double> values) {
    double sum = 0;
    int n = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        sum += v;
        n++;
      }
    }
    if (n == 0) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN, 0};
    }
    double mean = sum / n;
    if (n == 1) {
      return new double[] {mean, mean, mean, 1};
    }
    double ss = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        ss += (v - mean) * (v - mean);
      }
    }
    double half =
        new TDistribution(null, n - 1).inverseCumulativeProbability(0.975)
            * Math.sqrt(ss / (n - 1) / n);
    return new double[] {mean, mean - half, mean + half, n};
  }

  /**
   * {mean, low, high, n} of the replicates' values as a chart draws them: {@link #meanCi}'s when
   * they are all finite; when some are infinite, the mean of summary.csv and sweep-ticks.csv (the
   * mean of every value that is not missing: infinite, or NaN for infinities of both signs) with no
   * band, so that the chart does not draw the mean of the finite values alone as if none had
   * diverged.
   */
  static double[] point(List<Double> values) {
    double[] m = meanCi(values);
    if (values.stream().noneMatch(v -> Double.isInfinite(v))) {
      return m;
    }
    double mean = ReplicateStats.of(values).mean();
    return new double[] {mean, Double.NaN, Double.NaN, m[3]};
  }

  /**
   * The line of the replicates' mean over ticks ({@link #point}), with its band. A tick where some
   * replicate's value is infinite gets an infinite mean (the chart leaves it out and counts it); a
   * tick with no value is left out.
   */
  static Charts.Line overTicks(String name, List<Series> replicates) {
    Map<Integer, List<Double>> byTick = new TreeMap<>();
    for (Series s : replicates) {
      for (int i = 0; i < s.size(); i++) {
        byTick.computeIfAbsent(s.tick(i), t -> new ArrayList<>()).add(s.value(i));
      }
    }
    int n = byTick.size();
    double[] x = new double[n];
    double[] y = new double[n];
    double[] lo = new double[n];
    double[] hi = new double[n];
    int k = 0;
    for (Map.Entry<Integer, List<Double>> e : byTick.entrySet()) {
      double[] m = point(e.getValue());
      x[k] = e.getKey();
      y[k] = m[0];
      lo[k] = m[1];
      hi[k] = m[2];
      k++;
    }
    return new Charts.Line(name, x, y, lo, hi);
  }
}
