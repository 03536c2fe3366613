package ouroboros.sim.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import ouroboros.agents.collapse.Verdict;
import ouroboros.agents.domain.Metrics;
import ouroboros.agents.model.ModelSettings;
import ouroboros.agents.model.RetrainReport;
import ouroboros.sim.engine.World;
import ouroboros.sim.output.RunSummary;

/**
 * The end-of-run table: one row per model, with the eight collapse verdicts as one letter each (Y
 * fires, n does not, - does not apply), in the order of SCIENCE.md.
 */
final class SummaryTable {
  private SummaryTable() {}

  static void print(PrintWriter out, World world, RunSummary summary) {
    String fmt = "%-" + width(world) + "s  %-20s  %10s  %12s  %14s  %11s  %12s  %-8s%n";
    out.printf(
        Locale.ROOT,
        fmt,
        "model",
        "regime",
        "generation",
        "risk",
        "variance ratio",
        "human share",
        "fit failures",
        "12345678");
    List<ModelSettings> models = world.models();
    for (int i = 0; i < models.size(); i++) {
      RetrainReport r = summary.latest(i);
      String regime =
          models.get(i).regime().key()
              + (models.get(i).freshHumanFraction() > 0
                  ? String.format(
                      Locale.ROOT, " +%.0f%% fresh", 100 * models.get(i).freshHumanFraction())
                  : "");
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
