package ouroboros.sim.report;

import static ouroboros.sim.output.MetricCatalogue.DIVERSITY_RATIO;
import static ouroboros.sim.output.MetricCatalogue.POPULATION_RISK;
import static ouroboros.sim.output.WebMetrics.SYNTHETIC_SHARE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import ouroboros.sim.output.RunMetrics;
import ouroboros.sim.output.SweepLayout;
import ouroboros.sim.scenario.check.Suggest;

/**
 * The report of a sweep: its cells, the final values per cell and model (mean and 95% CI across
 * replicates), the collapse map (a heatmap of a metric over a 2-D sweep with the collapse boundary
 * drawn on it, or the metric against the swept value in 1-D), the share of replicates in which each
 * definition fires, risk and diversity over ticks with 95% bands per cell, the synthetic share of
 * the web, and the pipeline's counts when there is a pipeline; first, when runs failed, the runs
 * that failed and why ({@link FailedRuns}).
 */
final class SweepReport {
  /** The metrics.csv rows the report reads from each replicate. */
  static final Predicate<String> METRICS =
      m ->
          m.equals(POPULATION_RISK.name())
              || m.equals(DIVERSITY_RATIO.name())
              || m.equals(SYNTHETIC_SHARE.name())
              || Pipeline.isMetric(m);

  /** Most cells drawn in one chart over ticks. */
  static final int MAX_LINES = 10;

  private SweepReport() {}

  /**
   * The page of a sweep none of whose runs finished: what was swept and why each run failed (there
   * is no value to chart; before, no report was written, and its retry failed the same way).
   */
  private static String allFailed(SweepDir s, List<List<String>> failed) {
    Html h = new Html("Ouroboros sweep report: " + s.name());
    h.el("h1", "", "Ouroboros sweep report: " + s.name());
    h.p(s.cells().size() + " cells; swept: " + describeParams(s) + ".");
    h.el(
        "p",
        "note",
        "No run of this sweep finished, so there is no value to show: each run failed, as the"
            + " table below says.");
    FailedRuns.render(h, failed);
    return h.finish();
  }

  /** The page. */
  static String render(SweepDir s, ReportOptions o) {
    if (s.models().isEmpty()) {
      List<List<String>> failed = FailedRuns.read(s.dir());
      if (failed.isEmpty()) {
        throw new IllegalArgumentException(
            new SweepLayout(s.dir()).sweepCsv()
                + ": found no rows, expected the final values of the sweep's runs");
      }
      return allFailed(s, failed);
    }
    ReportOptions chosen = o.over(s.defaults());
    String model = chosen.model() != null ? chosen.model() : s.shown().get(0);
    if (!s.models().contains(model)) {
      throw new IllegalArgumentException(
          option(o.model(), "model") + ": found '" + model + "', expected one of " + s.models());
    }
    String metric = chosen.metricOrDefault();
    if (!s.metrics(model).contains(metric)) {
      throw new IllegalArgumentException(
          option(o.metric(), "metric")
              + ": found '"
              + metric
              + "', expected one of "
              + s.metrics(model));
    }
    int facet = facet(s, chosen.facet(), option(o.facet(), "facet"));
    Map<Integer, Map<String, Map<Pipeline.Stage, Pipeline.Counts>>> pipeline = new TreeMap<>();
    s.runs()
        .forEach(
            (cell, reps) ->
                reps.forEach(
                    r ->
                        Pipeline.addInto(
                            pipeline.computeIfAbsent(cell, c -> new TreeMap<>()),
                            Pipeline.sum(r.metrics()))));
    pipeline.values().removeIf(Map::isEmpty);
    Html h = new Html("Ouroboros sweep report: " + s.name());
    h.el("h1", "", "Ouroboros sweep report: " + s.name());
    int runs = s.runs().values().stream().mapToInt(List::size).sum();
    h.p(
        s.cells().size()
            + " cells, "
            + runs
            + " replicate runs under runs/; swept: "
            + describeParams(s)
            + ".");
    Map<String, String> nav = new LinkedHashMap<>();
    List<List<String>> failed = FailedRuns.read(s.dir());
    if (!failed.isEmpty()) {
      nav.put("failed", "Failed runs");
    }
    nav.put("map", "Collapse map");
    nav.put("summary", "Final values");
    nav.put("verdicts", "Verdicts");
    nav.put("risk", "Risk and diversity");
    nav.put("web", "Synthetic share");
    if (!pipeline.isEmpty()) {
      nav.put("pipeline", "Pipeline");
    }
    RunReport.navigation(h, nav);
    FailedRuns.render(h, failed);
    if (!s.populations().isEmpty()) {
      h.note(
          "The runs aggregate per population (more than 1,000 models, or a sample, or no model's"
              + " rows: the scenario's output block), so the tables and charts below show each"
              + " population ("
              + String.join(", ", s.populations())
              + "): its mean over all its models of each final value, as summary.json and"
              + " sweep.csv give it, and for a definition the share of its models it fires for,"
              + " averaged over the replicates (where the captions below say the share of"
              + " replicates in which a definition fires, read this mean share). The rows of the"
              + " models the runs keep, if any, are in sweep.csv.");
    }
    h.h2("map", "Collapse map");
    CollapseMap.render(h, s, model, metric, chosen.definitionOrDefault(), facet);
    h.h2("summary", "Final values");
    SweepTables.summary(h, s);
    h.h2(
        "verdicts",
        s.populations().isEmpty()
            ? "Verdicts: share of replicates in which each definition fires"
            : "Verdicts: share of each population's models for which each definition fires");
    SweepTables.verdicts(h, s);
    h.h2("risk", "Risk and diversity over ticks");
    overTicks(h, s);
    h.h2("web", "Synthetic share of the web");
    if (!s.runs().isEmpty()) {
      List<Charts.Line> lines = cellLines(s, RunMetrics.WEB, SYNTHETIC_SHARE.name());
      h.figure(
          () ->
              ChartImage.render(
                  "chart-web",
                  "synthetic share of the web over ticks",
                  Charts.lines(
                      "Synthetic share of the web", shown(s, lines.size()), "tick", "share", lines),
                  RunReport.WIDTH,
                  RunReport.HEIGHT),
          "Per cell: the mean over its replicates, with a 95% confidence band.");
    }
    if (!pipeline.isEmpty()) {
      h.h2("pipeline", "Pipeline: confusion counts per stage");
      h.note(
          "Summed over each cell's replicates. A positive is a synthetic item: TP synthetic "
              + "dropped, FP human dropped, FN synthetic kept, TN human kept.");
      Pipeline.table(h, s.params(), s.cells(), pipeline);
    }
    return h.finish();
  }

