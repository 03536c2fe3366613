package ouroboros.sim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Draws the interaction graph: nodes on a circle, filled as the DOT file fills them (else in the
 * palette), an arrow per edge, thicker for a heavier weight and labelled with it; a self-loop as a
 * ring beside its node (tangent to the circle), so that it covers neither the node's name, written
 * outside the circle, nor its neighbours; and a legend of the fill colours with the kinds of node
 * each stands for.
 */
final class GraphDrawing {
  private static final double R = 16;

  private GraphDrawing() {}

  /** The node positions: on a circle, the first at the top. */
  static double[][] layout(int n, int w, int h) {
    double radius = Math.min(w, h) / 2.0 - 80;
    double[][] at = new double[n][];
    for (int i = 0; i < n; i++) {
      double a = -Math.PI / 2 + 2 * Math.PI * i / n;
      at[i] = new double[] {w / 2.0 + radius * Math.cos(a), h / 2.0 + radius * Math.sin(a)};
    }
    return at;
  }

  /** The centre of node {@code p}'s self-loop: beside it, along the circle. */
  static double[] loopCentre(double[] p, int w, int h) {
    double dx = p[0] - w / 2.0;
    double dy = p[1] - h / 2.0;
    double len = Math.hypot(dx, dy);
    double ux = len < 1 ? 0 : dx / len;
    double uy = len < 1 ? -1 : dy / len;
    // The tangent (-uy, ux): clockwise along the circle.
    return new double[] {p[0] - uy * 1.6 * R, p[1] + ux * 1.6 * R};
  }

  /** Draws the graph on {@code g}, {@code w} x {@code h} CSS pixels. */
  static void draw(
      Graphics2D g,
      List<String> nodes,
      List<GraphSection.Edge> edges,
      Map<String, GraphSection.Look> looks,
      int w,
      int h) {
    int n = nodes.size();
    double[][] at = layout(n, w, h);
    double max = edges.stream().mapToDouble(GraphSection.Edge::weight).max().orElse(1);
    g.setFont(Charts.SMALL);
    FontMetrics fm = g.getFontMetrics();
    Color ink = new Color(0x555555);
    Map<String, Integer> index = new java.util.HashMap<>();
    for (int k = n - 1; k >= 0; k--) {
      index.put(nodes.get(k), k);
    }
    float width = Float.NaN;
    for (GraphSection.Edge e : edges) {
      int i = index.getOrDefault(e.from(), -1);
      int j = index.getOrDefault(e.to(), -1);
      g.setColor(ink);
      float stroke = (float) (1 + 4 * Math.max(0, e.weight()) / max);
      if (Float.compare(stroke, width) != 0) {
        // A new stroke only when the width changes: setting one costs more than drawing a line.
        g.setStroke(new BasicStroke(stroke));
        width = stroke;
      }
      if (i == j) {
        double[] c = loopCentre(at[i], w, h);
        g.draw(new Ellipse2D.Double(c[0] - 0.8 * R, c[1] - 0.8 * R, 1.6 * R, 1.6 * R));
        double ox = c[0] - at[i][0];
        double oy = c[1] - at[i][1];
        double len = Math.hypot(ox, oy);
        text(g, fm, e.label(), c[0] + ox / len * (R + 10), c[1] + oy / len * (R + 10));
        continue;
      }
      double dx = at[j][0] - at[i][0];
      double dy = at[j][1] - at[i][1];
      double len = Math.hypot(dx, dy);
      double ux = dx / len;
      double uy = dy / len;
      double x1 = at[i][0] + ux * R;
      double y1 = at[i][1] + uy * R;
      double x2 = at[j][0] - ux * (R + 2);
      double y2 = at[j][1] - uy * (R + 2);
      g.draw(new Line2D.Double(x1, y1, x2, y2));
      Path2D head = new Path2D.Double();
      head.moveTo(x2, y2);
      head.lineTo(x2 - 11 * ux + 5 * uy, y2 - 11 * uy - 5 * ux);
      head.lineTo(x2 - 11 * ux - 5 * uy, y2 - 11 * uy + 5 * ux);
      head.closePath();
      g.fill(head);
      // The label beside the middle of the arrow, on its left (two opposite arrows do not meet).
      text(g, fm, e.label(), (x1 + x2) / 2 + 10 * uy, (y1 + y2) / 2 - 10 * ux);
    }
    g.setStroke(new BasicStroke(1.5f));
    for (int i = 0; i < n; i++) {
      Ellipse2D c = new Ellipse2D.Double(at[i][0] - R, at[i][1] - R, 2 * R, 2 * R);
      g.setColor(fill(looks, nodes.get(i), i));
      g.fill(c);
      g.setColor(Color.DARK_GRAY);
      g.draw(c);
      double dx = at[i][0] - w / 2.0;
      double dy = at[i][1] - h / 2.0;
      double len = Math.max(1, Math.hypot(dx, dy));
      g.setColor(Color.BLACK);
      // Outside the node, pushed sideways by half its width on the circle's left and right.
      double half = fm.stringWidth(nodes.get(i)) / 2.0;
      text(
          g,
          fm,
          nodes.get(i),
          at[i][0] + dx / len * (R + 6 + half * Math.abs(dx / len)),
          at[i][1] + dy / len * (R + 14));
    }
    legend(g, fm, nodes, looks, h);
  }

