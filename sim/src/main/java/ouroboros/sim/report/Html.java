package ouroboros.sim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A small HTML builder for the report: escaped text, tables, sections and embedded charts. The page
 * has inline CSS only: no script, no font and no request to any other file or host.
 */
final class Html {
  /** The page's style sheet. */
  private static final String CSS =
      """
      body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;color:#222;margin:0 auto;
        padding:16px 24px;max-width:1080px;line-height:1.45;background:#fff}
      h1{font-size:1.6em;margin:0.4em 0}
      h2{font-size:1.25em;border-bottom:1px solid #ccc;padding-bottom:3px;margin-top:1.8em}
      h3{font-size:1.05em;margin-top:1.2em}
      nav a{margin-right:14px}
      table{border-collapse:collapse;margin:8px 0;font-size:0.92em}
      th,td{border:1px solid #ccc;padding:3px 8px;text-align:right;
        font-variant-numeric:tabular-nums;white-space:nowrap}
      th{background:#f2f2f2;white-space:normal}
      th small{display:block;font-weight:normal;max-width:7.5em;margin-left:auto}
      .wide{overflow-x:auto;max-width:100%}
      .l{text-align:left}
      td.yes{background:#f4b6b0}
      td.no{background:#c9e7c3}
      td.na{background:#e6e6e6;color:#666}
      td.c{text-align:center}
      td.tp,td.tn{background:#c9e7c3}
      td.fp,td.fn{background:#f4b6b0}
      .note{color:#555;font-size:0.92em}
      figure{margin:14px 0}
      figure img{display:block;border:1px solid #ddd;max-width:100%;height:auto}
      figcaption{color:#555;font-size:0.9em;margin-top:4px}
      .matrices{display:flex;flex-wrap:wrap;gap:18px}
      .facets{display:flex;flex-wrap:wrap;gap:0 18px}
      .facets figure{margin:10px 0 4px}
      pre{background:#f6f6f6;padding:8px;overflow:auto;font-size:0.85em}
      """;

  private final StringBuilder b = new StringBuilder(1 << 16);
  private final List<Supplier<String>> figures = new ArrayList<>();

  /** Each figure's expected drawing work, in no particular unit: the costliest is drawn first. */
  private final List<Double> work = new ArrayList<>();

  /** Where each figure goes in {@link #b}: its length when the figure was added. */
  private final List<Integer> places = new ArrayList<>();

  /** Starts a page with its title. */
  Html(String title) {
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(esc(title))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n");
  }

  /** Escapes text for an element or a quoted attribute. */
  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Escaped text that may break after a '.' or a '-', such as a swept path ({@code
   * models[0].fresh-human-fraction}) in a narrow column.
   */
  static String breakable(String s) {
    return esc(s).replace(".", ".<wbr>").replace("-", "-<wbr>");
  }

  /** Appends markup as it is. */
  Html raw(String markup) {
    b.append(markup);
    return this;
  }

  /** {@code <tag class=cls>text</tag>}, the text escaped; no class attribute when cls is empty. */
  Html el(String tag, String cls, String text) {
    b.append('<').append(tag);
    if (!cls.isEmpty()) {
      b.append(" class=\"").append(cls).append('"');
    }
    b.append('>').append(esc(text)).append("</").append(tag).append(">\n");
    return this;
  }

  /** A section heading with an anchor. */
  Html h2(String id, String title) {
    b.append("<h2 id=\"").append(esc(id)).append("\">").append(esc(title)).append("</h2>\n");
    return this;
  }

  /** A paragraph of plain text. */
  Html p(String text) {
    return el("p", "", text);
  }

  /** A paragraph of explanation, in grey. */
  Html note(String text) {
    return el("p", "note", text);
  }

