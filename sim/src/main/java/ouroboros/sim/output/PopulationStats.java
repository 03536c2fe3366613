package ouroboros.sim.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ouroboros.agents.collapse.Definition;
import ouroboros.agents.collapse.Verdict;
import ouroboros.agents.model.RetrainReport;

/**
 * Each population's latest state, over all its models: per metric the count of models with a value,
 * the mean and the quantiles {@link #QUANTILE_KEYS} (linear interpolation between order statistics,
 * as R's type 7 and numpy's default), and per collapse definition how many models' verdicts are
 * yes, no and n/a. What summary.json, the terminal table and the report show of a run too large to
 * list model by model (see {@link OutputOptions}).
 */
public final class PopulationStats {
  /** The quantiles given. */
  static final double[] QUANTILES = {0.05, 0.25, 0.5, 0.75, 0.95};

  /** Their keys in summary.json. */
  public static final List<String> QUANTILE_KEYS = List.of("q05", "q25", "median", "q75", "q95");

  /** The metric of a model's generation, 0 for a model that has not retrained. */
  private static final String GENERATION = "generation";

  private PopulationStats() {}

  /**
   * One metric over a population.
   *
   * @param n models with a value (not NaN)
   * @param mean their mean (NaN when none)
   * @param quantiles the quantiles {@link #QUANTILE_KEYS} (NaN when none)
   */
  public record Stat(int n, double mean, double[] quantiles) {
    /** The quantile of key {@code key}, such as {@code median}. */
    public double quantile(String key) {
      return quantiles[QUANTILE_KEYS.indexOf(key)];
    }
  }

  /**
   * One population.
   *
   * @param id the population (see {@link Groups})
   * @param models its models
   * @param reported those that have retrained at least once
   * @param metrics each metric's statistics, by name
   * @param verdicts per definition (d1..d8): models whose verdict is yes, no and n/a, where a model
   *     that has not retrained yet counts as n/a, so that the three add up to {@code models}
   */
  public record Population(
      String id,
      int models,
      int reported,
      Map<String, Stat> metrics,
      Map<String, int[]> verdicts) {}

  /** The statistics of each group, in order of first appearance, over the reports' metrics. */
  public static List<Population> of(List<String> groups, RetrainReport[] latest) {
    return of(groups, latest, null);
  }

  /**
   * The statistics of each group, in order of first appearance, over the reports' metrics and the
   * contributed ones (null: none).
   */
  static List<Population> of(
      List<String> groups, RetrainReport[] latest, ContributedMetrics contributed) {
    Map<String, List<Integer>> members = new LinkedHashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      members.computeIfAbsent(groups.get(i), g -> new ArrayList<>()).add(i);
    }
    List<Population> out = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> e : members.entrySet()) {
      out.add(population(e.getKey(), e.getValue(), latest, contributed));
    }
    return out;
  }

  private static Population population(
      String id, List<Integer> members, RetrainReport[] latest, ContributedMetrics contributed) {
    Map<String, double[]> values = new TreeMap<>();
    Map<String, int[]> sizes = new HashMap<>();
    Map<String, int[]> verdicts = new TreeMap<>();
    for (Definition d : Definition.values()) {
      verdicts.put(key(d), new int[3]);
    }
    int reported = 0;
    // Each metric over the models that have it: a model without one (its fits failed, or a graph
    // metric before its first retrain in the run) is left out, never counted as 0.
    java.util.function.ObjDoubleConsumer<String> add =
        (name, value) -> {
          int[] n = sizes.computeIfAbsent(name, k -> new int[1]);
          values.computeIfAbsent(name, k -> new double[members.size()])[n[0]++] = value;
        };
    for (int i : members) {
      RetrainReport r = latest[i];
      if (r == null) {
        add.accept(GENERATION, 0); // as summary.json lists it: generation 0, the initial model
        continue;
      }
      RunMetrics.modelMetrics(r).forEach(add::accept);
      if (contributed != null) {
        contributed.forEach(i, add);
      }
      for (Verdict v : r.verdicts()) {
        verdicts.get(key(v.definition()))[slot(v.state())]++;
      }
      reported++;
    }
    // A model with no verdict of a definition (not retrained yet, or every fit failed) counts as
    // n/a, so that yes, no and n/a add up to the population's models.
    for (int[] counts : verdicts.values()) {
      counts[2] = members.size() - counts[0] - counts[1];
    }
    Map<String, Stat> metrics = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> e : values.entrySet()) {
      metrics.put(e.getKey(), stat(Arrays.copyOf(e.getValue(), sizes.get(e.getKey())[0])));
    }
    return new Population(id, members.size(), reported, metrics, verdicts);
  }

  /** A definition's key in summary.json, d1 to d8. */
  private static String key(Definition d) {
    return d.numberMetric().substring(0, 2);
  }

  /** 0 yes, 1 no, 2 n/a. */
  private static int slot(Verdict.State s) {
    return switch (s) {
      case YES -> 0;
      case NO -> 1;
      case NOT_APPLICABLE -> 2;
    };
  }

  /** The statistics of the values that are not NaN. */
  static Stat stat(double[] values) {
    double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
    double[] q = new double[QUANTILES.length];
    if (v.length == 0) {
      Arrays.fill(q, Double.NaN);
      return new Stat(0, Double.NaN, q);
    }
    double sum = 0;
    for (double x : v) {
      sum += x;
    }
    for (int k = 0; k < q.length; k++) {
      q[k] = quantile(v, QUANTILES[k]);
    }
    return new Stat(v.length, sum / v.length, q);
  }

  /**
   * The {@code q} quantile of {@code sorted} (ascending, no NaN, not empty), interpolated linearly
   * between order statistics as R's type 7 and numpy's default. An order statistic that the
   * quantile falls on exactly is the quantile even when its neighbour is infinite (interpolating
   * would give {@code x + 0 * Infinity}, NaN); between a finite value and an infinite one the
   * quantile is that infinity, and between -Infinity and Infinity it is NaN.
   */
  public static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    double a = sorted[lo];
    double b = sorted[Math.min(lo + 1, sorted.length - 1)];
    if (h == lo || a == b) {
      return a;
    }
    if (a == Double.NEGATIVE_INFINITY) {
      return b == Double.POSITIVE_INFINITY ? Double.NaN : a;
    }
    return a + (h - lo) * (b - a);
  }
}
