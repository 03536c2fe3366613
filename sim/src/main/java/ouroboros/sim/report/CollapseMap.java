package ouroboros.sim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import ouroboros.agents.collapse.Definition;

/**
 * The collapse map of a sweep. With two swept paths: a heatmap of the chosen model's mean final
 * metric per cell, and the collapse boundary, drawn between the cells where the chosen definition
 * fires in at least half the replicates and the others. With three: one such heatmap of the other
 * two paths per value of the faceted path (small multiples), all on the same colour scale. With
 * one: the metric against the swept value ({@link CollapseLine}). A metric that spans two decades
 * or more is coloured by its log10.
 */
final class CollapseMap {
  /** Most facets in a row. */
  static final int FACETS_PER_ROW = 2;

  /** The gap between facets, in CSS pixels (as in the page's style sheet). */
  static final int FACET_GAP = 18;

  /** The height of a facet, in CSS pixels. */
  static final int FACET_HEIGHT = 460;

  private CollapseMap() {}

  /**
   * One heatmap's values.
   *
   * @param xs the values on x
   * @param ys the values on y
   * @param z the mean final metric, {@code z[i][j]} at (xs[i], ys[j]); NaN when missing or infinite
   * @param share the share of replicates in which the definition fires; NaN when it applies in none
   * @param cells the cells drawn
   * @param firing the cells where it fires in at least half the replicates
   * @param infinite the cells with an infinite value
   */
  private record Grid(
      List<String> xs,
      List<String> ys,
      double[][] z,
      double[][] share,
      int cells,
      int firing,
      int infinite) {}

  /** The section's body; {@code facet} is the faceted path's index in a 3-path sweep. */
  static void render(Html h, SweepDir s, String model, String metric, int definition, int facet) {
    Definition d = Definition.values()[definition - 1];
    String def = "d" + d.index() + " (" + d.title() + ")";
    if (s.params().size() == 3) {
      facets(h, s, model, metric, def, definition, facet);
    } else if (s.params().size() == 2) {
      heatmap(h, s, model, metric, def, definition);
    } else if (s.params().size() == 1) {
      CollapseLine.render(h, s, model, metric, def, definition);
    } else {
      h.note(
          "The collapse map needs a sweep of one, two or three paths; this one sweeps "
              + s.params().size()
              + (s.params().isEmpty() ? "." : ": " + s.params() + "."));
    }
  }

  /**
   * A note when no cell of {@code grids} has a value (a metric that does not apply in the domain,
   * such as d6-modes-recovered for a Gaussian): the colours then say nothing, only the shares and
   * the boundary do.
   */
  private static void noValues(Html h, List<Grid> grids, String model, String metric) {
    if (grids.stream()
        .anyMatch(
            g ->
                g.infinite() > 0
                    || java.util.Arrays.stream(g.z())
                        .flatMapToDouble(java.util.Arrays::stream)
                        .anyMatch(z -> !Double.isNaN(z)))) {
      return;
    }
    h.note(
        "No cell has a value of "
            + metric
            + " for "
            + model
            + " (it does not apply in this domain, or no replicate wrote it), so the colours below"
            + " say nothing; choose another with --metric.");
  }

