package ouroboros.sim.cli;

import static ouroboros.sim.output.MetricCatalogue.GENERATION;
import static ouroboros.sim.output.MetricCatalogue.POPULATION_RISK;
import static ouroboros.sim.output.MetricCatalogue.TRAIN_HUMAN_SHARE;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ouroboros.agents.collapse.Verdict;
import ouroboros.agents.domain.Metrics;
import ouroboros.agents.model.ModelSettings;
import ouroboros.agents.model.RetrainReport;
import ouroboros.sim.engine.World;
import ouroboros.sim.output.PopulationStats;
import ouroboros.sim.output.RunSummary;

/**
 * The end-of-run table: one row per model, with its diversity ratio titled as what it is in the
 * domain (variance or entropy ratio), and the eight collapse verdicts as one letter each (Y fires,
 * n does not, - does not apply), in the order of SCIENCE.md. A run that aggregates per population
 * (beyond 1,000 models, or with models left out: see {@code OutputOptions}) gets one row per
 * population instead: its models, the median generation, the risk's mean, median and 5% and 95%
 * quantiles, the mean human share, and the percentage of its models each definition fires for.
 */
final class SummaryTable {
  private SummaryTable() {}

  static void print(PrintWriter out, World world, RunSummary summary) {
    if (summary.aggregates()) {
      printPopulations(out, summary);
      return;
    }
    List<ModelSettings> models = world.models();
    List<String> regimes = new java.util.ArrayList<>();
    int regimeWidth = 20; // "accumulate +20% fresh" and longer labels widen the column
    for (ModelSettings m : models) {
      String regime =
          m.regime().key()
              + (m.freshHumanFraction() > 0
                  ? String.format(Locale.ROOT, " +%.0f%% fresh", 100 * m.freshHumanFraction())
                  : "");
      regimes.add(regime);
      regimeWidth = Math.max(regimeWidth, regime.length());
    }
    String fmt =
        "%-" + width(world) + "s  %-" + regimeWidth + "s  %10s  %12s  %14s  %11s  %12s  %-8s%n";
    out.printf(
        Locale.ROOT,
        fmt,
        "model",
        "regime",
        GENERATION.name(),
        "risk",
        world.domain().diversityRatioName(),
        "human share",
        "fit failures",
        "12345678");
    for (int i = 0; i < models.size(); i++) {
      RetrainReport r = summary.latest(i);
      String regime = regimes.get(i);
      if (r == null) {
        out.printf(Locale.ROOT, fmt, models.get(i).id(), regime, "0", "-", "-", "-", "0", "");
        continue;
      }
      out.printf(
          Locale.ROOT,
          fmt,
          models.get(i).id(),
          regime,
          r.generation(),
          num(r.evaluation().get(Metrics.POPULATION_RISK)),
          num(r.evaluation().get(Metrics.DIVERSITY_RATIO)),
          num(r.composition().humanShare()),
          r.fitFailures(),
          verdicts(r));
    }
    out.flush();
  }

  /** One row per population. */
  static void printPopulations(PrintWriter out, RunSummary summary) {
    List<PopulationStats.Population> pops = summary.populations();
    int w = "population".length();
    for (PopulationStats.Population p : pops) {
      w = Math.max(w, p.id().length());
    }
    String fmt = "%-" + w + "s  %8s  %10s  %12s  %12s  %12s  %12s  %11s  %s%n";
    out.printf(
        Locale.ROOT,
        fmt,
        "population",
        "models",
        "generation",
        "risk mean",
        "risk median",
        "risk q05",
        "risk q95",
        "human share",
        "% firing d1..d8");
    for (PopulationStats.Population p : pops) {
      PopulationStats.Stat risk = p.metrics().get(POPULATION_RISK.name());
      PopulationStats.Stat gen = p.metrics().get(GENERATION.name());
      PopulationStats.Stat human = p.metrics().get(TRAIN_HUMAN_SHARE.name());
      out.printf(
          Locale.ROOT,
          fmt,
          p.id(),
          p.models(),
          gen == null ? "0" : num0(gen.quantile("median")),
          risk == null ? "-" : num(risk.mean()),
          risk == null ? "-" : num(risk.quantile("median")),
          risk == null ? "-" : num(risk.quantile("q05")),
          risk == null ? "-" : num(risk.quantile("q95")),
          human == null ? "-" : num(human.mean()),
          firing(p.verdicts()));
    }
    out.flush();
  }

  /**
   * Per definition d1..d8, the percentage of the models where it applies (yes or no) that it fires
   * for, as the report and the live metrics give it; "-" where it applies to none.
   */
  static String firing(Map<String, int[]> verdicts) {
    StringBuilder b = new StringBuilder();
    for (int d = 1; d <= 8; d++) {
      int[] c = verdicts.get("d" + d);
      b.append(d > 1 ? " " : "")
          .append(
              c == null || c[0] + c[1] == 0
                  ? "-"
                  : String.format(Locale.ROOT, "%.0f", 100.0 * c[0] / (c[0] + c[1])));
    }
    return b.toString();
  }

  /**
   * A generation's median: a whole number, or one with a decimal when it falls between two (2.5,
   * not 3), or "-" for a missing value.
   */
  static String num0(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    return String.format(Locale.ROOT, v == Math.rint(v) ? "%.0f" : "%.1f", v);
  }

  /** One letter per definition: Y fires, n does not, - does not apply. */
  static String verdicts(RetrainReport r) {
    StringBuilder b = new StringBuilder();
    for (Verdict v : r.verdicts()) {
      b.append(
          switch (v.state()) {
            case YES -> 'Y';
            case NO -> 'n';
            case NOT_APPLICABLE -> '-';
          });
    }
    return b.toString();
  }

  /** Four significant decimals, or "-" for a missing value. */
  private static String num(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
  }

  /** Width of the model column. */
  private static int width(World world) {
    int w = "model".length();
    for (ModelSettings m : world.models()) {
      w = Math.max(w, m.id().length());
    }
    return w;
  }
}
