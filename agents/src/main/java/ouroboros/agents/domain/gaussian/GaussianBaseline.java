package ouroboros.agents.domain.gaussian;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import ouroboros.agents.domain.Baseline;
import ouroboros.agents.domain.FitException;
import ouroboros.agents.domain.VarianceEstimator;
import ouroboros.agents.rng.Normals;

/**
 * Definition 4's Gaussian baseline drawn through its sufficient statistics: the fit on n fresh
 * truth items N(mu, Sigma) is a function of their sample mean and scatter matrix S = sum (x -
 * xbar)(x - xbar)', which are independent, with xbar ~ N(mu, Sigma / n) and S ~ Wishart(Sigma, n -
 * 1) (Anderson, "An Introduction to Multivariate Statistical Analysis", 3rd ed., theorem 3.3.2).
 * Each call draws those two directly, S by Bartlett's decomposition S = L A A' L' with Sigma = L
 * L', A lower triangular, A_ii^2 ~ chi-square(n - i) for i = 1..d and A_ij ~ N(0, 1) below the
 * diagonal (Bartlett 1933; Anderson, corollary 7.2.1), and fits mean xbar and covariance S / n
 * (MLE) or S / (n - 1) (unbiased). That is the same distribution as the fit on n new draws, and
 * independent from call to call as before, in O(d^3) time and d(d + 3)/2 draws instead of O(n d^2)
 * time and n d draws. With n - 1 < d the scatter is singular and the fit fails, as a fit on n <= d
 * items does.
 */
final class GaussianBaseline implements Baseline {
  private final GaussianDomain domain;
  private final GaussianModel truth;
  private final VarianceEstimator variance;
  private final int d;

  /** The baseline of the given domain's truth. */
  GaussianBaseline(GaussianDomain domain, GaussianModel truth, VarianceEstimator variance) {
    this.domain = Objects.requireNonNull(domain, "domain");
    this.truth = Objects.requireNonNull(truth, "truth");
    this.variance = Objects.requireNonNull(variance, "variance");
    this.d = truth.dimension();
  }

  @Override
  public double risk(int n, UniformRandomProvider rng) throws FitException {
    int minimum = variance == VarianceEstimator.UNBIASED ? 2 : 1;
    if (n < minimum) {
      throw new FitException("too few items to fit: " + n);
    }
    ZigguratSampler.NormalizedGaussian normal = Normals.of(rng);
    double[] mean = new double[d];
    double[] z = new double[d];
    for (int a = 0; a < d; a++) {
      z[a] = normal.sample();
    }
    double root = Math.sqrt(n);
    for (int a = 0; a < d; a++) {
      double s = 0;
      for (int b = 0; b <= a; b++) {
        s += truth.lower(a, b) * z[b];
      }
      mean[a] = truth.meanAt(a) + s / root;
    }
    // Bartlett's A, then B = L A, lower triangular, and S = B B'.
    double[][] factor = new double[d][d];
    for (int i = 0; i < d; i++) {
      int dof = n - 1 - i;
      factor[i][i] =
          dof > 0
              ? Math.sqrt(AhrensDieterMarsagliaTsangGammaSampler.of(rng, dof / 2.0, 2.0).sample())
              : 0;
      for (int j = 0; j < i; j++) {
        factor[i][j] = normal.sample();
      }
    }
    double[][] b = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        double s = 0;
        for (int k = j; k <= i; k++) {
          s += truth.lower(i, k) * factor[k][j];
        }
        b[i][j] = s;
      }
    }
    double denominator = variance == VarianceEstimator.MLE ? n : n - 1;
    double[][] cov = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        double s = 0;
        for (int k = 0; k <= j; k++) {
          s += b[i][k] * b[j][k];
        }
        cov[i][j] = s / denominator;
        cov[j][i] = cov[i][j];
      }
    }
    return domain.risk(GaussianModel.of(mean, cov));
  }
}
