package ouroboros.agents.web;

import ouroboros.agents.data.Items;

/**
 * A read-only view of one sealed snapshot of the simulated web: everything published up to and
 * including {@link #tick()}, minus what retention dropped. Models read the web only through this
 * interface; {@code sim}'s web store implements it. A snapshot never changes, so any number of
 * models may read it at once. Read it within the tick it is handed out for: a web with a retention
 * window reuses the memory of the items it drops, and a snapshot read more than two ticks after the
 * web moved past it may fail with an {@link IllegalStateException} (never return other items).
 *
 * <p>Items are addressed by a global index in {@code [0, size())}, and also per site: the k-th
 * visible item on a site, for crawls that visit only some sites. Crawl policies that filter by
 * provenance ask for {@link Ranges} of global indices: a set of sites since a tick, or one author's
 * items. The default implementations read every item's provenance, which is correct but O(size);
 * the web store answers from its chunk index instead.
 *
 * <p>Each site has a traffic weight ({@link #siteWeight}), for crawl policies that visit sites in
 * proportion to their traffic rather than to their size.
 */
public interface WebView {

  /** The tick this snapshot was sealed at. */
  int tick();

  /** Number of visible items. */
  long size();

  /** Payload width of every item. */
  int width();

  /** Number of sites. */
  int siteCount();

  /** Number of visible items on a site. */
  long siteSize(int site);

  /**
   * The traffic weight of a site in this snapshot, at least 0: the scenario's base weight w plus
   * its attachment a times the items the site published over the retention window, w + a · {@link
   * #siteSize}(site) (preferential attachment: a site that publishes more draws more traffic). 1
   * for every site of a web that declares no weights. A policy that weights by traffic visits site
   * s with probability weight(s) / Σ weight; the {@code uniform} policy ignores it.
   */
  default double siteWeight(int site) {
    return 1.0;
  }

  /**
   * The global index of the {@code k}-th visible item on {@code site}, ascending in k. Every view
   * keeps these consistent with the items' site column: {@code siteItem(s, k)} for k below {@link
   * #siteSize}(s) are exactly the items whose {@code site()} is s ({@link #siteRanges} with {@code
   * Integer.MIN_VALUE} gives the same set), and every visible item is on one site, so the sites'
   * sizes add up to {@link #size}. A crawl that takes every item of its sites relies on this.
   */
  long siteItem(int site, long k);

  /**
   * {@link #siteItem} of each of {@code ks[from, to)}, written to the same positions of {@code
   * out}, which may be {@code ks} itself (each k is read before its position is written). The web
   * store answers ascending ks chunk by chunk, searching only when k leaves the chunk of the k
   * before.
   */
  default void siteItems(int site, long[] ks, int from, int to, long[] out) {
    for (int i = from; i < to; i++) {
      out[i] = siteItem(site, ks[i]);
    }
  }

  /** The items at the given global indices, in that order, with their provenance. */
  Items gather(long[] indices);

  /**
   * The items of a set of global indices, in ascending order: what {@link #gather(long[])} gives
   * for the set's members. The web store copies whole ranges at once.
   */
  default Items gather(Ranges members) {
    long[] all = new long[Math.toIntExact(members.size())];
    long[] bounds = members.bounds();
    int at = 0;
    for (int r = 0; r < bounds.length; r += 2) {
      for (long i = bounds[r]; i < bounds[r + 1]; i++) {
        all[at++] = i;
      }
    }
    return gather(all);
  }

  /**
   * The visible items of the given sites published at or after {@code fromTick}, as global index
   * ranges. {@code Integer.MIN_VALUE} takes every visible tick.
   */
  default Ranges siteRanges(int[] sites, int fromTick) {
    boolean[] wanted = new boolean[siteCount()];
    for (int s : sites) {
      wanted[s] = true;
    }
    Items all = gatherAll();
    Ranges.Builder b = new Ranges.Builder();
    for (int i = 0; i < all.size(); i++) {
      if (all.siteAt(i) >= 0 && wanted[all.siteAt(i)] && all.tickAt(i) >= fromTick) {
        b.add(i, i + 1);
      }
    }
    return b.build();
  }

  /** The visible items written by agent {@code author}, on any site, as global index ranges. */
  default Ranges authorRanges(int author) {
    Items all = gatherAll();
    Ranges.Builder b = new Ranges.Builder();
    for (int i = 0; i < all.size(); i++) {
      if (all.authorAt(i) == author) {
        b.add(i, i + 1);
      }
    }
    return b.build();
  }

  /** Every visible item, for the reference implementations above. */
  private Items gatherAll() {
    long[] all = new long[Math.toIntExact(size())];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return gather(all);
  }
}