  /** The 2-D heatmap with the boundary. */
  private static void heatmap(
      Html h, SweepDir s, String model, String metric, String def, int definition) {
    Grid g = grid(s, model, metric, definition, 0, 1, -1, null);
    noValues(h, List.of(g), model, metric);
    boolean log = wide(List.of(g));
    if (log) {
      log10(g);
    }
    List<double[]> boundary = Contour.cellEdges(g.share(), 0.5);
    String zLabel = log ? "log10 " + metric : metric;
    String sub =
        String.format(
                Locale.ROOT,
                "%s, mean over replicates. %s fires in at least "
                    + "half the replicates in %d of %d cells; the white line separates the cells "
                    + "where it does from the others; each cell shows the share.",
                model,
                def,
                g.firing(),
                g.cells())
            + (g.infinite() > 0
                ? " " + g.infinite() + " cells with an infinite value are grey."
                : "");
    JFreeChart chart =
        Heatmap.chart(
            "Final " + metric + " of " + model,
            sub,
            s.params().get(0),
            g.xs(),
            s.params().get(1),
            g.ys(),
            g.z(),
            zLabel,
            g.share(),
            boundary);
    boolean predicted =
        Heatmap.predicted(
            chart, PredictedBoundary.segments(s.defaults().predicted(), "", g.xs(), g.ys()));
    h.figure(
        () ->
            ChartImage.render(
                "chart-heatmap",
                "heatmap of final " + metric + " of " + model + " with the collapse boundary",
                chart,
                RunReport.WIDTH,
                560),
        "Colour: mean final "
            + zLabel
            + " of "
            + model
            + ". Line: the collapse boundary, drawn between the cells where "
            + def
            + " fires in at least half the replicates and the others."
            + (predicted ? PREDICTED : "")
            + " Choose with --metric, --model and --definition.");
    if (boundary.isEmpty()) {
      h.note("No boundary: " + noBoundary(g));
    }
  }

