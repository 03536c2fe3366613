package ouroboros.sim.scenario.compile;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * An immutable list of ids whose {@link #indexOf} is a hash lookup: the compiler looks up every
 * agent's and site's index by id, which {@link List#indexOf}'s scan made O(N²) at compile time
 * (about 5·10⁹ comparisons for 100,000 models).
 */
final class Indexed extends AbstractList<String> implements RandomAccess {
  private final List<String> ids;
  private final Map<String, Integer> at;

  /** The ids, in order; a repeated id answers with its first index, as a list's indexOf. */
  Indexed(List<String> ids) {
    this.ids = List.copyOf(ids);
    this.at = new HashMap<>(this.ids.size() * 2);
    for (int k = 0; k < this.ids.size(); k++) {
      at.putIfAbsent(this.ids.get(k), k);
    }
  }

  @Override
  public String get(int index) {
    return ids.get(index);
  }

  @Override
  public int size() {
    return ids.size();
  }

  @Override
  public int indexOf(Object o) {
    Integer k = at.get(o);
    return k == null ? -1 : k;
  }

  @Override
  public boolean contains(Object o) {
    return at.containsKey(o);
  }
}