  /**
   * Opens a table with a header row; a header starting with '<' is left-aligned. The table scrolls
   * sideways if it is wider than the page.
   */
  Html table(List<String> header) {
    b.append("<div class=\"wide\"><table>\n<tr>");
    for (String h : header) {
      boolean left = h.startsWith("<");
      b.append(left ? "<th class=\"l\">" : "<th>")
          .append(breakable(left ? h.substring(1) : h))
          .append("</th>");
    }
    b.append("</tr>\n");
    return this;
  }

  /** Opens a table row. */
  Html tr() {
    b.append("<tr>");
    return this;
  }

  /** A table cell with a class (empty for none) and an optional tooltip (empty for none). */
  Html td(String cls, String text, String tooltip) {
    b.append("<td");
    if (!cls.isEmpty()) {
      b.append(" class=\"").append(cls).append('"');
    }
    if (!tooltip.isEmpty()) {
      b.append(" title=\"").append(esc(tooltip)).append('"');
    }
    b.append('>').append(esc(text)).append("</td>");
    return this;
  }

  /** Closes a table row. */
  Html endTr() {
    b.append("</tr>\n");
    return this;
  }

  /** Closes a table. */
  Html endTable() {
    b.append("</table></div>\n");
    return this;
  }

  /**
   * An embedded chart with a caption. The chart is drawn when the page is finished, in parallel
   * with the page's other charts.
   */
  Html figure(Supplier<ChartImage> chart, String caption) {
    return figure(chart, caption, 0);
  }

  /**
   * The same, for a chart whose drawing takes {@code work} (0: an ordinary chart; more: that much
   * more, such as a graph's nodes and edges), so that {@link #finish} starts it before those that
   * take less: drawn last, the interaction graph of a thousand chains kept one thread busy after
   * the others had drawn all the rest.
   */
  Html figure(Supplier<ChartImage> chart, String caption, double work) {
    this.work.add(work);
    places.add(b.length());
    figures.add(
        () -> {
          ChartImage img = chart.get();
          StringBuilder f = new StringBuilder(img.png().length * 4 / 3 + 512);
          f.append("<figure><img class=\"chart\" id=\"")
              .append(esc(img.id()))
              .append("\" width=\"")
              .append(img.width())
              .append("\" height=\"")
              .append(img.height())
              .append("\" alt=\"")
              .append(esc(img.alt()))
              .append("\" src=\"")
              .append(img.dataUri())
              .append("\">");
          if (!caption.isEmpty()) {
            f.append("<figcaption>").append(esc(caption)).append("</figcaption>");
          }
          return f.append("</figure>\n").toString();
        });
    return this;
  }

  /**
   * Draws the charts, in parallel, closes the page and returns it: the page's text with each chart
   * at its place, copied once into a builder of the final length.
   */
  String finish() {
    b.append("</body>\n</html>\n");
    List<String> drawn = Figures.draw(figures, work);
    int length = b.length();
    for (String f : drawn) {
      length += f.length();
    }
    StringBuilder page = new StringBuilder(length);
    int from = 0;
    for (int i = 0; i < drawn.size(); i++) {
      page.append(b, from, places.get(i)).append(drawn.get(i));
      from = places.get(i);
    }
    return page.append(b, from, b.length()).toString();
  }

  /** A number to four significant digits, "-" when missing. */
  static String sig(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "\u221e" : "-\u221e";
    }
    double a = Math.abs(v);
    if (a != 0 && (a < 1e-3 || a >= 1e6)) {
      return String.format(Locale.ROOT, "%.3e", v);
    }
    String s =
        new java.math.BigDecimal(v)
            .round(new java.math.MathContext(4))
            .stripTrailingZeros()
            .toPlainString();
    return s.equals("-0") ? "0" : s;
  }

  /** A number for a table: four decimals, scientific when tiny or huge, "-" when missing. */
  static String num(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "\u221e" : "-\u221e";
    }
    double a = Math.abs(v);
    if (a != 0 && (a < 1e-3 || a >= 1e6)) {
      return String.format(Locale.ROOT, "%.3e", v);
    }
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
