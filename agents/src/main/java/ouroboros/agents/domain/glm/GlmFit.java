package ouroboros.agents.domain.glm;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import ouroboros.agents.domain.FitException;

/**
 * The weighted maximum-likelihood fit of a GLM without intercept and without penalty: it maximises
 * sum_i w_i (y_i eta_i - A(eta_i)), eta_i = x_i.b, by Newton's method (for a canonical link,
 * iteratively reweighted least squares), from b = 0, halving a step until the objective does not
 * fall. It stops when no coefficient moves by more than 1e-10 (1 + |b_j|), and fails after 100
 * steps: logistic labels that a hyperplane through 0 separates have no maximum (the coefficients
 * grow without bound). This is the estimate scikit-learn's LogisticRegression(penalty=None,
 * fit_intercept=False) and PoissonRegressor(alpha=0, fit_intercept=False) approach, which He et al.
 * 2025 use with per-item weights. Each step costs O(n p^2 + p^3).
 */
final class GlmFit {
  /** Newton steps before the fit fails. */
  static final int MAX_STEPS = 100;

  /** Step halvings before a step counts as converged. */
  private static final int MAX_HALVINGS = 60;

  private GlmFit() {}

  /**
   * The coefficients for items stored as [x_1..x_p, y] rows.
   *
   * @param weights n non-negative weights, or null for equal weights
   * @throws FitException on a bad label or weight, a singular information matrix, or no convergence
   */
  static double[] fit(GlmFamily family, double[] values, int n, int p, double[] weights)
      throws FitException {
    if (weights != null && weights.length != n) {
      throw new FitException("weights has " + weights.length + " entries, expected " + n);
    }
    int width = p + 1;
    for (int i = 0; i < n; i++) {
      double w = weights == null ? 1 : weights[i];
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new FitException("weight " + i + " is not a finite non-negative number: " + w);
      }
      if (!family.isLabel(values[i * width + p])) {
        throw new FitException(
            "label of item "
                + i
                + " is not a "
                + family.key()
                + " label: "
                + values[i * width + p]);
      }
      for (int j = 0; j < p; j++) {
        if (!Double.isFinite(values[i * width + j])) {
          throw new FitException("feature " + j + " of item " + i + " is not finite");
        }
      }
    }
    double[] b = new double[p];
    double objective = objective(family, values, n, p, weights, b);
    for (int step = 0; step < MAX_STEPS; step++) {
      double[] delta = newtonStep(family, values, n, p, weights, b);
      double scale = 1;
      double[] next = new double[p];
      double value = Double.NEGATIVE_INFINITY;
      for (int h = 0; h < MAX_HALVINGS; h++, scale /= 2) {
        for (int j = 0; j < p; j++) {
          next[j] = b[j] + scale * delta[j];
        }
        value = objective(family, values, n, p, weights, next);
        if (value >= objective) {
          break;
        }
      }
      boolean done = true;
      for (int j = 0; j < p; j++) {
        done &= Math.abs(next[j] - b[j]) <= 1e-10 * (1 + Math.abs(b[j]));
      }
      if (!(value >= objective)) {
        return b;
      }
      b = next;
      objective = value;
      if (done) {
        return b;
      }
    }
    throw new FitException(
        "the "
            + family.key()
            + " fit did not converge in "
            + MAX_STEPS
            + " Newton steps"
            + (family == GlmFamily.LOGISTIC ? " (the labels may be separable)" : ""));
  }

  /** sum_i w_i (y_i eta_i - A(eta_i)), without the Poisson's log y! terms. */
  private static double objective(
      GlmFamily family, double[] values, int n, int p, double[] weights, double[] b) {
    int width = p + 1;
    double s = 0;
    for (int i = 0; i < n; i++) {
      double w = weights == null ? 1 : weights[i];
      if (w == 0) {
        continue;
      }
      double eta = 0;
      for (int j = 0; j < p; j++) {
        eta += values[i * width + j] * b[j];
      }
      double y = values[i * width + p];
      s += w * (y * eta - (family == GlmFamily.LOGISTIC ? GlmFamily.softplus(eta) : Math.exp(eta)));
    }
    return Double.isNaN(s) ? Double.NEGATIVE_INFINITY : s;
  }

  /** H^-1 g with g = sum w (y - mu) x and H = sum w var x x'. */
  private static double[] newtonStep(
      GlmFamily family, double[] values, int n, int p, double[] weights, double[] b)
      throws FitException {
    int width = p + 1;
    double[][] h = new double[p][p];
    double[] g = new double[p];
    for (int i = 0; i < n; i++) {
      double w = weights == null ? 1 : weights[i];
      if (w == 0) {
        continue;
      }
      int at = i * width;
      double eta = 0;
      for (int j = 0; j < p; j++) {
        eta += values[at + j] * b[j];
      }
      double r = w * (values[at + p] - family.mean(eta));
      double v = w * family.variance(eta);
      for (int a = 0; a < p; a++) {
        double xa = values[at + a];
        g[a] += r * xa;
        for (int c = 0; c <= a; c++) {
          h[a][c] += v * xa * values[at + c];
        }
      }
    }
    double largest = 0;
    for (int a = 0; a < p; a++) {
      largest = Math.max(largest, h[a][a]);
      for (int c = 0; c < a; c++) {
        h[c][a] = h[a][c];
      }
    }
    if (!(largest > 0) || Double.isInfinite(largest)) {
      throw new FitException("the " + family.key() + " fit's information matrix is zero");
    }
    try {
      return new CholeskyDecomposition(new Array2DRowRealMatrix(h, false), 1e-10, 1e-12 * largest)
          .getSolver()
          .solve(new ArrayRealVector(g, false))
          .toArray();
    } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
      throw new FitException(
          "the " + family.key() + " fit's information matrix is singular: too few items");
    }
  }
}
