package ouroboros.sim.web;

import ouroboros.agents.data.Items;

/**
 * Everything published in one tick, sealed: the agents' own contributions, kept by reference and
 * never copied, arranged as segments sorted by site and then by canonical agent order, so that each
 * site's items are one contiguous range of chunk positions. A segment is one contribution's run of
 * items on one site: all of a single-site contribution, or, for a contribution spread over several
 * sites, its items on one site in their order (through a position map). Provenance is read per item
 * from the contribution ({@link Items#authorAt} and so on), so a column an agent published as one
 * value (author, kind, generation, depth, site, flags of {@link Items#uniform}) costs nothing per
 * item. The tick is a property of the chunk. Building a chunk costs O(agents), plus O(items) only
 * for contributions on several sites or with a per-item synthetic depth.
 */
final class Chunk {
  /** Bytes a segment costs in the chunk's index arrays (and about one directory entry). */
  static final int SEGMENT_BYTES = 4 * 6;

  /** Bytes of object headers and references a kept contribution costs (Items, Batch, arrays). */
  static final int CONTRIBUTION_BYTES = 128;

  final int tick;
  final int size;
  final int width;

  /** siteStart[s] .. siteStart[s+1] is site s's range. */
  final int[] siteStart;

  /** segSite[s] .. segSite[s+1] are site s's segments. */
  final int[] segSite;

  /** segStart[k] is segment k's first chunk position; segStart[segments] is size. */
  final int[] segStart;

  /** The contribution segment k reads. */
  final Items[] segItems;

  /** Segment k's first position: in its contribution, or in its position map. */
  final int[] segFrom;

  /** Segment k's position map into its contribution; null when its positions are contiguous. */
  final int[][] segOrder;

  /** Segment k's author when its contribution's author column is constant; else unused. */
  final int[] segAuthor;

  /** directory[b] is the segment holding position b << shift. */
  private final int[] directory;

  private final int shift;

  /** Items of synthetic depth above 0. */
  final int synthetic;

  /**
   * Whether each segment has one author and authors ascend within each site's segments, as they do
   * when contributions come in canonical agent order, each written by its own agent: then an
   * author's items on a site are one run of segments, found by binary search.
   */
  final boolean authorsAscend;

  /** The non-empty contributions, for the byte accounting. */
  private final Items[] kept;

  private final long orderBytes;

