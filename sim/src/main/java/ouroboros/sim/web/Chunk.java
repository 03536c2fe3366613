package ouroboros.sim.web;

import java.util.Arrays;
import ouroboros.agents.data.Batch;
import ouroboros.agents.data.Items;

/**
 * Everything published in one tick, sealed: one payload array holding the tick's items arranged by
 * site and then by canonical agent order, so that each site's items are one contiguous range of
 * chunk positions, and an index of segments. A segment is one contribution's run of items on one
 * site: all of a single-site contribution, or, for a contribution spread over several sites, its
 * items on one site in their order (through a position map). A contribution whose provenance
 * columns are all constant (as {@link Items#uniform} makes them) is kept as one row of per-segment
 * columns, and the contribution itself is let go; any other is kept by reference and its provenance
 * read per item ({@link Items#authorAt} and so on).
 *
 * <p>Copying the payload into one array costs one sequential pass over the tick's doubles; it saves
 * the collector from copying each agent's small arrays (and their headers) from young to old
 * generation as they live out the retention window, and a read of an item follows one array rather
 * than a chain of objects. A new array of a large tick is still allocated young and copied once; in
 * one JVM the web store hands dropped chunks' arrays to new ones instead ({@link PayloadPool}), and
 * those stay in the old generation. Building a chunk costs O(agents + items).
 */
final class Chunk {
  /** Bytes a segment costs in the chunk's index arrays (and about one directory entry). */
  static final int SEGMENT_BYTES = 4 * 6 + 4 * 3 + 1 + 1 + 2 + 4;

  /** Bytes of object headers and references a kept contribution costs (Items, Batch, arrays). */
  static final int CONTRIBUTION_BYTES = 128;

  /** Payload doubles above which the copy into the chunk is split over the common pool. */
  private static final int PARALLEL_COPY = 1 << 20;

  final int tick;
  final int size;
  final int width;

  /**
   * The payload of every item, in chunk order: item i's values at [i * width, (i + 1) * width); an
   * array from a {@link PayloadPool} may be longer, and what lies beyond size * width is stale.
   */
  final double[] values;

  /** siteStart[s] .. siteStart[s+1] is site s's range. */
  final int[] siteStart;

  /** segSite[s] .. segSite[s+1] are site s's segments. */
  final int[] segSite;

  /** segStart[k] is segment k's first chunk position; segStart[segments] is size. */
  final int[] segStart;

  /**
   * The contribution segment k reads its provenance from; null when the contribution's provenance
   * is constant, held in the segment's own columns below.
   */
  final Items[] segItems;

  /** Segment k's first position: in its contribution, or in its position map. */
  final int[] segFrom;

  /** Segment k's position map into its contribution; null when its positions are contiguous. */
  final int[][] segOrder;

  /** Segment k's author when its contribution's author column is constant; else unused. */
  final int[] segAuthor;

  /** Segment k's constant provenance, when segItems[k] is null. */
  final byte[] segKind;

  final int[] segTick;
  final int[] segGeneration;
  final float[] segDepth;
  final byte[] segFlags;
  final short[] segSiteOf;

  /**
   * directory[b] is the segment holding position b << shift; null when every segment has the same
   * length ({@link #uniform}).
   */
  private final int[] directory;

  /**
   * The length every segment has, as when every agent publishes the same number of items on one
   * site; 0 when lengths differ. Then position i's segment is i / uniform, with no reads.
   */
  private final int uniform;

  private final int shift;

  /** Items of synthetic depth above 0. */
  final int synthetic;

  /** Items by author kind, indexed by the kind code. */
  private final long[] kinds = new long[2];

  /**
   * Whether each segment has one author and authors ascend within each site's segments, as they do
   * when contributions come in canonical agent order, each written by its own agent: then an
   * author's items on a site are one run of segments, found by binary search.
   */
  final boolean authorsAscend;

  /**
   * The non-empty contributions in canonical order, for a checkpoint: keptSeg[j] is the segment of
   * a constant one (rebuilt from the chunk), -1 for one kept by reference in keptItems[j].
   */
  private final int[] keptSeg;

  private final Items[] keptItems;

  private final long orderBytes;

