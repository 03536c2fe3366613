package ouroboros.sim.report;

import static ouroboros.sim.output.MetricCatalogue.DIVERSITY_RATIO;
import static ouroboros.sim.output.MetricCatalogue.GENERATION;
import static ouroboros.sim.output.MetricCatalogue.POPULATION_RISK;
import static ouroboros.sim.output.MetricCatalogue.TRAIN_HUMAN_SHARE;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ouroboros.agents.collapse.Definition;
import ouroboros.sim.output.SweepLayout;

/**
 * The tables of the sweep report ({@link SweepReport}): the final values per cell and model, with
 * 95% CIs across replicates, and the share of replicates in which each collapse definition fires.
 */
final class SweepTables {
  private SweepTables() {}

  /** One row per cell and model: means, and 95% CIs for risk and diversity. */
  static void summary(Html h, SweepDir s) {
    List<String> header = new ArrayList<>(List.of("<cell"));
    s.params().forEach(p -> header.add("<" + p));
    header.addAll(
        List.of(
            "<model",
            "runs",
            GENERATION.name(),
            "risk (95% CI)",
            "diversity ratio (95% CI)",
            "human share",
            "fit failures"));
    h.table(header);
    for (SweepDir.Cell c : s.cells()) {
      for (String m : s.shown()) {
        h.tr().td("l", Integer.toString(c.id()), "");
        c.values().forEach(v -> h.td("l", v, ""));
        int runs =
            Math.max(
                s.values(c.id(), m, GENERATION.name()).size(),
                s.values(c.id(), m, POPULATION_RISK.name()).size());
        h.td("l", m, "")
            .td("", Integer.toString(runs), "")
            .td("", Html.sig(Bands.meanCi(s.values(c.id(), m, GENERATION.name()))[0]), "")
            .td("", meanOf(s.values(c.id(), m, POPULATION_RISK.name())), "")
            .td("", meanOf(s.values(c.id(), m, DIVERSITY_RATIO.name())), "")
            .td("", Html.sig(Bands.meanCi(s.values(c.id(), m, TRAIN_HUMAN_SHARE.name()))[0]), "")
            .td("", Html.sig(Bands.meanCi(s.values(c.id(), m, "fit-failures"))[0]), "")
            .endTr();
      }
    }
    h.endTable();
    h.note(
        "Means over each cell's replicates of the final values in sweep.csv; the interval is "
            + "mean ± t(0.975, n−1) sd/√n. A mean over replicates of which some are infinite is "
            + "∞, as in summary.csv, with how many were. The "
            + "diversity ratio is the variance ratio in continuous domains and the entropy ratio "
            + "in discrete ones (categorical, n-gram text).");
  }

  /**
   * The mean of a cell's replicates with its interval ({@link #withCi}), or ∞ when some are
   * infinite (summary.csv's mean then is Infinity; the mean of the finite ones alone, under the
   * count of every replicate, read as if none had diverged), with how many of them; - for none.
   */
  static String meanOf(List<Double> values) {
    long infinite = values.stream().filter(v -> v == Double.POSITIVE_INFINITY).count();
    if (infinite == 0) {
      return withCi(Bands.meanCi(values));
    }
    long known = values.stream().filter(v -> !Double.isNaN(v)).count();
    return infinite == known ? "∞" : "∞ (" + infinite + " of " + known + " infinite)";
  }

  /** "0.1234 [0.1000, 0.1500]" to four significant digits, the mean alone for one replicate. */
  private static String withCi(double[] m) {
    return m[3] < 2
        ? Html.sig(m[0])
        : Html.sig(m[0]) + " [" + Html.sig(m[1]) + ", " + Html.sig(m[2]) + "]";
  }

  /** The share of replicates in which each definition fires, per cell and model. */
  static void verdicts(Html h, SweepDir s) {
    List<String> first = new ArrayList<>(List.of("cell"));
    first.addAll(s.params());
    first.add("model");
    RunReport.definitionHeader(h, first.toArray(new String[0]));
    for (SweepDir.Cell c : s.cells()) {
      for (String m : s.shown()) {
        h.tr().td("l", Integer.toString(c.id()), "");
        c.values().forEach(v -> h.td("l", v, ""));
        h.td("l", m, "");
        for (Definition d : Definition.values()) {
          double[] yesOf = share(s, c.id(), m, d.index());
          if (yesOf[1] == 0) {
            h.td("na c", "n/a", "does not apply in any replicate");
          } else if (SweepLayout.isPopulation(m)) {
            double f = yesOf[0] / yesOf[1];
            h.raw(
                "<td class=\"c\" style=\"background:"
                    + shade(f)
                    + "\" title=\"fires for "
                    + String.format(Locale.ROOT, "%.1f", 100 * f)
                    + "% of the models where it applies, on average over the "
                    + (int) yesOf[1]
                    + " replicates where it applies to some\">"
                    + String.format(Locale.ROOT, "%.0f%%", 100 * f)
                    + "</td>");
          } else {
            double f = (double) yesOf[0] / yesOf[1];
            h.raw(
                "<td class=\"c\" style=\"background:"
                    + shade(f)
                    + "\" title=\""
                    + String.format(Locale.ROOT, "%.2f", f)
                    + ": fires in "
                    + (int) yesOf[0]
                    + " of the "
                    + (int) yesOf[1]
                    + " replicates where it applies\">"
                    + (int) yesOf[0]
                    + "/"
                    + (int) yesOf[1]
                    + "</td>");
          }
        }
        h.endTr();
      }
    }
    h.endTable();
    h.note(
        (s.populations().isEmpty()
                ? "k/n: the definition fires at the end of k of the n replicates where it applies "
                    + "(n/a: it applies in none)"
                : "Per population: the share of its models that the definition fires for at the"
                    + " end (among those where it applies), averaged over the replicates where it"
                    + " applies to some (n/a: it applies in none)")
            + "; the colour goes from green (none) to red (all).");
  }

  /**
   * {yes, applicable} for definition {@code d} of a model in a cell: from sweep.csv's {@code
   * dN-verdict} values, else from the replicates' summary.json. For a population ({@code
   * population:<id>}), whose verdict value is the share of its models the definition fires for, yes
   * sums those shares, so that yes / applicable is their mean over the replicates.
   */
  static double[] share(SweepDir s, int cell, String model, int d) {
    List<Double> v = s.values(cell, model, Definition.values()[d - 1].verdictMetric());
    if (v.isEmpty()) {
      v = new ArrayList<>();
      for (RunDir r : s.runs().getOrDefault(cell, List.of())) {
        for (RunDir.ModelFinal m : r.models()) {
          if (m.id().equals(model)) {
            String x = m.verdicts().get(d - 1);
            v.add(x.equals("yes") ? 1.0 : x.equals("no") ? 0.0 : Double.NaN);
          }
        }
      }
    }
    boolean population = SweepLayout.isPopulation(model);
    double yes = 0;
    int of = 0;
    for (double x : v) {
      if (!Double.isNaN(x)) {
        of++;
        yes += population ? x : x == 1 ? 1 : 0;
      }
    }
    return new double[] {yes, of};
  }

  /** From the "no" green to the "yes" red of the run report. */
  private static String shade(double f) {
    int[] no = {0xC9, 0xE7, 0xC3};
    int[] yes = {0xF4, 0xB6, 0xB0};
    return String.format(
        Locale.ROOT,
        "#%02x%02x%02x",
        Math.round(no[0] + (yes[0] - no[0]) * f),
        Math.round(no[1] + (yes[1] - no[1]) * f),
        Math.round(no[2] + (yes[2] - no[2]) * f));
  }
}
