package ouroboros.sim.web;

import ouroboros.agents.data.Items;

/**
 * A chunk's per-segment provenance, two longs a segment: its author (when its contribution's author
 * column is constant) and generation, then its depth's bits, kind, flags and site (when all its
 * provenance is constant). A crawl that draws from a large web reads each item's segment at a
 * random place, and each separate column of it was one more cache miss: packed, the six columns are
 * one line, and the second word tells a segment read by reference apart without reading the chunk's
 * {@code segItems}. On P4's crawl of the forum (bench/README.md, {@code ScrapeBenchmark --sites 1})
 * a scattered gather went from 194-217 to 154-169 ns per item. The 16 bytes a segment are what the
 * six columns took.
 */
final class SegmentProvenance {
  /**
   * The second word of a segment read by reference: its kind byte, -1, is no kind's code, so that
   * {@link #constant} tells without reading the chunk's kept contribution.
   */
  private static final long BY_REFERENCE = -1L;

  private final long[] words;

  /** Provenance for the given number of segments. */
  SegmentProvenance(int segments) {
    this.words = new long[2 * segments];
  }

  /** Sets segment k's constant provenance, but for its author, from c's first item. */
  void setConstant(int k, Items c) {
    words[2 * k] = (long) c.generationAt(0) << 32 | words[2 * k] & 0xffffffffL;
    words[2 * k + 1] =
        Float.floatToRawIntBits(c.depthAt(0)) & 0xffffffffL
            | (c.kindAt(0) & 0xffL) << 32
            | (c.flagsAt(0) & 0xffL) << 40
            | (long) c.siteAt(0) << 48;
  }

  /** Marks segment k as read by reference, its provenance item by item. */
  void setByReference(int k) {
    words[2 * k + 1] = BY_REFERENCE;
  }

  /** Sets segment k's author. */
  void setAuthor(int k, int author) {
    words[2 * k] = words[2 * k] & 0xffffffff00000000L | author & 0xffffffffL;
  }

  /** Whether segment k's provenance is constant, as {@link #setConstant} left it. */
  boolean constant(int k) {
    return words[2 * k + 1] != BY_REFERENCE;
  }

  /** Segment k's author, when its contribution's author column is constant. */
  int author(int k) {
    return (int) words[2 * k];
  }

  /** Segment k's generation, when its provenance is constant; and so on for the columns below. */
  int generation(int k) {
    return (int) (words[2 * k] >>> 32);
  }

  float depth(int k) {
    return Float.intBitsToFloat((int) words[2 * k + 1]);
  }

  byte kind(int k) {
    return (byte) (words[2 * k + 1] >>> 32);
  }

  byte flags(int k) {
    return (byte) (words[2 * k + 1] >>> 40);
  }

  short site(int k) {
    return (short) (words[2 * k + 1] >>> 48);
  }
}
