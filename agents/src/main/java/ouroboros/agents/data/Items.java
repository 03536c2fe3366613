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
  private final IntColumn author;
  private final ByteColumn kind;
  private final IntColumn tick;
  private final IntColumn generation;
  private final FloatColumn depth;
  private final ByteColumn flags;
  private final ShortColumn site;

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
        IntColumn.given("author", author, size(payload)),
        ByteColumn.given("kind", kind, size(payload)),
        IntColumn.given("tick", tick, size(payload)),
        IntColumn.given("generation", generation, size(payload)),
        FloatColumn.given("depth", depth, size(payload)),
        ByteColumn.given("flags", flags, size(payload)),
        ShortColumn.given("site", site, size(payload)));
  }

  /**
   * Items with the given columns, each checked against the payload's size when it was made
   * (package-private for {@link ItemsCodec}).
   */
  Items(
      Batch payload,
      IntColumn author,
      ByteColumn kind,
      IntColumn tick,
      IntColumn generation,
      FloatColumn depth,
      ByteColumn flags,
      ShortColumn site) {
    this.payload = Objects.requireNonNull(payload, "payload");
    this.author = author;
    this.kind = kind;
    this.tick = tick;
    this.generation = generation;
    this.depth = depth;
    this.flags = flags;
    this.site = site;
  }

  /** The size of a payload that must not be null. */
  private static int size(Batch payload) {
    return Objects.requireNonNull(payload, "payload").size();
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
      case AUTHOR -> author.constant();
      case KIND -> kind.constant();
      case TICK -> tick.constant();
      case GENERATION -> generation.constant();
      case DEPTH -> depth.constant();
      case FLAGS -> flags.constant();
      case SITE -> site.constant();
    };
  }

  /** Bytes of the provenance arrays these items hold (constant columns hold none). */
  public long provenanceBytes() {
    long n = size();
    return author.bytes(n)
        + kind.bytes(n)
        + tick.bytes(n)
        + generation.bytes(n)
        + depth.bytes(n)
        + flags.bytes(n)
        + site.bytes(n);
  }

  /** Item i's author. */
  public int authorAt(int i) {
    return author.at(i);
  }

  /** Item i's author kind. */
  public byte kindAt(int i) {
    return kind.at(i);
  }

  /** Item i's tick. */
  public int tickAt(int i) {
    return tick.at(i);
  }

  /** Item i's generation. */
  public int generationAt(int i) {
    return generation.at(i);
  }

  /** Item i's synthetic depth. */
  public float depthAt(int i) {
    return depth.at(i);
  }

  /** Item i's flags. */
  public byte flagsAt(int i) {
    return flags.at(i);
  }

  /** Item i's site. */
  public short siteAt(int i) {
    return site.at(i);
  }

  /** Authors, one per item. */
  public int[] author() {
    return author.array(size());
  }

  /** Author kinds, one per item. */
  public byte[] kind() {
    return kind.array(size());
  }

  /** Ticks of publication, one per item. */
  public int[] tick() {
    return tick.array(size());
  }

  /** Author generations, one per item. */
  public int[] generation() {
    return generation.array(size());
  }

  /** Synthetic depths, one per item. */
  public float[] depth() {
    return depth.array(size());
  }

  /** Flags, one per item. */
  public byte[] flags() {
    return flags.array(size());
  }

  /** Sites, one per item. */
  public short[] site() {
    return site.array(size());
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
        kind,
        tick,
        generation,
        depth,
        ByteColumn.given("flags", newFlags, size()),
        site);
  }

  /** The same items on other sites. */
  public Items withSites(short[] newSites) {
    return new Items(
        payload,
        author,
        kind,
        tick,
        generation,
        depth,
        flags,
        ShortColumn.given("site", newSites, size()));
  }

  /** The same items with other synthetic depths. */
  public Items withDepth(float[] newDepth) {
    return new Items(
        payload,
        author,
        kind,
        tick,
        generation,
        FloatColumn.given("depth", newDepth, size()),
        flags,
        site);
  }

  /**
   * Items that share one provenance, as published by a single agent in a single tick: every
   * provenance column is constant (flags 0), so nothing is allocated per item.
   */
  public static Items uniform(
      Batch payload, int author, byte kind, int tick, int generation, float depth, short site) {
    return constant(payload, author, kind, tick, generation, depth, (byte) 0, site);
  }

  /**
   * Items whose every provenance column is constant, flags included: what {@link #uniform} makes,
   * with any flags (the web rebuilds such a contribution from its own columnar copy).
   */
  public static Items constant(
      Batch payload,
      int author,
      byte kind,
      int tick,
      int generation,
      float depth,
      byte flags,
      short site) {
    return new Items(
        payload,
        IntColumn.constant(author),
        ByteColumn.constant(kind),
        IntColumn.constant(tick),
        IntColumn.constant(generation),
        FloatColumn.constant(depth),
        ByteColumn.constant(flags),
        ShortColumn.constant(site));
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
    for (int i = 0; i < n; i++) {
      System.arraycopy(payload.values(), positions[i] * w, v, i * w, w);
    }
    return new Items(
        new Batch(n, w, v),
        author.select(positions),
        kind.select(positions),
        tick.select(positions),
        generation.select(positions),
        depth.select(positions),
        flags.select(positions),
        site.select(positions));
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
    return new Items(
        new Batch(n, width, v),
        IntColumn.concat(blocks, b -> b.author, first.author, n),
        ByteColumn.concat(blocks, b -> b.kind, first.kind, n),
        IntColumn.concat(blocks, b -> b.tick, first.tick, n),
        IntColumn.concat(blocks, b -> b.generation, first.generation, n),
        FloatColumn.concat(blocks, b -> b.depth, first.depth, n),
        ByteColumn.concat(blocks, b -> b.flags, first.flags, n),
        ShortColumn.concat(blocks, b -> b.site, first.site, n));
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
