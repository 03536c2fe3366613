package ouroboros.agents.domain.regression;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import ouroboros.agents.domain.FitException;
import ouroboros.agents.domain.Model;
import ouroboros.agents.state.StateIo;

/**
 * A linear model without intercept, y = x.w + noise: the coefficient vector w of the fixed-design
 * regression of Dohmatob et al. 2024 and Gerstgrasser et al. 2024. Immutable.
 */
public final class RegressionModel implements Model {
  private final double[] weights;

  private RegressionModel(double[] weights) {
    this.weights = weights;
  }

  /**
   * A model with the given coefficients, copied.
   *
   * @throws FitException when there are none or one is not finite
   */
  public static RegressionModel of(double[] weights) throws FitException {
    if (weights.length == 0) {
      throw new FitException("a regression model needs at least one coefficient");
    }
    for (double w : weights) {
      if (!Double.isFinite(w)) {
        throw new FitException("coefficients are not finite: " + Arrays.toString(weights));
      }
    }
    return new RegressionModel(weights.clone());
  }

  /** The dimension d. */
  public int dimension() {
    return weights.length;
  }

  /** A copy of the coefficients. */
  public double[] weights() {
    return weights.clone();
  }

  /** Coefficient i. */
  public double weight(int i) {
    return weights[i];
  }

  /** The prediction x.w for the d values of {@code x} starting at {@code offset}. */
  double predict(double[] x, int offset) {
    double s = 0;
    for (int j = 0; j < weights.length; j++) {
      s += x[offset + j] * weights[j];
    }
    return s;
  }

  @Override
  public String toString() {
    return "RegressionModel" + Arrays.toString(weights);
  }

  /** Writes the coefficients for a checkpoint. */
  void write(DataOutput out) throws IOException {
    StateIo.doubles(out, weights);
  }

  /** Reads what {@link #write} wrote. */
  static RegressionModel read(DataInput in) throws IOException {
    double[] w = StateIo.doubles(in);
    try {
      return of(w == null ? new double[0] : w);
    } catch (FitException e) {
      throw new IOException("corrupt checkpoint: regression model: " + e.getMessage());
    }
  }
}
