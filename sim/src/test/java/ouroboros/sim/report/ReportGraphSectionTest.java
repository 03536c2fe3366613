package ouroboros.sim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The interaction graph: edge weights, the legend of colours, self-loops clear of the names. */
class ReportGraphSectionTest {
  /** A final.dot as the topology writer writes it (the quickstart's, shortened). */
  private static final String DOT =
      """
      digraph "w190-199" {
        label="ticks 190 to 199; green: bounded, red: collapses";
        node [fontname="Helvetica", style=filled];
        "people" [shape=box, fillcolor="#cfe2f3", label="people\\nhuman"];
        "~archive" [shape=box, fillcolor="#cfe2f3", label="archive\\nfresh human data"];
        subgraph "cluster_c0" {
          label="closed, no human data";
          "lab-replace" [shape=ellipse, fillcolor="#ea9999", label="lab-replace\\ncollapses\\nancestry 0.000"];
        }
        "lab-fresh" [shape=ellipse, fillcolor="#b6d7a8", label="lab-fresh\\nbounded"];
        "lab-replace" -> "lab-replace" [label="1.000"];
        "~archive" -> "lab-fresh" [label="0.200"];
        "lab-fresh" -> "lab-fresh" [label="0.800"];
      }
      """;

  @Test
  void readDot_fillColoursKindsAndEdgeLabels() {
    Set<String> nodes = new LinkedHashSet<>();
    List<GraphSection.Edge> edges = new ArrayList<>();
    Map<String, GraphSection.Look> looks = new HashMap<>();
    GraphSection.readDot(DOT, nodes, edges, looks);
    assertEquals(List.of("people", "~archive", "lab-replace", "lab-fresh"), List.copyOf(nodes));
    assertEquals(
        List.of("1.000", "0.200", "0.800"), edges.stream().map(GraphSection.Edge::label).toList());
    assertEquals(0.2, edges.get(1).weight());
    assertEquals(new GraphSection.Look(new Color(0xEA9999), "collapses"), looks.get("lab-replace"));
    Map<Color, Set<String>> legend = GraphDrawing.legendEntries(List.copyOf(nodes), looks);
    assertEquals(
        Map.of(
            new Color(0xCFE2F3), Set.of("human", "fresh human data"),
            new Color(0xEA9999), Set.of("collapses"),
            new Color(0xB6D7A8), Set.of("bounded")),
        legend);
  }

  @Test
  void loopCentre_anyNodeOfUpToTwelve_clearOfItsNameAndOfTheOtherNodes() {
    int w = RunReport.WIDTH;
    for (int n = 1; n <= 12; n++) {
      int h = Math.min(800, 240 + 40 * n);
      double[][] at = GraphDrawing.layout(n, w, h);
      for (int i = 0; i < n; i++) {
        double[] c = GraphDrawing.loopCentre(at[i], w, h);
        double dx = at[i][0] - w / 2.0;
        double dy = at[i][1] - h / 2.0;
        double len = Math.max(1, Math.hypot(dx, dy));
        // The name is centred R + 14 = 30 px outside the node, about 14 px tall.
        double nx = at[i][0] + dx / len * 30;
        double ny = at[i][1] + dy / len * 30;
        assertTrue(Math.hypot(c[0] - nx, c[1] - ny) > 0.8 * 16 + 7, n + " nodes, node " + i);
        for (int j = 0; j < n; j++) {
          if (j != i) {
            assertTrue(
                Math.hypot(c[0] - at[j][0], c[1] - at[j][1]) > 0.8 * 16 + 16,
                n + " nodes: the loop of " + i + " clears node " + j);
          }
        }
      }
    }
  }

  @Test
  void drawn_moreEdgesThanDrawn_theHeaviestInFileOrder() {
    List<GraphSection.Edge> edges = new ArrayList<>();
    int n = GraphSection.MAX_DRAWN + 500;
    for (int i = 0; i < n; i++) {
      // weights 0..n-1 shuffled by a stride coprime with n; two equal weights at the cut
      double w = (i * 7919L) % n;
      edges.add(new GraphSection.Edge("a" + i, "b", w == 1000 ? 500 : w, ""));
    }
    List<GraphSection.Edge> drawn = GraphSection.drawn(edges);
    assertEquals(GraphSection.MAX_DRAWN, drawn.size());
    double lightestKept = drawn.stream().mapToDouble(GraphSection.Edge::weight).min().orElseThrow();
    for (GraphSection.Edge e : edges) {
      assertTrue(drawn.contains(e) || e.weight() <= lightestKept, e.toString());
    }
    List<Integer> positions = drawn.stream().map(edges::indexOf).toList();
    for (int k = 1; k < positions.size(); k++) {
      assertTrue(positions.get(k - 1) < positions.get(k), "in the file's order");
    }
    List<GraphSection.Edge> few = edges.subList(0, 10);
    assertTrue(GraphSection.drawn(few) == few, "a small graph is drawn whole");
  }

