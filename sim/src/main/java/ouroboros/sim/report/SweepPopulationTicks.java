package ouroboros.sim.report;

import static ouroboros.sim.output.MetricCatalogue.DIVERSITY_RATIO;
import static ouroboros.sim.output.MetricCatalogue.POPULATION_RISK;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sweep report's risk and diversity over ticks when the runs aggregate per population: one
 * chart per metric, not one per model (a thousand models drew two thousand charts), each line a
 * cell's mean over its replicates of the mean over the models each replicate keeps in {@code
 * metrics.csv} (its sample), with a 95% band. A run that keeps no model's rows has no series over
 * ticks: the page says so and draws nothing.
 */
final class SweepPopulationTicks {
  private SweepPopulationTicks() {}

  /** The section's body. */
  static void render(Html h, SweepDir s) {
    boolean rows =
        s.runs().values().stream()
            .flatMap(List::stream)
            .anyMatch(r -> !r.metrics().models().isEmpty());
    if (!rows) {
      h.note(
          "The runs keep no model's rows in metrics.csv (the scenario's output.per-model-rows is"
              + " none), so there is nothing to draw over ticks: the populations' final values"
              + " are in the tables above and in sweep.csv.");
      return;
    }
    String[][] metrics = {
      {POPULATION_RISK.name(), "Population risk"}, {DIVERSITY_RATIO.name(), "Diversity ratio"}
    };
    for (String[] metric : metrics) {
      List<Charts.Line> lines = SweepReport.cellLines(s, r -> meanOverModels(r, metric[0]));
      h.figure(
          () ->
              ChartImage.render(
                  "chart-" + metric[0] + "-models",
                  metric[1] + " over ticks, mean over the kept models",
                  DefinitionCharts.sweepThreshold(
                      Charts.lines(
                          metric[1] + ": mean over the kept models",
                          SweepReport.shown(s, lines.size()),
                          "tick",
                          metric[0],
                          lines),
                      s,
                      metric[0]),
                  RunReport.WIDTH,
                  RunReport.HEIGHT),
          "");
    }
    h.note(
        "Each line is a cell's mean over its replicates of the mean, at each tick, over the models"
            + " whose rows the replicate keeps in metrics.csv (its sample of the populations); the"
            + " band is the 95% confidence interval across replicates. A tick where some model's"
            + " value is infinite has an infinite mean: it is not drawn, and the chart's subtitle"
            + " counts it.");
  }

  /**
   * A run's mean at each tick of {@code metric} over the models it keeps (NA values left out, an
   * infinite value making the mean infinite, as the tables' means do); null when none has it.
   */
  static Series meanOverModels(RunDir r, String metric) {
    Map<Integer, double[]> byTick = new TreeMap<>();
    for (String m : r.metrics().models()) {
      Series x = r.metrics().get(m, metric);
      if (x == null) {
        continue;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!Double.isNaN(x.value(i))) {
          double[] sumN = byTick.computeIfAbsent(x.tick(i), t -> new double[2]);
          sumN[0] += x.value(i);
          sumN[1]++;
        }
      }
    }
    if (byTick.isEmpty()) {
      return null;
    }
    Series out = new Series();
    List<Integer> ticks = new ArrayList<>(byTick.keySet());
    for (int t : ticks) {
      double[] sumN = byTick.get(t);
      out.add(t, sumN[0] / sumN[1]);
    }
    return out;
  }
}
