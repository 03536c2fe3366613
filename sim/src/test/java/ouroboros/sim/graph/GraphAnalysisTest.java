package ouroboros.sim.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ouroboros.agents.data.Items;
import ouroboros.sim.graph.InteractionGraph.Input;

/**
 * The topology condition of SCIENCE.md at the analysis level, on compositions built by hand: rings,
 * chains and closed pairs, with and without human data. Exact: no randomness.
 */
class GraphAnalysisTest {
  private static final double EPS = 1e-12;

  /** One human source, {@code people} (agent 0), and models m0..m(n-1) (agents 1..n). */
  private static InteractionGraph graph(Input... inputs) {
    List<String> models = new ArrayList<>();
    for (int k = 0; k < inputs.length; k++) {
      models.add("m" + k);
    }
    return new InteractionGraph(0, 9, List.of("people"), models, List.of(inputs));
  }

  /** Model k's agent index. */
  private static int m(int k) {
    return 1 + k;
  }

  /** A training set of 100 items: authors with counts, {@code human} of them of depth 0. */
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

  private static void assertAll(GraphAnalysis a, Prediction expected) {
    for (int i = 0; i < a.graph().models().size(); i++) {
      assertEquals(expected, a.prediction(i), a.graph().models().get(i));
    }
  }

  @Test
  void ring_ofFourWithoutHumanData_allCollapseInOneClosedClass() {
    GraphAnalysis a =
        GraphAnalysis.of(
            graph(from(0, m(3), 100), from(0, m(0), 100), from(0, m(1), 100), from(0, m(2), 100)));
    assertEquals(1, a.classes().size());
    assertArrayEquals(new int[] {0, 1, 2, 3}, a.classes().get(0));
    assertTrue(a.closedWithoutHuman(0));
    assertAll(a, Prediction.COLLAPSES);
    for (int i = 0; i < 4; i++) {
      assertEquals(0, a.ancestry(i));
    }
  }

  @Test
  void ring_oneModelTakesTenPercentHumanData_allBoundedWithFullAncestry() {
    GraphAnalysis a =
        GraphAnalysis.of(
            graph(
                from(10, 0, 10, m(3), 90),
                from(0, m(0), 100),
                from(0, m(1), 100),
                from(0, m(2), 100)));
    assertEquals(1, a.classes().size());
    assertFalse(a.closedWithoutHuman(0));
    assertAll(a, Prediction.BOUNDED);
    for (int i = 0; i < 4; i++) {
      // Every walk around the ring ends in human data sooner or later.
      assertTrue(a.ancestry(i) > 0);
      assertEquals(1, a.ancestry(i), EPS);
    }
  }

  @Test
  void chain_humanToAToBToC_allBoundedWithAncestryOne() {
    GraphAnalysis a =
        GraphAnalysis.of(graph(from(100, 0, 100), from(0, m(0), 100), from(0, m(1), 100)));
    assertEquals(3, a.classes().size());
    assertAll(a, Prediction.BOUNDED);
    for (int i = 0; i < 3; i++) {
      assertFalse(a.closedWithoutHuman(a.classOf(i)));
      assertEquals(1, a.ancestry(i), EPS);
    }
  }

  @Test
  void closedPair_feedingAThird_allThreeCollapse() {
    GraphAnalysis a =
        GraphAnalysis.of(
            graph(from(0, m(1), 100), from(0, m(0), 100), from(0, m(0), 50, m(1), 50)));
    assertEquals(2, a.classes().size());
    assertArrayEquals(new int[] {0, 1}, a.classes().get(a.classOf(0)));
    assertTrue(a.closedWithoutHuman(a.classOf(0)));
    assertFalse(a.closedWithoutHuman(a.classOf(2)), "the third is downstream, not closed");
    assertAll(a, Prediction.COLLAPSES);
    for (int i = 0; i < 3; i++) {
      assertEquals(0, a.ancestry(i));
    }
  }

  @Test
  void model_fedByClosedPairAndHumans_collapsesThoughItsAncestryIsPositive() {
    GraphAnalysis a =
        GraphAnalysis.of(graph(from(0, m(1), 100), from(0, m(0), 100), from(50, 0, 50, m(0), 50)));
    assertTrue(a.closedWithoutHuman(a.classOf(0)));
    assertEquals(0.5, a.ancestry(2), EPS);
    assertAll(a, Prediction.COLLAPSES);
  }

  @Test
  void selfLoop_withFreshArchiveData_boundedWithAncestryOne() {
    // The quickstart's lab-fresh: 20% fresh data, 80% its own output.
    GraphAnalysis a =
        GraphAnalysis.of(graph(from(20, Items.ARCHIVE, 20, m(0), 80), from(0, m(1), 100)));
    assertEquals(Prediction.BOUNDED, a.prediction(0));
    assertEquals(1, a.ancestry(0), EPS);
    assertTrue(a.closedWithoutHuman(a.classOf(1)), "a model on its own output alone");
    assertEquals(Prediction.COLLAPSES, a.prediction(1));
    assertEquals(0, a.ancestry(1));
  }

  @Test
  void launderedItems_countAsSyntheticOfUnknownOrigin() {
    // m0: 60 human items, 40 reposted by people with depth > 0; m1 only reposted items.
    GraphAnalysis a = GraphAnalysis.of(graph(from(60, 0, 100), from(0, 0, 100)));
    InteractionGraph.Input in = a.graph().inputs().get(0);
    assertEquals(0.4, in.launderedShare(1), EPS);
    assertEquals(0.6, a.ancestry(0), EPS);
    assertEquals(Prediction.BOUNDED, a.prediction(0));
    assertEquals(0, a.ancestry(1));
    assertTrue(a.closedWithoutHuman(a.classOf(1)));
    assertEquals(Prediction.COLLAPSES, a.prediction(1));
  }

  @Test
  void untrainedModel_isUnknownAndSoIsWhatTrainsOnIt() {
    GraphAnalysis a =
        GraphAnalysis.of(
            graph(
                Input.NONE,
                from(50, 0, 50, m(0), 50),
                from(0, m(0), 50, m(3), 50),
                from(0, m(3), 100)));
    assertEquals(Prediction.UNKNOWN, a.prediction(0));
    assertTrue(Double.isNaN(a.ancestry(0)));
    assertEquals(Prediction.UNKNOWN, a.prediction(1));
    assertTrue(Double.isNaN(a.ancestry(1)));
    assertTrue(Double.isNaN(a.depth(0)));
    assertEquals(Prediction.COLLAPSES, a.prediction(2), "a closed ancestor decides");
    assertEquals(Prediction.COLLAPSES, a.prediction(3));
  }

  @Test
  void ancestry_solvesTheLinearSystemAcrossClasses() {
    // m0 <-> m1 with human input on m0, m2 downstream of m1 with its own human data.
    // a0 = 0.5 + 0.5 a1, a1 = 0.25 a0 + 0.75 * 0 (laundered), a2 = 0.2 + 0.4 a1 + 0.4 a2.
    GraphAnalysis a =
        GraphAnalysis.of(
            graph(
                from(50, 0, 50, m(1), 50),
                from(0, 0, 75, m(0), 25),
                from(20, 0, 20, m(1), 40, m(2), 40)));
    double a0 = 0.5 / (1 - 0.5 * 0.25);
    double a1 = 0.25 * a0;
    assertEquals(a0, a.ancestry(0), EPS);
    assertEquals(a1, a.ancestry(1), EPS);
    assertEquals((0.2 + 0.4 * a1) / 0.6, a.ancestry(2), EPS);
    assertAll(a, Prediction.BOUNDED);
  }
}