  /** Builds a chunk from one tick's contributions, given in canonical agent order. */
  Chunk(int tick, int width, int siteCount, Items[] contributions) {
    this(tick, width, siteCount, contributions, null);
  }

  /**
   * Builds a chunk from one tick's contributions, given in canonical agent order, its payload in an
   * array from {@code pool} (which may be longer than the payload), or a new one when pool is null.
   */
  Chunk(int tick, int width, int siteCount, Items[] contributions, PayloadPool pool) {
    this.tick = tick;
    this.width = width;
    // Pass 1: the segments of each contribution, in contribution order.
    Pieces pieces = new Pieces(contributions, siteCount);
    int count = pieces.count;
    short[] site = pieces.site;
    Items[] items = pieces.items;
    int[] from = pieces.from;
    int[] len = pieces.len;
    int[][] order = pieces.order;
    int[] perSite = pieces.perSite;
    int keptCount = pieces.keptCount;
    Items[] keptAll = pieces.keptAll;
    int[] keptFirst = pieces.keptFirst;
    this.orderBytes = pieces.mapBytes;
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
    this.segKind = new byte[count];
    this.segTick = new int[count];
    this.segGeneration = new int[count];
    this.segDepth = new float[count];
    this.segFlags = new byte[count];
    this.segSiteOf = new short[count];
    int[] slot = java.util.Arrays.copyOf(segSite, siteCount);
    int[] segLen = new int[count];
    int[] sortedAt = new int[count];
    for (int k = 0; k < count; k++) {
      int at = slot[site[k]]++;
      sortedAt[k] = at;
      segItems[at] = items[k];
      segFrom[at] = from[k];
      segOrder[at] = order[k];
      segLen[at] = len[k];
    }
    this.keptSeg = new int[keptCount];
    this.keptItems = new Items[keptCount];
    for (int j = 0; j < keptCount; j++) {
      Items c = keptAll[j];
      if (constant(c)) {
        keptSeg[j] = sortedAt[keptFirst[j]];
      } else {
        keptSeg[j] = -1;
        keptItems[j] = c;
      }
    }
    for (int k = 0; k < count; k++) {
      segStart[k + 1] = segStart[k] + segLen[k];
    }
    int doubles = Math.multiplyExact(size, width);
    this.values = pool == null ? new double[doubles] : pool.take(doubles);
    copyPayload();
    int syn = 0;
    boolean ascend = true;
    int s = 0;
    for (int k = 0; k < count; k++) {
      Items c = segItems[k];
      int m = segLen[k];
      while (k >= segSite[s + 1]) {
        s++;
      }
      if (constant(c)) {
        segAuthor[k] = c.authorAt(0);
        segKind[k] = c.kindAt(0);
        segTick[k] = c.tickAt(0);
        segGeneration[k] = c.generationAt(0);
        segDepth[k] = c.depthAt(0);
        segFlags[k] = c.flagsAt(0);
        segSiteOf[k] = c.siteAt(0);
        segItems[k] = null;
        syn += segDepth[k] > 0f ? m : 0;
        kinds[segKind[k]] += m;
      } else {
        for (int j = 0; j < m; j++) {
          int p = position(k, j);
          syn += c.depthAt(p) > 0f ? 1 : 0;
          kinds[c.kindAt(p)]++;
        }
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
    int same = count > 0 ? segLen[0] : 0;
    for (int k = 1; k < count && same > 0; k++) {
      same = segLen[k] == same ? same : 0;
    }
    this.uniform = same;
    int mean = Math.max(1, size / Math.max(1, count));
    this.shift = 31 - Integer.numberOfLeadingZeros(mean);
    this.directory = uniform > 0 ? null : new int[(size >>> shift) + 1];
    int k = 0;
    for (int b = 0; directory != null && b < directory.length && count > 0; b++) {
      int p = b << shift;
      while (k + 1 < count && segStart[k + 1] <= p) {
        k++;
      }
      directory[b] = k;
    }
  }

  /** Whether every provenance column of c is constant, so that a segment's columns hold it. */
  private static boolean constant(Items c) {
    return c.constant(Items.Column.AUTHOR)
        && c.constant(Items.Column.KIND)
        && c.constant(Items.Column.TICK)
        && c.constant(Items.Column.GENERATION)
        && c.constant(Items.Column.DEPTH)
        && c.constant(Items.Column.FLAGS)
        && c.constant(Items.Column.SITE);
  }

  /**
   * Copies every segment's payload into {@link #values}; a large tick's segments are split into
   * parts copied on the common pool, each part writing its own range (the result is the same).
   */
  private void copyPayload() {
    int count = segItems.length;
    if ((long) size * width < PARALLEL_COPY || count < 2) {
      copySegments(0, count);
      return;
    }
    int parts =
        Math.min(
            count,
            4 * Math.max(1, java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1));
    java.util.stream.IntStream.range(0, parts)
        .parallel()
        .forEach(
            part ->
                copySegments(
                    (int) ((long) count * part / parts),
                    (int) ((long) count * (part + 1) / parts)));
  }

  private void copySegments(int fromSeg, int toSeg) {
    for (int k = fromSeg; k < toSeg; k++) {
      double[] src = segItems[k].payload().values();
      int m = segStart[k + 1] - segStart[k];
      if (segOrder[k] == null) {
        System.arraycopy(src, segFrom[k] * width, values, segStart[k] * width, m * width);
      } else {
        for (int j = 0; j < m; j++) {
          System.arraycopy(src, position(k, j) * width, values, (segStart[k] + j) * width, width);
        }
      }
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
   * The segment of chunk position i: a division when all segments have one length; else the
   * directory gives the segment at the start of i's bucket, and a bucket is no wider than the mean
   * segment, so few steps follow.
   */
  int segmentOf(int i) {
    if (uniform > 0) {
      return i / uniform;
    }
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
      if (c == null) {
        n += segDepth[k] > 0f ? m : 0;
      } else {
        for (int j = 0; j < m; j++) {
          n += c.depthAt(position(k, j)) > 0f ? 1 : 0;
        }
      }
    }
    return n;
  }

  /** Item i's author, i a chunk position in segment k. */
  int authorAt(int k, int i) {
    Items c = segItems[k];
    return c == null ? segAuthor[k] : c.authorAt(position(k, i - segStart[k]));
  }

  /** Items by author kind, added into {@code out}, indexed by the kind code. */
  void countKinds(long[] out) {
    for (int k = 0; k < kinds.length; k++) {
      out[k] += kinds[k];
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
   * Bytes of provenance this chunk keeps, payload excluded: its segment index and columns, the
   * per-item provenance arrays and a fixed cost for object headers of the contributions it keeps by
   * reference, and the position maps of contributions on several sites.
   */
  long keptProvenanceBytes() {
    long b =
        (long) siteStart.length * 4
            + (long) segSite.length * 4
            + orderBytes
            + (long) segItems.length * SEGMENT_BYTES
            + (long) keptSeg.length * 4;
    for (Items c : keptItems) {
      if (c != null) {
        b += CONTRIBUTION_BYTES + c.provenanceBytes();
      }
    }
    return b;
  }

  /** Bytes of payload in this chunk. */
  long payloadBytes() {
    return (long) size * width * 8;
  }

  /**
   * The non-empty contributions of the tick, in canonical order: all a checkpoint keeps. One kept
   * as segment columns comes back as constant columns over a copy of its payload, equal to the one
   * published.
   */
  Items[] contributions() {
    Items[] out = new Items[keptSeg.length];
    for (int j = 0; j < out.length; j++) {
      int k = keptSeg[j];
      if (k < 0) {
        out[j] = keptItems[j];
        continue;
      }
      out[j] = constantItems(k, segStart[k], segStart[k + 1], segTick[k]);
    }
    return out;
  }

  /**
   * Positions [from, to) of segment k, whose provenance is constant, as items whose every column is
   * constant, with the given tick: only the payload is copied.
   */
  Items constantItems(int k, int from, int to, int tick) {
    return Items.constant(
        new Batch(to - from, width, Arrays.copyOfRange(values, from * width, to * width)),
        segAuthor[k],
        segKind[k],
        tick,
        segGeneration[k],
        segDepth[k],
        segFlags[k],
        segSiteOf[k]);
  }
}
