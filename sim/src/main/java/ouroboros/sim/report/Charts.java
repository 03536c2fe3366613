package ouroboros.sim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Line charts of the report: one line per series, each with an optional band (a 95% confidence
 * interval across replicates), drawn by JFreeChart's {@link DeviationRenderer}. A positive series
 * that spans two decades or more gets a logarithmic axis.
 */
final class Charts {
  /** Series colours: Tableau 10, distinct for most forms of colour blindness. */
  static final Color[] PALETTE = {
    new Color(0x4E79A7),
    new Color(0xF28E2B),
    new Color(0xE15759),
    new Color(0x76B7B2),
    new Color(0x59A14F),
    new Color(0xEDC948),
    new Color(0xB07AA1),
    new Color(0xFF9DA7),
    new Color(0x9C755F),
    new Color(0xBAB0AC)
  };

  /** The font of titles. */
  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);

  /** The font of subtitles and axis labels. */
  static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  /** The font of tick labels and legends. */
  static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

  private static final Color GRID = new Color(0xDDDDDD);

  /** The colour of threshold lines. */
  static final Color THRESHOLD = new Color(0xB22222);

  private Charts() {}

  /**
   * A line, with a band when {@code lo} and {@code hi} are not null. Points whose value is not
   * finite are left out.
   *
   * @param name the legend entry
   * @param x the x values
   * @param y the line
   * @param lo the band's lower edge, or null
   * @param hi the band's upper edge, or null
   * @param dashed whether the line is dashed (so that it shows over a line it may hide)
   */
  record Line(String name, double[] x, double[] y, double[] lo, double[] hi, boolean dashed) {
    /** A solid line. */
    Line(String name, double[] x, double[] y, double[] lo, double[] hi) {
      this(name, x, y, lo, hi, false);
    }
  }

  /**
   * A line chart. Points that are not finite are left out, and the subtitle says how many infinite
   * ones there were.
   */
  static JFreeChart lines(
      String title, String subtitle, String xLabel, String yLabel, List<Line> lines) {
    return lines(title, subtitle, xLabel, yLabel, lines, null);
  }

  /**
   * A line chart whose x values are indices into {@code xSymbols}, the labels of its x axis (a
   * sweep's values of one path); a numeric x axis when {@code xSymbols} is null.
   */
  static JFreeChart lines(
      String title,
      String subtitle,
      String xLabel,
      String yLabel,
      List<Line> lines,
      List<String> xSymbols) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    boolean positive = true;
    int infinite = 0;
    for (Line l : lines) {
      for (int i = 0; i < l.y().length; i++) {
        double y = l.y()[i];
        if (Double.isInfinite(y)) {
          infinite++;
        } else if (!Double.isNaN(y)) {
          positive &= y > 0;
          min = Math.min(min, y);
          max = Math.max(max, y);
        }
      }
    }
    boolean log = positive && min < Double.POSITIVE_INFINITY && max / min >= 100;
    for (Line l : lines) {
      YIntervalSeries s = new YIntervalSeries(l.name(), false, true);
      for (int i = 0; i < l.y().length; i++) {
        double y = l.y()[i];
        if (!Double.isFinite(y)) {
          continue;
        }
        double lo = l.lo() == null || !Double.isFinite(l.lo()[i]) ? y : l.lo()[i];
        double hi = l.hi() == null || !Double.isFinite(l.hi()[i]) ? y : l.hi()[i];
        if (log) {
          lo = Math.max(lo, min / 2);
        }
        s.add(l.x()[i], y, lo, hi);
      }
      data.addSeries(s);
    }
    ValueAxis yAxis;
    if (log) {
      LogAxis a = new LogAxis(yLabel + " (log scale)");
      a.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
      a.setSmallestValue(min / 4);
      yAxis = a;
    } else {
      NumberAxis a = new NumberAxis(yLabel);
      a.setAutoRangeIncludesZero(false);
      if (min >= 0 && max <= 1 && yLabel.equals("share")) {
        a.setRange(0, 1.02);
      } else if (min < Double.POSITIVE_INFINITY) {
        a.setAutoRangeMinimumSize(Math.max(1e-9, 0.1 * Math.max(Math.abs(min), Math.abs(max))));
      }
      yAxis = a;
    }
    ValueAxis xAxis;
    if (xSymbols != null) {
      SymbolAxis a = new SymbolAxis(xLabel, xSymbols.toArray(new String[0]));
      a.setGridBandsVisible(false);
      a.setRange(-0.25, xSymbols.size() - 0.75);
      xAxis = a;
    } else {
      NumberAxis a = new NumberAxis(xLabel);
      a.setAutoRangeIncludesZero(false);
      a.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
      xAxis = a;
    }
    DeviationRenderer r = new DeviationRenderer(true, xSymbols != null);
    r.setAlpha(0.22f);
    // With a dashed line on the chart, the solid ones are wide and half transparent, so that a
    // dashed line drawn over one of them shows, and so does the solid line under it.
    boolean dashes = lines.stream().anyMatch(Line::dashed);
    for (int i = 0; i < lines.size(); i++) {
      Color c = PALETTE[i % PALETTE.length];
      boolean dashed = lines.get(i).dashed();
      r.setSeriesPaint(
          i, dashes && !dashed ? new Color(c.getRed(), c.getGreen(), c.getBlue(), 140) : c);
      r.setSeriesFillPaint(i, c);
      r.setSeriesStroke(
          i,
          dashed
              ? new BasicStroke(
                  2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {7f, 5f}, 0f)
              : new BasicStroke(
                  dashes ? 4.5f : 1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }
    XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
    plot.setOrientation(PlotOrientation.VERTICAL);
    String sub = subtitle;
    if (infinite > 0) {
      sub +=
          (sub.isEmpty() ? "" : " ")
              + infinite
              + " infinite value"
              + (infinite == 1 ? "" : "s")
              + " not drawn.";
    }
    return style(new JFreeChart(title, TITLE, plot, true), sub);
  }

  /** Adds a dashed vertical marker at {@code x} with a label. */
  static void marker(JFreeChart chart, double x, String label) {
    marker(chart, x, label, Color.DARK_GRAY);
  }

  /**
   * Adds a horizontal line at {@code y}, labelled, where a collapse definition's verdict fires; the
   * y axis is widened to show it when the data stay on one side of it.
   */
  static void threshold(JFreeChart chart, double y, String label) {
    XYPlot plot = chart.getXYPlot();
    ValueMarker m =
        new ValueMarker(
            y,
            THRESHOLD,
            new BasicStroke(
                1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {3f, 3f}, 0f));
    m.setLabel(label);
    m.setLabelFont(SMALL);
    m.setLabelPaint(THRESHOLD);
    m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
    m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
    m.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(2, 0, 2, 6));
    plot.addRangeMarker(m);
    ValueAxis a = plot.getRangeAxis();
    org.jfree.data.Range r = a.getRange();
    if (y > r.getUpperBound() || y < r.getLowerBound()) {
      double lo = Math.min(r.getLowerBound(), y);
      double hi = Math.max(r.getUpperBound(), y);
      if (a instanceof LogAxis) {
        a.setRange(y < r.getLowerBound() ? y / 1.5 : lo, y > r.getUpperBound() ? y * 1.5 : hi);
      } else {
        double pad = 0.05 * (hi - lo);
        a.setRange(lo - (y < r.getLowerBound() ? pad : 0), hi + (y > r.getUpperBound() ? pad : 0));
      }
    }
  }

  /** Adds a dashed vertical marker at {@code x} with a label, in {@code colour}. */
  static void marker(JFreeChart chart, double x, String label, Color colour) {
    marker(chart, x, label, colour, 0);
  }

  /**
   * Adds a dashed vertical marker at {@code x} with a label, in {@code colour}, the label {@code
   * row} lines below the top (so that markers at nearby ticks do not write over one another).
   */
  static void marker(JFreeChart chart, double x, String label, Color colour, int row) {
    ValueMarker m =
        new ValueMarker(
            x,
            colour,
            new BasicStroke(
                1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
    m.setLabel(label);
    m.setLabelFont(SMALL);
    m.setLabelPaint(colour);
    m.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(12 + 14 * row, 6, 0, 0));
    m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
    m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
    ((XYPlot) chart.getPlot()).addDomainMarker(m);
  }

  /** The report's look: white, light grid, the fonts above, a subtitle when not empty. */
  static JFreeChart style(JFreeChart chart, String subtitle) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    if (!subtitle.isEmpty()) {
      TextTitle t = new TextTitle(subtitle, LABEL);
      t.setPaint(Color.DARK_GRAY);
      chart.addSubtitle(t);
    }
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setItemFont(SMALL);
      legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
      legend.setPosition(RectangleEdge.BOTTOM);
    }
    if (chart.getPlot() instanceof XYPlot p) {
      p.setBackgroundPaint(Color.WHITE);
      p.setDomainGridlinePaint(GRID);
      p.setRangeGridlinePaint(GRID);
      p.setOutlinePaint(Color.GRAY);
      for (ValueAxis a : new ValueAxis[] {p.getDomainAxis(), p.getRangeAxis()}) {
        a.setLabelFont(LABEL);
        a.setTickLabelFont(SMALL);
      }
    }
    return chart;
  }
}
