package ouroboros.sim.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import ouroboros.agents.data.Items;
import ouroboros.sim.graph.InteractionGraph.Input;

/**
 * The O(V + E) analysis agrees with the dense solver it replaced ({@link DenseReference}) on the
 * small graphs the graph tests build by hand and on 500 seeded random ones: same classes, closed
 * classes and verdicts; ancestry to the last bit as the analysis runs (classes this small take the
 * same LU decomposition), and within 1e-12 when every class of two or more is solved by the sparse
 * sweeps instead.
 */
class GraphAnalysisAgreementTest {
  private static final double EPS = 1e-12;

  @Test
  void retiredTogether_theirFrozenInputsDoNotKeepEachOtherShown() {
    // QA, stop 33: p and q read each other and retired before the window (their last retrains at
    // ticks 3 and 4); each one's frozen input held the other, so both stayed in every later window
    // as a closed class. r, in the web, reads the human source h, then also p.
    Input pq = new Input(new int[] {2}, new long[] {10}, 0, 10, 1, 1, 4, true);
    Input qp = new Input(new int[] {1}, new long[] {10}, 0, 10, 1, 1, 3, true);
    Input rh = new Input(new int[] {0}, new long[] {10}, 10, 10, 0, 1, 22, false);
    List<InteractionGraph.Presence> presence =
        List.of(
            InteractionGraph.Presence.RETIRED,
            InteractionGraph.Presence.RETIRED,
            InteractionGraph.Presence.IN);
    InteractionGraph g =
        new InteractionGraph(
            20, 24, List.of("h"), List.of("p", "q", "r"), List.of(pq, qp, rh), presence);
    GraphAnalysis a = GraphAnalysis.of(g);
    for (int i = 0; i < 3; i++) {
      assertEquals(i == 2, g.shown(i), "model " + i);
      assertEquals(i == 2, a.shown(i), "model " + i);
    }
    Input rhp = new Input(new int[] {0, 1}, new long[] {10, 5}, 10, 15, 0.3, 1, 22, false);
    g =
        new InteractionGraph(
            20, 24, List.of("h"), List.of("p", "q", "r"), List.of(pq, qp, rhp), presence);
    a = GraphAnalysis.of(g);
    // r trains on p's output in the window: p is shown, and q only through p's frozen input.
    assertEquals(List.of(true, false, true), List.of(g.shown(0), g.shown(1), g.shown(2)));
    assertEquals(List.of(true, false, true), List.of(a.shown(0), a.shown(1), a.shown(2)));
  }

  @Test
  void handBuiltGraphs_agreeWithTheDenseSolver() {
    List<InteractionGraph> graphs = handBuilt();
    for (int k = 0; k < graphs.size(); k++) {
      assertAgree(graphs.get(k), "hand-built graph " + k);
    }
  }

  @Test
  void randomSmallGraphs_agreeWithTheDenseSolver() {
    Random rnd = new Random(15);
    int swept = 0;
    for (int k = 0; k < 500; k++) {
      InteractionGraph g = RandomGraphs.small(rnd);
      assertAgree(g, "random graph " + k);
      swept += GraphAnalysis.of(g).classes().stream().anyMatch(c -> c.length > 1) ? 1 : 0;
    }
    System.out.println(
        "graph analysis agreement: 500 random graphs, "
            + swept
            + " with a class of two or more models");
    assertTrue(swept > 50, "enough graphs exercise the class solvers: " + swept);
  }

  @Test
  void sweeps_ringWhoseOnlyWayOutHasNoItems_stopWithTheLeastSolution() {
    // A ring of 40 with an edge of 0 items from a human-fed model: not closed, yet no walk
    // leaves it. The dense solver found its system singular; the sweeps stop and give 0.
    int n = 40;
    List<Input> inputs = new ArrayList<>();
    inputs.add(from(100, 0, 100));
    for (int k = 1; k <= n; k++) {
      int next = m(k == n ? 1 : k + 1);
      inputs.add(
          k == 1
              ? Input.of(new int[] {m(0), next}, new long[] {0, 100}, 0, 2)
              : from(0, next, 100));
    }
    GraphAnalysis a = GraphAnalysis.of(graph(inputs.toArray(Input[]::new)));
    assertEquals(n, a.classes().get(a.classOf(1)).length);
    for (int k = 1; k <= n; k++) {
      assertEquals(0, a.ancestry(k), "m" + k);
    }
  }

