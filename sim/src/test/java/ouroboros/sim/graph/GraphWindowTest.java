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
}
