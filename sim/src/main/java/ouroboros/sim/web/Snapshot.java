package ouroboros.sim.web;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import ouroboros.agents.data.AuthorKind;
import ouroboros.agents.data.Items;
import ouroboros.agents.web.Ranges;
import ouroboros.agents.web.WebView;

/**
 * An immutable snapshot of the web sealed at a tick: the chunks retention still keeps. Many models
 * read it at once; nothing in it ever changes, except where its store reuses payload arrays ({@link
 * WebStore#reusePayloads}): a gather after the store has handed one of this snapshot's arrays to a
 * newer tick then fails instead of returning that tick's payloads.
 */
public final class Snapshot implements WebView {
  private final int tick;
  private final int width;
  private final int siteCount;
  private final Chunk[] chunks;

  /** starts[c] is the global index of chunk c's first item; starts[chunks.length] is size. */
  private final long[] starts;

  /**
   * siteCum[s][c] is the number of site-s items in chunks before c: built for a site the first time
   * a reader asks about it (O(chunks)), so sealing costs O(chunks), not O(sites x chunks). Entries
   * are published with release and read with acquire semantics; two readers that race build equal
   * arrays, and either may win.
   */
  private final long[][] siteCum;

  private static final VarHandle SITE_CUM = MethodHandles.arrayElementVarHandle(long[][].class);

  private final long synthetic;

  /** Base traffic weight and attachment per site; null when the web declares none. */
  private final double[] weights;

  private final double[] attachment;

  /** The store's pool when it reuses payload arrays, else null. */
  private final PayloadPool pool;

  Snapshot(
      int tick,
      int width,
      int siteCount,
      Chunk[] chunks,
      double[] weights,
      double[] attachment,
      PayloadPool pool) {
    this.pool = pool;
    this.weights = weights;
    this.attachment = attachment;
    this.tick = tick;
    this.width = width;
    this.siteCount = siteCount;
    this.chunks = chunks;
    this.starts = new long[chunks.length + 1];
    this.siteCum = new long[siteCount][];
    long syn = 0;
    for (int c = 0; c < chunks.length; c++) {
      starts[c + 1] = starts[c] + chunks[c].size;
      syn += chunks[c].synthetic;
    }
    this.synthetic = syn;
  }

  /** Site s's items in the chunks before each chunk (see {@link #siteCum}), built on first use. */
  private long[] siteCum(int site) {
    long[] cum = (long[]) SITE_CUM.getAcquire(siteCum, site);
    if (cum == null) {
      cum = new long[chunks.length + 1];
      for (int c = 0; c < chunks.length; c++) {
        int[] at = chunks[c].siteStart;
        cum[c + 1] = cum[c] + at[site + 1] - at[site];
      }
      SITE_CUM.setRelease(siteCum, site, cum);
    }
    return cum;
  }

  @Override
  public int tick() {
    return tick;
  }