  @Test
  void select_moreNodesThanDrawn_theHeaviestEdgesWithinTheNodeBudget() {
    // P1's graph: a thousand models, each training on its own output only (a ring each).
    List<String> models = new ArrayList<>();
    List<GraphSection.Edge> loops = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      models.add("m" + i);
      loops.add(new GraphSection.Edge("m" + i, "m" + i, (i * 7919L) % 1000, ""));
    }
    GraphSection.Selection ring = GraphSection.select(models, loops, Set.of());
    assertEquals(GraphSection.MAX_NODES, ring.nodes().size());
    assertEquals(GraphSection.MAX_NODES, ring.edges().size(), "one ring per node drawn");
    for (GraphSection.Edge e : ring.edges()) {
      assertTrue(e.weight() >= 1000 - GraphSection.MAX_NODES, "among the heaviest: " + e);
      assertTrue(ring.nodes().contains(e.from()), e.toString());
    }
    assertInFileOrder(models, ring.nodes());
    assertInFileOrder(loops, ring.edges());

    // Human sources first, then models, each model trained on one source and on model m0; h1's
    // and h2's edges are light, but the sources are pinned.
    List<String> nodes = new ArrayList<>(List.of("h0", "h1", "h2"));
    List<GraphSection.Edge> edges = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      nodes.add("m" + i);
      edges.add(new GraphSection.Edge("h" + i % 3, "m" + i, i % 3 == 0 ? 0.9 : 0.1, ""));
      edges.add(new GraphSection.Edge("m0", "m" + i, 0.5, ""));
    }
    GraphSection.Selection web = GraphSection.select(nodes, edges, Set.of("h1", "h2"));
    assertTrue(web.nodes().size() <= GraphSection.MAX_NODES, web.nodes().toString());
    for (GraphSection.Edge e : web.edges()) {
      assertTrue(
          web.nodes().contains(e.from()) && web.nodes().contains(e.to()), "drawn nodes: " + e);
    }
    assertTrue(web.edges().contains(edges.get(0)), "the heaviest edge is drawn");
    assertTrue(web.nodes().containsAll(List.of("h1", "h2")), "pinned sources are drawn");
    assertInFileOrder(nodes, web.nodes());
    assertInFileOrder(edges, web.edges());

    // Nodes without edges: the file's first ones; a small graph: whole, edges as drawn() has them.
    List<String> lonely = models.subList(0, 100);
    assertEquals(
        models.subList(0, GraphSection.MAX_NODES),
        GraphSection.select(lonely, List.of(), Set.of()).nodes());
    List<String> few = models.subList(0, GraphSection.MAX_NODES);
    GraphSection.Selection whole = GraphSection.select(few, loops, Set.of());
    assertTrue(whole.nodes() == few, "a small graph's nodes are drawn whole");
    assertEquals(GraphSection.drawn(loops), whole.edges());
  }

  /** {@code sub}'s elements come in the order they have in {@code all}. */
  private static <T> void assertInFileOrder(List<T> all, List<T> sub) {
    List<Integer> positions = sub.stream().map(all::indexOf).toList();
    for (int k = 1; k < positions.size(); k++) {
      assertTrue(positions.get(k - 1) < positions.get(k), "in the file's order: " + sub);
    }
  }

  @Test
  void shown_longFile_cutAtALineWithinTheLimit() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; b.length() <= 2 * GraphSection.MAX_TEXT; i++) {
      b.append("  \"m").append(i).append("\" -> \"m0\" [label=\"0.010\"];\n");
    }
    String text = b.toString();
    String shown = GraphSection.shown(text);
    assertTrue(shown.length() <= GraphSection.MAX_TEXT, "at most the limit");
    assertTrue(shown.endsWith("\n") && text.startsWith(shown), "whole lines from the start");
    assertTrue(text.charAt(shown.length() - 1) == '\n');
    assertEquals(DOT, GraphSection.shown(DOT));
  }
}
