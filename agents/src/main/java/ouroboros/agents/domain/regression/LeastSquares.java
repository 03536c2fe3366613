package ouroboros.agents.domain.regression;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.apache.commons.math3.linear.RealVector;
import ouroboros.agents.domain.FitException;

/**
 * Weighted ridge least squares without intercept, through the normal equations (X'WX + lambda I) b
 * = X'Wy solved by Commons Math's {@link CholeskyDecomposition}. With lambda = 0 and equal weights
 * this is ordinary least squares (the estimator of Dohmatob et al. 2024 and Gerstgrasser et al.
 * 2024); ridge is Hoerl and Kennard, Technometrics 1970.
 *
 * <p>The normal equations read the columnar payload once and keep only d x d numbers, so a fit on N
 * items costs O(N d^2 + d^3) time and O(d^2) memory whatever N is. They square the condition number
 * of X, which is harmless for the well-conditioned Gaussian designs of this domain; a Gram matrix
 * with a pivot below 1e-12 of its largest diagonal entry (condition number above about 1e12) is
 * treated as singular.
 *
 * <p>A singular system gets the minimum-norm solution, pinv(X'WX) X'Wy, which is pinv(W^(1/2) X)
 * W^(1/2) y: numpy's {@code np.linalg.pinv(X) @ y}, the fit of Gerstgrasser et al.'s code, which it
 * needs where a subsample of a pool of copies of a T = d design repeats a row. The pseudo-inverse
 * comes from the eigendecomposition of X'WX and drops eigenvalues below 1e-12 of the largest
 * (singular values of W^(1/2) X below 1e-6 of the largest, where numpy drops those below 1e-15
 * max(T, d) of the largest: the normal equations cannot resolve smaller ones).
 */
final class LeastSquares {
  /** Pivots below this share of the largest diagonal entry mean a singular Gram matrix. */
  static final double SINGULAR = 1e-12;

  private LeastSquares() {}

  /**
   * The coefficients for items stored as [x_1..x_d, y] rows.
   *
   * @param values n rows of d + 1 doubles
   * @param n items
   * @param d dimensions
   * @param weights n non-negative weights, or null for equal weights
   * @param ridge the penalty lambda, at least 0
   * @throws FitException on non-finite input, bad weights or a design of weighted zeros
   */
  static double[] solve(double[] values, int n, int d, double[] weights, double ridge)
      throws FitException {
    if (weights != null && weights.length != n) {
      throw new FitException("weights has " + weights.length + " entries, expected " + n);
    }
    int width = d + 1;
    double[][] gram = new double[d][d];
    double[] moment = new double[d];
    for (int i = 0; i < n; i++) {
      double w = weights == null ? 1.0 : weights[i];
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new FitException("weight " + i + " is not a finite non-negative number: " + w);
      }
      int at = i * width;
      double y = values[at + d];
      if (!Double.isFinite(y)) {
        throw new FitException("label of item " + i + " is not finite: " + y);
      }
      for (int a = 0; a < d; a++) {
        double xa = values[at + a];
        if (!Double.isFinite(xa)) {
          throw new FitException("feature " + a + " of item " + i + " is not finite: " + xa);
        }
        moment[a] += w * xa * y;
      }
      addRow(gram, values, at, d, w);
    }
    return finish(gram, moment, n, ridge);
  }

  /**
   * Adds row {@code x[at..at+d)}, weighted by {@code w}, to the lower triangle of X'WX (diagonal
   * included): {@code gram[a][b] += (w x_a) x_b} for b &le; a. The one loop of every X'X of this
   * package; with w = 1 its doubles are those of {@code x_a x_b}, since 1 * x_a is x_a exactly.
   */
  static void addRow(double[][] gram, double[] x, int at, int d, double w) {
    for (int a = 0; a < d; a++) {
      double wxa = w * x[at + a];
      double[] row = gram[a];
      for (int b = 0; b <= a; b++) {
        row[b] += wxa * x[at + b];
      }
    }
  }

  /**
   * The solution of (G + lambda I) b = m, G given by its lower triangle (diagonal included), as
   * {@link #solve} accumulates it; {@code gram} is overwritten.
   *
   * @param n the items behind G, for the message of a zero design
   * @throws FitException when G + lambda I is zero or not finite
   */
  static double[] finish(double[][] gram, double[] moment, int n, double ridge)
      throws FitException {
    int d = moment.length;
    double scale = 0;
    for (int a = 0; a < d; a++) {
      gram[a][a] += ridge;
      scale = Math.max(scale, gram[a][a]);
      for (int b = 0; b < a; b++) {
        gram[b][a] = gram[a][b];
      }
    }
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new FitException(
          "the weighted design is zero: X'WX + " + ridge + " I of " + n + " items is 0");
    }
    try {
      CholeskyDecomposition chol =
          new CholeskyDecomposition(new Array2DRowRealMatrix(gram, false), 1e-10, SINGULAR * scale);
      return chol.getSolver().solve(new ArrayRealVector(moment, false)).toArray();
    } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
      return minimumNorm(gram, moment);
    }
  }

  /**
   * pinv(G) m for a symmetric positive semi-definite G, through its eigendecomposition, with
   * eigenvalues below {@link #SINGULAR} of the largest taken as 0.
   */
  static double[] minimumNorm(double[][] gram, double[] moment) {
    EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(gram, false));
    double[] lambda = eigen.getRealEigenvalues();
    double largest = 0;
    for (double l : lambda) {
      largest = Math.max(largest, l);
    }
    RealVector m = new ArrayRealVector(moment, false);
    RealVector b = new ArrayRealVector(moment.length);
    for (int i = 0; i < lambda.length; i++) {
      if (lambda[i] > SINGULAR * largest) {
        RealVector v = eigen.getEigenvector(i);
        b = b.add(v.mapMultiply(v.dotProduct(m) / lambda[i]));
      }
    }
    return b.toArray();
  }
}
