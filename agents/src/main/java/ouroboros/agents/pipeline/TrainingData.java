package ouroboros.agents.pipeline;

import java.util.Objects;
import ouroboros.agents.data.Items;

/**
 * Items on their way to a fit, with their sample weights.
 *
 * @param items the items, with provenance
 * @param weights one weight per item, or null when every item weighs 1 (estimators then run their
 *     unweighted code, bit for bit)
 */
public record TrainingData(Items items, double[] weights) {

  /** Checks that there is one weight per item. */
  public TrainingData {
    Objects.requireNonNull(items, "items");
    if (weights != null && weights.length != items.size()) {
      throw new IllegalArgumentException(
          "weights has " + weights.length + " entries, expected " + items.size());
    }
  }

  /** Unweighted items. */
  public static TrainingData of(Items items) {
    return new TrainingData(items, null);
  }

  /** Number of items. */
  public int size() {
    return items.size();
  }

  /** The weight of item {@code i}. */
  public double weight(int i) {
    return weights == null ? 1.0 : weights[i];
  }

  /** A copy of the weights, all 1 when there are none. */
  public double[] weightsOrOnes() {
    double[] w = new double[size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = weight(i);
    }
    return w;
  }

  /** The items at the given positions, in that order, with their weights. */
  public TrainingData select(int[] positions) {
    double[] w = null;
    if (weights != null) {
      w = new double[positions.length];
      for (int i = 0; i < positions.length; i++) {
        w[i] = weights[positions[i]];
      }
    }
    return new TrainingData(items.select(positions), w);
  }

  /** The items whose {@code keep} entry is true, in order. */
  public TrainingData keep(boolean[] keep) {
    int n = 0;
    for (boolean k : keep) {
      n += k ? 1 : 0;
    }
    if (n == size()) {
      return this;
    }
    int[] at = new int[n];
    int j = 0;
    for (int i = 0; i < keep.length; i++) {
      if (keep[i]) {
        at[j++] = i;
      }
    }
    return select(at);
  }
}
