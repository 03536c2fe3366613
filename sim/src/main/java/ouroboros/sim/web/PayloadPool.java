package ouroboros.sim.web;

import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The payload arrays of chunks that retention dropped, handed to new chunks. A tick's payload is
 * one large array that lives exactly the retention window: allocated new each tick, it is copied
 * from the young generation to the old one and then waits there, dead, for a full collection (at
 * P4's 100,000 models, 80 MB a tick). Reused, it is allocated once and stays in the old generation.
 *
 * <p>An array is reused only {@link #REUSE_AFTER} ticks after its chunk left the web, and a reuse
 * is recorded before the array is written ({@link #reusedThrough}), so that a snapshot read too
 * late fails with a clear error instead of returning other items' payloads ({@link #checkRead}).
 * Only the clock's thread appends to a web, so only it calls {@link #take} and {@link #give}; any
 * thread may call {@link #checkRead}.
 */
final class PayloadPool {
  /**
   * Appends after the one at which a chunk left the web (tick t) before its array may be handed out
   * (at the append of tick t + REUSE_AFTER + 1 at the earliest): a snapshot of tick s, whose oldest
   * chunk leaves at the append of s + 1 at the earliest, stays readable while the web's newest tick
   * is at most s + REUSE_AFTER (one more, in fact).
   */
  static final int REUSE_AFTER = 2;

  /** Free arrays kept at most, the largest ones: the rest are left to the collector. */
  private static final int FREE_MAX = 2;

  /** A dropped chunk's payload array, the chunk's tick, and the tick at whose append it left. */
  private record Dropped(double[] values, int tick, int leftAt) {}

  /** Arrays of chunks that left the web, oldest first, waiting out {@link #REUSE_AFTER} ticks. */
  private final ArrayDeque<Dropped> cooling = new ArrayDeque<>();

  private final List<Dropped> free = new ArrayList<>();

  /** The newest tick whose chunk's array was handed out again; Integer.MIN_VALUE when none. */
  private volatile int reusedThrough = Integer.MIN_VALUE;

  /** Arrays handed out again, for tests. */
  private long reused;

  /**
   * An array of at least n doubles: the smallest free one that fits and is at most about twice as
   * long (its content is stale beyond what the new chunk writes; a much larger one waits for a
   * larger tick), else a new one with 1/32 to spare, so that a tick a little larger than the last
   * still fits next time.
   */
  double[] take(int n) {
    int best = -1;
    for (int i = 0; i < free.size(); i++) {
      int length = free.get(i).values.length;
      if (length >= n
          && length <= 2L * n + 1024
          && (best < 0 || length < free.get(best).values.length)) {
        best = i;
      }
    }
    if (best < 0) {
      return new double[Math.max(n, (int) Math.min(Integer.MAX_VALUE - 8, n + (long) (n >>> 5)))];
    }
    Dropped from = free.remove(best);
    if (from.tick > reusedThrough) {
      reusedThrough = from.tick;
      VarHandle.storeStoreFence(); // recorded before the clock writes into the array
    }
    reused++;
    return from.values;
  }

  /** Takes a chunk that left the web at the append of {@code tick}. */
  void give(Chunk chunk, int tick) {
    cooling.addLast(new Dropped(chunk.values, chunk.tick, tick));
    while (cooling.peekFirst().leftAt <= tick - REUSE_AFTER) {
      free.add(cooling.removeFirst());
    }
    while (free.size() > FREE_MAX) {
      int smallest = 0;
      for (int i = 1; i < free.size(); i++) {
        if (free.get(i).values.length < free.get(smallest).values.length) {
          smallest = i;
        }
      }
      free.remove(smallest);
    }
  }

  /**
   * Called after a read of a snapshot's payloads, whose oldest chunk is of tick {@code oldest}:
   * fails when an array of that chunk or a later one was handed out again, since the read may then
   * have seen another tick's payloads.
   */
  void checkRead(int snapshotTick, int oldest) {
    VarHandle.acquireFence(); // the payload reads above happen before the check
    if (reusedThrough >= oldest) {
      throw new IllegalStateException(
          "the snapshot of tick "
              + snapshotTick
              + " was read after the web had dropped and reused its items of tick "
              + reusedThrough
              + ": read a snapshot of tick s while the web's newest tick is at most s + "
              + REUSE_AFTER);
    }
  }

  long reused() {
    return reused;
  }
}