  /**
   * Small multiples for a 3-D sweep: per value of the faceted path, the heatmap of the other two
   * (the first on x, the second on y), all on one colour scale, each with its boundary.
   */
  private static void facets(
      Html h, SweepDir s, String model, String metric, String def, int definition, int facet) {
    int xp = facet == 0 ? 1 : 0;
    int yp = facet == 2 ? 1 : 2;
    List<String> fs = SweepReport.values(s, facet);
    List<Grid> grids = new ArrayList<>();
    for (String f : fs) {
      grids.add(grid(s, model, metric, definition, xp, yp, facet, f));
    }
    noValues(h, grids, model, metric);
    boolean log = wide(grids);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Grid g : grids) {
      if (log) {
        log10(g);
      }
      double[] r = Heatmap.range(g.z());
      lo = Math.min(lo, r[0]);
      hi = Math.max(hi, r[1]);
    }
    String zLabel = log ? "log10 " + metric : metric;
    List<String> names = shortNames(s.params());
    String fp = names.get(facet);
    int perRow = Math.min(FACETS_PER_ROW, fs.size());
    int width = (RunReport.WIDTH - FACET_GAP * (perRow - 1)) / perRow - 2; // 1px borders
    List<String> quiet = new ArrayList<>();
    boolean anyPredicted = false;
    h.raw("<div class=\"facets\">\n");
    for (int k = 0; k < fs.size(); k++) {
      Grid g = grids.get(k);
      List<double[]> boundary = Contour.cellEdges(g.share(), 0.5);
      if (boundary.isEmpty()) {
        quiet.add(fp + " = " + fs.get(k) + ": " + noBoundary(g));
      }
      String sub =
          String.format(
                  Locale.ROOT,
                  "%s fires in %d of %d cells",
                  def.substring(0, 2),
                  g.firing(),
                  g.cells())
              + (g.infinite() > 0 ? "; " + g.infinite() + " infinite (grey)" : "");
      JFreeChart chart =
          Heatmap.chart(
              fp + " = " + fs.get(k),
              sub,
              names.get(xp),
              g.xs(),
              names.get(yp),
              g.ys(),
              g.z(),
              zLabel,
              g.share(),
              boundary,
              lo,
              hi);
      anyPredicted |=
          Heatmap.predicted(
              chart,
              PredictedBoundary.segments(s.defaults().predicted(), fs.get(k), g.xs(), g.ys()));
      String id = "chart-heatmap-" + k;
      String alt =
          "heatmap of final "
              + metric
              + " of "
              + model
              + " at "
              + fp
              + " = "
              + fs.get(k)
              + " with the collapse boundary";
      h.figure(() -> ChartImage.render(id, alt, chart, width, FACET_HEIGHT), "");
    }
    h.raw("</div>\n");
    h.note(
        "One heatmap per value of "
            + s.params().get(facet)
            + ", on the same colour scale; x: "
            + s.params().get(xp)
            + ", y: "
            + s.params().get(yp)
            + ". Colour: mean final "
            + zLabel
            + " of "
            + model
            + " over replicates. Number: the share of replicates in which "
            + def
            + " fires; a cell fires when that share is at least 0.5. White line: the "
            + "collapse boundary, between the cells that fire and the others."
            + (anyPredicted ? PREDICTED : "")
            + " Choose with --metric, --model, --definition and --facet, or in the sweep "
            + "file's report: key.");
    if (!quiet.isEmpty()) {
      h.note("No boundary at " + String.join("; ", quiet));
    }
  }

  /** The values of one heatmap: path xp on x, yp on y, over the cells where fp has value fv. */
  private static Grid grid(
      SweepDir s, String model, String metric, int definition, int xp, int yp, int fp, String fv) {
    List<String> xs = SweepReport.values(s, xp);
    List<String> ys = SweepReport.values(s, yp);
    double[][] z = new double[xs.size()][ys.size()];
    double[][] share = new double[xs.size()][ys.size()];
    for (int i = 0; i < xs.size(); i++) {
      java.util.Arrays.fill(z[i], Double.NaN);
      java.util.Arrays.fill(share[i], Double.NaN);
    }
    int cells = 0;
    int infinite = 0;
    int firing = 0;
    for (SweepDir.Cell c : s.cells()) {
      if (fp >= 0 && !c.values().get(fp).equals(fv)) {
        continue;
      }
      cells++;
      int i = xs.indexOf(c.values().get(xp));
      int j = ys.indexOf(c.values().get(yp));
      List<Double> v = s.values(c.id(), model, metric);
      if (v.stream().anyMatch(x -> Double.isInfinite(x))) {
        infinite++;
      } else {
        z[i][j] = Bands.meanCi(v)[0];
      }
      double[] yesOf = SweepTables.share(s, c.id(), model, definition);
      if (yesOf[1] > 0) {
        share[i][j] = yesOf[0] / yesOf[1];
        firing += share[i][j] >= 0.5 ? 1 : 0;
      }
    }
    return new Grid(xs, ys, z, share, cells, firing, infinite);
  }

  /**
   * Short names of the paths for narrow charts: each path's last two keys ({@code watermark.rate}
   * for {@code models[lab].watermark.rate}), or the last one when the path has only two; the whole
   * paths when two short names would be the same.
   */
  static List<String> shortNames(List<String> params) {
    List<String> out = new ArrayList<>();
    for (String p : params) {
      String[] keys = p.split("\\.");
      out.add(
          keys.length >= 3
              ? keys[keys.length - 2] + "." + keys[keys.length - 1]
              : keys[keys.length - 1]);
    }
    return out.stream().distinct().count() == out.size() ? out : List.copyOf(params);
  }

  private static final String PREDICTED =
      " Dashed orange line: the predicted boundary the sweep file declares (report.predicted).";

  /** Why a heatmap has no boundary. */
  private static String noBoundary(Grid g) {
    return g.firing() == 0
        ? "the definition fires in fewer than half the replicates of every " + "cell."
        : g.firing() == g.cells()
            ? "the definition fires in at least half the " + "replicates of every cell."
            : "the cells that fire are not next to cells that do not.";
  }

  /** Replaces each value of the grid by its log10. */
  private static void log10(Grid g) {
    for (double[] row : g.z()) {
      for (int j = 0; j < row.length; j++) {
        row[j] = Math.log10(row[j]);
      }
    }
  }

  /** True when the grids' finite values are all positive and span two decades or more. */
  private static boolean wide(List<Grid> grids) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Grid g : grids) {
      for (double[] row : g.z()) {
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
    }
    return min < Double.POSITIVE_INFINITY && max / min >= 100;
  }
}
