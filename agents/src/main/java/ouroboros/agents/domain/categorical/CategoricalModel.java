package ouroboros.agents.domain.categorical;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import ouroboros.agents.domain.Model;
import ouroboros.agents.state.StateIo;

/**
 * A categorical distribution over V categories, 0 to V-1: one probability per category, each finite
 * and non-negative, summing to 1. A category with probability 0 is impossible under this
 * distribution. Immutable; the probabilities are copied in and out.
 */
public final class CategoricalModel implements Model {
  private final double[] probabilities;

  /** Wraps an array that is already normalised and owned by nobody else. */
  private CategoricalModel(double[] probabilities) {
    this.probabilities = probabilities;
  }

  /**
   * A distribution proportional to the given non-negative weights, divided by their sum.
   *
   * @throws IllegalArgumentException when there are fewer than 2 categories, a weight is negative
   *     or not finite, or the weights do not sum to a positive number
   */
  public static CategoricalModel of(double[] weights) {
    if (weights.length < 2) {
      throw new IllegalArgumentException("categories is below 2: " + weights.length);
    }
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      double w = weights[i];
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException(
            "probability " + i + " is not a finite non-negative " + "number: " + w);
      }
      sum += w;
    }
    if (!(sum > 0) || Double.isInfinite(sum)) {
      throw new IllegalArgumentException("probabilities do not sum to a positive number: " + sum);
    }
    return normalised(weights, sum);
  }

  /**
   * Zipf's law over V categories: p_i proportional to 1 / (i + 1)^s, so category 0 is the most
   * likely. Exponent 0 gives the uniform distribution.
   *
   * @throws IllegalArgumentException when V is below 2 or s is negative or not finite
   */
  public static CategoricalModel zipf(int categories, double exponent) {
    if (categories < 2) {
      throw new IllegalArgumentException("categories is below 2: " + categories);
    }
    if (!(exponent >= 0) || Double.isInfinite(exponent)) {
      throw new IllegalArgumentException(
          "exponent is not a finite non-negative number: " + exponent);
    }
    double[] w = new double[categories];
    for (int i = 0; i < categories; i++) {
      w[i] = 1.0 / StrictMath.pow(i + 1.0, exponent);
    }
    return of(w);
  }

  /** Counts (or weighted counts) that the caller has checked, as a distribution. */
  static CategoricalModel fromChecked(double[] counts, double sum) {
    return normalised(counts, sum);
  }

  /** weights / sum in a fresh array. */
  private static CategoricalModel normalised(double[] weights, double sum) {
    double[] p = new double[weights.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = weights[i] / sum;
    }
    return new CategoricalModel(p);
  }

  /** V, the number of categories. */
  public int categories() {
    return probabilities.length;
  }

  /** The probability of category i. */
  public double probability(int i) {
    return probabilities[i];
  }

  /** A copy of the probabilities. */
  public double[] probabilities() {
    return probabilities.clone();
  }

  /** The array itself, for this package's read-only use. */
  double[] view() {
    return probabilities;
  }

  /** Shannon entropy -sum p_i ln p_i, in nats (0 ln 0 = 0). */
  public double entropy() {
    double h = 0;
    for (double p : probabilities) {
      if (p > 0) {
        h -= p * StrictMath.log(p);
      }
    }
    return h;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CategoricalModel m && Arrays.equals(m.probabilities, probabilities);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(probabilities);
  }

  @Override
  public String toString() {
    return "CategoricalModel" + Arrays.toString(probabilities);
  }

  /** Writes the probabilities for a checkpoint. */
  void write(DataOutput out) throws IOException {
    StateIo.doubles(out, probabilities);
  }

  /** Reads what {@link #write} wrote, without normalising again: the same model, bit for bit. */
  static CategoricalModel read(DataInput in) throws IOException {
    double[] p = StateIo.doubles(in);
    if (p == null || p.length < 2) {
      throw new IOException("corrupt checkpoint: a categorical model without probabilities");
    }
    return new CategoricalModel(p);
  }
}
