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

  private final int width;
  private final int siteCount;
  private final int retention;
  private final double[] weights;
  private final double[] attachment;
  private final Deque<Chunk> chunks = new ArrayDeque<>();
  private int lastTick = -1;

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
    if (siteCount < 1 || siteCount > Short.MAX_VALUE) {
      throw new IllegalArgumentException("siteCount is out of range: " + siteCount);
    }
    this.width = width;
    this.siteCount = siteCount;
    this.retention = retention;
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
    chunks.addLast(new Chunk(tick, width, siteCount, contributions));
    if (retention != KEEP_ALL) {
      while (chunks.peekFirst().tick <= tick - retention) {
        chunks.removeFirst();
      }
    }
    return new Snapshot(tick, width, siteCount, chunks.toArray(new Chunk[0]), weights, attachment);
  }

  /** Payload width of every item. */
  public int width() {
    return width;
  }
}
