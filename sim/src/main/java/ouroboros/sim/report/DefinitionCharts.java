package ouroboros.sim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import ouroboros.agents.collapse.Definition;
import ouroboros.agents.collapse.Thresholds;
import ouroboros.sim.output.MetricCatalogue;

/**
 * The run report's charts of definitions 4, 6, 7 and 8 over ticks: each with its threshold line and
 * a marker where it first fired, drawn only when the domain reports the definition.
 */
final class DefinitionCharts {

  /**
   * A definition charted over ticks in the "other definitions" section, with its threshold and
   * whether it fires above it.
   */
  record Other(Definition definition, boolean firesAbove, String axis) {}

  /** Definitions 4, 6, 7 and 8, each charted when the domain reports it. */
  static final List<Other> OTHERS =
      List.of(
          new Other(Definition.SCALING_LAW, true, "exponent gap"),
          new Other(Definition.MODE_ENTANGLEMENT, false, "share of modes recovered"),
          new Other(Definition.TAIL_LOSS, false, "tail mass ratio"),
          new Other(Definition.HALLUCINATION, true, "hallucinated mass"));

  private DefinitionCharts() {}

  /** The section: one chart per definition of {@code others}; nothing when it is empty. */
  static void section(
      Html h, RunDir run, List<String> models, List<Other> others, String many, String subtitle) {
    if (!others.isEmpty()) {
      h.h2("definitions", "Definitions 4, 6, 7 and 8 over ticks");
      for (Other o : others) {
        Definition d = o.definition();
        h.figure(
            () ->
                ChartImage.render(
                    "chart-d" + d.index(),
                    d.numberMetric()
                        + " of each model over ticks, with definition "
                        + d.index()
                        + "'s threshold",
                    chart(run, models, o, subtitle),
                    RunReport.WIDTH,
                    RunReport.HEIGHT),
            "Definition "
                + d.index()
                + " ("
                + d.title()
                + ") fires "
                + (o.firesAbove() ? "above" : "below")
                + " the red line (collapse."
                + thresholdKey(d)
                + "); a dashed marker, in the model's colour, is the tick where it first fired."
                + many);
      }
    }
  }

  /**
   * Draws definition 5's threshold on a sweep's diversity chart when every run has the same one (a
   * sweep that varies {@code collapse.diversity-min} gets no line); other charts are unchanged.
   */
  static JFreeChart sweepThreshold(JFreeChart chart, SweepDir s, String metric) {
    if (!metric.equals(MetricCatalogue.DIVERSITY_RATIO.name())) {
      return chart;
    }
    Set<Double> values = new TreeSet<>();
    s.runs().values().forEach(runs -> runs.forEach(r -> values.add(r.thresholds().diversityMin())));
    if (values.size() == 1) {
      double t = values.iterator().next();
      Charts.threshold(chart, t, "d5 fires below " + Html.num(t));
    }
    return chart;
  }

  /** Whether {@code metric} is one these charts read. */
  static boolean isMetric(String metric) {
    return OTHERS.stream().anyMatch(o -> o.definition().numberMetric().equals(metric));
  }

  /** The definitions of {@link #OTHERS} with at least one finite value among {@code models}. */
  static List<Other> others(RunDir run, List<String> models) {
    List<Other> out = new ArrayList<>();
    for (Other o : OTHERS) {
      boolean any = false;
      for (String m : models) {
        Series s = run.metrics().get(m, o.definition().numberMetric());
        for (int k = 0; s != null && k < s.size() && !any; k++) {
          any = Double.isFinite(s.value(k));
        }
      }
      if (any) {
        out.add(o);
      }
    }
    return out;
  }

  /** The {@code collapse:} key of a definition's threshold. */
  static String thresholdKey(Definition d) {
    return switch (d) {
      case SCALING_LAW -> "scaling-tolerance";
      case MODE_ENTANGLEMENT -> "modes-min";
      case TAIL_LOSS -> "tail-min";
      case HALLUCINATION -> "hallucination-max";
      default -> throw new IllegalArgumentException("no chart for " + d);
    };
  }

  /** One of definitions 4, 6, 7 and 8 over ticks, its threshold and where it first fired. */
  static JFreeChart chart(RunDir run, List<String> models, Other o, String subtitle) {
    Definition d = o.definition();
    List<Charts.Line> lines =
        OverTicks.lines(run.metrics(), models, d.numberMetric(), o.firesAbove());
    Thresholds th = run.thresholds();
    double t =
        switch (d) {
          case SCALING_LAW -> th.scalingTolerance();
          case MODE_ENTANGLEMENT -> th.modesMin();
          case TAIL_LOSS -> th.tailMin();
          default -> th.hallucinationMax();
        };
    return OverTicks.mark(
        Charts.lines(
            d.numberMetric() + " (definition " + d.index() + ")",
            subtitle,
            "tick",
            o.axis(),
            lines),
        run.metrics(),
        lines,
        d,
        t,
        "d" + d.index() + " fires " + (o.firesAbove() ? "above " : "below ") + Html.num(t));
  }
}
