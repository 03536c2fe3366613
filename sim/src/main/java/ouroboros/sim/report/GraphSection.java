package ouroboros.sim.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import ouroboros.sim.output.RunLayout;

/**
 * The hook for the final interaction graph of a run (the topology work): shown only when the run
 * directory has {@code graph/final.dot} or a {@code graph/*.json} file, else the section is left
 * out. The graph is drawn with its nodes on a circle and an arrow j → i when i trains on j's
 * output, thicker for a heavier weight. It reads DOT edges {@code "a" -> "b" [weight=0.5]} and JSON
 * {@code {"nodes": [{"id": ...}], "edges": [{"source"|"from": ..., "target"|"to": ..., "weight":
 * ...}]}} ({@code links} is read as {@code edges}).
 */
final class GraphSection {
  private static final Pattern EDGE =
      Pattern.compile(
          "\"?([^\"\\s;\\[\\]{}]+)\"?\\s*->\\s*\"?([^\"\\s;\\[\\]{}]+)\"?\\s*(?:\\[([^\\]]*)\\])?");
  private static final Pattern NODE =
      Pattern.compile("^\\s*\"?([^\"\\s;\\[\\]{}=]+)\"?\\s*(?:\\[[^\\]]*\\])?\\s*;?\\s*$");
  private static final Pattern WEIGHT =
      Pattern.compile("\\b(?:weight|label)\\s*=\\s*\"?([-+0-9.eE]+)\"?");
  private static final Set<String> KEYWORDS =
      Set.of("digraph", "graph", "node", "edge", "strict", "subgraph");

  private GraphSection() {}

  /** A weighted edge from {@code from} to {@code to}. */
  private record Edge(String from, String to, double weight) {}

  /** True when the run directory has a graph to show. */
  static boolean present(Path dir) {
    return file(dir) != null;
  }

