package ouroboros.agents.domain.gaussian;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import ouroboros.agents.domain.FitException;
import ouroboros.agents.domain.Model;
import ouroboros.agents.state.StateIo;

/**
 * A d-dimensional Gaussian N(mean, covariance), with its Cholesky factor, inverse and log
 * determinant computed once: by Commons Math's {@link CholeskyDecomposition}, or for d = 1 in
 * closed form with the same doubles (L = sqrt(c), inverse (1 / L) / L).
 */
public final class GaussianModel implements Model {
  private final double[] mean;
  private final double[][] covariance;
  private final double[][] lower;
  private final RealMatrix inverse;
  private final double logDet;

  private GaussianModel(double[] mean, double[][] covariance, CholeskyDecomposition chol) {
    this(mean, covariance, chol.getL().getData(), chol.getSolver().getInverse());
  }

  private GaussianModel(
      double[] mean, double[][] covariance, double[][] lower, RealMatrix inverse) {
    this.mean = mean;
    this.covariance = covariance;
    this.lower = lower;
    this.inverse = inverse;
    double ld = 0;
    for (int i = 0; i < mean.length; i++) {
      ld += 2 * StrictMath.log(lower[i][i]);
    }
    this.logDet = ld;
  }

  /**
   * The convex combination w a + (1 - w) b, mean by mean and covariance by covariance (a convex
   * combination of positive definite matrices is positive definite).
   *
   * @throws FitException when the dimensions differ
   */
  public static GaussianModel convex(GaussianModel a, double w, GaussianModel b)
      throws FitException {
    int d = a.dimension();
    if (b.dimension() != d) {
      throw new FitException(
          "cannot combine Gaussians of dimension " + d + " and " + b.dimension());
    }
    double[] mean = new double[d];
    double[][] cov = new double[d][d];
    double[] ma = a.mean();
    double[] mb = b.mean();
    for (int i = 0; i < d; i++) {
      mean[i] = w * ma[i] + (1 - w) * mb[i];
      for (int j = 0; j < d; j++) {
        cov[i][j] = w * a.covariance(i, j) + (1 - w) * b.covariance(i, j);
      }
    }
    return of(mean, cov);
  }

  /**
   * A Gaussian with the given mean and covariance.
   *
   * @throws FitException when the covariance is not symmetric positive definite or a value is not
   *     finite
   */
  public static GaussianModel of(double[] mean, double[][] covariance) throws FitException {
    int d = mean.length;
    for (double m : mean) {
      if (!Double.isFinite(m)) {
        throw new FitException("mean is not finite: " + Arrays.toString(mean));
      }
    }
    for (double[] row : covariance) {
      if (row.length != d) {
        throw new FitException("covariance is not " + d + "x" + d);
      }
      for (double c : row) {
        if (!Double.isFinite(c)) {
          throw new FitException("covariance is not finite");
        }
      }
    }
    double scale = 0;
    for (int i = 0; i < d; i++) {
      scale = Math.max(scale, Math.abs(covariance[i][i]));
    }
    if (!(scale > 0)) {
      throw new FitException("covariance is zero (degenerate data)");
    }
    if (d == 1 && covariance.length == 1) {
      return of1(mean[0], covariance[0][0], 1e-12 * scale);
    }
    try {
      // A pivot below 1e-12 of the largest variance means the matrix is singular to working
      // precision (condition number above 1e12); the threshold is relative so that a collapsing
      // but still regular covariance passes at any scale.
      CholeskyDecomposition chol =
          new CholeskyDecomposition(
              new Array2DRowRealMatrix(covariance, true), 1e-10, 1e-12 * scale);
      return new GaussianModel(mean.clone(), deepCopy(covariance), chol);
    } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
      throw new FitException("covariance is not positive definite (degenerate data)");
    }
  }

  /**
   * The d = 1 case of {@link #of} without the decomposition objects: Commons Math's Cholesky
   * decomposition of [[c]] with positivity threshold {@code threshold} fails for c at or below it,
   * and gives L = sqrt(c) and, solving L L' x = 1 forward then backward, the inverse (1 / L) / L:
   * the same doubles (GaussianModelTest checks them against the decomposition).
   */
  private static GaussianModel of1(double m, double c, double threshold) throws FitException {
    if (c <= threshold) {
      throw new FitException("covariance is not positive definite (degenerate data)");
    }
    double l = Math.sqrt(c);
    double inverse = 1.0 / l / l;
    return new GaussianModel(
        new double[] {m},
        new double[][] {{c}},
        new double[][] {{l}},
        new Array2DRowRealMatrix(new double[][] {{inverse}}, false));
  }

  /** Dimension d. */
  public int dimension() {
    return mean.length;
  }

  /** A copy of the mean. */
  public double[] mean() {
    return mean.clone();
  }

  /** Mean component i. */
  double meanAt(int i) {
    return mean[i];
  }

  /** Covariance entry (i, j). */
  public double covariance(int i, int j) {
    return covariance[i][j];
  }

  /** Cholesky factor entry (i, j), lower triangular. */
  double lower(int i, int j) {
    return lower[i][j];
  }

  /** Sum of the variances. */
  public double trace() {
    double t = 0;
    for (int i = 0; i < mean.length; i++) {
      t += covariance[i][i];
    }
    return t;
  }

  /** log det(covariance). */
  double logDet() {
    return logDet;
  }

  /** The inverse covariance. */
  RealMatrix inverse() {
    return inverse;
  }

  /** Deep copy of a square array. */
  private static double[][] deepCopy(double[][] a) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }

  @Override
  public String toString() {
    return "GaussianModel[mean="
        + Arrays.toString(mean)
        + ", cov="
        + Arrays.deepToString(covariance)
        + "]";
  }

  /** Writes the mean and covariance for a checkpoint; the rest is derived from them. */
  void write(DataOutput out) throws IOException {
    StateIo.doubles(out, mean);
    StateIo.matrix(out, covariance);
  }

  /** Reads what {@link #write} wrote: the same model, bit for bit. */
  static GaussianModel read(DataInput in) throws IOException {
    double[] m = StateIo.doubles(in);
    double[][] c = StateIo.matrix(in);
    if (m == null || c == null) {
      throw new IOException("corrupt checkpoint: a Gaussian model without parameters");
    }
    try {
      return of(m, c);
    } catch (FitException e) {
      throw new IOException("corrupt checkpoint: Gaussian model: " + e.getMessage());
    }
  }
}
