package ouroboros.sim.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.JFreeChart;
import ouroboros.agents.collapse.Definition;
import ouroboros.sim.output.PopulationStats;

/**
 * The run report's over-ticks charts of one metric per model: a line per model, or, with many
 * models, the few that end furthest towards collapse and the median of all with a band from the 10%
 * to the 90% quantile; a collapse definition's threshold as a horizontal line, and a marker where
 * each drawn model's verdict first fired.
 */
final class OverTicks {
  /** With more models than this, the chart draws the top {@link #TOP} and a quantile band. */
  static final int MAX_LINES = 6;

  /** The models drawn by name when there are more than {@link #MAX_LINES}. */
  static final int TOP = 4;

  private OverTicks() {}

  /**
   * The lines of {@code metric}, one per model, or the top few and the band.
   *
   * @param highIsWorse whether the models towards collapse are those with the highest final value
   */
  static List<Charts.Line> lines(
      MetricsFile f, List<String> models, String metric, boolean highIsWorse) {
    List<Charts.Line> all = new ArrayList<>();
    for (String m : models) {
      Series s = f.get(m, metric);
      if (s != null) {
        all.add(line(m, s));
      }
    }
    if (all.size() <= MAX_LINES) {
      return all;
    }
    List<Charts.Line> ranked = new ArrayList<>(all);
    Comparator<Charts.Line> byLast = Comparator.comparingDouble(OverTicks::lastFinite);
    ranked.sort(highIsWorse ? byLast.reversed() : byLast);
    List<Charts.Line> out = new ArrayList<>(ranked.subList(0, TOP));
    out.add(band(all));
    return out;
  }

  /** A model's series as a line without band. */
  private static Charts.Line line(String name, Series s) {
    double[] x = new double[s.size()];
    double[] y = new double[s.size()];
    for (int k = 0; k < s.size(); k++) {
      x[k] = s.tick(k);
      y[k] = s.value(k);
    }
    return new Charts.Line(name, x, y, null, null);
  }

  /** The last finite value; 0 when there is none. */
  private static double lastFinite(Charts.Line l) {
    for (int i = l.y().length - 1; i >= 0; i--) {
      if (Double.isFinite(l.y()[i])) {
        return l.y()[i];
      }
    }
    return 0;
  }

  /**
   * The median over the models at each tick, with the 10% to 90% quantiles as its band. The finite
   * values are grouped by tick in one flat array, not boxed per value: by position when every model
   * has its values at the same ticks ({@link #bandOfShared}), else by a counting sort over the
   * sorted distinct ticks ({@link #bandOfAny}).
   */
  static Charts.Line band(List<Charts.Line> all) {
    double[] shared = sharedTicks(all);
    return shared != null ? bandOfShared(all, shared) : bandOfAny(all);
  }

  /**
   * The ticks of the finite values of the first line when every line has its finite values at the
   * same ticks, in strictly ascending order (the models of a run mostly do); null otherwise.
   */
  static double[] sharedTicks(List<Charts.Line> all) {
    if (all.isEmpty()) {
      return null;
    }
    Charts.Line first = all.get(0);
    double[] ticks = new double[first.x().length];
    int n = 0;
    for (int i = 0; i < first.x().length; i++) {
      if (Double.isFinite(first.y()[i])) {
        if (n > 0 && Double.compare(first.x()[i], ticks[n - 1]) <= 0) {
          return null;
        }
        ticks[n++] = first.x()[i];
      }
    }
    for (Charts.Line l : all) {
      int k = 0;
      for (int i = 0; i < l.x().length; i++) {
        if (Double.isFinite(l.y()[i])) {
          if (k == n || Double.compare(l.x()[i], ticks[k]) != 0) {
            return null;
          }
          k++;
        }
      }
      if (k != n) {
        return null;
      }
    }
    return Arrays.copyOf(ticks, n);
  }

  /**
   * {@link #bandOfAny}'s band when every line has its finite values at {@code ticks} ({@link
   * #sharedTicks}): the k-th finite value of each line is at tick k, so the values are grouped by
   * tick, in line order as there, without sorting the ticks of every point.
   */
  static Charts.Line bandOfShared(List<Charts.Line> all, double[] ticks) {
    int n = ticks.length;
    int lines = all.size();
    double[] values = new double[n * lines];
    for (int j = 0; j < lines; j++) {
      Charts.Line l = all.get(j);
      int k = 0;
      for (int i = 0; i < l.x().length; i++) {
        if (Double.isFinite(l.y()[i])) {
          values[k++ * lines + j] = l.y()[i];
        }
      }
    }
    int[] start = new int[n + 1];
    for (int k = 0; k <= n; k++) {
      start[k] = k * lines;
    }
    return quantiles(all.size(), Arrays.copyOf(ticks, n), values, start);
  }