  /** graph/final.dot, else the first graph/*.json by name, else null. */
  private static Path file(Path dir) {
    RunLayout run = RunLayout.of(dir);
    Path g = run.graphDir();
    if (Files.isRegularFile(run.finalDot())) {
      return run.finalDot();
    }
    if (!Files.isDirectory(g)) {
      return null;
    }
    try (Stream<Path> files = Files.list(g)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(RunLayout.JSON_EXT))
          .sorted()
          .findFirst()
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  /** The section, when there is a graph. */
  static void render(Html h, Path dir) {
    Path file = file(dir);
    h.h2("graph", "Final interaction graph");
    Set<String> nodes = new LinkedHashSet<>();
    List<Edge> edges = new ArrayList<>();
    String text;
    try {
      text = Files.readString(file);
      if (file.toString().endsWith(RunLayout.DOT_EXT)) {
        readDot(text, nodes, edges);
      } else {
        readJson(text, nodes, edges);
      }
    } catch (IOException | RuntimeException e) {
      h.note("Could not read " + dir.relativize(file) + ": " + e.getMessage());
      return;
    }
    if (nodes.isEmpty()) {
      h.note(dir.relativize(file) + " has no nodes.");
    } else {
      int size = Math.min(800, 240 + 40 * nodes.size());
      List<String> order = new ArrayList<>(nodes);
      h.figure(
          () ->
              ChartImage.draw(
                  "chart-graph",
                  "final interaction graph",
                  RunReport.WIDTH,
                  size,
                  g -> draw(g, order, edges, RunReport.WIDTH, size)),
          "From "
              + dir.relativize(file)
              + ": an arrow j → i when i trains on j's output, "
              + "thicker for a larger share.");
    }
    h.raw(
        "<details><summary>"
            + Html.esc(dir.relativize(file).toString())
            + "</summary><pre>"
            + Html.esc(text)
            + "</pre></details>\n");
  }

  /** Reads the nodes and edges of a DOT file. */
  private static void readDot(String text, Set<String> nodes, List<Edge> edges) {
    for (String line : text.split("\\R")) {
      Matcher e = EDGE.matcher(line);
      if (e.find()) {
        nodes.add(e.group(1));
        nodes.add(e.group(2));
        Matcher w = WEIGHT.matcher(e.group(3) == null ? "" : e.group(3));
        edges.add(new Edge(e.group(1), e.group(2), w.find() ? Double.parseDouble(w.group(1)) : 1));
        continue;
      }
      Matcher n = NODE.matcher(line);
      if (n.matches() && !KEYWORDS.contains(n.group(1))) {
        nodes.add(n.group(1));
      }
    }
  }

  /** Reads the nodes and edges of a JSON graph. */
  private static void readJson(String text, Set<String> nodes, List<Edge> edges)
      throws IOException {
    JsonNode root = new ObjectMapper().readTree(text);
    for (JsonNode n : root.path("nodes")) {
      nodes.add(n.isTextual() ? n.asText() : n.path("id").asText());
    }
    JsonNode list = root.has("edges") ? root.path("edges") : root.path("links");
    for (JsonNode e : list) {
      String from = e.has("source") ? e.path("source").asText() : e.path("from").asText();
      String to = e.has("target") ? e.path("target").asText() : e.path("to").asText();
      nodes.add(from);
      nodes.add(to);
      edges.add(new Edge(from, to, e.path("weight").asDouble(1)));
    }
  }

  /** Nodes on a circle, arrows between them, self-loops as small rings. */
  private static void draw(Graphics2D g, List<String> nodes, List<Edge> edges, int w, int h) {
    int n = nodes.size();
    double cx = w / 2.0;
    double cy = h / 2.0;
    double radius = Math.min(w, h) / 2.0 - 70;
    double r = 16;
    double[][] at = new double[n][];
    for (int i = 0; i < n; i++) {
      double a = -Math.PI / 2 + 2 * Math.PI * i / n;
      at[i] = new double[] {cx + radius * Math.cos(a), cy + radius * Math.sin(a)};
    }
    double max = edges.stream().mapToDouble(Edge::weight).max().orElse(1);
    g.setColor(new Color(0x555555));
    for (Edge e : edges) {
      int i = nodes.indexOf(e.from());
      int j = nodes.indexOf(e.to());
      g.setStroke(new BasicStroke((float) (1 + 4 * Math.max(0, e.weight()) / max)));
      if (i == j) {
        double dx = at[i][0] - cx;
        double dy = at[i][1] - cy;
        double len = Math.max(1, Math.hypot(dx, dy));
        g.draw(
            new Ellipse2D.Double(
                at[i][0] + dx / len * r * 1.6 - r * 0.8,
                at[i][1] + dy / len * r * 1.6 - r * 0.8,
                1.6 * r,
                1.6 * r));
        continue;
      }
      double dx = at[j][0] - at[i][0];
      double dy = at[j][1] - at[i][1];
      double len = Math.hypot(dx, dy);
      double ux = dx / len;
      double uy = dy / len;
      double x1 = at[i][0] + ux * r;
      double y1 = at[i][1] + uy * r;
      double x2 = at[j][0] - ux * (r + 2);
      double y2 = at[j][1] - uy * (r + 2);
      g.draw(new Line2D.Double(x1, y1, x2, y2));
      Path2D head = new Path2D.Double();
      head.moveTo(x2, y2);
      head.lineTo(x2 - 11 * ux + 5 * uy, y2 - 11 * uy - 5 * ux);
      head.lineTo(x2 - 11 * ux - 5 * uy, y2 - 11 * uy + 5 * ux);
      head.closePath();
      g.fill(head);
    }
    g.setStroke(new BasicStroke(1.5f));
    g.setFont(Charts.SMALL);
    FontMetrics fm = g.getFontMetrics();
    for (int i = 0; i < n; i++) {
      Ellipse2D c = new Ellipse2D.Double(at[i][0] - r, at[i][1] - r, 2 * r, 2 * r);
      g.setColor(Charts.PALETTE[i % Charts.PALETTE.length]);
      g.fill(c);
      g.setColor(Color.DARK_GRAY);
      g.draw(c);
      String label = nodes.get(i);
      float lx = (float) (at[i][0] - fm.stringWidth(label) / 2.0);
      float ly = (float) (at[i][1] + (at[i][1] >= cy ? r + 16 : -r - 8));
      g.setColor(Color.BLACK);
      g.drawString(label, lx, ly);
    }
  }
}
