package ouroboros.sim.web;

import java.util.ArrayDeque;
import java.util.Deque;
import ouroboros.agents.data.Items;

/**
 * The simulated web: an append-only, columnar content store. Each tick the clock appends every
 * agent's contribution in canonical agent order and seals an immutable {@link Snapshot}. Retention
 * keeps the last R ticks, or everything. Owned by the clock; not thread-safe. The snapshots it
 * hands out are immutable and safe to share.
 */
public final class WebStore {
  /** Retention value that keeps everything. */
  public static final int KEEP_ALL = 0;

  /**
   * The most sites a web holds: items carry their site as a 16-bit index ({@code Items#siteAt}),
   * which keeps an item's bytes within P3's budget (issue 15).
   */
  public static final int MAX_SITES = Short.MAX_VALUE;

  private final int width;
  private final int siteCount;
  private final int retention;
  private final double[] weights;
  private final double[] attachment;
  private final Deque<Chunk> chunks = new ArrayDeque<>();
  private int lastTick = -1;

  /** Where dropped chunks' payload arrays wait for reuse; null when they are not reused. */
  private PayloadPool pool;

  /**
   * A web.
   *
   * @param width payload width
   * @param siteCount number of sites
   * @param retention ticks kept, or {@link #KEEP_ALL}
   */
  public WebStore(int width, int siteCount, int retention) {
    this(width, siteCount, retention, null, null);
  }

  /**
   * A web whose sites have traffic weights: site s weighs {@code weights[s]} plus {@code
   * attachment[s]} times the items it published over the retention window (see {@link
   * ouroboros.agents.web.WebView#siteWeight}). Both null: every site weighs 1.
   */
  public WebStore(int width, int siteCount, int retention, double[] weights, double[] attachment) {
    if ((weights == null) != (attachment == null)
        || weights != null && (weights.length != siteCount || attachment.length != siteCount)) {
      throw new IllegalArgumentException(
          "weights and attachment need one entry per site, or "
              + "neither: "
              + siteCount
              + " sites");
    }
    this.weights = weights == null ? null : weights.clone();
    this.attachment = attachment == null ? null : attachment.clone();
    if (retention < 0) {
      throw new IllegalArgumentException("retention is negative: " + retention);
    }
    if (siteCount < 1 || siteCount > MAX_SITES) {
      throw new IllegalArgumentException("siteCount is out of range: " + siteCount);
    }
    this.width = width;
    this.siteCount = siteCount;
    this.retention = retention;
  }

  /**
   * From now on, reuses the payload arrays of the chunks retention drops ({@link PayloadPool}), so
   * that a large web's payloads are not allocated anew every tick and left to the collector; no
   * effect when retention keeps everything. A snapshot of tick s can then be read (gathered) only
   * while the newest sealed tick is at most s + {@value PayloadPool#REUSE_AFTER}: a later read
   * fails with an {@link IllegalStateException}. The engine reads a snapshot only within its own
   * tick, so a run in one JVM turns this on; a cluster's replicas do not.
   */
  public void reusePayloads() {
    if (retention != KEEP_ALL && pool == null) {
      pool = new PayloadPool();
    }
  }

  /** Payload arrays handed out again so far ({@link #reusePayloads}), for tests. */
  long payloadsReused() {
    return pool == null ? 0 : pool.reused();
  }

  /**
   * Appends one tick's contributions, given in canonical agent order, and seals the snapshot of
   * that tick.
   */
  public Snapshot appendAndSeal(int tick, Items[] contributions) {
    if (tick <= lastTick) {
      throw new IllegalStateException("tick " + tick + " is not after " + lastTick);
    }
    lastTick = tick;
    chunks.addLast(new Chunk(tick, width, siteCount, contributions, pool));
    if (retention != KEEP_ALL) {
      while (chunks.peekFirst().tick <= tick - retention) {
        Chunk gone = chunks.removeFirst();
        if (pool != null) {
          pool.give(gone, tick);
        }
      }
    }
    return new Snapshot(
        tick, width, siteCount, chunks.toArray(new Chunk[0]), weights, attachment, pool);
  }

  /** Payload width of every item. */
  public int width() {
    return width;
  }

  /**
   * Writes the web within retention for a checkpoint (docs/checkpoints.md): the last sealed tick,
   * then each chunk's tick and its non-empty contributions in canonical order. Everything else in a
   * chunk is derived from those.
   */
  public void save(java.io.DataOutput out) throws java.io.IOException {
    out.writeInt(lastTick);
    out.writeInt(chunks.size());
    for (Chunk c : chunks) {
      out.writeInt(c.tick);
      Items[] items = c.contributions();
      out.writeInt(items.length);
      for (Items i : items) {
        ouroboros.agents.data.ItemsCodec.write(out, i);
      }
    }
  }

  /**
   * Replaces an empty store's content with what {@link #save} wrote, and returns the snapshot of
   * the last sealed tick (null when none was sealed), as {@link #appendAndSeal} returned it.
   */
  public Snapshot restore(java.io.DataInput in) throws java.io.IOException {
    if (!chunks.isEmpty()) {
      throw new IllegalStateException("restoring a web store that is already in use");
    }
    int last = in.readInt();
    int n = ouroboros.agents.state.StateIo.length(in);
    int previous = Integer.MIN_VALUE;
    for (int k = 0; k < n; k++) {
      int tick = in.readInt();
      int m = ouroboros.agents.state.StateIo.length(in);
      Items[] items = new Items[m];
      for (int j = 0; j < m; j++) {
        items[j] = ouroboros.agents.data.ItemsCodec.read(in);
        if (items[j].payload().width() != width) {
          throw new java.io.IOException(
              "checkpoint does not match this run: web items of width "
                  + items[j].payload().width()
                  + ", expected "
                  + width);
        }
      }
      if (tick <= previous || tick > last) {
        throw new java.io.IOException("corrupt checkpoint: web chunk of tick " + tick);
      }
      previous = tick;
      chunks.addLast(new Chunk(tick, width, siteCount, items));
    }
    lastTick = last;
    return last < 0
        ? null
        : new Snapshot(
            last, width, siteCount, chunks.toArray(new Chunk[0]), weights, attachment, pool);
  }
}
