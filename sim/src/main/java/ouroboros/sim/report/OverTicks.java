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
 * models, the few that end furthest towards collapse and the median of all (each with its latest
 * value at each tick) with a band from the 10% to the 90% quantile; a collapse definition's
 * threshold as a horizontal line, and a marker where each drawn model's verdict first fired.
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
    return new Charts.Line(name, s.x(), s.y(), null, null);
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
   * The median over the models at each tick, with the 10% to 90% quantiles as its band: each model
   * counts with its latest value ({@link LatestValues}), when that is finite, so that models that
   * report at different ticks (different {@code retrain-every}) do not make the median jump between
   * the models that happen to report at a tick. A tick where no model has a finite value is left
   * out.
   */
  static Charts.Line band(List<Charts.Line> all) {
    List<double[]> x = new ArrayList<>();
    List<double[]> y = new ArrayList<>();
    for (Charts.Line l : all) {
      x.add(l.x());
      y.add(l.y());
    }
    List<double[]> points = new ArrayList<>();
    LatestValues.each(
        x,
        y,
        Double::isFinite,
        (tick, values, n) -> {
          if (n > 0) {
            double[] v = Arrays.copyOf(values, n);
            Arrays.sort(v);
            points.add(
                new double[] {
                  tick,
                  PopulationStats.quantile(v, 0.5),
                  PopulationStats.quantile(v, 0.1),
                  PopulationStats.quantile(v, 0.9)
                });
          }
        });
    int n = points.size();
    double[][] cols = new double[4][n];
    for (int k = 0; k < n; k++) {
      for (int c = 0; c < 4; c++) {
        cols[c][k] = points.get(k)[c];
      }
    }
    return new Charts.Line(
        "median of all " + all.size() + " models (band: 10% to 90%)",
        cols[0],
        cols[1],
        cols[2],
        cols[3]);
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
      double[] x = s.x();
      double[] y = s.y();
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
