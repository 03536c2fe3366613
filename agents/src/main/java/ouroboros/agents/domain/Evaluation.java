package ouroboros.agents.domain;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A model's metrics against the truth, by metric name, in name order so that output is
 * deterministic.
 */
public record Evaluation(SortedMap<String, Double> values) {

  /** An evaluation with no metrics. */
  public static final Evaluation NONE = new Evaluation(new TreeMap<>());

  /**
   * Copies the values into an unmodifiable sorted map; values that are already another evaluation's
   * (which nothing can change) are shared as they are.
   */
  public Evaluation {
    values = values instanceof Frozen ? values : new Frozen(new TreeMap<>(values));
  }

  /**
   * An evaluation of a map the caller has just built: read once into the evaluation's own arrays,
   * without the defensive sorted copy the constructor makes. For the evaluations made once per fit.
   */
  public static Evaluation owning(TreeMap<String, Double> values) {
    return new Evaluation(new Frozen(values));
  }

  /** This evaluation with one measure added (or replaced): one copy of the map. */
  public Evaluation with(String name, double value) {
    TreeMap<String, Double> next = new TreeMap<>(values);
    next.put(name, value);
    return owning(next);
  }

  /** A metric's value, or NaN when it is absent. */
  public double get(String name) {
    Double v = values.get(name);
    return v == null ? Double.NaN : v;
  }

  /**
   * An unmodifiable sorted map that only evaluations hold, which tells the constructor that a copy
   * is not needed. It keeps its names and values in two arrays rather than a tree of entries and
   * boxes: a model holds two evaluations for the whole run (its first fit's and its latest), and a
   * tree of nine metrics costs about 590 bytes where the arrays cost about 170.
   */
  private static final class Frozen extends AbstractMap<String, Double>
      implements SortedMap<String, Double> {
    private final Comparator<? super String> comparator;
    private final String[] keys;
    private final double[] values;

    /** The map's entries in its order. */
    Frozen(TreeMap<String, Double> owned) {
      this.comparator = owned.comparator();
      int n = owned.size();
      this.keys = new String[n];
      this.values = new double[n];
      int k = 0;
      for (Map.Entry<String, Double> e : owned.entrySet()) {
        if (e.getValue() == null) {
          throw new IllegalArgumentException("metric " + e.getKey() + " has no value");
        }
        keys[k] = e.getKey();
        values[k++] = e.getValue();
      }
    }

    /** The position of {@code key}, or a negative number when it is absent. */
    @SuppressWarnings("unchecked")
    private int find(Object key) {
      return comparator == null
          ? Arrays.binarySearch(keys, (String) key)
          : Arrays.binarySearch(keys, (String) key, (Comparator<Object>) comparator);
    }

    /** The entries as a tree, for the sub-map views (not used on any hot path). */
    private SortedMap<String, Double> tree() {
      TreeMap<String, Double> t = new TreeMap<>(comparator);
      for (int k = 0; k < keys.length; k++) {
        t.put(keys[k], values[k]);
      }
      return t;
    }

    @Override
    public Comparator<? super String> comparator() {
      return comparator;
    }

    @Override
    public SortedMap<String, Double> subMap(String fromKey, String toKey) {
      return Collections.unmodifiableSortedMap(tree().subMap(fromKey, toKey));
    }

    @Override
    public SortedMap<String, Double> headMap(String toKey) {
      return Collections.unmodifiableSortedMap(tree().headMap(toKey));
    }

    @Override
    public SortedMap<String, Double> tailMap(String fromKey) {
      return Collections.unmodifiableSortedMap(tree().tailMap(fromKey));
    }

    @Override
    public String firstKey() {
      if (keys.length == 0) {
        throw new NoSuchElementException();
      }
      return keys[0];
    }

    @Override
    public String lastKey() {
      if (keys.length == 0) {
        throw new NoSuchElementException();
      }
      return keys[keys.length - 1];
    }

    @Override
    public Set<Map.Entry<String, Double>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Map.Entry<String, Double>> iterator() {
          return new Iterator<>() {
            private int k;

            @Override
            public boolean hasNext() {
              return k < keys.length;
            }

            @Override
            public Map.Entry<String, Double> next() {
              if (k >= keys.length) {
                throw new NoSuchElementException();
              }
              Map.Entry<String, Double> e = new SimpleImmutableEntry<>(keys[k], values[k]);
              k++;
              return e;
            }
          };
        }

        @Override
        public int size() {
          return keys.length;
        }
      };
    }

    @Override
    public int size() {
      return keys.length;
    }

    @Override
    public boolean containsKey(Object key) {
      return find(key) >= 0;
    }

    @Override
    public Double get(Object key) {
      int k = find(key);
      return k < 0 ? null : values[k];
    }

    @Override
    public Double put(String key, Double value) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Double remove(Object key) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void putAll(Map<? extends String, ? extends Double> m) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void clear() {
      throw new UnsupportedOperationException();
    }
  }
}
