package ouroboros.sim.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import ouroboros.agents.model.RetrainReport;
import ouroboros.sim.output.Meter;
import ouroboros.sim.output.Metric;
import ouroboros.sim.output.MetricCatalogue;
import ouroboros.sim.output.RunMetrics;

/**
 * The numbers one model exports, as a flat array of doubles indexed like {@link #METRICS} (the
 * catalogue's model metrics that have a live meter), so that one model's values are replaced in a
 * single volatile write and a scrape never sees half of an update. A retrain report's values are
 * the ones {@link RunMetrics#modelMetrics} writes to the run files, read by each metric's name: NaN
 * when a report has none (a verdict that does not apply, a measure the domain lacks). Every value
 * is NaN before the model's first retrain, except counters, which start at 0.
 *
 * <p>The metrics the interaction graph gives ({@link Metric#fromGraph}) are analysed at every tick,
 * not at a retrain: a retrain keeps them, and {@link #withGraph} replaces them.
 */
final class ModelValues {
  /** The model metrics with a live meter, in catalogue order: their index is their slot. */
  static final List<Metric> METRICS =
      MetricCatalogue.all().stream()
          .filter(m -> m.scope() == Metric.Scope.MODEL)
          .filter(m -> m.meter() != null && !m.isFamily())
          .toList();

  /** Number of slots. */
  static final int SIZE = METRICS.size();

  private ModelValues() {}

  /** The slot of a metric. */
  static int slot(Metric m) {
    int i = METRICS.indexOf(m);
    if (i < 0) {
      throw new IllegalArgumentException(m.name() + " has no live meter");
    }
    return i;
  }

  /** Whether slot {@code i} counts (a counter), so that aggregates sum it. */
  private static boolean counts(int i) {
    return METRICS.get(i).meter().kind() == Meter.Kind.COUNTER;
  }

  /** The values of a model that has not retrained yet. */
  static double[] empty() {
    double[] v = new double[SIZE];
    for (int i = 0; i < SIZE; i++) {
      v[i] = counts(i) ? 0 : Double.NaN;
    }
    return v;
  }

  /** A model's values after a retrain, with the graph's values of {@code previous}. */
  static double[] of(RetrainReport r, double[] previous) {
    Map<String, Double> written = RunMetrics.modelMetrics(r);
    double[] v = new double[SIZE];
    for (int i = 0; i < SIZE; i++) {
      Metric m = METRICS.get(i);
      v[i] = m.fromGraph() ? previous[i] : written.getOrDefault(m.name(), Double.NaN);
    }
    return v;
  }

  /** A copy of {@code v} with the graph's values, by metric name; names not given are kept. */
  static double[] withGraph(double[] v, Map<String, Double> byName) {
    double[] out = v.clone();
    for (int i = 0; i < SIZE; i++) {
      Double x = byName.get(METRICS.get(i).name());
      if (x != null && METRICS.get(i).fromGraph()) {
        out[i] = x;
      }
    }
    return out;
  }

  /**
   * The aggregate of several models' values: a counter is their sum, every other slot the mean over
   * the models where it is not NaN (NaN when it is NaN for all). A verdict's mean is the share of
   * those models where the definition fires, and the predicted collapse's mean the share of them
   * predicted to collapse, among those whose prediction is known.
   */
  static double[] aggregate(List<double[]> models) {
    double[] out = new double[SIZE];
    for (int i = 0; i < SIZE; i++) {
      double sum = 0;
      int n = 0;
      for (double[] m : models) {
        if (!Double.isNaN(m[i])) {
          sum += m[i];
          n++;
        }
      }
      out[i] = counts(i) ? sum : n == 0 ? Double.NaN : sum / n;
    }
    return out;
  }

  /** An array of n NaNs. */
  static double[] nan(int n) {
    double[] a = new double[n];
    Arrays.fill(a, Double.NaN);
    return a;
  }
}
