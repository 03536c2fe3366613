package ouroboros.sim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * The heatmap of a 2-D sweep: one block per cell, coloured by a metric through JFreeChart's {@link
 * XYBlockRenderer} and a viridis {@link PaintScale}, with the collapse boundary (a {@link Contour}
 * of the verdict share at 0.5) drawn over it as white segments edged in black, and each cell's
 * verdict share written in it.
 */
final class Heatmap {
  /** Colour of a cell without a value. */
  static final Color MISSING = new Color(0xCCCCCC);

  private Heatmap() {}

  /**
   * A heatmap chart.
   *
   * @param title the title
   * @param subtitle the subtitle
   * @param xLabel the swept path on x
   * @param xs its values, in order
   * @param yLabel the swept path on y
   * @param ys its values, in order
   * @param z the coloured value, {@code z[i][j]} at (xs[i], ys[j]); NaN is grey
   * @param zLabel the legend's label
   * @param share the verdict share per cell, written in it (NaN: nothing written)
   * @param boundary segments {x1, y1, x2, y2} in index coordinates
   */
  static JFreeChart chart(
      String title,
      String subtitle,
      String xLabel,
      List<String> xs,
      String yLabel,
      List<String> ys,
      double[][] z,
      String zLabel,
      double[][] share,
      List<double[]> boundary) {
    double[] r = range(z);
    return chart(title, subtitle, xLabel, xs, yLabel, ys, z, zLabel, share, boundary, r[0], r[1]);
  }

