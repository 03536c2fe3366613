package ouroboros.sim.report;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * The collapse map of a sweep of one path: the final metric of each model against the swept value,
 * the mean and 95% CI over replicates, with a dashed line where the share of the chosen model's
 * replicates in which the chosen definition fires crosses 0.5. A value whose replicates include an
 * infinite one has an infinite mean, as in summary.csv: it is not drawn, and the subtitle counts
 * it.
 */
final class CollapseLine {
  private CollapseLine() {}

  /**
   * The chart and how many times the share crosses 0.5.
   *
   * @param chart the chart
   * @param crossings the dashed lines drawn
   */
  record Drawn(JFreeChart chart, int crossings) {}

  /** The section's body; {@code def} names the definition ("d3 (title)"). */
  static void render(Html h, SweepDir s, String model, String metric, String def, int definition) {
    Drawn d = chart(s, model, metric, def, definition);
    h.figure(
        () ->
            ChartImage.render(
                "chart-heatmap",
                "final " + metric + " against " + s.params().get(0),
                d.chart(),
                RunReport.WIDTH,
                RunReport.HEIGHT),
        d.crossings() == 0
            ? "The share of replicates in which "
                + def
                + " fires does not cross "
                + "0.5 in this sweep."
            : "");
  }

  /** The chart of {@code metric} against the swept value, with the crossings of {@code model}. */
  static Drawn chart(SweepDir s, String model, String metric, String def, int definition) {
    List<String> xs = SweepReport.values(s, 0);
    List<Charts.Line> lines = new ArrayList<>();
    for (String m : s.shown()) {
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
        double[] ci = Bands.point(v);
        y[i] = ci[0];
        lo[i] = ci[1];
        hi[i] = ci[2];
      }
      lines.add(new Charts.Line(m, x, y, lo, hi));
    }
    double[] share = new double[xs.size()];
    for (int i = 0; i < xs.size(); i++) {
      double yes = 0;
      int of = 0;
      for (SweepDir.Cell c : s.cells()) {
        if (c.values().get(0).equals(xs.get(i))) {
          double[] yo = SweepTables.share(s, c.id(), model, definition);
          yes += yo[0];
          of += yo[1];
        }
      }
      share[i] = of == 0 ? Double.NaN : yes / of;
    }
    JFreeChart chart =
        Charts.lines(
            "Final " + metric,
            "Mean and 95% CI over replicates; a mean over replicates of which some are infinite"
                + " is infinite, as in summary.csv. Dashed: where the share of "
                + model
                + "'s replicates in which "
                + def
                + " fires crosses 0.5.",
            s.params().get(0),
            metric,
            lines,
            xs);
    int crossings = 0;
    for (int i = 0; i + 1 < xs.size(); i++) {
      double a = share[i];
      double b = share[i + 1];
      if (!Double.isNaN(a) && !Double.isNaN(b) && (a >= 0.5) != (b >= 0.5)) {
        Charts.marker(chart, i + (0.5 - a) / (b - a), def.substring(0, 2) + " boundary");
        crossings++;
      }
    }
    return new Drawn(chart, crossings);
  }
}