  /** How a message names a choice: its option when given, else sweep.yaml's key. */
  private static String option(Object given, String name) {
    return given != null ? "--" + name : "report." + name + " in sweep.yaml";
  }

  /**
   * The index of the faceted path: for a sweep of three paths, the chosen one or else the last; -1
   * for other sweeps, where choosing one is an error.
   */
  private static int facet(SweepDir s, String chosen, String option) {
    if (s.params().size() != 3) {
      if (chosen != null) {
        throw new IllegalArgumentException(
            option
                + ": found '"
                + chosen
                + "', expected a sweep"
                + " of three paths; this one sweeps "
                + s.params().size()
                + (s.params().isEmpty() ? "" : ": " + s.params()));
      }
      return -1;
    }
    if (chosen == null) {
      return 2;
    }
    if (!s.params().contains(chosen)) {
      throw new IllegalArgumentException(
          option
              + ": found '"
              + chosen
              + "', expected one of "
              + s.params()
              + Suggest.didYouMean(chosen, s.params()));
    }
    return s.params().indexOf(chosen);
  }

  /** "a (0.1, 0.2), b (replace, accumulate)". */
  private static String describeParams(SweepDir s) {
    List<String> parts = new ArrayList<>();
    for (int p = 0; p < s.params().size(); p++) {
      parts.add(s.params().get(p) + " (" + String.join(", ", values(s, p)) + ")");
    }
    return parts.isEmpty() ? "nothing" : String.join(", ", parts);
  }

