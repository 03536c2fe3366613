package ouroboros.agents.model;

import java.util.Arrays;
import java.util.TreeMap;
import ouroboros.agents.data.Items;

/**
 * What a training set was made of: item counts per source agent (ascending agent index;
 * {@link Items#ARCHIVE} for fresh archive data) and the count of human items (synthetic depth 0).
 *
 * @param sources agent indices, ascending
 * @param counts items from each source
 * @param human items of synthetic depth 0
 * @param total all items
 */
public record Composition(int[] sources, int[] counts, int human, int total) {

  /** Counts a training set's items by author. */
  public static Composition of(Items items) {
    TreeMap<Integer, Integer> bySource = new TreeMap<>();
    int human = 0;
    for (int i = 0; i < items.size(); i++) {
      bySource.merge(items.author()[i], 1, Integer::sum);
      if (items.depth()[i] == 0f) {
        human++;
      }
    }
    int[] s = new int[bySource.size()];
    int[] c = new int[bySource.size()];
    int at = 0;
    for (var e : bySource.entrySet()) {
      s[at] = e.getKey();
      c[at++] = e.getValue();
    }
    return new Composition(s, c, human, items.size());
  }

  /** Share of human items; NaN for an empty training set. */
  public double humanShare() {
    return total == 0 ? Double.NaN : (double) human / total;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Composition c && Arrays.equals(sources, c.sources)
        && Arrays.equals(counts, c.counts) && human == c.human && total == c.total;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sources) * 31 + Arrays.hashCode(counts) + human * 7 + total;
  }

  @Override
  public String toString() {
    return "Composition[sources=" + Arrays.toString(sources) + ", counts="
        + Arrays.toString(counts) + ", human=" + human + ", total=" + total + "]";
  }
}