  /**
   * A heatmap chart whose colour scale runs from {@code lo} to {@code hi}, so that several heatmaps
   * can share one scale; the other parameters are those of the chart above.
   */
  static JFreeChart chart(
      String title,
      String subtitle,
      String xLabel,
      List<String> xs,
      String yLabel,
      List<String> ys,
      double[][] z,
      String zLabel,
      double[][] share,
      List<double[]> boundary,
      double lo,
      double hi) {
    if (!(lo < hi)) {
      // One value: a scale around it that does not cross zero for a value that is not negative
      // (a risk of 0.039 got a scale from -0.46 to 0.54).
      double mid = Double.isFinite(lo) ? lo : 0;
      double pad = mid == 0 ? 0.5 : Math.abs(mid) / 2;
      lo = mid >= 0 ? Math.max(0, mid - pad) : mid - pad;
      hi = mid + pad;
    }
    int n = xs.size() * ys.size();
    double[][] xyz = new double[3][n];
    int k = 0;
    for (int i = 0; i < xs.size(); i++) {
      for (int j = 0; j < ys.size(); j++) {
        xyz[0][k] = i;
        xyz[1][k] = j;
        xyz[2][k] = z[i][j];
        k++;
      }
    }
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries(zLabel, xyz);
    Viridis scale = new Viridis(lo, hi);
    XYBlockRenderer r = new XYBlockRenderer();
    r.setPaintScale(scale);
    SymbolAxis x = axis(xLabel, xs);
    SymbolAxis y = axis(yLabel, ys);
    XYPlot plot = new XYPlot(data, x, y, r);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    for (double[] s : boundary) {
      plot.addAnnotation(
          new XYLineAnnotation(
              s[0],
              s[1],
              s[2],
              s[3],
              new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND),
              Color.BLACK));
    }
    for (double[] s : boundary) {
      plot.addAnnotation(
          new XYLineAnnotation(
              s[0],
              s[1],
              s[2],
              s[3],
              new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND),
              Color.WHITE));
    }
    if (xs.size() <= 16 && ys.size() <= 16) {
      Font font = new Font(Font.SANS_SERIF, Font.BOLD, 12);
      for (int i = 0; i < xs.size(); i++) {
        for (int j = 0; j < ys.size(); j++) {
          if (!Double.isNaN(share[i][j])) {
            XYTextAnnotation t =
                new XYTextAnnotation(String.format(Locale.ROOT, "%.2f", share[i][j]), i, j);
            t.setFont(font);
            t.setPaint(textOn(Double.isNaN(z[i][j]) ? MISSING : scale.getPaint(z[i][j])));
            plot.addAnnotation(t);
          }
        }
      }
    }
    JFreeChart chart = Charts.style(new JFreeChart(title, Charts.TITLE, plot, false), subtitle);
    NumberAxis legendAxis = new NumberAxis(zLabel);
    legendAxis.setLabelFont(Charts.LABEL);
    legendAxis.setTickLabelFont(Charts.SMALL);
    legendAxis.setRange(lo, hi);
    PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
    legend.setSubdivisionCount(256);
    legend.setAxisLocation(AxisLocation.TOP_OR_RIGHT);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(new RectangleInsets(24, 12, 24, 8));
    legend.setStripWidth(16);
    legend.setFrame(BlockBorder.NONE);
    chart.addSubtitle(legend);
    return chart;
  }

  /** The colour of a predicted boundary. */
  static final Color PREDICTED = new Color(0xFF7F0E);

  /**
   * Draws a predicted boundary, segments {x1, y1, x2, y2} in index coordinates, as a dashed line
   * over the heatmap; true when there was one to draw.
   */
  static boolean predicted(JFreeChart chart, List<double[]> segments) {
    for (double[] s : segments) {
      chart
          .getXYPlot()
          .addAnnotation(
              new XYLineAnnotation(
                  s[0],
                  s[1],
                  s[2],
                  s[3],
                  new BasicStroke(
                      3f,
                      BasicStroke.CAP_BUTT,
                      BasicStroke.JOIN_ROUND,
                      1f,
                      new float[] {9f, 6f},
                      0f),
                  PREDICTED));
    }
    return !segments.isEmpty();
  }

  /** {lowest, highest} finite value of {@code z}; {+inf, -inf} when there is none. */
  static double[] range(double[][] z) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] row : z) {
      for (double v : row) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    return new double[] {lo, hi};
  }

  /** A category axis over indices 0..n-1, labelled by the values. */
  private static SymbolAxis axis(String label, List<String> values) {
    SymbolAxis a = new SymbolAxis(label, values.toArray(new String[0]));
    a.setGridBandsVisible(false);
    a.setRange(-0.5, values.size() - 0.5);
    a.setLabelFont(Charts.LABEL);
    a.setTickLabelFont(Charts.SMALL);
    return a;
  }

  /** Black on a light colour, white on a dark one. */
  private static Paint textOn(Paint p) {
    Color c = (Color) p;
    double luma = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    return luma > 140 ? Color.BLACK : Color.WHITE;
  }

  /**
   * The viridis colour map (van der Walt and Smith, matplotlib 2015), perceptually uniform and
   * readable in grey, from eight of its stops; NaN is grey.
   */
  static final class Viridis implements PaintScale {
    private static final int[] STOPS = {
      0x440154, 0x46327E, 0x365C8D, 0x277F8E, 0x1FA187, 0x4AC16D, 0xA0DA39, 0xFDE725
    };
    private final double lo;
    private final double hi;

    /** A scale from {@code lo} (dark purple) to {@code hi} (yellow). */
    Viridis(double lo, double hi) {
      this.lo = lo;
      this.hi = hi;
    }

    @Override
    public double getLowerBound() {
      return lo;
    }

    @Override
    public double getUpperBound() {
      return hi;
    }

    @Override
    public Paint getPaint(double value) {
      if (Double.isNaN(value)) {
        return MISSING;
      }
      double t = Math.max(0, Math.min(1, (value - lo) / (hi - lo))) * (STOPS.length - 1);
      int i = Math.min((int) t, STOPS.length - 2);
      double f = t - i;
      Color a = new Color(STOPS[i]);
      Color b = new Color(STOPS[i + 1]);
      return new Color(
          mix(a.getRed(), b.getRed(), f),
          mix(a.getGreen(), b.getGreen(), f),
          mix(a.getBlue(), b.getBlue(), f));
    }

    /** Linear interpolation of one channel. */
    private static int mix(int a, int b, double f) {
      return (int) Math.round(a + (b - a) * f);
    }
  }
}