  /** The node's fill: the DOT file's, else the palette's. */
  private static Color fill(Map<String, GraphSection.Look> looks, String node, int i) {
    GraphSection.Look l = looks.get(node);
    return l != null && l.fill() != null ? l.fill() : Charts.PALETTE[i % Charts.PALETTE.length];
  }

  /** Each fill colour the DOT file gives, with the kinds of node it fills, at the bottom left. */
  static Map<Color, Set<String>> legendEntries(
      List<String> nodes, Map<String, GraphSection.Look> looks) {
    Map<Color, Set<String>> out = new LinkedHashMap<>();
    for (String node : nodes) {
      GraphSection.Look l = looks.get(node);
      if (l != null && l.fill() != null && !l.kind().isEmpty()) {
        out.computeIfAbsent(l.fill(), c -> new LinkedHashSet<>()).add(l.kind());
      }
    }
    return out;
  }

  private static void legend(
      Graphics2D g,
      FontMetrics fm,
      List<String> nodes,
      Map<String, GraphSection.Look> looks,
      int h) {
    Map<Color, Set<String>> entries = legendEntries(nodes, looks);
    double y = h - 14 - 18 * (entries.size() - 1);
    for (Map.Entry<Color, Set<String>> e : entries.entrySet()) {
      Ellipse2D c = new Ellipse2D.Double(14, y - 6, 12, 12);
      g.setColor(e.getKey());
      g.fill(c);
      g.setColor(Color.DARK_GRAY);
      g.draw(c);
      g.setColor(Color.BLACK);
      g.drawString(String.join(", ", e.getValue()), 32f, (float) (y + fm.getAscent() / 2.0 - 1));
      y += 18;
    }
  }

  /** Writes {@code s} centred on (x, y), on a white background so that lines do not cross it. */
  private static void text(Graphics2D g, FontMetrics fm, String s, double x, double y) {
    if (s.isEmpty()) {
      return;
    }
    Color c = g.getColor();
    int tw = fm.stringWidth(s);
    g.setColor(new Color(255, 255, 255, 220));
    g.fill(
        new java.awt.geom.Rectangle2D.Double(
            x - tw / 2.0 - 2, y - fm.getAscent() / 2.0 - 2, tw + 4, fm.getAscent() + 4));
    g.setColor(c.equals(Color.BLACK) ? Color.BLACK : new Color(0x333333));
    g.drawString(s, (float) (x - tw / 2.0), (float) (y + fm.getAscent() / 2.0 - 1));
  }
}
