package ouroboros.sim.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DOT file is well-formed: every line is a statement of the small DOT subset the writer uses,
 * braces balance, every edge joins declared nodes, and colours follow the predictions. When
 * Graphviz is installed, {@code dot} must also accept it.
 */
class GraphDotTest {
  private static final String ID = "\"(?:[^\"\\\\]|\\\\.)*\"";
  private static final Pattern NODE =
      Pattern.compile(
          "\\s*(" + ID + ") \\[shape=(box|ellipse), fillcolor=(" + ID + "), label=" + ID + "\\];");
  private static final Pattern EDGE =
      Pattern.compile("\\s*(" + ID + ") -> (" + ID + ") \\[label=\"[0-9.]+\"\\];");
  private static final Pattern OTHER =
      Pattern.compile(
          "\\s*(digraph "
              + ID
              + " \\{|\\}|"
              + "subgraph "
              + ID
              + " \\{|[a-z]+=("
              + ID
              + "|[A-Za-z]+);|"
              + "(node|edge) \\[[^\\]]*\\];)");

  @Test
  void dot_ofASample_drawsOnlyKeptModelsAndEdgesBetweenDrawnNodes() {
    // Keep b and c of a, b, c: a's node and its edges a -> b and a -> c go; people's and the
    // archive's edges into c stay, and so does c's node, outside the dropped pair's frame.
    String dot =
        GraphDot.render("w0-9", Graphs.closedPairAndHumans(), new boolean[] {false, true, true});
    Set<String> nodes = new HashSet<>();
    java.util.List<String> edges = new java.util.ArrayList<>();
    for (String line : dot.split("\n")) {
      Matcher n = NODE.matcher(line);
      Matcher e = EDGE.matcher(line);
      if (n.matches()) {
        nodes.add(n.group(1));
      } else if (e.matches()) {
        assertTrue(nodes.contains(e.group(1)) && nodes.contains(e.group(2)), line);
        edges.add(e.group(1) + " -> " + e.group(2));
      }
    }
    assertEquals(Set.of("\"people\"", "\"~archive\"", "\"b\"", "\"c\""), nodes);
    assertEquals(java.util.List.of("\"~archive\" -> \"c\"", "\"people\" -> \"c\""), edges);
    assertTrue(dot.contains("a sample of 2 models"), dot);
  }

  /**
   * {@link GraphDot#fixed} writes String.format's "%.Nf" text: on halves at the rounding digit
   * (which the Formatter rounds up from Double.toString's digits, not from the binary value), on
   * shares k/n, on random values of every magnitude and on signed zeros.
   */
  @Test
  void fixed_sameAsStringFormat() {
    Random rnd = new Random(15);
    java.util.List<Double> values = new java.util.ArrayList<>();
    for (int k = 0; k < 2000; k++) {
      values.add(k / 1000.0 + 0.0005);
      values.add(k / 100.0 + 0.005);
    }
    for (int n = 1; n <= 100; n++) {
      for (int k = 0; k <= n; k++) {
        values.add((double) k / n);
      }
    }
    for (int k = 0; k < 1000; k++) {
      values.add(rnd.nextDouble());
      values.add((rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(24) - 12));
      values.add(Double.longBitsToDouble(rnd.nextLong()));
    }
    values.addAll(java.util.List.of(0.0, -0.0, 1e-300, -1e-4, 1.0005, 2.675, 0.125, 1e20));
    for (double v : values) {
      for (int digits : new int[] {2, 3}) {
        String expected =
            Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + digits + "f", v);
        assertEquals(expected, GraphDot.fixed(v, digits), "fixed(" + v + ", " + digits + ")");
      }
    }
  }

  @Test
  void dot_closedPairAndHumans_wellFormed(@TempDir Path tmp) throws Exception {
    String dot = GraphDot.render("w0-9", Graphs.closedPairAndHumans());
    int depth = 0;
    Set<String> nodes = new HashSet<>();
    int edges = 0;
    for (String line : dot.split("\n")) {
      Matcher n = NODE.matcher(line);
      Matcher e = EDGE.matcher(line);
      if (n.matches()) {
        nodes.add(n.group(1));
        if (n.group(2).equals("ellipse")) {
          assertEquals("\"#ea9999\"", n.group(3), "every model collapses: " + line);
        }
      } else if (e.matches()) {
        assertTrue(nodes.contains(e.group(1)) && nodes.contains(e.group(2)), line);
        edges++;
      } else {
        assertTrue(OTHER.matcher(line).matches(), "not a statement: " + line);
      }
      depth += line.endsWith("{") ? 1 : line.strip().equals("}") ? -1 : 0;
      assertTrue(depth >= 0, line);
    }
    assertEquals(0, depth);
    assertEquals(5, nodes.size());
    assertEquals(5, edges);
    assertTrue(dot.contains("subgraph \"cluster_c0\""), "the closed pair is a cluster");

    Path exe = ouroboros.sim.testing.Graphviz.dot();
    if (exe != null) {
      Path file = tmp.resolve("g.dot");
      Files.writeString(file, dot);
      Process p =
          new ProcessBuilder(exe.toString(), "-Tsvg", file.toString())
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes());
      assertEquals(0, p.waitFor(), out);
      assertTrue(out.contains("<svg"), out);
    }
  }
}
