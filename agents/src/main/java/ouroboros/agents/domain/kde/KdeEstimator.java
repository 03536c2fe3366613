package ouroboros.agents.domain.kde;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import ouroboros.agents.data.Batch;
import ouroboros.agents.domain.FitException;
import ouroboros.agents.domain.mixture.MixtureEstimator;

/**
 * Fits a KDE: the training points with their weights, a kernel, and a bandwidth per dimension,
 * either the one set in the estimator settings (a fixed bandwidth) or one given by a {@link
 * BandwidthRule} from this training set, so that a rule is re-estimated at every fit. The default
 * rule is Silverman's normal-reference rule of thumb (Silverman 1986, eq. 4.14): h_j = s_j (4 / ((d
 * + 2) n))^(1 / (d + 4)), where s_j is the weighted standard deviation of dimension j and n the
 * effective sample size (sum w)^2 / sum w^2. In one dimension this is 1.06 s n^(-1/5).
 *
 * <p>Above the evaluation cap, the density is evaluated on a subsample of {@code cap} kernels:
 * drawn without replacement when the weights are equal, and with replacement in proportion to the
 * weights otherwise, so that at every x the subsample's density is an unbiased estimate of the full
 * KDE's. Because {@code Domain.fit} takes no generator, the subsample's generator is seeded with a
 * hash of the training values: the same training set gives the same model.
 */
public final class KdeEstimator {
  private KdeEstimator() {}

  /** Fits a Gaussian KDE with Silverman's rule when {@code bandwidth} is NaN. */
  public static KdeModel fit(Batch data, double[] weights, double bandwidth, int cap)
      throws FitException {
    return fit(data, weights, bandwidth, BandwidthRule.SILVERMAN, Kernel.GAUSSIAN, cap);
  }

  /**
   * Fits the KDE.
   *
   * @param data the training points
   * @param weights one non-negative weight per point, or null for equal weights
   * @param bandwidth the bandwidth for every dimension, or NaN for the rule
   * @param rule the bandwidth rule used when {@code bandwidth} is NaN
   * @param kernel the kernel
   * @param cap most kernels used to evaluate the density
   * @throws FitException when there are no points, a weight is bad, or a scaled rule meets a
   *     dimension with no spread
   */
  public static KdeModel fit(
      Batch data, double[] weights, double bandwidth, BandwidthRule rule, Kernel kernel, int cap)
      throws FitException {
    int n = data.size();
    int d = data.width();
    double[] x = data.values();
    if (n < 1) {
      throw new FitException("too few items to fit: " + n);
    }
    if (weights != null && weights.length != n) {
      throw new FitException(weights.length + " weights for " + n + " items");
    }
    double[] w = new double[n];
    double sw = 0;
    double sw2 = 0;
    for (int i = 0; i < n; i++) {
      w[i] = weights == null ? 1.0 : weights[i];
      if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
        throw new FitException("weight is not a finite non-negative number: " + w[i]);
      }
      sw += w[i];
      sw2 += w[i] * w[i];
    }
    if (!(sw > 0)) {
      throw new FitException("weights do not sum to a positive number: " + sw);
    }
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += w[i] * x[i * d + j] / sw;
      }
    }
    double[] variance = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        double e = x[i * d + j] - mean[j];
        variance[j] += w[i] * e * e / sw;
      }
    }
    double effective = sw * sw / sw2;
    double[] h = new double[d];
    double trace = 0;
    for (int j = 0; j < d; j++) {
      if (Double.isNaN(bandwidth) && rule.scaled()) {
        // The sample sd (reliability-weight correction: n - 1 for equal weights).
        double s = effective > 1 ? Math.sqrt(variance[j] * effective / (effective - 1)) : 0;
        h[j] = s * rule.factor(effective, d);
        if (!(h[j] > 0) || !Double.isFinite(h[j])) {
          throw new FitException(
              (rule == BandwidthRule.SILVERMAN ? "Silverman's" : "Scott's")
                  + " bandwidth is not positive in dimension "
                  + j
                  + " (no spread in the data): "
                  + h[j]);
        }
      } else if (Double.isNaN(bandwidth)) {
        h[j] = rule.factor(effective, d);
      } else {
        h[j] = bandwidth;
      }
      // A unit-ball uniform has variance 1 / (d + 2) per coordinate; a standard normal, 1.
      trace += variance[j] + h[j] * h[j] * (kernel == Kernel.TOPHAT ? 1.0 / (d + 2) : 1.0);
    }
    boolean equal = weights == null || allEqual(weights);
    double[] cumulative = equal ? null : cumulative(w, sw);
    return new KdeModel(data, cumulative, h, kernel, kernels(data, cumulative, cap), trace);
  }

  /** Whether every weight is the same. */
  private static boolean allEqual(double[] w) {
    for (double v : w) {
      if (v != w[0]) {
        return false;
      }
    }
    return true;
  }

  /** Cumulative normalised weights, set to exactly 1 from the last positive weight on. */
  private static double[] cumulative(double[] w, double sw) {
    double[] c = new double[w.length];
    double s = 0;
    int last = 0;
    for (int i = 0; i < w.length; i++) {
      s += w[i];
      c[i] = s / sw;
      if (w[i] > 0) {
        last = i;
      }
    }
    for (int i = last; i < w.length; i++) {
      c[i] = 1.0;
    }
    return c;
  }

  /** The evaluation kernels: every point (by weight) up to the cap, else a subsample. */
  private static double[] kernels(Batch data, double[] cumulative, int cap) {
    int n = data.size();
    int d = data.width();
    if (n <= cap && cumulative == null) {
      return data.values();
    }
    UniformRandomProvider rng =
        RandomSource.L64_X128_MIX.create(MixtureEstimator.seed(data, cumulative));
    int m = Math.min(n, cap);
    double[] out = new double[m * d];
    if (cumulative == null) {
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      for (int i = 0; i < m; i++) { // partial Fisher-Yates: m distinct points
        int j = i + rng.nextInt(n - i);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
        System.arraycopy(data.values(), order[i] * d, out, i * d, d);
      }
      return out;
    }
    for (int i = 0; i < m; i++) {
      int p = KdeModel.pick(cumulative, n, rng.nextDouble());
      System.arraycopy(data.values(), p * d, out, i * d, d);
    }
    return out;
  }
}
