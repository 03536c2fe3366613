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
import java.util.Locale;
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

  /**
   * Edges drawn at most: a larger graph (a thousand models crawling one web have about 95,000) is
   * drawn with its heaviest edges only, which the caption says; drawing them all takes seconds and
   * shows a disc of ink.
   */
  static final int MAX_DRAWN = 500;

  /**
   * Nodes drawn at most: a larger graph is drawn around its heaviest edges, which the caption says.
   * On the drawing's circle (800 pixels high) each node takes 32 pixels and its name: a thousand
   * models drew a ring of ink, and took about half the report's time (P1's 1,000 chains).
   */
  static final int MAX_NODES = 60;

  /** The kinds (DOT labels' second lines) of the nodes always drawn: human sources, the archive. */
  private static final Set<String> SOURCE_KINDS = Set.of("human", "fresh human data");

  /** What the drawing shows: nodes and edges, each in the file's order. */
  record Selection(List<String> nodes, List<Edge> edges) {}

  /**
   * Characters of the graph file copied into the page at most: a larger file is cut after the last
   * whole line within this, and the page says where the rest is.
   */
  static final int MAX_TEXT = 100_000;

  private GraphSection() {}

  /**
   * The edges to draw: all of them up to {@link #MAX_DRAWN}, else the {@code MAX_DRAWN} heaviest
   * (the earlier first among equal weights), in their order in the file.
   */
  static List<Edge> drawn(List<Edge> edges) {
    if (edges.size() <= MAX_DRAWN) {
      return edges;
    }
    Integer[] kept = java.util.Arrays.copyOf(heaviestFirst(edges), MAX_DRAWN);
    java.util.Arrays.sort(kept);
    List<Edge> out = new ArrayList<>(MAX_DRAWN);
    for (int i : kept) {
      out.add(edges.get(i));
    }
    return out;
  }

  /** The edges' positions, heaviest first, the earlier first among equal weights. */
  private static Integer[] heaviestFirst(List<Edge> edges) {
    Integer[] order = new Integer[edges.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(
        order,
        (a, b) -> {
          int c = Double.compare(edges.get(b).weight(), edges.get(a).weight());
          return c != 0 ? c : Integer.compare(a, b);
        });
    return order;
  }

  /**
   * The nodes and edges to draw. Up to {@link #MAX_NODES} nodes: all of them, with the edges of
   * {@link #drawn}. More: the {@code pinned} nodes (the human sources and the archive) up to {@code
   * MAX_NODES}, then the heaviest edges first (the earlier first among equal weights), each taken
   * while its nodes fit within {@code MAX_NODES} and fewer than {@link #MAX_DRAWN} are taken, then
   * the file's first other nodes up to {@code MAX_NODES}.
   */
  static Selection select(List<String> nodes, List<Edge> edges, Set<String> pinned) {
    if (nodes.size() <= MAX_NODES) {
      return new Selection(nodes, drawn(edges));
    }
    Set<String> keep = new java.util.HashSet<>();
    for (int i = 0; i < nodes.size() && keep.size() < MAX_NODES; i++) {
      if (pinned.contains(nodes.get(i))) {
        keep.add(nodes.get(i));
      }
    }
    boolean[] taken = new boolean[edges.size()];
    int count = 0;
    for (int k : heaviestFirst(edges)) {
      if (count == MAX_DRAWN) {
        break;
      }
      Edge e = edges.get(k);
      int added =
          (keep.contains(e.from()) ? 0 : 1)
              + (e.to().equals(e.from()) || keep.contains(e.to()) ? 0 : 1);
      if (keep.size() + added <= MAX_NODES) {
        keep.add(e.from());
        keep.add(e.to());
        taken[k] = true;
        count++;
      }
    }
    for (int i = 0; i < nodes.size() && keep.size() < MAX_NODES; i++) {
      keep.add(nodes.get(i));
    }
    List<Edge> shownEdges = new ArrayList<>(count);
    for (int k = 0; k < taken.length; k++) {
      if (taken[k]) {
        shownEdges.add(edges.get(k));
      }
    }
    return new Selection(nodes.stream().filter(keep::contains).toList(), shownEdges);
  }

  /** The file's text to copy into the page: all of it up to {@link #MAX_TEXT}, else its start. */
  static String shown(String text) {
    if (text.length() <= MAX_TEXT) {
      return text;
    }
    int cut = text.lastIndexOf('\n', MAX_TEXT);
    return text.substring(0, cut < 0 ? MAX_TEXT : cut + 1);
  }

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

  /**
   * graph/final.dot, else the latest graph/*.json (the window that starts last: a run that did not
   * finish has no final.dot, and the first file by name was its first window), else null.
   */
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
          .max(
              java.util.Comparator.comparingLong(GraphSection::startTick)
                  .thenComparing(p -> p.getFileName().toString()))
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  /** The first number in a graph file's name (w1320-1329.json: 1320), or -1. */
  private static long startTick(Path file) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d{1,18})").matcher(file.getFileName().toString());
    return m.find() ? Long.parseLong(m.group(1)) : -1;
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
      Set<String> sources = new java.util.HashSet<>();
      looks.forEach(
          (node, look) -> {
            if (SOURCE_KINDS.contains(look.kind())) {
              sources.add(node);
            }
          });
      Selection drawing = select(new ArrayList<>(nodes), edges, sources);
      List<String> order = drawing.nodes();
      List<Edge> drawn = drawing.edges();
      int size = Math.min(800, 240 + 40 * order.size());
      h.figure(
          () ->
              ChartImage.draw(
                  "chart-graph",
                  "final interaction graph",
                  RunReport.WIDTH,
                  size,
                  g -> GraphDrawing.draw(g, order, drawn, looks, RunReport.WIDTH, size)),
          "From "
              + dir.relativize(file)
              + ": an arrow j → i when i trains on j's output, "
              + "thicker for a larger share, labelled with that share of i's training data; a ring"
              + " is a model training on its own output."
              + (order.size() < nodes.size()
                  ? String.format(
                      Locale.ROOT,
                      " Only %,d of its %,d nodes are drawn, joined by the heaviest edges among"
                          + " them (%,d of its %,d edges).",
                      order.size(),
                      nodes.size(),
                      drawn.size(),
                      edges.size())
                  : drawn.size() == edges.size()
                      ? ""
                      : String.format(
                          Locale.ROOT,
                          " Only the %,d heaviest of its %,d edges are drawn.",
                          drawn.size(),
                          edges.size()))
              + (looks.isEmpty() ? "" : " Colours: the DOT file's, named in the legend."),
          // Its nodes and edges: a thousand take several times as long as any other chart.
          order.size() + drawn.size());
    }
    String shown = shown(text);
    String name = dir.relativize(file).toString();
    h.raw(
        "<details><summary>"
            + Html.esc(name)
            + (shown.length() == text.length()
                ? ""
                : String.format(
                    Locale.ROOT,
                    " (its first %,d of %,d lines; the whole file is %s in the run directory)",
                    shown.lines().count(),
                    text.lines().count(),
                    name))
            + "</summary><pre>"
            + Html.esc(shown)
            + "</pre></details>\n");
  }

  /** Reads the nodes and edges of a DOT file. */
  static void readDot(String text, Set<String> nodes, List<Edge> edges, Map<String, Look> looks) {
    for (String line : text.split("\\R")) {
      // Only a line with an arrow can hold an edge: the others skip EDGE's search, which tries
      // every position of a long node line.
      Matcher e = line.contains("->") ? EDGE.matcher(line) : null;
      if (e != null && e.find()) {
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
