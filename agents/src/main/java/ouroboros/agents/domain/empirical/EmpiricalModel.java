package ouroboros.agents.domain.empirical;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import ouroboros.agents.domain.FitException;
import ouroboros.agents.domain.Model;
import ouroboros.agents.state.StateIo;

/**
 * A one-dimensional distribution of the {@code empirical} domain: either the truth, N(mean, sd^2),
 * or a weighted empirical distribution, atoms x_1 <= ... <= x_N with probabilities p_i summing to 1
 * (ties kept as separate atoms). Immutable.
 */
public final class EmpiricalModel implements Model {
  /** The normal's mean; NaN for an empirical distribution. */
  private final double mean;

  /** The normal's standard deviation; NaN for an empirical distribution. */
  private final double sd;

  /** The atoms in ascending order; null for the normal. */
  private final double[] atoms;

  /** Each atom's probability; null for the normal. */
  private final double[] probabilities;

  private EmpiricalModel(double mean, double sd, double[] atoms, double[] probabilities) {
    this.mean = mean;
    this.sd = sd;
    this.atoms = atoms;
    this.probabilities = probabilities;
  }

  /** The normal N(mean, sd^2), the domain's truth. */
  static EmpiricalModel normal(double mean, double sd) {
    return new EmpiricalModel(mean, sd, null, null);
  }

  /**
   * The weighted empirical distribution of {@code values}: value i carries weight {@code
   * weights[i]} (all equal when null), normalised to sum to 1.
   *
   * @throws FitException when there are no values, a value is not finite, a weight is negative or
   *     not finite, or the weights sum to 0
   */
  public static EmpiricalModel of(double[] values, double[] weights) throws FitException {
    int n = values.length;
    if (n == 0) {
      throw new FitException("too few items to fit: 0");
    }
    if (weights != null && weights.length != n) {
      throw new FitException(weights.length + " weights for " + n + " items");
    }
    double total = 0;
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(values[i])) {
        throw new FitException("item " + i + " is not finite: " + values[i]);
      }
      double w = weights == null ? 1 : weights[i];
      if (!(w >= 0) || !Double.isFinite(w)) {
        throw new FitException("weight " + i + " is negative or not finite: " + w);
      }
      total += w;
    }
    if (!(total > 0)) {
      throw new FitException("the weights sum to " + total);
    }
    if (weights == null) {
      // Equal probabilities: the order of tied atoms does not matter, and the primitive sort
      // orders values as Double.compare does.
      double[] x = values.clone();
      Arrays.sort(x);
      double[] p = new double[n];
      Arrays.fill(p, 1 / total);
      return new EmpiricalModel(Double.NaN, Double.NaN, x, p);
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    double[] x = new double[n];
    double[] p = new double[n];
    for (int k = 0; k < n; k++) {
      x[k] = values[order[k]];
      p[k] = weights[order[k]] / total;
    }
    return new EmpiricalModel(Double.NaN, Double.NaN, x, p);
  }

  /**
   * The mixture w a + (1 - w) b of two empirical distributions: every atom of each, its probability
   * scaled by its model's share.
   */
  static EmpiricalModel mixture(EmpiricalModel a, double w, EmpiricalModel b) throws FitException {
    if (a.isNormal() || b.isNormal()) {
      throw new FitException("the truth's normal cannot be mixed with an empirical distribution");
    }
    int na = a.atoms.length;
    int nb = b.atoms.length;
    double[] values = new double[na + nb];
    double[] weights = new double[na + nb];
    for (int i = 0; i < na; i++) {
      values[i] = a.atoms[i];
      weights[i] = w * a.probabilities[i];
    }
    for (int i = 0; i < nb; i++) {
      values[na + i] = b.atoms[i];
      weights[na + i] = (1 - w) * b.probabilities[i];
    }
    return of(values, weights);
  }

  /** Whether this is the truth's normal rather than an empirical distribution. */
  public boolean isNormal() {
    return atoms == null;
  }

  /** The number of atoms; 0 for the normal. */
  public int size() {
    return atoms == null ? 0 : atoms.length;
  }

  /** Atom k, in ascending order. */
  public double atom(int k) {
    return atoms[k];
  }

  /** Atom k's probability. */
  public double probability(int k) {
    return probabilities[k];
  }

  /** A copy of the atoms' probabilities, in the atoms' order. */
  double[] probabilities() {
    return probabilities.clone();
  }

  /** The normal's mean. */
  double mean() {
    return mean;
  }

  /** The normal's standard deviation. */
  double sd() {
    return sd;
  }

  @Override
  public String toString() {
    return isNormal()
        ? "EmpiricalModel[N(" + mean + ", " + sd + "^2)]"
        : "EmpiricalModel[" + atoms.length + " atoms]";
  }

  /** Writes the model for a checkpoint: a tag, then the normal's parameters or the atoms. */
  void write(DataOutput out) throws IOException {
    out.writeBoolean(isNormal());
    if (isNormal()) {
      out.writeDouble(mean);
      out.writeDouble(sd);
    } else {
      StateIo.doubles(out, atoms);
      StateIo.doubles(out, probabilities);
    }
  }

  /** Reads what {@link #write} wrote. */
  static EmpiricalModel read(DataInput in) throws IOException {
    if (in.readBoolean()) {
      double m = in.readDouble();
      double s = in.readDouble();
      return normal(m, s);
    }
    double[] x = StateIo.doubles(in);
    double[] p = StateIo.doubles(in);
    if (x == null || p == null || x.length != p.length || x.length == 0) {
      throw new IOException("corrupt checkpoint: empirical distribution");
    }
    return new EmpiricalModel(Double.NaN, Double.NaN, x, p);
  }
}
