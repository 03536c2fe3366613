package ouroboros.agents.domain.regression;

import java.util.Arrays;
import ouroboros.agents.domain.FitException;
import ouroboros.agents.domain.Model;

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
}
