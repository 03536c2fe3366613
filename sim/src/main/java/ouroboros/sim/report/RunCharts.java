package ouroboros.sim.report;

import static ouroboros.sim.output.MetricCatalogue.DIVERSITY_RATIO;
import static ouroboros.sim.output.MetricCatalogue.POPULATION_RISK;
import static ouroboros.sim.output.WebMetrics.NEW_SYNTHETIC_SHARE;
import static ouroboros.sim.output.WebMetrics.SYNTHETIC_SHARE;

import java.util.List;
import org.jfree.chart.JFreeChart;
import ouroboros.agents.collapse.Definition;
import ouroboros.sim.output.RunMetrics;

/**
 * The charts of one run's report over ticks: the web's synthetic share, risk, risk ratio,
 * diversity.
 */
final class RunCharts {
  private RunCharts() {}

  /** The synthetic share of the web and its new items' share, the second dashed over the first. */
  static JFreeChart webChart(RunDir run) {
    return Charts.lines(
        "Synthetic share of the web",
        "",
        "tick",
        "share",
        OverTicks.named(
            run.metrics(),
            List.of(RunMetrics.WEB, RunMetrics.WEB),
            SYNTHETIC_SHARE.name(),
            NEW_SYNTHETIC_SHARE.name()));
  }

  /** Population risk over ticks. */
  static JFreeChart riskChart(RunDir run, List<String> models) {
    List<Charts.Line> lines = OverTicks.lines(run.metrics(), models, POPULATION_RISK.name(), true);
    return Charts.lines(
        "Population risk", RunReport.NO_REPLICATES, "tick", "population risk", lines);
  }

  /** Definition 1's risk ratio over ticks, its threshold and where it first fired. */
  static JFreeChart riskRatioChart(RunDir run, List<String> models) {
    Definition d1 = Definition.CATASTROPHIC_RISK;
    List<Charts.Line> lines = OverTicks.lines(run.metrics(), models, d1.numberMetric(), true);
    double t = run.thresholds().catastrophicRatio();
    return OverTicks.mark(
        Charts.lines(
            "Risk ratio risk_g / risk_1 (definition 1)",
            RunReport.NO_REPLICATES,
            "tick",
            "risk ratio",
            lines),
        run.metrics(),
        lines,
        d1,
        t,
        "d1 fires above " + Html.num(t));
  }

  /** The diversity ratio over ticks, definition 5's threshold and where it first fired. */
  static JFreeChart diversityChart(RunDir run, List<String> models) {
    List<Charts.Line> lines = OverTicks.lines(run.metrics(), models, DIVERSITY_RATIO.name(), false);
    double t = run.thresholds().diversityMin();
    return OverTicks.mark(
        Charts.lines("Diversity ratio", RunReport.NO_REPLICATES, "tick", "diversity ratio", lines),
        run.metrics(),
        lines,
        Definition.COLLAPSING_VARIANCE,
        t,
        "d5 fires below " + Html.num(t));
  }
}
