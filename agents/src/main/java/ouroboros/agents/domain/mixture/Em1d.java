package ouroboros.agents.domain.mixture;

import java.util.Arrays;
import org.apache.commons.math3.util.FastMath;

/**
 * Expectation-maximisation for a k-component Gaussian mixture in one dimension, which Commons
 * Math's {@code MultivariateNormalMixtureExpectationMaximization} refuses (it needs d &gt;= 2). The
 * same iteration as Commons Math's (Dempster, Laird and Rubin 1977): from a start, alternate the
 * E-step (responsibilities g_ij = w_j N(x_i; m_j, v_j) / sum_l w_l N(x_i; m_l, v_l), and the mean
 * log-likelihood per item) and the M-step (w_j = sum_i g_ij / n, m_j = sum_i g_ij x_i / sum_i g_ij,
 * v_j = sum_i g_ij (x_i - m_j)^2 / sum_i g_ij), while the mean log-likelihood changes by more than
 * the threshold and at most {@code maxIterations} times; the densities are combined by log-sum-exp,
 * so far items do not underflow.
 */
final class Em1d {
  private static final double LOG_2PI = Math.log(2 * Math.PI);

  /** The fitted weights, means and variances, and the last E-step's mean log-likelihood. */
  record Fit(double[] weights, double[] means, double[] variances, double logLikelihood) {}

  private Em1d() {}

  /**
   * Runs EM from the given means, each component starting with {@code variance} and weight 1/k.
   *
   * @throws IllegalStateException when a component's variance or weight reaches 0 or stops being
   *     finite, or the iteration has not converged after {@code maxIterations}
   */
  static Fit fit(
      double[] x, double[] startMeans, double variance, int maxIterations, double threshold) {
    int k = startMeans.length;
    double[] w = new double[k];
    double[] v = new double[k];
    Arrays.fill(w, 1.0 / k);
    Arrays.fill(v, variance);
    return fit(x, new Fit(w, startMeans.clone(), v, Double.NaN), maxIterations, threshold);
  }

  /**
   * Runs EM from the given weights, means and variances (a warm start; {@code start}'s
   * log-likelihood is ignored), with the same iteration and convergence rule as Commons Math's.
   *
   * @throws IllegalStateException when a component's variance or weight reaches 0 or stops being
   *     finite, or the iteration has not converged after {@code maxIterations}
   */
  static Fit fit(double[] x, Fit start, int maxIterations, double threshold) {
    Fit current = start;
    double previous = 0;
    double ll = Double.NEGATIVE_INFINITY;
    int iterations = 0;
    while (iterations++ <= maxIterations && Math.abs(previous - ll) > threshold) {
      previous = ll;
      current = step(x, current);
      ll = current.logLikelihood();
    }
    if (Math.abs(previous - ll) > threshold) {
      throw new IllegalStateException("EM did not converge in " + maxIterations + " iterations");
    }
    return current;
  }

  /**
   * One E-step on {@code from}'s parameters and the M-step after it: the new parameters, with the
   * E-step's mean log-likelihood (that of {@code from}).
   *
   * @throws IllegalStateException when a component's variance or weight reaches 0 or stops being
   *     finite
   */
  static Fit step(double[] x, Fit from) {
    int n = x.length;
    double[] w = from.weights();
    double[] m = from.means();
    double[] v = from.variances();
    int k = w.length;
    double[][] g = new double[n][k];
    double sum = 0;
    double[] logTerm = new double[k];
    for (int i = 0; i < n; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        double e = x[i] - m[j];
        logTerm[j] = FastMath.log(w[j]) - 0.5 * (LOG_2PI + FastMath.log(v[j]) + e * e / v[j]);
        max = Math.max(max, logTerm[j]);
      }
      double s = 0;
      for (int j = 0; j < k; j++) {
        s += FastMath.exp(logTerm[j] - max);
      }
      double logRow = max + FastMath.log(s);
      sum += logRow;
      for (int j = 0; j < k; j++) {
        g[i][j] = FastMath.exp(logTerm[j] - logRow);
      }
    }
    double[] nw = new double[k];
    double[] nm = new double[k];
    double[] nv = new double[k];
    for (int j = 0; j < k; j++) {
      double gs = 0;
      double gx = 0;
      for (int i = 0; i < n; i++) {
        gs += g[i][j];
        gx += g[i][j] * x[i];
      }
      double mean = gx / gs;
      double gv = 0;
      for (int i = 0; i < n; i++) {
        double e = x[i] - mean;
        gv += g[i][j] * e * e;
      }
      nw[j] = gs / n;
      nm[j] = mean;
      nv[j] = gv / gs;
      if (!(nv[j] > 0) || !Double.isFinite(nv[j]) || !(nw[j] > 0) || !Double.isFinite(nm[j])) {
        throw new IllegalStateException(
            "component " + j + " degenerated: weight " + nw[j] + ", variance " + nv[j]);
      }
    }
    return new Fit(nw, nm, nv, sum / n);
  }
}
