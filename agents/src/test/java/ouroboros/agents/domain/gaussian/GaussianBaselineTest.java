package ouroboros.agents.domain.gaussian;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import ouroboros.agents.domain.Baseline;
import ouroboros.agents.domain.EstimatorSettings;
import ouroboros.agents.domain.FitException;
import ouroboros.agents.domain.VarianceEstimator;

/**
 * Definition 4's Gaussian baseline, drawn through the sufficient statistics, against the fit on n
 * fresh draws that it replaces: the same distribution of the baseline risk.
 */
class GaussianBaselineTest {
  private static final int REPLICATES = 4000;

  /** A correlated truth in three dimensions. */
  private static GaussianDomain domain() throws FitException {
    return new GaussianDomain(
        GaussianModel.of(
            new double[] {1, -2, 0.5},
            new double[][] {{2, 0.6, -0.3}, {0.6, 1, 0.2}, {-0.3, 0.2, 0.5}}));
  }

  @Test
  void risk_sufficientStatistics_sameMeanAndSpreadAsFreshRefit() throws Exception {
    GaussianDomain d = domain();
    for (VarianceEstimator v : VarianceEstimator.values()) {
      EstimatorSettings s = new EstimatorSettings(v);
      for (int n : new int[] {6, 40}) {
        double[] direct = risks(d.baseline(s), n, 7L);
        double[] refit = risks(refitting(d, s), n, 8L);
        // Two independent Monte Carlo estimates of E[risk] and E[risk^2]: z beyond 4 (two-sided
        // false-failure rate 6e-5 per comparison, 16 comparisons) means different distributions.
        for (int power = 1; power <= 2; power++) {
          double z = z(direct, refit, power);
          assertTrue(Math.abs(z) < 4, v + " n=" + n + " moment " + power + ": z=" + z);
        }
      }
    }
  }

  @Test
  void risk_tooFewItems_throwsLikeTheFit() throws Exception {
    GaussianDomain d = domain();
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(1L);
    // Three items in three dimensions: a singular scatter matrix, as the fit on them has.
    assertThrows(FitException.class, () -> d.baseline(EstimatorSettings.DEFAULTS).risk(3, rng));
    assertThrows(
        FitException.class,
        () -> d.baseline(new EstimatorSettings(VarianceEstimator.UNBIASED)).risk(1, rng));
    assertTrue(d.baseline(EstimatorSettings.DEFAULTS).risk(4, rng) > 0);
  }

  /**
   * The baseline it replaces: the fit on n fresh draws, its risk alone (the domain's whole
   * evaluation would spend most of this test on tail-mass estimates).
   */
  private static Baseline refitting(GaussianDomain d, EstimatorSettings s) {
    return (n, rng) -> d.risk((GaussianModel) d.fit(d.sampleTruth(n, rng), null, s, rng));
  }

  /** REPLICATES baseline risks at n items, on one seeded stream. */
  private static double[] risks(Baseline b, int n, long seed) throws FitException {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(seed);
    double[] out = new double[REPLICATES];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.risk(n, rng);
    }
    return out;
  }

  /** The z statistic of the difference between the two samples' means of x^power. */
  private static double z(double[] a, double[] b, int power) {
    double[] ma = moments(a, power);
    double[] mb = moments(b, power);
    return (ma[0] - mb[0]) / Math.sqrt(ma[1] / a.length + mb[1] / b.length);
  }

  /** The mean and variance of x^power. */
  private static double[] moments(double[] x, int power) {
    double s = 0;
    double ss = 0;
    for (double v : x) {
      double p = Math.pow(v, power);
      s += p;
      ss += p * p;
    }
    double m = s / x.length;
    return new double[] {m, ss / x.length - m * m};
  }
}
