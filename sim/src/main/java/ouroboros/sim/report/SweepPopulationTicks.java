package ouroboros.sim.report;

import static ouroboros.sim.output.MetricCatalogue.DIVERSITY_RATIO;
import static ouroboros.sim.output.MetricCatalogue.POPULATION_RISK;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import ouroboros.sim.engine.CopyPlan;
import ouroboros.sim.output.Groups;
import ouroboros.sim.output.RunLayout;
import ouroboros.sim.output.SweepLayout;
import ouroboros.sim.scenario.check.ScenarioException;
import ouroboros.sim.scenario.load.ScenarioLoader;
import ouroboros.sim.scenario.path.Timelines;
import ouroboros.sim.scenario.spec.ModelSpec;
import ouroboros.sim.scenario.spec.Scenario;

/**
 * The sweep report's risk and diversity over ticks when the runs aggregate per population: one
 * chart per metric, not one per model (a thousand models drew two thousand charts), each line a
 * cell's mean over its replicates of the mean over the models each replicate keeps in {@code
 * metrics.csv} (its sample, each model with its latest value at each tick), with a 95% band. With
 * several populations, one chart per metric and population, over the kept models of that
 * population: metrics.csv does not say which population a model is in, so each cell's first run's
 * scenario.yaml says it (when it cannot be read, the charts pool every kept model, as they did for
 * every sweep before). A run that keeps no model's rows has no series over ticks: the page says so
 * and draws nothing.
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
    Map<String, Map<String, String>> groups = s.populations().size() > 1 ? groups(s) : null;
    if (groups == null) {
      charts(h, s, "models", "the kept models", r -> m -> true);
    } else {
      List<String> populations = s.populations();
      for (int k = 0; k < populations.size(); k++) {
        String id = populations.get(k).substring(SweepLayout.POPULATION_PREFIX.length());
        charts(
            h,
            s,
            "population-" + k,
            "the kept models of " + populations.get(k),
            r -> m -> id.equals(group(groups.get(r.dir().toString()), m)));
      }
    }
    h.note(
        "Each line is a cell's mean over its replicates of the mean, at each tick, over the models"
            + " whose rows the replicate keeps in metrics.csv (its sample of the populations"
            + (groups != null
                ? "; one chart per population, its models as scenario.yaml says"
                : s.populations().size() > 1
                    ? "; every population pooled: some cell's scenario.yaml could not be loaded"
                    : "")
            + "), each with its latest value at that tick (a model that retrains every few ticks"
            + " counts at the ticks between too); the band is the 95% confidence interval across"
            + " replicates. A tick where some"
            + " model's value is infinite has an infinite mean: it is not drawn, and the chart's"
            + " subtitle counts it.");
  }

  /**
   * The risk and diversity charts over the models of each run that {@code of} accepts, with the id
   * suffix {@code id}, their mean described as over {@code over}.
   */
  private static void charts(
      Html h, SweepDir s, String id, String over, Function<RunDir, Predicate<String>> of) {
    String[][] metrics = {
      {POPULATION_RISK.name(), "Population risk"}, {DIVERSITY_RATIO.name(), "Diversity ratio"}
    };
    for (String[] metric : metrics) {
      List<Charts.Line> lines =
          SweepReport.cellLines(s, r -> meanOverModels(r, metric[0], of.apply(r)));
      h.figure(
          () ->
              ChartImage.render(
                  "chart-" + metric[0] + "-" + id,
                  metric[1] + " over ticks, mean over " + over,
                  DefinitionCharts.sweepThreshold(
                      Charts.lines(
                          metric[1] + ": mean over " + over,
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
  }

  /**
   * Each run's models' populations, by the run's directory: each cell's first run's scenario.yaml
   * loaded as the run loaded it, a model's population its {@code population} key, else {@value
   * Groups#DEFAULT}, a release's that of the model it copies, a copy's ({@code lab-0.c1}) that of
   * its model; the member ids do not depend on the seed, the one thing a cell's replicates change.
   * Null when some scenario.yaml cannot be loaded.
   */
  static Map<String, Map<String, String>> groups(SweepDir s) {
    Map<String, Map<String, String>> out = new HashMap<>();
    for (List<RunDir> runs : s.runs().values()) {
      if (runs.isEmpty()) {
        continue;
      }
      Map<String, String> of = new HashMap<>();
      try {
        Scenario sc = new ScenarioLoader().load(RunLayout.of(runs.get(0).dir()).scenario());
        for (ModelSpec m : Timelines.allModels(sc.models(), sc.timeline())) {
          of.put(m.id(), ModelSpec.groupOf(m));
        }
      } catch (ScenarioException e) {
        return null; // the charts pool every kept model, and say so
      }
      runs.forEach(r -> out.put(r.dir().toString(), of));
    }
    return out;
  }

  /** A model's population in {@code of}, a copy's ({@code lab-0.c1}) that of its model. */
  static String group(Map<String, String> of, String model) {
    String g = of.get(model);
    String base = g == null ? CopyPlan.base(model) : null;
    return base == null ? g : of.get(base);
  }

  /**
   * A run's mean at each tick of {@code metric} over the models it keeps that {@code models}
   * accepts, each with its latest value at that tick ({@link LatestValues}: models that retrain at
   * different ticks count at every tick, so the mean does not jump between the models that happen
   * to report); NA values are left out, an infinite value makes the mean infinite, as the tables'
   * means do. Null when no model has the metric.
   */
  static Series meanOverModels(RunDir r, String metric, Predicate<String> models) {
    List<double[]> x = new ArrayList<>();
    List<double[]> y = new ArrayList<>();
    for (String m : r.metrics().models()) {
      Series s = models.test(m) ? r.metrics().get(m, metric) : null;
      if (s == null) {
        continue;
      }
      x.add(s.x());
      y.add(s.y());
    }
    Series out = new Series();
    LatestValues.each(
        x,
        y,
        v -> !Double.isNaN(v),
        (tick, values, n) -> {
          if (n > 0) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
              sum += values[i];
            }
            out.add((int) tick, sum / n);
          }
        });
    return out.size() == 0 ? null : out;
  }
}
