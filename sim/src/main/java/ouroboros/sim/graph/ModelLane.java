package ouroboros.sim.graph;

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

  /**
   * Authors named by the records, ascending; their summed counts; the pairs naming each. Each array
   * holds exactly {@link #n} entries and is replaced, never written to, so that {@link #whole}'s
   * input may share the first two.
   */
  private int[] authors = new int[0];

  private long[] sums = new long[0];
  private int[] pairs = new int[0];
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

  /** Entries each of the lane's author arrays holds: exactly its authors. */
  int capacity() {
    return authors.length;
  }

  /** Whether the pooled input is made and the lane keeps its arrays rather than copies. */
  boolean sharesInput() {
    return whole != null && whole.authors() == authors && whole.counts() == sums;
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
              authors, sums, human, items, depthSum / items, size, get(size - 1).tick(), false);
      // The input holds copies of the arrays; the lane keeps those instead of its own.
      authors = whole.authors();
      sums = whole.counts();
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

  /**
   * Adds ({@code sign} 1) or takes away (-1) a record's counts. The lane's arrays are replaced,
   * never written to, and hold exactly its authors: a lane keeps one record most of the time, and
   * arrays grown for the two it held for a moment would stay at twice its authors for the rest of
   * the run (about 4 KB per model at 100 authors); and {@link #whole} can then share its input's
   * arrays.
   */
  private void count(Composition c, int sign) {
    whole = null;
    human += sign * (long) c.human();
    items += sign * (long) c.total();
    int[] sources = c.sources();
    int[] counts = c.counts();
    int[] order = ascending(sources) ? null : GraphWindow.byAuthor(sources);
    int m = merge(sources, counts, order, sign, null, null, null);
    int[] a = new int[m];
    long[] s = new long[m];
    int[] p = new int[m];
    merge(sources, counts, order, sign, a, s, p);
    authors = a;
    sums = s;
    pairs = p;
    n = m;
  }

  /**
   * Merges the lane's authors with a record's sources (in {@code order}, or as they come when it is
   * null), adding {@code sign} times each source's count and one pair per time a source is named,
   * and dropping an author left with no pair; writes the result to {@code a}, {@code s} and {@code
   * p} when they are not null, and returns its number of authors.
   */
  private int merge(
      int[] sources, int[] counts, int[] order, int sign, int[] a, long[] s, int[] p) {
    int k = sources.length;
    int i = 0;
    int j = 0;
    int m = 0;
    while (i < n || j < k) {
      int source = j < k ? sources[order == null ? j : order[j]] : 0;
      if (j >= k || (i < n && authors[i] < source)) {
        if (a != null) {
          a[m] = authors[i];
          s[m] = sums[i];
          p[m] = pairs[i];
        }
        i++;
        m++;
        continue;
      }
      long sum = 0;
      int pair = 0;
      if (i < n && authors[i] == source) {
        sum = sums[i];
        pair = pairs[i];
        i++;
      }
      while (j < k && sources[order == null ? j : order[j]] == source) {
        sum += sign * (long) counts[order == null ? j : order[j]];
        pair += sign;
        j++;
      }
      if (pair < 0) {
        throw new IllegalStateException("removing an author the lane does not hold");
      }
      if (pair > 0) {
        if (a != null) {
          a[m] = source;
          s[m] = sum;
          p[m] = pair;
        }
        m++;
      }
    }
    return m;
  }

  /** Whether the sources come in ascending order (repeats allowed). */
  private static boolean ascending(int[] sources) {
    for (int k = 1; k < sources.length; k++) {
      if (sources[k] < sources[k - 1]) {
        return false;
      }
    }
    return true;
  }
}
