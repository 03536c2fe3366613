package ouroboros.agents.crawl;

import java.util.Arrays;

/**
 * A set of non-negative longs in one primitive array (open addressing, linear probing), for the
 * crawl's draws without replacement: no boxing, no entry objects. Fixed capacity: it holds at most
 * the number of values it was made for.
 */
final class LongSet {
  private static final long EMPTY = -1;
  private final long[] slots;
  private final int mask;

  /** A set that will hold at most {@code n} values. */
  LongSet(int n) {
    int capacity = Integer.highestOneBit(Math.max(4, n) * 2 - 1) << 1;
    slots = new long[capacity];
    Arrays.fill(slots, EMPTY);
    mask = capacity - 1;
  }

  /** Adds a value (at least 0); whether it was absent. */
  boolean add(long v) {
    int i = (int) mix(v) & mask;
    while (true) {
      long s = slots[i];
      if (s == EMPTY) {
        slots[i] = v;
        return true;
      }
      if (s == v) {
        return false;
      }
      i = (i + 1) & mask;
    }
  }

  private static long mix(long v) {
    long h = v * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 32);
  }
}