  /** Builds a chunk from one tick's contributions, given in canonical agent order. */
  Chunk(int tick, int width, int siteCount, Items[] contributions) {
    this.tick = tick;
    this.width = width;
    // Pass 1: the segments of each contribution, in contribution order.
    int cap = contributions.length + 4;
    int count = 0;
    short[] site = new short[cap];
    Items[] items = new Items[cap];
    int[] from = new int[cap];
    int[] len = new int[cap];
    int[][] order = new int[cap][];
    int[] perSite = new int[siteCount + 1];
    int keptCount = 0;
    Items[] keptAll = new Items[contributions.length];
    long mapBytes = 0;
    int[] scratch = null;
    for (Items c : contributions) {
      int n = c.size();
      if (n == 0) {
        continue;
      }
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
    this.kept = java.util.Arrays.copyOf(keptAll, keptCount);
    this.orderBytes = mapBytes;
    // Pass 2: segments sorted by site, stable (contribution order within a site).
    this.siteStart = new int[siteCount + 1];
    this.segSite = new int[siteCount + 1];
    for (int k = 0; k < count; k++) {
      segSite[site[k] + 1]++;
    }
    for (int s = 0; s < siteCount; s++) {
      siteStart[s + 1] = siteStart[s] + perSite[s + 1];
      segSite[s + 1] += segSite[s];
    }
    this.size = siteStart[siteCount];
    this.segStart = new int[count + 1];
    this.segItems = new Items[count];
    this.segFrom = new int[count];
    this.segOrder = new int[count][];
    this.segAuthor = new int[count];
    int[] slot = java.util.Arrays.copyOf(segSite, siteCount);
    int[] segLen = new int[count];
    for (int k = 0; k < count; k++) {
      int at = slot[site[k]]++;
      segItems[at] = items[k];
      segFrom[at] = from[k];
      segOrder[at] = order[k];
      segLen[at] = len[k];
    }
    int syn = 0;
    boolean ascend = true;
    int s = 0;
    for (int k = 0; k < count; k++) {
      segStart[k + 1] = segStart[k] + segLen[k];
      Items c = segItems[k];
      if (c.constant(Items.Column.DEPTH)) {
        syn += c.depthAt(0) > 0f ? segLen[k] : 0;
      } else {
        for (int j = 0; j < segLen[k]; j++) {
          syn += c.depthAt(position(k, j)) > 0f ? 1 : 0;
        }
      }
      while (k >= segSite[s + 1]) {
        s++;
      }
      if (c.constant(Items.Column.AUTHOR)) {
        segAuthor[k] = c.authorAt(0);
        ascend &= k == segSite[s] || segAuthor[k] >= segAuthor[k - 1];
      } else {
        ascend = false;
      }
    }
    this.synthetic = syn;
    this.authorsAscend = ascend;
    int mean = Math.max(1, size / Math.max(1, count));
    this.shift = 31 - Integer.numberOfLeadingZeros(mean);
    this.directory = new int[(size >>> shift) + 1];
    int k = 0;
    for (int b = 0; b < directory.length && count > 0; b++) {
      int p = b << shift;
      while (k + 1 < count && segStart[k + 1] <= p) {
        k++;
      }
      directory[b] = k;
    }
  }

  /** Number of segments. */
  int segments() {
    return segItems.length;
  }

  /** The position in segment k's contribution of its j-th item. */
  int position(int k, int j) {
    int[] map = segOrder[k];
    return map == null ? segFrom[k] + j : map[segFrom[k] + j];
  }

  /**
   * The segment of chunk position i: the directory gives the segment at the start of i's bucket,
   * and a bucket is no wider than the mean segment, so few steps follow.
   */
  int segmentOf(int i) {
    int k = directory[i >>> shift];
    while (segStart[k + 1] <= i) {
      k++;
    }
    return k;
  }

  /** Items of synthetic depth above 0 on one site. */
  int synthetic(int s) {
    int n = 0;
    for (int k = segSite[s]; k < segSite[s + 1]; k++) {
      Items c = segItems[k];
      int m = segStart[k + 1] - segStart[k];
      if (c.constant(Items.Column.DEPTH)) {
        n += c.depthAt(0) > 0f ? m : 0;
      } else {
        for (int j = 0; j < m; j++) {
          n += c.depthAt(position(k, j)) > 0f ? 1 : 0;
        }
      }
    }
    return n;
  }

  /** Items by author kind, added into {@code out}, indexed by the kind code. */
  void countKinds(long[] out) {
    for (int k = 0; k < segItems.length; k++) {
      Items c = segItems[k];
      int m = segStart[k + 1] - segStart[k];
      if (c.constant(Items.Column.KIND)) {
        out[c.kindAt(0)] += m;
      } else {
        for (int j = 0; j < m; j++) {
          out[c.kindAt(position(k, j))]++;
        }
      }
    }
  }

  /**
   * Bytes of provenance columns, payload excluded, in the columnar layout: 16 per item (author 4,
   * generation 4, depth 4, kind 1, flags 1, site 2) plus the site index. An upper bound on what the
   * chunk keeps when its contributions come from {@link Items#uniform}; see {@link
   * #keptProvenanceBytes}.
   */
  long provenanceBytes() {
    return (long) size * (4 + 4 + 4 + 1 + 1 + 2) + (long) siteStart.length * 4;
  }

  /**
   * Bytes of provenance this chunk keeps, payload excluded: the per-item provenance arrays of the
   * contributions it holds (none for constant columns), the position maps of contributions on
   * several sites, its segment index, and a fixed cost per contribution for object headers.
   */
  long keptProvenanceBytes() {
    long b =
        (long) siteStart.length * 4
            + (long) segSite.length * 4
            + orderBytes
            + (long) segItems.length * SEGMENT_BYTES
            + (long) kept.length * CONTRIBUTION_BYTES;
    for (Items c : kept) {
      b += c.provenanceBytes();
    }
    return b;
  }

  /** Bytes of payload in this chunk. */
  long payloadBytes() {
    long b = 0;
    for (Items c : kept) {
      b += (long) c.payload().values().length * 8;
    }
    return b;
  }

  /** The non-empty contributions of the tick, in canonical order: all a checkpoint keeps. */
  Items[] contributions() {
    return kept.clone();
  }
}
