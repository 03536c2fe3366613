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

  /** The global index of the {@code k}-th visible item on {@code site}. */
  long siteItem(int site, long k);

  /** The items at the given global indices, in that order, with their provenance. */
  Items gather(long[] indices);
}
