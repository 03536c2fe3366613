package ouroboros.agents.domain;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A model's metrics against the truth, by metric name, in name order so that output is
 * deterministic.
 */
public record Evaluation(SortedMap<String, Double> values) {

  /** An evaluation with no metrics. */
  public static final Evaluation NONE = new Evaluation(new TreeMap<>());

  /** Copies the values into an unmodifiable sorted map. */
  public Evaluation {
    values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
  }

  /** A metric's value, or NaN when it is absent. */
  public double get(String name) {
    Double v = values.get(name);
    return v == null ? Double.NaN : v;
  }
}