  /** The distinct values of path {@code p}, numerically sorted when all are numbers. */
  static List<String> values(SweepDir s, int p) {
    List<String> out = new ArrayList<>();
    for (SweepDir.Cell c : s.cells()) {
      if (!out.contains(c.values().get(p))) {
        out.add(c.values().get(p));
      }
    }
    try {
      out.forEach(Double::parseDouble);
      out.sort((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)));
    } catch (NumberFormatException e) {
      // not all numbers: keep the cells' order
    }
    return out;
  }

  /**
   * Risk and diversity per model, one line per cell with its 95% band; when the runs aggregate per
   * population, two charts in all ({@link SweepPopulationTicks}).
   */
  private static void overTicks(Html h, SweepDir s) {
    if (s.runs().isEmpty()) {
      h.note("No replicate runs under runs/: nothing to draw over ticks.");
      return;
    }
    if (!s.populations().isEmpty()) {
      SweepPopulationTicks.render(h, s);
      return;
    }
    for (int k = 0; k < s.models().size(); k++) {
      String m = s.models().get(k);
      String id = "-" + k;
      for (String[] metric :
          new String[][] {
            {POPULATION_RISK.name(), "Population risk"}, {DIVERSITY_RATIO.name(), "Diversity ratio"}
          }) {
        List<Charts.Line> lines = cellLines(s, m, metric[0]);
        h.figure(
            () ->
                ChartImage.render(
                    "chart-" + metric[0] + id,
                    metric[1] + " of " + m + " over ticks",
                    DefinitionCharts.sweepThreshold(
                        Charts.lines(
                            metric[1] + ": " + m, shown(s, lines.size()), "tick", metric[0], lines),
                        s,
                        metric[0]),
                    RunReport.WIDTH,
                    RunReport.HEIGHT),
            "");
      }
    }
    h.note(
        "Each line is a cell's mean over its replicates; the band is its 95% confidence "
            + "interval (mean ± t(0.975, n−1) sd/√n at each tick). A mean over replicates of "
            + "which some are infinite is infinite, as in sweep-ticks.csv: it is not drawn, and "
            + "the chart's subtitle says how many such points it left out.");
  }

  /** One line per cell (at most {@value #MAX_LINES}, evenly spread) of an agent's metric. */
  private static List<Charts.Line> cellLines(SweepDir s, String agent, String metric) {
    return cellLines(s, r -> r.metrics().get(agent, metric));
  }

  /**
   * One line per cell (at most {@value #MAX_LINES}, evenly spread): the mean over its replicates of
   * the series {@code of} takes from each (none when it gives null).
   */
  static List<Charts.Line> cellLines(SweepDir s, Function<RunDir, Series> of) {
    List<Charts.Line> out = new ArrayList<>();
    for (SweepDir.Cell c : shownCells(s)) {
      List<Series> reps = new ArrayList<>();
      for (RunDir r : s.runs().getOrDefault(c.id(), List.of())) {
        Series x = of.apply(r);
        if (x != null) {
          reps.add(x);
        }
      }
      if (!reps.isEmpty()) {
        out.add(Bands.overTicks(label(s, c), reps));
      }
    }
    return out;
  }

  /** The cells drawn over ticks: all, or {@value #MAX_LINES} evenly spread. */
  private static List<SweepDir.Cell> shownCells(SweepDir s) {
    int n = s.cells().size();
    if (n <= MAX_LINES) {
      return s.cells();
    }
    Map<Integer, SweepDir.Cell> pick = new TreeMap<>();
    for (int i = 0; i < MAX_LINES; i++) {
      int at = (int) Math.round((double) i * (n - 1) / (MAX_LINES - 1));
      pick.put(at, s.cells().get(at));
    }
    return new ArrayList<>(pick.values());
  }

  /** The subtitle of a chart over ticks. */
  static String shown(SweepDir s, int lines) {
    Map<Integer, Integer> reps = new HashMap<>();
    s.runs().forEach((c, r) -> reps.put(c, r.size()));
    int min = reps.values().stream().mapToInt(Integer::intValue).min().orElse(0);
    int max = reps.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    String n = min == max ? Integer.toString(min) : min + " to " + max;
    return "Mean and 95% band over "
        + n
        + " replicates per cell"
        + (lines < s.cells().size()
            ? "; " + lines + " of " + s.cells().size() + " cells shown."
            : ".");
  }

  /**
   * "key=value, key=value", each key the last part of its path ({@code scrape} for {@code
   * models[0].scrape}) unless two paths end alike.
   */
  static String label(SweepDir s, SweepDir.Cell c) {
    List<String> keys = new ArrayList<>();
    for (String p : s.params()) {
      keys.add(p.substring(p.lastIndexOf('.') + 1));
    }
    boolean unique = keys.stream().distinct().count() == keys.size();
    List<String> parts = new ArrayList<>();
    for (int p = 0; p < s.params().size(); p++) {
      parts.add((unique ? keys.get(p) : s.params().get(p)) + "=" + c.values().get(p));
    }
    return parts.isEmpty() ? "cell " + c.id() : String.join(", ", parts);
  }
}
