package ouroboros.sim.graph;

import java.util.List;
import ouroboros.agents.data.Items;
import ouroboros.sim.graph.InteractionGraph.Input;

/** Small hand-built graphs for the graph tests. */
final class Graphs {
  private Graphs() {}

  /**
   * One human source {@code people} (agent 0) and three models a, b, c (agents 1..3): a and b train
   * only on each other (a closed pair); c takes 10 items of fresh archive data, 40 from people and
   * 50 from a, so that every kind of node and edge appears.
   */
  static GraphAnalysis closedPairAndHumans() {
    return GraphAnalysis.of(
        new InteractionGraph(
            0,
            9,
            List.of("people"),
            List.of("a", "b", "c"),
            List.of(
                Input.of(new int[] {2}, new long[] {100}, 0, 3.0),
                Input.of(new int[] {1}, new long[] {100}, 0, 3.0),
                Input.of(new int[] {Items.ARCHIVE, 0, 1}, new long[] {10, 40, 50}, 50, 2.0))));
  }
}
