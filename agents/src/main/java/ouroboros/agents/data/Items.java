package ouroboros.agents.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Items with their provenance, in parallel primitive columns: what an agent publishes in a tick,
 * what a crawl gathers from the web, and what a model trains on.
 *
 * <p>Provenance per item: the author's agent index ({@link #ARCHIVE} for the human archive that
 * fresh data comes from), the author's {@link AuthorKind}, the tick it was published, the
 * author's generation, its synthetic depth (0 for human data; 1 + the mean depth of the training
 * data for model output), its flags ({@link #WATERMARK}) and the site it was published on.
 *
 * <p>Arrays are shared, not copied. Nobody writes to them after construction.
 */
public record Items(
    Batch payload,
    int[] author,
    byte[] kind,
    int[] tick,
    int[] generation,
    float[] depth,
    byte[] flags,
    short[] site) {

  /** Author index of items drawn fresh from the truth (the uncontaminated human archive). */
  public static final int ARCHIVE = -1;
  /** Site of items that were never on the web (fresh archive data). */
  public static final short OFF_WEB = -1;
  /** Flag bit: the item carries a watermark (its strength is in {@link #STRENGTH_BITS}). */
  public static final byte WATERMARK = 1;
  /** Flag bit: a human source reposted this synthetic item (laundering). */
  public static final byte LAUNDERED = 2;
  /** Flag bit: the item carries its human author's provenance signature (C2PA-like). */
  public static final byte SIGNED = 4;
  /** Flag bits 3 to 7: a watermark's strength, in steps of {@link #STRENGTH_STEP}. */
  public static final int STRENGTH_BITS = 0xF8;
  /** The resolution of a watermark strength stored in the flags. */
  public static final double STRENGTH_STEP = 0.25;
  /** The largest storable watermark strength, 31 steps. */
  public static final double MAX_STRENGTH = 31 * STRENGTH_STEP;

  /** The flags of a watermarked item of the given strength, rounded to a quarter. */
  public static byte watermarkFlags(double strength) {
    long level = Math.round(strength / STRENGTH_STEP);
    if (level < 1 || level > 31) {
      throw new IllegalArgumentException("watermark strength is not in [" + STRENGTH_STEP + ", "
          + MAX_STRENGTH + "]: " + strength);
    }
    return (byte) (WATERMARK | (level << 3));
  }

  /** Whether item {@code i} carries a watermark. */
  public boolean watermarked(int i) {
    return (flags[i] & WATERMARK) != 0;
  }

  /** The strength of item {@code i}'s watermark; 0 when it has none. */
  public double watermarkStrength(int i) {
    return watermarked(i) ? ((flags[i] & STRENGTH_BITS) >>> 3) * STRENGTH_STEP : 0;
  }

  /** Whether item {@code i} is synthetic (depth above 0), whoever published it. */
  public boolean synthetic(int i) {
    return depth[i] != 0f;
  }

  /** The same items with other flags. */
  public Items withFlags(byte[] newFlags) {
    return new Items(payload, author, kind, tick, generation, depth, newFlags, site);
  }

  /** The same items on other sites. */
  public Items withSites(short[] newSites) {
    return new Items(payload, author, kind, tick, generation, depth, flags, newSites);
  }

  /** Checks that every column has one entry per item. */
  public Items {
    Objects.requireNonNull(payload, "payload");
    int n = payload.size();
    check("author", author.length, n);
    check("kind", kind.length, n);
    check("tick", tick.length, n);
    check("generation", generation.length, n);
    check("depth", depth.length, n);
    check("flags", flags.length, n);
    check("site", site.length, n);
  }

  private static void check(String column, int length, int n) {
    if (length != n) {
      throw new IllegalArgumentException(column + " has " + length + " entries, expected " + n);
    }
  }

  /** Items that share one provenance, as published by a single agent in a single tick. */
  public static Items uniform(
      Batch payload, int author, byte kind, int tick, int generation, float depth, short site) {
    int n = payload.size();
    int[] a = new int[n];
    Arrays.fill(a, author);
    byte[] k = new byte[n];
    Arrays.fill(k, kind);
    int[] t = new int[n];
    Arrays.fill(t, tick);
    int[] g = new int[n];
    Arrays.fill(g, generation);
    float[] d = new float[n];
    Arrays.fill(d, depth);
    short[] s = new short[n];
    Arrays.fill(s, site);
    return new Items(payload, a, k, t, g, d, new byte[n], s);
  }

  /** No items, of the given payload width. */
  public static Items empty(int width) {
    return uniform(Batch.empty(width), 0, AuthorKind.HUMAN, 0, 0, 0f, (short) 0);
  }

  /** Number of items. */
  public int size() {
    return payload.size();
  }

  /** The items at the given positions, in that order. */
  public Items select(int[] positions) {
    int w = payload.width();
    int n = positions.length;
    double[] v = new double[n * w];
    int[] a = new int[n];
    byte[] k = new byte[n];
    int[] t = new int[n];
    int[] g = new int[n];
    float[] d = new float[n];
    byte[] f = new byte[n];
    short[] s = new short[n];
    for (int i = 0; i < n; i++) {
      int p = positions[i];
      System.arraycopy(payload.values(), p * w, v, i * w, w);
      a[i] = author[p];
      k[i] = kind[p];
      t[i] = tick[p];
      g[i] = generation[p];
      d[i] = depth[p];
      f[i] = flags[p];
      s[i] = site[p];
    }
    return new Items(new Batch(n, w, v), a, k, t, g, d, f, s);
  }

  /** All the given blocks, one after another. */
  public static Items concat(List<Items> blocks, int width) {
    if (blocks.size() == 1) {
      return blocks.get(0);
    }
    int n = 0;
    for (Items b : blocks) {
      n += b.size();
    }
    double[] v = new double[n * width];
    int[] a = new int[n];
    byte[] k = new byte[n];
    int[] t = new int[n];
    int[] g = new int[n];
    float[] d = new float[n];
    byte[] f = new byte[n];
    short[] s = new short[n];
    int at = 0;
    for (Items b : blocks) {
      int m = b.size();
      System.arraycopy(b.payload.values(), 0, v, at * width, m * width);
      System.arraycopy(b.author, 0, a, at, m);
      System.arraycopy(b.kind, 0, k, at, m);
      System.arraycopy(b.tick, 0, t, at, m);
      System.arraycopy(b.generation, 0, g, at, m);
      System.arraycopy(b.depth, 0, d, at, m);
      System.arraycopy(b.flags, 0, f, at, m);
      System.arraycopy(b.site, 0, s, at, m);
      at += m;
    }
    return new Items(new Batch(n, width, v), a, k, t, g, d, f, s);
  }

  /** Share of items that are human data (synthetic depth 0); NaN when there are none. */
  public double humanShare() {
    if (size() == 0) {
      return Double.NaN;
    }
    int h = 0;
    for (float x : depth) {
      if (x == 0f) {
        h++;
      }
    }
    return (double) h / size();
  }

  /** Mean synthetic depth; 0 when there are no items. */
  public double meanDepth() {
    double sum = 0;
    for (float x : depth) {
      sum += x;
    }
    return size() == 0 ? 0 : sum / size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Items i && payload.equals(i.payload) && Arrays.equals(author, i.author)
        && Arrays.equals(kind, i.kind) && Arrays.equals(tick, i.tick)
        && Arrays.equals(generation, i.generation) && Arrays.equals(depth, i.depth)
        && Arrays.equals(flags, i.flags) && Arrays.equals(site, i.site);
  }

  @Override
  public int hashCode() {
    return payload.hashCode() * 31 + Arrays.hashCode(author);
  }

  @Override
  public String toString() {
    return "Items[size=" + size() + ", width=" + payload.width() + "]";
  }
}
