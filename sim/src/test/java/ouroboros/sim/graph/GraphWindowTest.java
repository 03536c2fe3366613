package ouroboros.sim.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import ouroboros.agents.domain.Evaluation;
import ouroboros.agents.model.Composition;
import ouroboros.agents.model.RetrainReport;

/** Pooling retrains over a window, carrying a model's last input, and skipping failed fits. */
class GraphWindowTest {
  /** A report of model agent {@code agent} (one human source, agent 0). */
  private static RetrainReport report(
      int agent, int tick, boolean failed, Composition c, double outputDepth) {
    return new RetrainReport(
        agent,
        "m" + (agent - 1),
        tick,
        1,
        failed,
        failed ? "boom" : "",
        failed ? 1 : 0,
        c.total(),
        c,
        outputDepth,
        Evaluation.NONE,
        List.of(),
        new double[0]);
  }

  private static GraphWindow window() {
    return new GraphWindow(List.of("people"), List.of("m0", "m1"), 3);
  }

  @Test
  void window_poolsCountsAndWeightsDepthByItems() {
    GraphWindow w = window();
    w.add(
        0,
        List.of(report(1, 0, false, new Composition(new int[] {0}, new int[] {10}, 10, 10), 1.0)));
    w.add(
        1,
        List.of(
            report(
                1, 1, false, new Composition(new int[] {0, 1}, new int[] {10, 30}, 5, 40), 3.0)));
    InteractionGraph.Input in = w.graphAt(1).inputs().get(0);
    assertArrayEquals(new int[] {0, 1}, in.authors());
    assertArrayEquals(new long[] {20, 30}, in.counts());
    assertEquals(15, in.human());
    assertEquals(50, in.items());
    assertEquals((0.0 * 10 + 2.0 * 40) / 50, in.depth(), 1e-12);
    assertEquals(2, in.retrains());
    assertEquals(0.1, in.launderedShare(1), 1e-12, "5 of the 50 items: people reposting");
    assertFalse(w.graphAt(1).inputs().get(1).known());
  }

  @Test
  void window_modelWithoutRetrainInWindow_keepsItsLastInput() {
    GraphWindow w = window();
    w.add(
        0,
        List.of(report(1, 0, false, new Composition(new int[] {0}, new int[] {10}, 10, 10), 1.0)));
    for (int t = 1; t <= 5; t++) {
      w.add(t, List.of());
    }
    InteractionGraph g = w.graphAt(5);
    assertEquals(3, g.start());
    InteractionGraph.Input in = g.inputs().get(0);
    assertTrue(in.carried());
    assertEquals(0, in.lastTick());
    assertEquals(1.0, in.humanShare());
  }

  @Test
  void window_failedFit_isLeftOut() {
    GraphWindow w = window();
    w.add(
        0,
        List.of(report(1, 0, false, new Composition(new int[] {0}, new int[] {10}, 10, 10), 1.0)));
    w.add(
        1, List.of(report(1, 1, true, new Composition(new int[] {1}, new int[] {10}, 0, 10), 1.0)));
    InteractionGraph.Input in = w.graphAt(1).inputs().get(0);
    assertEquals(1, in.retrains());
    assertEquals(1.0, in.humanShare());
  }

  @Test
  void window_sourcesOutOfOrderAcrossRetrains_pooledAscendingAndSummed() {
    GraphWindow w = window();
    int archive = ouroboros.agents.data.Items.ARCHIVE;
    w.add(
        0,
        List.of(
            report(1, 0, false, new Composition(new int[] {1, 2}, new int[] {5, 5}, 0, 10), 2.0)));
    w.add(
        1,
        List.of(
            report(
                1,
                1,
                false,
                new Composition(new int[] {archive, 0, 1}, new int[] {3, 4, 6}, 7, 13),
                2.0)));
    w.add(
        2, List.of(report(1, 2, false, new Composition(new int[] {2}, new int[] {7}, 0, 7), 2.0)));
    InteractionGraph.Input in = w.graphAt(2).inputs().get(0);
    assertArrayEquals(new int[] {archive, 0, 1, 2}, in.authors());
    assertArrayEquals(new long[] {3, 4, 11, 12}, in.counts());
    assertEquals(7, in.human());
    assertEquals(30, in.items());
    assertEquals(3, in.retrains());
    assertEquals(2, in.lastTick());
  }

  @Test
  void window_initialFitAndTruth_countAsHumanDataUntilTheFirstRetrain() {
    GraphWindow w = new GraphWindow(List.of("people"), List.of("m0", "m1", "m2"), 3);
    int archive = ouroboros.agents.data.Items.ARCHIVE;
    Composition real = new Composition(new int[] {archive}, new int[] {20}, 20, 20);
    w.addInitialFits(
        List.of(
            report(1, -1, false, real, 1.0),
            report(3, -1, true, real, 1.0))); // m2's fit failed: no parameters
    w.addTruth(1, 30);
    w.add(0, List.of());
    InteractionGraph g = w.graphAt(0);
    for (int k = 0; k < 2; k++) {
      InteractionGraph.Input in = g.inputs().get(k);
      assertArrayEquals(new int[] {archive}, in.authors(), "m" + k);
      assertEquals(1.0, in.humanShare(), "m" + k);
      assertEquals(0.0, in.depth(), "m" + k);
    }
    assertEquals(20, g.inputs().get(0).items());
    assertEquals(30, g.inputs().get(1).items());
    assertFalse(g.inputs().get(2).known(), "a failed fit before tick 0 leaves m2 untrained");
    // The first retrain replaces the state before tick 0, in its window and after it.
    w.add(
        1,
        List.of(report(1, 1, false, new Composition(new int[] {2}, new int[] {10}, 0, 10), 2.0)));
    for (int t = 2; t <= 6; t++) {
      w.add(t, List.of());
      InteractionGraph.Input in = w.graphAt(t).inputs().get(0);
      assertArrayEquals(new int[] {2}, in.authors(), "tick " + t);
      assertEquals(1, in.lastTick(), "tick " + t);
    }
    assertEquals(1.0, w.graphAt(6).inputs().get(1).humanShare(), "m1 never retrained");
  }

  @Test
  void window_initialState_survivesACheckpoint() throws java.io.IOException {
    GraphWindow w = new GraphWindow(List.of("people"), List.of("m0", "m1"), 3);
    int archive = ouroboros.agents.data.Items.ARCHIVE;
    w.addInitialFits(
        List.of(
            report(
                1, -1, false, new Composition(new int[] {archive}, new int[] {20}, 20, 20), 1.0)));
    w.addTruth(1, 30);
    for (int t = 0; t <= 4; t++) {
      w.add(t, List.of());
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    w.save(new java.io.DataOutputStream(bytes));
    GraphWindow restored = window(); // a resumed run hears no fits before tick 0
    restored.restore(
        new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())));
    assertEquals(w.graphAt(4), restored.graphAt(4));
    assertTrue(restored.graphAt(4).inputs().get(0).known());
  }
}
