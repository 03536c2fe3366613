package ouroboros.agents.domain;

import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;

/**
 * The squared L2 distance between two Gaussian mixtures' densities, in closed form: ||p - q||^2 =
 * int (p(x) - q(x))^2 dx = C(p, p) + C(q, q) - 2 C(p, q), where C(p, q) = sum_i sum_j a_i b_j N(m_i
 * - n_j; 0, S_i + T_j) because the integral of a product of two Gaussian densities is a Gaussian
 * density at the difference of their means (Petersen and Pedersen, "The Matrix Cookbook", sec.
 * 8.1.8). This is what Shumailov et al.'s code plots for its Gaussian-mixture experiment
 * (iliaishacked/curse_recurse, Normals_GMM_experiments.ipynb, {@code L2_of_gmms}). A single
 * Gaussian is a mixture of one. Units: 1 / (data units)^d.
 */
public final class DensityL2 {
  private DensityL2() {}

  /**
   * The squared L2 distance between mixture p (weights a, means m, covariances s) and q (weights b,
   * means n, covariances t); NaN when a summed covariance is not positive definite. Rounding can
   * leave a tiny negative difference for near-identical densities; it is reported as 0.
   */
  public static double squared(
      double[] a, double[][] m, double[][][] s, double[] b, double[][] n, double[][][] t) {
    double d = cross(a, m, s, a, m, s) + cross(b, n, t, b, n, t) - 2 * cross(a, m, s, b, n, t);
    return Double.isNaN(d) ? d : Math.max(0, d);
  }

  /**
   * {@link #squared} for two one-dimensional Gaussians (mixtures of one, weight 1), mean and
   * variance each, without the arrays: the same doubles, since each cross sum is 0 + 1 * 1 * N and
   * N is never -0.
   */
  public static double squared1(double meanA, double varA, double meanB, double varB) {
    double d =
        gaussianAt1(meanA - meanA, varA + varA)
            + gaussianAt1(meanB - meanB, varB + varB)
            - 2 * gaussianAt1(meanA - meanB, varA + varB);
    return Double.isNaN(d) ? d : Math.max(0, d);
  }

  /** sum_i sum_j a_i b_j N(m_i - n_j; 0, S_i + T_j). */
  static double cross(
      double[] a, double[][] m, double[][][] s, double[] b, double[][] n, double[][][] t) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b.length; j++) {
        sum += a[i] * b[j] * gaussianAt(m[i], n[j], s[i], t[j]);
      }
    }
    return sum;
  }

  /** N(x - y; 0, S + T), or NaN when S + T is not positive definite. */
  private static double gaussianAt(double[] x, double[] y, double[][] s, double[][] t) {
    int d = x.length;
    if (d == 1) {
      return gaussianAt1(x[0] - y[0], s[0][0] + t[0][0]);
    }
    double[][] sum = new double[d][d];
    double[] diff = new double[d];
    for (int i = 0; i < d; i++) {
      diff[i] = x[i] - y[i];
      for (int j = 0; j < d; j++) {
        sum[i][j] = s[i][j] + t[i][j];
      }
    }
    CholeskyDecomposition chol;
    try {
      chol = new CholeskyDecomposition(MatrixUtils.createRealMatrix(sum));
    } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
      return Double.NaN;
    }
    double[] solved = chol.getSolver().solve(MatrixUtils.createRealVector(diff)).toArray();
    double q = 0;
    for (int i = 0; i < d; i++) {
      q += diff[i] * solved[i];
    }
    return Math.exp(-0.5 * q) / Math.sqrt(Math.pow(2 * Math.PI, d) * chol.getDeterminant());
  }

  /**
   * N(diff; 0, v) in one dimension with the operations of the general case on 1 x 1 matrices:
   * Commons Math's Cholesky decomposition of [[v]] (NaN at or below its positivity threshold
   * 1e-10), L = sqrt(v), the solve (diff / L) / L and the determinant 1 L^2 (DensityL2Test checks
   * them against the decomposition).
   */
  private static double gaussianAt1(double diff, double v) {
    if (!(v > CholeskyDecomposition.DEFAULT_ABSOLUTE_POSITIVITY_THRESHOLD)) {
      return Double.NaN;
    }
    double l = Math.sqrt(v);
    double q = diff * (diff / l / l);
    return Math.exp(-0.5 * q) / Math.sqrt(Math.pow(2 * Math.PI, 1) * (l * l));
  }
}
