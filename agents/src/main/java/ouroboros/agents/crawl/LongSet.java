package ouroboros.agents.crawl;

import java.util.Arrays;

/**
 * A set of non-negative longs in one primitive array (open addressing, linear probing), for the
 * crawl's draws without replacement: no boxing, no entry objects. Fixed capacity: it holds at most
 * the number of values it was made (or last emptied) for. Each thread reuses one set for draws of
 * up to {@link #REUSED_MAX} values ({@link #empty}), so that a crawl allocates no table; crawls run
 * one at a time on a thread (an actor's handler), so no two draws share it at once.
 */
final class LongSet {
  private static final long EMPTY = -1;

  /**
   * The most values a thread's reused set is emptied for: a table of at most 16,384 longs (128 KiB)
   * stays with each thread; larger draws get a set of their own.
   */
  static final int REUSED_MAX = 8192;

  private static final ThreadLocal<LongSet> REUSED = ThreadLocal.withInitial(() -> new LongSet(4));

  private long[] slots;
  private int mask;

  /** A set that will hold at most {@code n} values. */
  LongSet(int n) {
    clear(n);
  }

  /**
   * An empty set that will hold at most {@code n} values: this thread's reused one when n is at
   * most {@link #REUSED_MAX}, valid until the thread's next call.
   */
  static LongSet empty(int n) {
    if (n > REUSED_MAX) {
      return new LongSet(n);
    }
    LongSet s = REUSED.get();
    s.clear(n);
    return s;
  }

  /** Empties the set for at most {@code n} values, growing its table when it is too small. */
  private void clear(int n) {
    int capacity = Integer.highestOneBit(Math.max(4, n) * 2 - 1) << 1;
    if (slots == null || slots.length < capacity) {
      slots = new long[capacity];
    }
    Arrays.fill(slots, 0, capacity, EMPTY);
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

  /** Spreads the bits of v over the table (Fibonacci hashing). */
  private static long mix(long v) {
    long h = v * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 32);
  }
}
