package ouroboros.agents.web;

import ouroboros.agents.data.Items;

/**
 * A read-only view of one sealed snapshot of the simulated web: everything published up to and
 * including {@link #tick()}, minus what retention dropped. Models read the web only through this
 * interface; {@code sim}'s web store implements it. A snapshot never changes, so any number of
 * models may read it at once.
 *
 * <p>Items are addressed by a global index in {@code [0, size())}, and also per site: the k-th
 * visible item on a site, for crawls that visit only some sites.
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
   * its attachment a times the items the site published over the retention window,
   * w + a · {@link #siteSize}(site) (preferential attachment: a site that publishes more draws
   * more traffic). 1 for every site of a web that declares no weights. A policy that weights by
   * traffic visits site s with probability weight(s) / Σ weight; the {@code uniform} policy
   * ignores it.
   */
  default double siteWeight(int site) {
    return 1.0;
  }

  /** The global index of the {@code k}-th visible item on {@code site}. */
  long siteItem(int site, long k);

  /** The items at the given global indices, in that order, with their provenance. */
  Items gather(long[] indices);
}
