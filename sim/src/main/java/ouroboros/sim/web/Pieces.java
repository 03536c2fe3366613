package ouroboros.sim.web;

import ouroboros.agents.data.Items;

/**
 * Pass 1 of building a {@link Chunk}: each non-empty contribution's segments, in contribution
 * order. A contribution on one site is one segment; one spread over several sites gets a stable
 * position map grouped by site and one segment per site it touches.
 */
final class Pieces {
  int count;
  short[] site;
  Items[] items;
  int[] from;
  int[] len;
  int[][] order;

  /** perSite[s + 1] is site s's items. */
  int[] perSite;

  int keptCount;

  /** The non-empty contributions, in canonical order, and the first segment of each. */
  Items[] keptAll;

  int[] keptFirst;

  /** Bytes of the position maps. */
  long mapBytes;

  Pieces(Items[] contributions, int siteCount) {
    int cap = contributions.length + 4;
    site = new short[cap];
    items = new Items[cap];
    from = new int[cap];
    len = new int[cap];
    order = new int[cap][];
    perSite = new int[siteCount + 1];
    keptAll = new Items[contributions.length];
    keptFirst = new int[contributions.length];
    int[] scratch = null;
    for (Items c : contributions) {
      int n = c.size();
      if (n == 0) {
        continue;
      }
      keptFirst[keptCount] = count;
      keptAll[keptCount++] = c;
      if (c.constant(Items.Column.SITE)) {
        if (count == site.length) {
          cap = count * 2;
          site = java.util.Arrays.copyOf(site, cap);
          items = java.util.Arrays.copyOf(items, cap);
          from = java.util.Arrays.copyOf(from, cap);
          len = java.util.Arrays.copyOf(len, cap);
          order = java.util.Arrays.copyOf(order, cap);
        }
        site[count] = c.siteAt(0);
        items[count] = c;
        len[count] = n;
        perSite[c.siteAt(0) + 1] += n;
        count++;
        continue;
      }
      // A contribution on several sites: a stable position map grouped by site, in O(n log n)
      // over the sites it touches (never O(sites), so many agents on many sites stay linear).
      if (scratch == null) {
        scratch = new int[siteCount];
      }
      int[] touched = new int[Math.min(n, siteCount)];
      int distinct = 0;
      for (int i = 0; i < n; i++) {
        int st = c.siteAt(i);
        if (scratch[st]++ == 0) {
          touched[distinct++] = st;
        }
      }
      java.util.Arrays.sort(touched, 0, distinct);
      int[] runStart = new int[distinct];
      int[] runLen = new int[distinct];
      int run = 0;
      for (int j = 0; j < distinct; j++) {
        int st = touched[j];
        runStart[j] = run;
        runLen[j] = scratch[st];
        run += scratch[st];
        scratch[st] = runStart[j];
      }
      int[] map = new int[n];
      for (int i = 0; i < n; i++) {
        map[scratch[c.siteAt(i)]++] = i;
      }
      mapBytes += 4L * n + 16;
      for (int j = 0; j < distinct; j++) {
        int st = touched[j];
        scratch[st] = 0;
        if (count == site.length) {
          cap = count * 2;
          site = java.util.Arrays.copyOf(site, cap);
          items = java.util.Arrays.copyOf(items, cap);
          from = java.util.Arrays.copyOf(from, cap);
          len = java.util.Arrays.copyOf(len, cap);
          order = java.util.Arrays.copyOf(order, cap);
        }
        site[count] = (short) st;
        items[count] = c;
        from[count] = runStart[j];
        len[count] = runLen[j];
        order[count] = map;
        perSite[st + 1] += runLen[j];
        count++;
      }
    }
  }
}
