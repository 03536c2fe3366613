package ouroboros.agents.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Items with their provenance, in parallel primitive columns: what an agent publishes in a tick,
 * what a crawl gathers from the web, and what a model trains on.
 *
 * <p>Provenance per item: the author's agent index ({@link #ARCHIVE} for the human archive that
 * fresh data comes from), the author's {@link AuthorKind}, the tick it was published, the author's
 * generation, its synthetic depth (0 for human data; 1 + the mean depth of the training data for
 * model output), its flags ({@link #WATERMARK}) and the site it was published on.
 *
 * <p>Arrays are shared, not copied. Nobody writes to them after construction.
 *
 * <p>A column may be <i>constant</i>: one value for every item, as when one agent publishes in one
 * tick ({@link #uniform}). A constant column is held as that value, not as an array: the accessor
 * ({@link #author()} and so on) builds the array on its first call and keeps it, and the per-item
 * readers ({@link #authorAt} and so on) never build it. The web keeps what agents publish by
 * reference, so a constant column costs it nothing per item.
 */
public final class Items {

  /** A provenance column, for {@link #constant(Column)}. */
  public enum Column {
    /** The author's agent index. */
    AUTHOR,
    /** The author's kind. */
    KIND,
    /** The tick of publication. */
    TICK,
    /** The author's generation. */
    GENERATION,
    /** The synthetic depth. */
    DEPTH,
    /** The flags. */
    FLAGS,
    /** The site. */
    SITE
  }

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

  private final Batch payload;
  // Each column: its array, or null when it is constant and then its value. The arrays given
  // are final; an accessor's array for a constant column is built once and cached.
  private final int[] author;
  private final int authorValue;
  private final byte[] kind;
  private final byte kindValue;
  private final int[] tick;
  private final int tickValue;
  private final int[] generation;
  private final int generationValue;
  private final float[] depth;
  private final float depthValue;
  private final byte[] flags;
  private final byte flagsValue;
  private final short[] site;
  private final short siteValue;
  private volatile int[] authorBuilt;
  private volatile byte[] kindBuilt;
  private volatile int[] tickBuilt;
  private volatile int[] generationBuilt;
  private volatile float[] depthBuilt;
  private volatile byte[] flagsBuilt;
  private volatile short[] siteBuilt;

  /** Items with every column given as an array; checks that each has one entry per item. */
  public Items(
      Batch payload,
      int[] author,
      byte[] kind,
      int[] tick,
      int[] generation,
      float[] depth,
      byte[] flags,
      short[] site) {
    this(
        payload,
        Objects.requireNonNull(author, "author"),
        0,
        Objects.requireNonNull(kind, "kind"),
        (byte) 0,
        Objects.requireNonNull(tick, "tick"),
        0,
        Objects.requireNonNull(generation, "generation"),
        0,
        Objects.requireNonNull(depth, "depth"),
        0f,
        Objects.requireNonNull(flags, "flags"),
        (byte) 0,
        Objects.requireNonNull(site, "site"),
        (short) 0);
  }

  /** Every column as an array (checked) or, where the array is null, as its constant value. */
  Items(
      Batch payload,
      int[] author,
      int authorValue,
      byte[] kind,
      byte kindValue,
      int[] tick,
      int tickValue,
      int[] generation,
      int generationValue,
      float[] depth,
      float depthValue,
      byte[] flags,
      byte flagsValue,
      short[] site,
      short siteValue) {
    this.payload = Objects.requireNonNull(payload, "payload");
    int n = payload.size();
    check("author", author == null ? n : author.length, n);
    check("kind", kind == null ? n : kind.length, n);
    check("tick", tick == null ? n : tick.length, n);
    check("generation", generation == null ? n : generation.length, n);
    check("depth", depth == null ? n : depth.length, n);
    check("flags", flags == null ? n : flags.length, n);
    check("site", site == null ? n : site.length, n);
    this.author = author;
    this.authorValue = authorValue;
    this.kind = kind;
    this.kindValue = kindValue;
    this.tick = tick;
    this.tickValue = tickValue;
    this.generation = generation;
    this.generationValue = generationValue;
    this.depth = depth;
    this.depthValue = depthValue;
    this.flags = flags;
    this.flagsValue = flagsValue;
    this.site = site;
    this.siteValue = siteValue;
  }

  /** The flags of a watermarked item of the given strength, rounded to a quarter. */
  public static byte watermarkFlags(double strength) {
    long level = Math.round(strength / STRENGTH_STEP);
    if (level < 1 || level > 31) {
      throw new IllegalArgumentException(
          "watermark strength is not in ["
              + STRENGTH_STEP
              + ", "
              + MAX_STRENGTH
              + "]: "
              + strength);
    }
    return (byte) (WATERMARK | (level << 3));
  }

  /** The payload. */
  public Batch payload() {
    return payload;
  }

  /** Whether a column is held as one value for every item (no array of its own). */
  public boolean constant(Column c) {
    return switch (c) {
      case AUTHOR -> author == null;
      case KIND -> kind == null;
      case TICK -> tick == null;
      case GENERATION -> generation == null;
      case DEPTH -> depth == null;
      case FLAGS -> flags == null;
      case SITE -> site == null;
    };
  }

  /** Bytes of the provenance arrays these items hold (constant columns hold none). */
  public long provenanceBytes() {
    long n = size();
    return (author == null ? 0 : 4 * n)
        + (kind == null ? 0 : n)
        + (tick == null ? 0 : 4 * n)
        + (generation == null ? 0 : 4 * n)
        + (depth == null ? 0 : 4 * n)
        + (flags == null ? 0 : n)
        + (site == null ? 0 : 2 * n);
  }

  /** Item i's author. */
  public int authorAt(int i) {
    return author == null ? authorValue : author[i];
  }

  /** Item i's author kind. */
  public byte kindAt(int i) {
    return kind == null ? kindValue : kind[i];
  }

  /** Item i's tick. */
  public int tickAt(int i) {
    return tick == null ? tickValue : tick[i];
  }

  /** Item i's generation. */
  public int generationAt(int i) {
    return generation == null ? generationValue : generation[i];
  }

  /** Item i's synthetic depth. */
  public float depthAt(int i) {
    return depth == null ? depthValue : depth[i];
  }

  /** Item i's flags. */
  public byte flagsAt(int i) {
    return flags == null ? flagsValue : flags[i];
  }

  /** Item i's site. */
  public short siteAt(int i) {
    return site == null ? siteValue : site[i];
  }

  /** Authors, one per item. */
  public int[] author() {
    if (author != null) {
      return author;
    }
    int[] a = authorBuilt;
    if (a == null) {
      a = new int[size()];
      Arrays.fill(a, authorValue);
      authorBuilt = a;
    }
    return a;
  }

  /** Author kinds, one per item. */
  public byte[] kind() {
    if (kind != null) {
      return kind;
    }
    byte[] a = kindBuilt;
    if (a == null) {
      a = new byte[size()];
      Arrays.fill(a, kindValue);
      kindBuilt = a;
    }
    return a;
  }

  /** Ticks of publication, one per item. */
  public int[] tick() {
    if (tick != null) {
      return tick;
    }
    int[] a = tickBuilt;
    if (a == null) {
      a = new int[size()];
      Arrays.fill(a, tickValue);
      tickBuilt = a;
    }
    return a;
  }

  /** Author generations, one per item. */
  public int[] generation() {
    if (generation != null) {
      return generation;
    }
    int[] a = generationBuilt;
    if (a == null) {
      a = new int[size()];
      Arrays.fill(a, generationValue);
      generationBuilt = a;
    }
    return a;
  }

  /** Synthetic depths, one per item. */
  public float[] depth() {
    if (depth != null) {
      return depth;
    }
    float[] a = depthBuilt;
    if (a == null) {
      a = new float[size()];
      Arrays.fill(a, depthValue);
      depthBuilt = a;
    }
    return a;
  }

  /** Flags, one per item. */
  public byte[] flags() {
    if (flags != null) {
      return flags;
    }
    byte[] a = flagsBuilt;
    if (a == null) {
      a = new byte[size()];
      Arrays.fill(a, flagsValue);
      flagsBuilt = a;
    }
    return a;
  }

  /** Sites, one per item. */
  public short[] site() {
    if (site != null) {
      return site;
    }
    short[] a = siteBuilt;
    if (a == null) {
      a = new short[size()];
      Arrays.fill(a, siteValue);
      siteBuilt = a;
    }
    return a;
  }

  /** Whether item {@code i} carries a watermark. */
  public boolean watermarked(int i) {
    return (flagsAt(i) & WATERMARK) != 0;
  }

  /** The strength of item {@code i}'s watermark; 0 when it has none. */
  public double watermarkStrength(int i) {
    return watermarked(i) ? ((flagsAt(i) & STRENGTH_BITS) >>> 3) * STRENGTH_STEP : 0;
  }

  /** Whether item {@code i} is synthetic (depth above 0), whoever published it. */
  public boolean synthetic(int i) {
    return depthAt(i) != 0f;
  }

  /** The same items with other flags. */
  public Items withFlags(byte[] newFlags) {
    return new Items(
        payload,
        author,
        authorValue,
        kind,
        kindValue,
        tick,
        tickValue,
        generation,
        generationValue,
        depth,
        depthValue,
        Objects.requireNonNull(newFlags, "flags"),
        (byte) 0,
        site,
        siteValue);
  }

  /** The same items on other sites. */
  public Items withSites(short[] newSites) {
    return new Items(
        payload,
        author,
        authorValue,
        kind,
        kindValue,
        tick,
        tickValue,
        generation,
        generationValue,
        depth,
        depthValue,
        flags,
        flagsValue,
        Objects.requireNonNull(newSites, "site"),
        (short) 0);
  }

  /** The same items with other synthetic depths. */
  public Items withDepth(float[] newDepth) {
    return new Items(
        payload,
        author,
        authorValue,
        kind,
        kindValue,
        tick,
        tickValue,
        generation,
        generationValue,
        Objects.requireNonNull(newDepth, "depth"),
        0f,
        flags,
        flagsValue,
        site,
        siteValue);
  }

  private static void check(String column, int length, int n) {
    if (length != n) {
      throw new IllegalArgumentException(column + " has " + length + " entries, expected " + n);
    }
  }

  /**
   * Items that share one provenance, as published by a single agent in a single tick: every
   * provenance column is constant (flags 0), so nothing is allocated per item.
   */
  public static Items uniform(
      Batch payload, int author, byte kind, int tick, int generation, float depth, short site) {
    return new Items(
        payload,
        null,
        author,
        null,
        kind,
        null,
        tick,
        null,
        generation,
        null,
        depth,
        null,
        (byte) 0,
        null,
        site);
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
      a[i] = authorAt(p);
      k[i] = kindAt(p);
      t[i] = tickAt(p);
      g[i] = generationAt(p);
      d[i] = depthAt(p);
      f[i] = flagsAt(p);
      s[i] = siteAt(p);
    }
    return new Items(new Batch(n, w, v), a, k, t, g, d, f, s);
  }

  /**
   * All the given blocks, one after another. A column that is constant with the same value in every
   * block stays constant.
   */
  public static Items concat(List<Items> blocks, int width) {
    if (blocks.size() == 1) {
      return blocks.get(0);
    }
    int n = 0;
    for (Items b : blocks) {
      n += b.size();
    }
    double[] v = new double[n * width];
    int at = 0;
    for (Items b : blocks) {
      int m = b.size();
      System.arraycopy(b.payload.values(), 0, v, at * width, m * width);
      at += m;
    }
    Items first = blocks.isEmpty() ? empty(width) : blocks.get(0);
    boolean ca = true;
    boolean ck = true;
    boolean ct = true;
    boolean cg = true;
    boolean cd = true;
    boolean cf = true;
    boolean cs = true;
    for (Items b : blocks) {
      ca &= b.author == null && b.authorValue == first.authorValue;
      ck &= b.kind == null && b.kindValue == first.kindValue;
      ct &= b.tick == null && b.tickValue == first.tickValue;
      cg &= b.generation == null && b.generationValue == first.generationValue;
      cd &=
          b.depth == null
              && Float.floatToRawIntBits(b.depthValue) == Float.floatToRawIntBits(first.depthValue);
      cf &= b.flags == null && b.flagsValue == first.flagsValue;
      cs &= b.site == null && b.siteValue == first.siteValue;
    }
    int[] a = ca ? null : new int[n];
    byte[] k = ck ? null : new byte[n];
    int[] t = ct ? null : new int[n];
    int[] g = cg ? null : new int[n];
    float[] d = cd ? null : new float[n];
    byte[] f = cf ? null : new byte[n];
    short[] s = cs ? null : new short[n];
    at = 0;
    for (Items b : blocks) {
      int m = b.size();
      if (a != null) {
        System.arraycopy(b.author(), 0, a, at, m);
      }
      if (k != null) {
        System.arraycopy(b.kind(), 0, k, at, m);
      }
      if (t != null) {
        System.arraycopy(b.tick(), 0, t, at, m);
      }
      if (g != null) {
        System.arraycopy(b.generation(), 0, g, at, m);
      }
      if (d != null) {
        System.arraycopy(b.depth(), 0, d, at, m);
      }
      if (f != null) {
        System.arraycopy(b.flags(), 0, f, at, m);
      }
      if (s != null) {
        System.arraycopy(b.site(), 0, s, at, m);
      }
      at += m;
    }
    return new Items(
        new Batch(n, width, v),
        a,
        first.authorValue,
        k,
        first.kindValue,
        t,
        first.tickValue,
        g,
        first.generationValue,
        d,
        first.depthValue,
        f,
        first.flagsValue,
        s,
        first.siteValue);
  }

  /** Share of items that are human data (synthetic depth 0); NaN when there are none. */
  public double humanShare() {
    if (size() == 0) {
      return Double.NaN;
    }
    int h = 0;
    for (int i = 0; i < size(); i++) {
      if (depthAt(i) == 0f) {
        h++;
      }
    }
    return (double) h / size();
  }

  /** Mean synthetic depth; 0 when there are no items. */
  public double meanDepth() {
    double sum = 0;
    for (int i = 0; i < size(); i++) {
      sum += depthAt(i);
    }
    return size() == 0 ? 0 : sum / size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Items i
        && payload.equals(i.payload)
        && Arrays.equals(author(), i.author())
        && Arrays.equals(kind(), i.kind())
        && Arrays.equals(tick(), i.tick())
        && Arrays.equals(generation(), i.generation())
        && Arrays.equals(depth(), i.depth())
        && Arrays.equals(flags(), i.flags())
        && Arrays.equals(site(), i.site());
  }

  @Override
  public int hashCode() {
    return payload.hashCode() * 31 + Arrays.hashCode(author());
  }

  @Override
  public String toString() {
    return "Items[size=" + size() + ", width=" + payload.width() + "]";
  }
}
