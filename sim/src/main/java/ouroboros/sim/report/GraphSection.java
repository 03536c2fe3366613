package ouroboros.sim.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
      Pattern.compile("^\\s*\"?([^\"\\s;\\[\\]{}=]+)\"?\\s*(?:\\[([^\\]]*)\\])?\\s*;?\\s*$");
  private static final Pattern FILL = Pattern.compile("\\bfillcolor\\s*=\\s*\"?#([0-9a-fA-F]{6})");
  private static final Pattern LABEL = Pattern.compile("\\blabel\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern WEIGHT =
      Pattern.compile("\\b(?:weight|label)\\s*=\\s*\"?([-+0-9.eE]+)\"?");
  private static final Set<String> KEYWORDS =
      Set.of("digraph", "graph", "node", "edge", "strict", "subgraph");

  private GraphSection() {}

  /** A weighted edge from {@code from} to {@code to}, with the DOT file's label if any. */
  record Edge(String from, String to, double weight, String label) {}

  /**
   * How the DOT file draws a node: its fill colour (null when it gives none) and its kind, the
   * second line of its label (such as "human" or "collapses"), or "".
   */
  record Look(Color fill, String kind) {}

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
    Map<String, Look> looks = new HashMap<>();
    String text;
    try {
      text = Files.readString(file);
      if (file.toString().endsWith(RunLayout.DOT_EXT)) {
        readDot(text, nodes, edges, looks);
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
                  g -> GraphDrawing.draw(g, order, edges, looks, RunReport.WIDTH, size)),
          "From "
              + dir.relativize(file)
              + ": an arrow j → i when i trains on j's output, "
              + "thicker for a larger share, labelled with that share of i's training data; a ring"
              + " is a model training on its own output."
              + (looks.isEmpty() ? "" : " Colours: the DOT file's, named in the legend."));
    }
    h.raw(
        "<details><summary>"
            + Html.esc(dir.relativize(file).toString())
            + "</summary><pre>"
            + Html.esc(text)
            + "</pre></details>\n");
  }

  /** Reads the nodes and edges of a DOT file. */
  static void readDot(String text, Set<String> nodes, List<Edge> edges, Map<String, Look> looks) {
    for (String line : text.split("\\R")) {
      Matcher e = EDGE.matcher(line);
      if (e.find()) {
        nodes.add(e.group(1));
        nodes.add(e.group(2));
        Matcher w = WEIGHT.matcher(e.group(3) == null ? "" : e.group(3));
        boolean weighted = w.find();
        edges.add(
            new Edge(
                e.group(1),
                e.group(2),
                weighted ? Double.parseDouble(w.group(1)) : 1,
                weighted ? w.group(1) : ""));
        continue;
      }
      Matcher n = NODE.matcher(line);
      if (n.matches() && !KEYWORDS.contains(n.group(1))) {
        nodes.add(n.group(1));
        if (n.group(2) != null) {
          Matcher f = FILL.matcher(n.group(2));
          Matcher l = LABEL.matcher(n.group(2));
          String[] lines = l.find() ? l.group(1).split("\\\\n") : new String[0];
          looks.put(
              n.group(1),
              new Look(
                  f.find() ? new Color(Integer.parseInt(f.group(1), 16)) : null,
                  lines.length > 1 ? lines[1] : ""));
        }
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
      edges.add(
          new Edge(
              from,
              to,
              e.path("weight").asDouble(1),
              e.has("weight") ? Html.num(e.path("weight").asDouble()) : ""));
    }
  }
}