  private static void assertAgree(InteractionGraph g, String what) {
    DenseReference ref = DenseReference.of(g);
    for (int denseMax : new int[] {Ancestry.DENSE_MAX, 1}) {
      GraphAnalysis a = GraphAnalysis.of(g, denseMax);
      String at = what + ", dense up to " + denseMax;
      assertEquals(ref.classes().size(), a.classes().size(), at);
      for (int c = 0; c < a.classes().size(); c++) {
        assertArrayEquals(ref.classes().get(c), a.classes().get(c), at);
        assertEquals(ref.closedWithoutHuman(c), a.closedWithoutHuman(c), at + ", class " + c);
      }
      for (int i = 0; i < g.models().size(); i++) {
        String model = at + ", model " + i;
        assertEquals(ref.classOf(i), a.classOf(i), model);
        assertEquals(ref.prediction(i), a.prediction(i), model);
        assertEquals(
            Double.doubleToLongBits(ref.depth(i)), Double.doubleToLongBits(a.depth(i)), model);
        assertEquals(g.shown(i), a.shown(i), model);
        if (denseMax == Ancestry.DENSE_MAX) {
          assertEquals(
              Double.doubleToLongBits(ref.ancestry(i)),
              Double.doubleToLongBits(a.ancestry(i)),
              model);
        } else {
          assertEquals(Double.isNaN(ref.ancestry(i)), Double.isNaN(a.ancestry(i)), model);
          assertEquals(ref.ancestry(i), a.ancestry(i), EPS, model);
        }
      }
    }
  }

  /**
   * The graphs of GraphAnalysisTest (in its order), Graphs and GraphJsonTest: one human source and
   * training sets of 100 items, as there.
   */
  private static List<InteractionGraph> handBuilt() {
    List<InteractionGraph> out = new ArrayList<>();
    out.add(graph(from(0, m(3), 100), from(0, m(0), 100), from(0, m(1), 100), from(0, m(2), 100)));
    out.add(
        graph(
            from(10, 0, 10, m(3), 90), from(0, m(0), 100), from(0, m(1), 100), from(0, m(2), 100)));
    out.add(graph(from(100, 0, 100), from(0, m(0), 100), from(0, m(1), 100)));
    out.add(graph(from(0, m(1), 100), from(0, m(0), 100), from(0, m(0), 50, m(1), 50)));
    out.add(graph(from(0, m(1), 100), from(0, m(0), 100), from(50, 0, 50, m(0), 50)));
    out.add(graph(from(20, Items.ARCHIVE, 20, m(0), 80), from(0, m(1), 100)));
    out.add(graph(from(60, 0, 100), from(0, 0, 100)));
    out.add(
        graph(
            Input.NONE,
            from(50, 0, 50, m(0), 50),
            from(0, m(0), 50, m(3), 50),
            from(0, m(3), 100)));
    out.add(
        graph(
            from(50, 0, 50, m(1), 50),
            from(0, 0, 75, m(0), 25),
            from(20, 0, 20, m(1), 40, m(2), 40)));
    out.add(Graphs.closedPairAndHumans().graph());
    out.add(new InteractionGraph(0, 0, List.of(), List.of("x"), List.of(Input.NONE)));
    return out;
  }

  private static InteractionGraph graph(Input... inputs) {
    List<String> models = new ArrayList<>();
    for (int k = 0; k < inputs.length; k++) {
      models.add("m" + k);
    }
    return new InteractionGraph(0, 9, List.of("people"), models, List.of(inputs));
  }

  private static int m(int k) {
    return 1 + k;
  }

  private static Input from(int human, int... authorCountPairs) {
    int n = authorCountPairs.length / 2;
    int[] authors = new int[n];
    long[] counts = new long[n];
    for (int k = 0; k < n; k++) {
      authors[k] = authorCountPairs[2 * k];
      counts[k] = authorCountPairs[2 * k + 1];
    }
    return Input.of(authors, counts, human, human == 100 ? 0 : 1.5);
  }
}
