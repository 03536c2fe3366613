package ouroboros.agents.model;

import java.util.Arrays;
import ouroboros.agents.data.Items;

/**
 * What a training set was made of: item counts per source agent (ascending agent index; {@link
 * Items#ARCHIVE} for fresh archive data) and the count of human items (synthetic depth 0).
 *
 * @param sources agent indices, ascending
 * @param counts items from each source
 * @param human items of synthetic depth 0
 * @param total all items
 */
public record Composition(int[] sources, int[] counts, int human, int total) {

  /**
   * Counts a training set's items by author: over a primitive count array indexed by author when
   * the authors span a range no wider than a few times the items, else over a sorted copy. Constant
   * author and depth columns (one agent's items of one tick, as a chain trains on) are read as
   * their one value, without building per-item arrays.
   */
  public static Composition of(Items items) {
    int n = items.size();
    if (n == 0) {
      return new Composition(new int[0], new int[0], 0, 0);
    }
    int human = 0;
    if (items.constant(Items.Column.DEPTH)) {
      human = items.depthAt(0) == 0f ? n : 0;
    } else {
      float[] depth = items.depth();
      for (int i = 0; i < n; i++) {
        if (depth[i] == 0f) {
          human++;
        }
      }
    }
    if (items.constant(Items.Column.AUTHOR)) {
      return new Composition(new int[] {items.authorAt(0)}, new int[] {n}, human, n);
    }
    int[] author = items.author();
    int lo = author[0];
    int hi = author[0];
    for (int a : author) {
      lo = Math.min(lo, a);
      hi = Math.max(hi, a);
    }
    if ((long) hi - lo < 4L * n + 64) {
      int[] count = new int[hi - lo + 1];
      int distinct = 0;
      for (int a : author) {
        if (count[a - lo]++ == 0) {
          distinct++;
        }
      }
      int[] s = new int[distinct];
      int[] c = new int[distinct];
      int at = 0;
      for (int k = 0; k < count.length; k++) {
        if (count[k] > 0) {
          s[at] = lo + k;
          c[at++] = count[k];
        }
      }
      return new Composition(s, c, human, n);
    }
    int[] sorted = author.clone();
    Arrays.sort(sorted);
    int distinct = 1;
    for (int i = 1; i < n; i++) {
      if (sorted[i] != sorted[i - 1]) {
        distinct++;
      }
    }
    int[] s = new int[distinct];
    int[] c = new int[distinct];
    int at = -1;
    for (int i = 0; i < n; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        s[++at] = sorted[i];
      }
      c[at]++;
    }
    return new Composition(s, c, human, n);
  }

  /** Share of human items; NaN for an empty training set. */
  public double humanShare() {
    return total == 0 ? Double.NaN : (double) human / total;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Composition c
        && Arrays.equals(sources, c.sources)
        && Arrays.equals(counts, c.counts)
        && human == c.human
        && total == c.total;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sources) * 31 + Arrays.hashCode(counts) + human * 7 + total;
  }

  @Override
  public String toString() {
    return "Composition[sources="
        + Arrays.toString(sources)
        + ", counts="
        + Arrays.toString(counts)
        + ", human="
        + human
        + ", total="
        + total
        + "]";
  }
}
