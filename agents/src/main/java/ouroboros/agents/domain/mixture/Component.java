package ouroboros.agents.domain.mixture;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import ouroboros.agents.domain.FitException;
import ouroboros.agents.state.StateIo;

/**
 * One d-dimensional Gaussian N(mean, covariance) of a mixture, with its Cholesky factor L
 * (covariance = L L') and log normalising constant computed once through Commons Math's {@link
 * CholeskyDecomposition}. Densities solve L y = x - mean by forward substitution; draws are mean +
 * s L z for standard-normal z. Immutable.
 */
public final class Component {
  private static final double LOG_2PI = StrictMath.log(2 * Math.PI);

  private final double[] mean;
  private final double[][] covariance;
  private final double[][] lower;
  private final double logNorm;

  private Component(double[] mean, double[][] covariance, double[][] lower) {
    this.mean = mean;
    this.covariance = covariance;
    this.lower = lower;
    double logDet = 0;
    for (int i = 0; i < mean.length; i++) {
      logDet += 2 * StrictMath.log(lower[i][i]);
    }
    this.logNorm = -0.5 * (mean.length * LOG_2PI + logDet);
  }

  /**
   * A Gaussian with the given mean and covariance (both copied).
   *
   * @throws FitException when a value is not finite, the shapes disagree, or the covariance is not
   *     symmetric positive definite to working precision
   */
  public static Component of(double[] mean, double[][] covariance) throws FitException {
    int d = mean.length;
    if (d < 1) {
      throw new FitException("mean has no entries");
    }
    for (double m : mean) {
      if (!Double.isFinite(m)) {
        throw new FitException("mean is not finite: " + Arrays.toString(mean));
      }
    }
    if (covariance.length != d) {
      throw new FitException("covariance is not " + d + "x" + d);
    }
    double scale = 0;
    for (int i = 0; i < d; i++) {
      if (covariance[i].length != d) {
        throw new FitException("covariance is not " + d + "x" + d);
      }
      for (double c : covariance[i]) {
        if (!Double.isFinite(c)) {
          throw new FitException("covariance is not finite");
        }
      }
      scale = Math.max(scale, Math.abs(covariance[i][i]));
    }
    if (!(scale > 0)) {
      throw new FitException("covariance is zero (degenerate data)");
    }
    try {
      // As in GaussianModel: a pivot below 1e-12 of the largest variance is singular to working
      // precision (condition number above 1e12), whatever the scale.
      CholeskyDecomposition chol =
          new CholeskyDecomposition(
              new Array2DRowRealMatrix(covariance, true), 1e-10, 1e-12 * scale);
      double[][] copy = new double[d][];
      for (int i = 0; i < d; i++) {
        copy[i] = covariance[i].clone();
      }
      return new Component(mean.clone(), copy, chol.getL().getData());
    } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
      throw new FitException("covariance is not positive definite (degenerate data)");
    }
  }

  /** Dimension d. */
  public int dimension() {
    return mean.length;
  }

  /** Mean entry i. */
  public double mean(int i) {
    return mean[i];
  }

  /** A copy of the mean. */
  public double[] mean() {
    return mean.clone();
  }

  /** Covariance entry (i, j). */
  public double covariance(int i, int j) {
    return covariance[i][j];
  }

  /** A copy of the covariance. */
  public double[][] covariance() {
    double[][] c = new double[covariance.length][];
    for (int i = 0; i < c.length; i++) {
      c[i] = covariance[i].clone();
    }
    return c;
  }

  /** Sum of the variances. */
  public double trace() {
    double t = 0;
    for (int i = 0; i < mean.length; i++) {
      t += covariance[i][i];
    }
    return t;
  }

  /** Squared Mahalanobis distance of the point {@code x[off..off+d)} from the mean. */
  public double mahalanobis2(double[] x, int off) {
    int d = mean.length;
    double[] y = new double[d];
    double q = 0;
    for (int a = 0; a < d; a++) {
      double s = x[off + a] - mean[a];
      for (int b = 0; b < a; b++) {
        s -= lower[a][b] * y[b];
      }
      y[a] = s / lower[a][a];
      q += y[a] * y[a];
    }
    return q;
  }

  /** Log density at the point {@code x[off..off+d)}. */
  public double logDensity(double[] x, int off) {
    return logNorm - 0.5 * mahalanobis2(x, off);
  }

  /** Writes mean + scale L z, with z at {@code z[zOff..zOff+d)}, to {@code out[outOff..)}. */
  void transform(double[] z, int zOff, double scale, double[] out, int outOff) {
    int d = mean.length;
    for (int a = 0; a < d; a++) {
      double s = 0;
      for (int b = 0; b <= a; b++) {
        s += lower[a][b] * z[zOff + b];
      }
      out[outOff + a] = mean[a] + scale * s;
    }
  }

  @Override
  public String toString() {
    return "N(" + Arrays.toString(mean) + ", " + Arrays.deepToString(covariance) + ")";
  }

  /** Writes the mean and covariance for a checkpoint; the rest is derived from them. */
  void write(DataOutput out) throws IOException {
    StateIo.doubles(out, mean);
    StateIo.matrix(out, covariance);
  }

  /** Reads what {@link #write} wrote: the same component, bit for bit. */
  static Component read(DataInput in) throws IOException {
    double[] m = StateIo.doubles(in);
    double[][] c = StateIo.matrix(in);
    if (m == null || c == null) {
      throw new IOException("corrupt checkpoint: a mixture component without parameters");
    }
    try {
      return of(m, c);
    } catch (FitException e) {
      throw new IOException("corrupt checkpoint: mixture component: " + e.getMessage());
    }
  }
}
