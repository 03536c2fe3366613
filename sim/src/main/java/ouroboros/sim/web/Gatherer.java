package ouroboros.sim.web;

import java.util.Arrays;
import ouroboros.agents.data.Batch;
import ouroboros.agents.data.Items;

/**
 * The one writer of a gather's columns. Fills those of a gather of index ranges ({@link
 * Snapshot#gather(ouroboros.agents.web.Ranges)}) a run of consecutive chunk positions at a time:
 * the run's payload is one copy (a chunk keeps its items' payloads in chunk order), its tick one
 * fill, and each segment it crosses costs one fill per provenance column when the segment's
 * provenance is constant; only a segment read by reference is read item by item. A crawl that takes
 * whole sites, or long runs of them, so costs O(segments) plus the copies, not a search and seven
 * reads per item. A gather of scattered indices ({@link Snapshot#gather(long[])}) writes item by
 * item through {@link #scatter}: on short runs, as a crawl that draws half of a site makes, copying
 * a run at a time measured slower.
 */
final class Gatherer {
  private final int width;
  private final double[] v;
  private final int[] a;
  private final byte[] k;
  private final int[] t;
  private final int[] g;
  private final float[] d;
  private final byte[] f;
  private final short[] s;

  /** Items written so far. */
  private int at;

  /** Columns for n items of the given payload width. */
  Gatherer(int n, int width) {
    this.width = width;
    this.v = new double[Math.multiplyExact(n, width)];
    this.a = new int[n];
    this.k = new byte[n];
    this.t = new int[n];
    this.g = new int[n];
    this.d = new float[n];
    this.f = new byte[n];
    this.s = new short[n];
  }

  /**
   * Chunk positions [from, to) of {@code ch}, not empty, as items whose provenance columns are all
   * constant, when they lie in one segment whose provenance is constant, as when a crawl takes all
   * of one agent's items on a site in one tick (P1's chains); null otherwise. Only the payload is
   * copied: no provenance array is made, nor filled, unless a reader asks for one.
   */
  static Items oneSegment(Chunk ch, int from, int to) {
    int seg = ch.segmentOf(from);
    if (ch.segItems[seg] != null || to > ch.segStart[seg + 1]) {
      return null;
    }
    return ch.constantItems(seg, from, to, ch.tick);
  }

  /** Appends chunk positions [from, to) of {@code ch}, in order. */
  void copy(Chunk ch, int from, int to) {
    int len = to - from;
    if (len == 0) {
      return;
    }
    if (width == 1) {
      System.arraycopy(ch.values, from, v, at, len);
    } else {
      System.arraycopy(ch.values, from * width, v, at * width, len * width);
    }
    Arrays.fill(t, at, at + len, ch.tick);
    int seg = ch.segmentOf(from);
    int pos = from;
    while (pos < to) {
      int end = Math.min(to, ch.segStart[seg + 1]);
      int out = at + pos - from;
      int outEnd = out + end - pos;
      Items src = ch.segItems[seg];
      if (src == null) {
        Arrays.fill(a, out, outEnd, ch.segAuthor[seg]);
        Arrays.fill(k, out, outEnd, ch.segKind[seg]);
        Arrays.fill(g, out, outEnd, ch.segGeneration[seg]);
        Arrays.fill(d, out, outEnd, ch.segDepth[seg]);
        Arrays.fill(f, out, outEnd, ch.segFlags[seg]);
        Arrays.fill(s, out, outEnd, ch.segSiteOf[seg]);
      } else {
        int first = ch.segStart[seg];
        for (int i = out, q = pos; i < outEnd; i++, q++) {
          read(src, ch.position(seg, q - first), i);
        }
      }
      pos = end;
      seg++;
    }
    at += len;
  }

  /**
   * Appends the items at the given global indices, in that order, one at a time: each index's chunk
   * ({@code starts[c]} is chunk c's first global index, {@code starts[chunks.length]} the web's
   * size) is the one before it when it falls there, else the next or one found by binary search;
   * its segment comes through the chunk's directory.
   */
  void scatter(Chunk[] chunks, long[] starts, long[] indices) {
    long total = starts[chunks.length];
    int base = at;
    double[] v = this.v;
    int[] a = this.a;
    byte[] k = this.k;
    int[] t = this.t;
    int[] g = this.g;
    float[] d = this.d;
    byte[] f = this.f;
    short[] s = this.s;
    int c = 0;
    for (int j = 0; j < indices.length; j++) {
      long global = indices[j];
      if (global < 0 || global >= total) {
        throw new IndexOutOfBoundsException("no item " + global + " in a web of " + total);
      }
      if (global < starts[c] || global >= starts[c + 1]) {
        c =
            global >= starts[c + 1] && c + 1 < chunks.length && global < starts[c + 2]
                ? c + 1
                : Snapshot.upperBound(starts, global) - 1;
      }
      Chunk ch = chunks[c];
      int pos = (int) (global - starts[c]);
      int i = base + j;
      if (width == 1) {
        v[i] = ch.values[pos];
      } else {
        System.arraycopy(ch.values, pos * width, v, i * width, width);
      }
      t[i] = ch.tick;
      int seg = ch.segmentOf(pos);
      Items src = ch.segItems[seg];
      if (src == null) {
        a[i] = ch.segAuthor[seg];
        k[i] = ch.segKind[seg];
        g[i] = ch.segGeneration[seg];
        d[i] = ch.segDepth[seg];
        f[i] = ch.segFlags[seg];
        s[i] = ch.segSiteOf[seg];
      } else {
        read(src, ch.position(seg, pos - ch.segStart[seg]), i);
      }
    }
    at += indices.length;
  }

  /** Writes item i's provenance from position p of a contribution kept by reference. */
  private void read(Items src, int p, int i) {
    a[i] = src.authorAt(p);
    k[i] = src.kindAt(p);
    g[i] = src.generationAt(p);
    d[i] = src.depthAt(p);
    f[i] = src.flagsAt(p);
    s[i] = src.siteAt(p);
  }

  /** The items written, which must be all n of them. */
  Items items() {
    if (at != a.length) {
      throw new IllegalStateException("gathered " + at + " of " + a.length + " items");
    }
    return new Items(new Batch(at, width, v), a, k, t, g, d, f, s);
  }
}