  /** The band of lines at any ticks: the finite values grouped by tick with a counting sort. */
  static Charts.Line bandOfAny(List<Charts.Line> all) {
    int points = 0;
    for (Charts.Line l : all) {
      points += l.x().length;
    }
    double[] ticks = new double[points];
    int m = 0;
    for (Charts.Line l : all) {
      for (int i = 0; i < l.x().length; i++) {
        if (Double.isFinite(l.y()[i])) {
          ticks[m++] = l.x()[i];
        }
      }
    }
    Arrays.sort(ticks, 0, m);
    int n = 0;
    for (int i = 0; i < m; i++) {
      if (n == 0 || Double.compare(ticks[n - 1], ticks[i]) != 0) {
        ticks[n++] = ticks[i];
      }
    }
    int[] start = new int[n + 1];
    for (Charts.Line l : all) {
      for (int i = 0; i < l.x().length; i++) {
        if (Double.isFinite(l.y()[i])) {
          start[Arrays.binarySearch(ticks, 0, n, l.x()[i]) + 1]++;
        }
      }
    }
    for (int k = 0; k < n; k++) {
      start[k + 1] += start[k];
    }
    double[] values = new double[m];
    int[] next = Arrays.copyOf(start, n);
    for (Charts.Line l : all) {
      for (int i = 0; i < l.x().length; i++) {
        if (Double.isFinite(l.y()[i])) {
          values[next[Arrays.binarySearch(ticks, 0, n, l.x()[i])]++] = l.y()[i];
        }
      }
    }
    return quantiles(all.size(), Arrays.copyOf(ticks, n), values, start);
  }

  /**
   * The band of {@code models} lines: at tick {@code x[k]}, the median and the 10% and 90%
   * quantiles of {@code values[start[k]]} to {@code values[start[k + 1]]} (exclusive).
   */
  private static Charts.Line quantiles(int models, double[] x, double[] values, int[] start) {
    int n = x.length;
    double[] y = new double[n];
    double[] lo = new double[n];
    double[] hi = new double[n];
    for (int k = 0; k < n; k++) {
      double[] v = Arrays.copyOfRange(values, start[k], start[k + 1]);
      Arrays.sort(v);
      y[k] = PopulationStats.quantile(v, 0.5);
      lo[k] = PopulationStats.quantile(v, 0.1);
      hi[k] = PopulationStats.quantile(v, 0.9);
    }
    return new Charts.Line("median of all " + models + " models (band: 10% to 90%)", x, y, lo, hi);
  }

  /**
   * Draws {@code threshold} as a horizontal line, and for each of {@code lines} named after a
   * model, a marker at the first tick where its {@code definition} verdict was yes.
   */
  static JFreeChart mark(
      JFreeChart chart,
      MetricsFile f,
      List<Charts.Line> lines,
      Definition definition,
      double threshold,
      String thresholdLabel) {
    Charts.threshold(chart, threshold, thresholdLabel);
    int row = 0;
    for (int i = 0; i < lines.size(); i++) {
      Series v = f.get(lines.get(i).name(), definition.verdictMetric());
      int first = v == null ? Series.NONE : v.firstTick(1);
      if (first != Series.NONE) {
        Charts.marker(
            chart,
            first,
            "d" + definition.index() + " t" + first,
            Charts.PALETTE[i % Charts.PALETTE.length],
            row++);
      }
    }
    return chart;
  }

  /**
   * One line per agent and metric ({@code agents[i]} with {@code metrics[i]}, or every agent with
   * the one metric), named by the agent, or by the metric when all agents are the same.
   */
  static List<Charts.Line> named(MetricsFile f, List<String> agents, String... metrics) {
    List<Charts.Line> out = new ArrayList<>();
    for (int i = 0; i < agents.size(); i++) {
      String metric = metrics.length == 1 ? metrics[0] : metrics[i];
      Series s = f.get(agents.get(i), metric);
      if (s == null) {
        continue;
      }
      double[] x = new double[s.size()];
      double[] y = new double[s.size()];
      for (int k = 0; k < s.size(); k++) {
        x[k] = s.tick(k);
        y[k] = s.value(k);
      }
      out.add(
          new Charts.Line(
              metrics.length == 1 ? agents.get(i) : metric,
              x,
              y,
              null,
              null,
              metrics.length > 1 && i > 0));
    }
    return out;
  }
}
