package ouroboros.agents.web;

import java.util.Arrays;

/**
 * A set of global item indices of a snapshot, kept as ascending, disjoint, non-empty half-open
 * ranges {@code [start, end)}: the items one crawl policy may see (one site's items, those of the
 * last W ticks, one author's, everything but a model's own). Crawl policies sample from it with
 * {@link #get(long)}, which maps the k-th member to its global index in O(log ranges), or {@link
 * #getAll} for ascending ks in one walk. Immutable.
 */
public final class Ranges {
  /** The empty set. */
  public static final Ranges EMPTY = new Ranges(new long[0]);

  /** start0, end0, start1, end1, ...: ascending, disjoint and not adjacent. */
  private final long[] bounds;

  /** cum[r] is the number of members in the ranges before range r; cum[last] is size. */
  private final long[] cum;

  private Ranges(long[] bounds) {
    this.bounds = bounds;
    int count = bounds.length / 2;
    this.cum = new long[count + 1];
    for (int r = 0; r < count; r++) {
      cum[r + 1] = cum[r] + bounds[2 * r + 1] - bounds[2 * r];
    }
  }

  /** Number of member indices. */
  public long size() {
    return cum[cum.length - 1];
  }

  /** Number of ranges. */
  public int rangeCount() {
    return bounds.length / 2;
  }

  /** The {@code k}-th member, in ascending order, for k in [0, size()). */
  public long get(long k) {
    if (k < 0 || k >= size()) {
      throw new IndexOutOfBoundsException("no member " + k + " in a set of " + size());
    }
    int i = Arrays.binarySearch(cum, k);
    int r = i >= 0 ? i : -i - 2; // cum is strictly increasing: no range is empty
    return bounds[2 * r] + (k - cum[r]);
  }

  /**
   * Replaces each k in {@code ks}, ascending, by the k-th member ({@link #get} of each): one walk
   * over the ranges instead of a search per k. When it throws, the ks before the bad one are
   * already replaced.
   */
  public void getAll(long[] ks) {
    int r = 0;
    long previous = 0;
    for (int i = 0; i < ks.length; i++) {
      long k = ks[i];
      if (k < 0 || k >= size()) {
        throw new IndexOutOfBoundsException("no member " + k + " in a set of " + size());
      }
      if (k < previous) {
        throw new IllegalArgumentException(
            "members are not ascending: " + k + " after " + previous);
      }
      while (k >= cum[r + 1]) {
        r++;
      }
      previous = k;
      ks[i] = bounds[2 * r] + (k - cum[r]);
    }
  }

  /** The members of this set that are not in {@code other}. */
  public Ranges minus(Ranges other) {
    Builder b = new Builder();
    int j = 0;
    long[] o = other.bounds;
    for (int r = 0; r < bounds.length; r += 2) {
      long start = bounds[r];
      long end = bounds[r + 1];
      while (j < o.length && o[j + 1] <= start) {
        j += 2;
      }
      int k = j;
      while (start < end && k < o.length && o[k] < end) {
        if (o[k] > start) {
          b.add(start, o[k]);
        }
        start = Math.max(start, o[k + 1]);
        k += 2;
      }
      if (start < end) {
        b.add(start, end);
      }
    }
    return b.build();
  }

  /** The ranges as start0, end0, start1, end1, ...; a copy. */
  public long[] bounds() {
    return bounds.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ranges r && Arrays.equals(bounds, r.bounds);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bounds);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("Ranges[");
    for (int r = 0; r < bounds.length; r += 2) {
      s.append(r == 0 ? "" : ", ")
          .append('[')
          .append(bounds[r])
          .append(", ")
          .append(bounds[r + 1])
          .append(')');
    }
    return s.append(']').toString();
  }

  /** Collects ranges given in ascending order, merging adjacent ones. Not thread-safe. */
  public static final class Builder {
    private long[] bounds = new long[8];
    private int length;

    /** Adds {@code [start, end)}; empty ranges are skipped. Ranges must come in order. */
    public Builder add(long start, long end) {
      if (end <= start) {
        return this;
      }
      if (length > 0 && start < bounds[length - 1]) {
        throw new IllegalArgumentException(
            "range [" + start + ", " + end + ") does not come after " + bounds[length - 1]);
      }
      if (length > 0 && start == bounds[length - 1]) {
        bounds[length - 1] = end;
        return this;
      }
      if (length == bounds.length) {
        bounds = Arrays.copyOf(bounds, 2 * length);
      }
      bounds[length++] = start;
      bounds[length++] = end;
      return this;
    }

    /** The set. */
    public Ranges build() {
      return length == 0 ? EMPTY : new Ranges(Arrays.copyOf(bounds, length));
    }
  }
}
