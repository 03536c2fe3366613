package ouroboros.sim.web;

import ouroboros.agents.data.Items;

/**
 * Everything published in one tick, sealed: parallel primitive columns sorted by site and then by
 * canonical agent order, so that each site's items are one contiguous range. The tick is a
 * property of the chunk, not a column. Per item this stores 16 bytes of provenance (author 4,
 * generation 4, depth 4, kind 1, flags 1, site 2) beside the payload.
 */
final class Chunk {
  final int tick;
  final int size;
  final int width;
  final double[] payload;
  final int[] author;
  final int[] generation;
  final float[] depth;
  final byte[] kind;
  final byte[] flags;
  final short[] site;
  /** siteStart[s] .. siteStart[s+1] is site s's range. */
  final int[] siteStart;
  /** Items of synthetic depth above 0. */
  final int synthetic;
  /**
   * Whether authors ascend within each site's range, as they do when contributions come in
   * canonical agent order, each written by its own agent: then an author's items on a site are
   * one run, found by binary search.
   */
  final boolean authorsAscend;

  /** Builds a chunk from one tick's contributions, given in canonical agent order. */
  Chunk(int tick, int width, int siteCount, Items[] contributions) {
    this.tick = tick;
    this.width = width;
    int n = 0;
    int[] perSite = new int[siteCount + 1];
    for (Items c : contributions) {
      n += c.size();
      for (short s : c.site()) {
        perSite[s + 1]++;
      }
    }
    this.size = n;
    this.siteStart = new int[siteCount + 1];
    for (int s = 0; s < siteCount; s++) {
      siteStart[s + 1] = siteStart[s] + perSite[s + 1];
    }
    payload = new double[n * width];
    author = new int[n];
    generation = new int[n];
    depth = new float[n];
    kind = new byte[n];
    flags = new byte[n];
    site = new short[n];
    int[] next = siteStart.clone();
    int syn = 0;
    for (Items c : contributions) {
      double[] v = c.payload().values();
      for (int i = 0; i < c.size(); i++) {
        int at = next[c.site()[i]]++;
        System.arraycopy(v, i * width, payload, at * width, width);
        author[at] = c.author()[i];
        generation[at] = c.generation()[i];
        depth[at] = c.depth()[i];
        kind[at] = c.kind()[i];
        flags[at] = c.flags()[i];
        site[at] = c.site()[i];
        if (depth[at] > 0f) {
          syn++;
        }
      }
    }
    this.synthetic = syn;
    boolean ascend = true;
    for (int i = 1; i < n && ascend; i++) {
      ascend = site[i] != site[i - 1] || author[i] >= author[i - 1];
    }
    this.authorsAscend = ascend;
  }

  /** Items of synthetic depth above 0 on one site. */
  int synthetic(int s) {
    int n = 0;
    for (int i = siteStart[s]; i < siteStart[s + 1]; i++) {
      if (depth[i] > 0f) {
        n++;
      }
    }
    return n;
  }

  /** Bytes of provenance columns, payload excluded, in this chunk. */
  long provenanceBytes() {
    return (long) size * (4 + 4 + 4 + 1 + 1 + 2) + (long) siteStart.length * 4;
  }

  /** Bytes of payload in this chunk. */
  long payloadBytes() {
    return (long) payload.length * 8;
  }
}
