package ouroboros.sim.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import ouroboros.agents.model.Composition;

/** A model's lane holds exactly its authors, shares them with its pooled input, and sums right. */
class ModelLaneTest {

  /** A record at {@code tick} naming {@code sources}, one item each. */
  private static GraphWindow.Record record(int tick, int... sources) {
    int[] counts = new int[sources.length];
    java.util.Arrays.fill(counts, 1);
    return new GraphWindow.Record(
        tick, 0, new Composition(sources, counts, 0, sources.length), 1.0);
  }

  @Test
  void lane_afterTwoRecordsAndOneEvicted_holdsExactlyTheAuthorsLeft() {
    ModelLane lane = new ModelLane();
    lane.addLast(record(0, IntStream.range(0, 100).toArray()));
    lane.addLast(record(10, IntStream.range(100, 200).toArray()));
    assertEquals(200, lane.capacity());
    lane.removeFirst();
    assertEquals(100, lane.capacity());
    InteractionGraph.Input in = lane.whole();
    assertArrayEquals(IntStream.range(100, 200).toArray(), in.authors());
    assertTrue(lane.sharesInput());
  }

  @Test
  void lane_sourcesOutOfOrderAndRepeated_sumsByAuthor() {
    ModelLane lane = new ModelLane();
    lane.addLast(record(0, 5, 3, 5, 1));
    lane.addLast(record(1, 3, 7));
    InteractionGraph.Input in = lane.whole();
    assertArrayEquals(new int[] {1, 3, 5, 7}, in.authors());
    assertArrayEquals(new long[] {1, 2, 2, 1}, in.counts());
    InteractionGraph.Input earlier = in;
    lane.removeFirst();
    // The lane replaces its arrays, never writes them: an input handed out earlier stays as it was.
    assertArrayEquals(new int[] {1, 3, 5, 7}, earlier.authors());
    assertArrayEquals(new long[] {1, 2, 2, 1}, earlier.counts());
    in = lane.whole();
    assertArrayEquals(new int[] {3, 7}, in.authors());
    assertArrayEquals(new long[] {1, 1}, in.counts());
    assertEquals(2, lane.capacity());
    lane.removeFirst();
    assertEquals(0, lane.capacity());
  }
}
