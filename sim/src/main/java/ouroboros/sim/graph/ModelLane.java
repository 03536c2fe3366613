package ouroboros.sim.graph;

import java.util.Arrays;
import ouroboros.agents.model.Composition;

/**
 * One model's records in a {@link GraphWindow}, oldest first, with their item counts summed by
 * author as records come and go, so that the input of a model whose records all lie in the window
 * costs one pass over their depths instead of a merge of their sources. Counts are whole numbers,
 * so the sums equal those pooled afresh; the depth sum is redone in record order, as a fresh pool
 * does it. The input is kept until the records change. Not thread-safe.
 */
final class ModelLane {
  private GraphWindow.Record[] ring = new GraphWindow.Record[4];

  /** Each record's depth times its items, at the record's place in the ring. */
  private double[] weighted = new double[4];

  private int head;
  private int size;

  /** Authors named by the records, ascending; their summed counts; the pairs naming each. */
  private int[] authors = new int[4];

  private long[] sums = new long[4];
  private int[] pairs = new int[4];
  private int n;
  private long human;
  private long items;

  /** The input of all the records, or null when they changed since it was made. */
  private InteractionGraph.Input whole;

  /** The record that {@link #carriedInput} was made from, and that input. */
  private GraphWindow.Record carriedFrom;

  private InteractionGraph.Input carriedInput;

  int size() {
    return size;
  }

  /** Record {@code i}, 0 the oldest. */
  GraphWindow.Record get(int i) {
    return ring[at(i)];
  }

  /** The place in the ring of record {@code i}. */
  private int at(int i) {
    int at = head + i;
    return at < ring.length ? at : at - ring.length;
  }

  void addLast(GraphWindow.Record r) {
    if (size == ring.length) {
      GraphWindow.Record[] bigger = new GraphWindow.Record[ring.length * 2];
      double[] biggerWeighted = new double[ring.length * 2];
      for (int i = 0; i < size; i++) {
        bigger[i] = get(i);
        biggerWeighted[i] = weighted[at(i)];
      }
      ring = bigger;
      weighted = biggerWeighted;
      head = 0;
    }
    ring[at(size)] = r;
    weighted[at(size)] = r.depth() * r.composition().total();
    size++;
    count(r.composition(), 1);
  }

  GraphWindow.Record removeFirst() {
    GraphWindow.Record r = ring[head];
    ring[head] = null;
    head = at(1);
    size--;
    count(r.composition(), -1);
    return r;
  }

  void clear() {
    while (size > 0) {
      removeFirst();
    }
    carriedFrom = null;
    carriedInput = null;
  }

  /** The input pooled over all the records; there must be one. */
  InteractionGraph.Input whole() {
    if (whole == null) {
      double depthSum = 0;
      for (int i = 0; i < size; i++) {
        depthSum += weighted[at(i)];
      }
      whole =
          new InteractionGraph.Input(
              Arrays.copyOf(authors, n),
              Arrays.copyOf(sums, n),
              human,
              items,
              depthSum / items,
              size,
              get(size - 1).tick(),
              false);
    }
    return whole;
  }

  /**
   * The input carried from record {@code r}, made by {@code pool} when it differs from the last.
   */
  InteractionGraph.Input carried(
      GraphWindow.Record r,
      java.util.function.Function<GraphWindow.Record, InteractionGraph.Input> pool) {
    if (r != carriedFrom) {
      carriedFrom = r;
      carriedInput = pool.apply(r);
    }
    return carriedInput;
  }

  /** Adds ({@code sign} 1) or takes away (-1) a record's counts. */
  private void count(Composition c, int sign) {
    whole = null;
    human += sign * (long) c.human();
    items += sign * (long) c.total();
    int[] sources = c.sources();
    int[] counts = c.counts();
    for (int k = 0; k < sources.length; k++) {
      int at = Arrays.binarySearch(authors, 0, n, sources[k]);
      if (at < 0) {
        if (sign < 0) {
          throw new IllegalStateException("removing an author the lane does not hold");
        }
        at = -at - 1;
        if (n == authors.length) {
          authors = Arrays.copyOf(authors, n * 2);
          sums = Arrays.copyOf(sums, n * 2);
          pairs = Arrays.copyOf(pairs, n * 2);
        }
        System.arraycopy(authors, at, authors, at + 1, n - at);
        System.arraycopy(sums, at, sums, at + 1, n - at);
        System.arraycopy(pairs, at, pairs, at + 1, n - at);
        authors[at] = sources[k];
        sums[at] = 0;
        pairs[at] = 0;
        n++;
      }
      sums[at] += sign * (long) counts[k];
      pairs[at] += sign;
      if (pairs[at] == 0) {
        System.arraycopy(authors, at + 1, authors, at, n - at - 1);
        System.arraycopy(sums, at + 1, sums, at, n - at - 1);
        System.arraycopy(pairs, at + 1, pairs, at, n - at - 1);
        n--;
      }
    }
  }
}
