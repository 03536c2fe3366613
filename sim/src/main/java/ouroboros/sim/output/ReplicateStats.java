package ouroboros.sim.output;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The mean, standard deviation and t-based 95% interval of one metric across replicates (the
 * replicates of a sweep's cell, or the copies of a run): mean ± t(0.975, n − 1) sd/√n, with sd the
 * sample standard deviation. {@code sweep-ticks.csv}, the sweep's {@code summary.csv} and a run's
 * {@code copies.csv} all use it.
 *
 * @param n the replicates with a value
 * @param mean their mean (NaN when n = 0)
 * @param sd their sample standard deviation (NaN when n < 2)
 * @param low the interval's lower end (NaN when n < 2)
 * @param high the interval's upper end (NaN when n < 2)
 */
public record ReplicateStats(int n, double mean, double sd, double low, double high) {
  /** The CSV columns {@link #csv} writes. */
  public static final String HEADER = "n,mean,sd,ci95-low,ci95-high";

  /** Summarises values; NaN (missing) values are left out. */
  public static ReplicateStats of(List<Double> values) {
    double[] v =
        values.stream().mapToDouble(Double::doubleValue).filter(x -> !Double.isNaN(x)).toArray();
    int n = v.length;
    if (n == 0) {
      return new ReplicateStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double sum = 0;
    for (double x : v) {
      sum += x;
    }
    double mean = sum / n;
    if (n < 2) {
      return new ReplicateStats(n, mean, Double.NaN, Double.NaN, Double.NaN);
    }
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    double sd = Math.sqrt(ss / (n - 1));
    double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
    return new ReplicateStats(n, mean, sd, mean - half, mean + half);
  }

  /** {@code n,mean,sd,ci95-low,ci95-high}. */
  public String csv() {
    return n
        + ","
        + MetricRow.format(mean)
        + ","
        + MetricRow.format(sd)
        + ","
        + MetricRow.format(low)
        + ","
        + MetricRow.format(high);
  }
}
