package ouroboros.agents.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
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
   * An evaluation of a map the caller has just built and hands over: it is kept without a copy, so
   * the caller must not keep or change it. For the evaluations made once per fit.
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
   * An unmodifiable view of a map that only evaluations hold, which tells the constructor that a
   * copy is not needed.
   */
  private static final class Frozen implements SortedMap<String, Double> {
    private final SortedMap<String, Double> view;

    Frozen(TreeMap<String, Double> owned) {
      this.view = Collections.unmodifiableSortedMap(owned);
    }

    @Override
    public Comparator<? super String> comparator() {
      return view.comparator();
    }

    @Override
    public SortedMap<String, Double> subMap(String fromKey, String toKey) {
      return view.subMap(fromKey, toKey);
    }

    @Override
    public SortedMap<String, Double> headMap(String toKey) {
      return view.headMap(toKey);
    }

    @Override
    public SortedMap<String, Double> tailMap(String fromKey) {
      return view.tailMap(fromKey);
    }

    @Override
    public String firstKey() {
      return view.firstKey();
    }

    @Override
    public String lastKey() {
      return view.lastKey();
    }

    @Override
    public Set<String> keySet() {
      return view.keySet();
    }

    @Override
    public Collection<Double> values() {
      return view.values();
    }

    @Override
    public Set<Map.Entry<String, Double>> entrySet() {
      return view.entrySet();
    }

    @Override
    public int size() {
      return view.size();
    }

    @Override
    public boolean isEmpty() {
      return view.isEmpty();
    }

    @Override
    public boolean containsKey(Object key) {
      return view.containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
      return view.containsValue(value);
    }

    @Override
    public Double get(Object key) {
      return view.get(key);
    }

    @Override
    public Double put(String key, Double value) {
      return view.put(key, value);
    }

    @Override
    public Double remove(Object key) {
      return view.remove(key);
    }

    @Override
    public void putAll(Map<? extends String, ? extends Double> m) {
      view.putAll(m);
    }

    @Override
    public void clear() {
      view.clear();
    }

    @Override
    public boolean equals(Object o) {
      return o == this || view.equals(o);
    }

    @Override
    public int hashCode() {
      return view.hashCode();
    }

    @Override
    public String toString() {
      return view.toString();
    }
  }
}