  @Override
  public long size() {
    return starts[chunks.length];
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int siteCount() {
    return siteCount;
  }

  @Override
  public long siteSize(int site) {
    return siteCum(site)[chunks.length];
  }

  /**
   * w + a · siteSize(site): the site's base weight plus its attachment times the items it published
   * over the retention window (see {@link WebView#siteWeight}); 1 without weights.
   */
  @Override
  public double siteWeight(int site) {
    if (weights == null) {
      return 1.0;
    }
    return weights[site] + attachment[site] * siteSize(site);
  }

  @Override
  public long siteItem(int site, long k) {
    long[] cum = siteCum(site);
    if (k < 0 || k >= cum[chunks.length]) {
      throw new IndexOutOfBoundsException("site " + site + " has no item " + k);
    }
    int c = upperBound(cum, k) - 1;
    return starts[c] + chunks[c].siteStart[site] + (k - cum[c]);
  }

  /**
   * Each k's chunk is the one before it when k falls in it (ascending ks walk the chunks), else
   * found by binary search.
   */
  @Override
  public void siteItems(int site, long[] ks, int from, int to, long[] out) {
    long[] cum = siteCum(site);
    long size = cum[chunks.length];
    int c = 0;
    for (int i = from; i < to; i++) {
      long k = ks[i];
      if (k < 0 || k >= size) {
        throw new IndexOutOfBoundsException("site " + site + " has no item " + k);
      }
      if (k < cum[c] || k >= cum[c + 1]) {
        c = upperBound(cum, k) - 1;
      }
      out[i] = starts[c] + chunks[c].siteStart[site] + (k - cum[c]);
    }
  }

  /**
   * The items at the given indices, in that order: each index's chunk by binary search (or the same
   * or next chunk as the index before), its segment through the chunk's directory.
   */
  @Override
  public Items gather(long[] indices) {
    Gatherer out = new Gatherer(indices.length, width);
    out.scatter(chunks, starts, indices);
    checkRead();
    return out.items();
  }

  /** After a read of payloads: fails when the store has reused one of this snapshot's arrays. */
  private void checkRead() {
    if (pool != null && chunks.length > 0) {
      pool.checkRead(tick, chunks[0].tick);
    }
  }

  /**
   * The items of a set of global indices, ascending: each range copied chunk by chunk and segment
   * by segment ({@link Gatherer}), with no index array and no search per item. One range within one
   * segment of constant provenance gives items whose columns are constant ({@link
   * Gatherer#oneSegment}).
   */
  @Override
  public Items gather(Ranges members) {
    long[] bounds = members.bounds();
    long total = size();
    if (bounds.length == 2 && bounds[0] >= 0 && bounds[1] <= total && bounds[0] < bounds[1]) {
      int c = upperBound(starts, bounds[0]) - 1;
      if (bounds[1] <= starts[c + 1]) {
        Items one =
            Gatherer.oneSegment(
                chunks[c], (int) (bounds[0] - starts[c]), (int) (bounds[1] - starts[c]));
        if (one != null) {
          checkRead();
          return one;
        }
      }
    }
    Gatherer out = new Gatherer(Math.toIntExact(members.size()), width);
    int c = 0;
    for (int r = 0; r < bounds.length; r += 2) {
      long from = bounds[r];
      long to = bounds[r + 1];
      if (from < 0 || to > total) {
        throw new IndexOutOfBoundsException(
            "no item " + (from < 0 ? from : to - 1) + " in a web of " + total);
      }
      if (from >= starts[c + 1]) {
        c = upperBound(starts, from) - 1;
      }
      while (from < to) {
        long end = Math.min(to, starts[c + 1]);
        out.copy(chunks[c], (int) (from - starts[c]), (int) (end - starts[c]));
        from = end;
        c++;
      }
      c = Math.max(0, c - 1);
    }
    checkRead();
    return out.items();
  }

  /**
   * The visited sites' ranges in every chunk from the first of tick {@code fromTick} on: each
   * site's items in a chunk are contiguous, so this costs O(chunks x sites), whatever the size.
   */
  @Override
  public Ranges siteRanges(int[] sites, int fromTick) {
    int[] sorted = sites.clone();
    Arrays.sort(sorted);
    Ranges.Builder b = new Ranges.Builder();
    for (int c = firstChunkFrom(fromTick); c < chunks.length; c++) {
      int[] at = chunks[c].siteStart;
      for (int s : sorted) {
        b.add(starts[c] + at[s], starts[c] + at[s + 1]);
      }
    }
    return b.build();
  }

  /**
   * The author's runs, one per site and chunk, found by binary search among each site's segments
   * (O(chunks x sites x log agents)); a chunk whose authors do not ascend is scanned.
   */
  @Override
  public Ranges authorRanges(int author) {
    Ranges.Builder b = new Ranges.Builder();
    for (int c = 0; c < chunks.length; c++) {
      Chunk ch = chunks[c];
      if (!ch.authorsAscend) {
        for (int k = 0; k < ch.segments(); k++) {
          for (int i = ch.segStart[k]; i < ch.segStart[k + 1]; i++) {
            if (ch.authorAt(k, i) == author) {
              b.add(starts[c] + i, starts[c] + i + 1);
            }
          }
        }
        continue;
      }
      for (int s = 0; s < siteCount; s++) {
        int from = ch.segSite[s];
        int to = ch.segSite[s + 1];
        if (from == to || ch.segAuthor[from] > author || ch.segAuthor[to - 1] < author) {
          continue;
        }
        int first = firstAtLeast(ch.segAuthor, from, to, author);
        int end = firstAtLeast(ch.segAuthor, from, to, (long) author + 1);
        if (first < end) {
          b.add(starts[c] + ch.segStart[first], starts[c] + ch.segStart[end]);
        }
      }
    }
    return b.build();
  }

  /** The first chunk whose tick is at least {@code tick}; chunks.length when none is. */
  private int firstChunkFrom(int tick) {
    int lo = 0;
    int hi = chunks.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (chunks[mid].tick < tick) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The first position in a[from, to), ascending, whose value is at least key; to if none. */
  private static int firstAtLeast(int[] a, int from, int to, long key) {
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Items of synthetic depth above 0 in the snapshot. */
  public long syntheticCount() {
    return synthetic;
  }

  /** Share of visible items that are synthetic; NaN for an empty web. */
  public double syntheticShare() {
    return size() == 0 ? Double.NaN : (double) synthetic / size();
  }

  /** Visible items published at the snapshot's own tick, and how many of them are synthetic. */
  public long[] newItems() {
    if (chunks.length == 0 || chunks[chunks.length - 1].tick != tick) {
      return new long[] {0, 0};
    }
    Chunk last = chunks[chunks.length - 1];
    return new long[] {last.size, last.synthetic};
  }

  /**
   * Items published on {@code site} at the snapshot's own tick, and how many of them are synthetic.
   */
  public long[] newItems(int site) {
    if (chunks.length == 0 || chunks[chunks.length - 1].tick != tick) {
      return new long[] {0, 0};
    }
    Chunk last = chunks[chunks.length - 1];
    return new long[] {last.siteStart[site + 1] - last.siteStart[site], last.synthetic(site)};
  }

  /** Visible items by author kind, indexed by the {@link AuthorKind} code. */
  public long[] itemsByKind() {
    long[] out = new long[2];
    for (Chunk c : chunks) {
      c.countKinds(out);
    }
    return out;
  }

  /** Bytes of provenance columns, payload excluded, in the columnar layout (16 per item). */
  public long provenanceBytes() {
    long b = 0;
    for (Chunk c : chunks) {
      b += c.provenanceBytes();
    }
    return b;
  }

  /**
   * Bytes of provenance the snapshot's chunks actually keep, payload excluded: at most {@link
   * #provenanceBytes}, and far less when agents publish constant columns.
   */
  public long keptProvenanceBytes() {
    long b = 0;
    for (Chunk c : chunks) {
      b += c.keptProvenanceBytes();
    }
    return b;
  }

  /** Bytes held by payloads. */
  public long payloadBytes() {
    long b = 0;
    for (Chunk c : chunks) {
      b += c.payloadBytes();
    }
    return b;
  }

  /** The first position in a sorted array whose value is greater than key. */
  static int upperBound(long[] sorted, long key) {
    int i = Arrays.binarySearch(sorted, key);
    if (i < 0) {
      return -i - 1;
    }
    while (i + 1 < sorted.length && sorted[i + 1] == key) {
      i++;
    }
    return i + 1;
  }
}
