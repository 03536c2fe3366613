package ouroboros.sim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import ouroboros.agents.collapse.Definition;

/**
 * The collapse map of a sweep. With two swept paths: a heatmap of the chosen model's mean final
 * metric per cell, and the collapse boundary, the contour where the share of replicates in which
 * the chosen definition fires crosses 0.5. With one: the metric against the swept value, with a
 * dashed line where that share crosses 0.5. A metric that spans two decades or more is coloured
 * by its log10.
 */
final class CollapseMap {
  private CollapseMap() {}

  /** The section's body. */
  static void render(Html h, SweepDir s, String model, String metric, int definition) {
    Definition d = Definition.values()[definition - 1];
    String def = "d" + d.index() + " (" + d.title() + ")";
    if (s.params().size() == 2) {
      heatmap(h, s, model, metric, def, definition);
    } else if (s.params().size() == 1) {
      oneDimension(h, s, model, metric, def, definition);
    } else {
      h.note("The collapse map needs a sweep of one or two paths; this one sweeps "
          + s.params().size() + (s.params().isEmpty() ? "." : ": " + s.params() + "."));
    }
  }

  /** The 2-D heatmap with the boundary. */
  private static void heatmap(Html h, SweepDir s, String model, String metric, String def,
      int definition) {
    List<String> xs = SweepReport.values(s, 0);
    List<String> ys = SweepReport.values(s, 1);
    double[][] z = new double[xs.size()][ys.size()];
    double[][] share = new double[xs.size()][ys.size()];
    for (double[] row : z) {
      java.util.Arrays.fill(row, Double.NaN);
    }
    for (double[] row : share) {
      java.util.Arrays.fill(row, Double.NaN);
    }
    int infinite = 0;
    int firing = 0;
    for (SweepDir.Cell c : s.cells()) {
      int i = xs.indexOf(c.values().get(0));
      int j = ys.indexOf(c.values().get(1));
      List<Double> v = s.values(c.id(), model, metric);
      if (v.stream().anyMatch(x -> Double.isInfinite(x))) {
        infinite++;
      } else {
        z[i][j] = Bands.meanCi(v)[0];
      }
      int[] yesOf = SweepReport.share(s, c.id(), model, definition);
      if (yesOf[1] > 0) {
        share[i][j] = (double) yesOf[0] / yesOf[1];
        firing += share[i][j] >= 0.5 ? 1 : 0;
      }
    }
    boolean log = wide(z);
    if (log) {
      for (double[] row : z) {
        for (int j = 0; j < row.length; j++) {
          row[j] = Math.log10(row[j]);
        }
      }
    }
    List<double[]> boundary = Contour.segments(share, 0.5);
    String zLabel = log ? "log10 " + metric : metric;
    String sub = String.format(Locale.ROOT, "%s, mean over replicates. %s fires in at least "
        + "half the replicates in %d of %d cells; the white line is where that share crosses "
        + "0.5; each cell shows the share.", model, def, firing, s.cells().size())
        + (infinite > 0 ? " " + infinite + " cells with an infinite value are grey." : "");
    JFreeChart chart = Heatmap.chart("Final " + metric + " of " + model, sub,
        s.params().get(0), xs, s.params().get(1), ys, z, zLabel, share, boundary);
    h.figure(() -> ChartImage.render("chart-heatmap", "heatmap of final " + metric + " of " + model
        + " with the collapse boundary", chart, RunReport.WIDTH, 560),
        "Colour: mean final " + zLabel + " of " + model + ". Line: the collapse boundary, the "
            + "0.5 contour of the share of replicates in which " + def + " fires (marching "
            + "squares between cell centres). Choose with --metric, --model and --definition.");
    if (boundary.isEmpty()) {
      h.note("No boundary: " + (firing == 0 ? "the definition fires in fewer than half the "
          + "replicates of every cell." : firing == s.cells().size() ? "the definition fires "
          + "in at least half the replicates of every cell." : "the cells that fire are not "
          + "next to cells that do not."));
    }
  }

  /** The 1-D chart: the metric of each model against the swept value, with the crossing. */
  private static void oneDimension(Html h, SweepDir s, String model, String metric, String def,
      int definition) {
    List<String> xs = SweepReport.values(s, 0);
    List<Charts.Line> lines = new ArrayList<>();
    for (String m : s.models()) {
      double[] x = new double[xs.size()];
      double[] y = new double[xs.size()];
      double[] lo = new double[xs.size()];
      double[] hi = new double[xs.size()];
      for (int i = 0; i < xs.size(); i++) {
        x[i] = i;
        List<Double> v = new ArrayList<>();
        for (SweepDir.Cell c : s.cells()) {
          if (c.values().get(0).equals(xs.get(i))) {
            v.addAll(s.values(c.id(), m, metric));
          }
        }
        double[] ci = Bands.meanCi(v);
        y[i] = ci[0];
        lo[i] = ci[1];
        hi[i] = ci[2];
      }
      lines.add(new Charts.Line(m, x, y, lo, hi));
    }
    double[] share = new double[xs.size()];
    for (int i = 0; i < xs.size(); i++) {
      int yes = 0;
      int of = 0;
      for (SweepDir.Cell c : s.cells()) {
        if (c.values().get(0).equals(xs.get(i))) {
          int[] yo = SweepReport.share(s, c.id(), model, definition);
          yes += yo[0];
          of += yo[1];
        }
      }
      share[i] = of == 0 ? Double.NaN : (double) yes / of;
    }
    JFreeChart chart = Charts.lines("Final " + metric, "Mean and 95% CI over replicates. "
        + "Dashed: where the share of " + model + "'s replicates in which " + def
        + " fires crosses 0.5.", s.params().get(0), metric, lines, xs);
    int crossings = 0;
    for (int i = 0; i + 1 < xs.size(); i++) {
      double a = share[i];
      double b = share[i + 1];
      if (!Double.isNaN(a) && !Double.isNaN(b) && (a >= 0.5) != (b >= 0.5)) {
        Charts.marker(chart, i + (0.5 - a) / (b - a), def.substring(0, 2) + " boundary");
        crossings++;
      }
    }
    h.figure(() -> ChartImage.render("chart-heatmap", "final " + metric + " against "
        + s.params().get(0), chart, RunReport.WIDTH, RunReport.HEIGHT),
        crossings == 0 ? "The share of replicates in which " + def + " fires does not cross "
            + "0.5 in this sweep." : "");
  }

  /** True when every finite value is positive and they span two decades or more. */
  private static boolean wide(double[][] z) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double[] row : z) {
      for (double v : row) {
        if (!Double.isNaN(v)) {
          if (v <= 0) {
            return false;
          }
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    return min < Double.POSITIVE_INFINITY && max / min >= 100;
  }
}
