package ouroboros.agents.domain.mixture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.MixtureMultivariateNormalDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import ouroboros.agents.data.Batch;
import ouroboros.agents.domain.EstimatorSettings;
import ouroboros.agents.domain.Evaluation;
import ouroboros.agents.domain.FitException;
import ouroboros.agents.domain.Metrics;
import ouroboros.agents.domain.SamplingSettings;
import ouroboros.agents.domain.VarianceEstimator;

/** The mixture domain without actors: EM fit, sampler, measures and communities. */
class MixtureDomainTest {
  private static final double[][] I2 = {{1, 0}, {0, 1}};

  /** A two-component truth in 2-D with the given weights and second mean. */
  static MixtureModel truth(double w0, double w1, double[] mean1) throws FitException {
    return MixtureModel.of(
        new double[] {w0, w1},
        new Component[] {Component.of(new double[] {0, 0}, I2), Component.of(mean1, I2)});
  }

  /** The domain over a truth, with fixed reference and evaluation seeds. */
  static MixtureDomain domain(MixtureModel truth) {
    return new MixtureDomain(new MixtureTruth(truth, 2000, rng(1), rng(2)));
  }

  private static UniformRandomProvider rng(long seed) {
    return RandomSource.L64_X128_MIX.create(seed);
  }

  private static EstimatorSettings components(int k) {
    return new EstimatorSettings(
        VarianceEstimator.MLE, EstimatorSettings.DEFAULTS.smoothing(), 0, 2, 0, Double.NaN, k);
  }

  @Test
  void fit_twoSeparatedComponents_recoversBoth() throws FitException {
    MixtureDomain domain = domain(truth(0.5, 0.5, new double[] {6, 0}));
    MixtureModel m =
        (MixtureModel)
            domain.fit(domain.sampleTruth(1000, rng(3)), null, EstimatorSettings.DEFAULTS);
    assertEquals(2, m.size());
    int far = m.component(0).mean(0) > 3 ? 0 : 1;
    // A weight from 1000 items has standard error sqrt(0.25/1000) = 0.016 and a component mean
    // sqrt(1/500) = 0.045 per coordinate; 4 of them (false-failure rate below 1e-3 in all).
    assertEquals(0.5, m.weight(far), 4 * 0.016);
    assertEquals(6, m.component(far).mean(0), 4 * 0.045);
    assertEquals(0, m.component(1 - far).mean(0), 4 * 0.045);
    assertEquals(1.0, domain.evaluate(m).get(Metrics.MODES_RECOVERED));
  }

  @Test
  void fit_sameData_sameModel() throws FitException {
    MixtureDomain domain = domain(truth(0.9, 0.1, new double[] {5, 0}));
    Batch data = domain.sampleTruth(300, rng(4));
    assertEquals(
        domain.fit(data, null, EstimatorSettings.DEFAULTS).toString(),
        domain.fit(data, null, EstimatorSettings.DEFAULTS).toString());
  }

  @Test
  void fit_zeroWeightItems_areIgnored() throws FitException {
    MixtureDomain domain = domain(truth(0.5, 0.5, new double[] {10, 0}));
    MixtureModel t = (MixtureModel) domain.truthModel();
    Batch near = t.sampleComponent(0, 500, rng(5));
    Batch far = t.sampleComponent(1, 500, rng(6));
    double[] values = new double[2000];
    System.arraycopy(near.values(), 0, values, 0, 1000);
    System.arraycopy(far.values(), 0, values, 1000, 1000);
    double[] weights = new double[1000];
    java.util.Arrays.fill(weights, 0, 500, 1.0);
    MixtureModel m = (MixtureModel) domain.fit(new Batch(1000, 2, values), weights, components(1));
    assertEquals(0, m.component(0).mean(0), 4 * Math.sqrt(1.0 / 500), "only the weighted half");
  }

  @Test
  void fit_identicalItems_throwsFitException() throws FitException {
    MixtureDomain domain = domain(truth(0.5, 0.5, new double[] {6, 0}));
    Batch same = new Batch(5, 2, new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
    assertThrows(FitException.class, () -> domain.fit(same, null, EstimatorSettings.DEFAULTS));
  }

  @Test
  void fit_fewerItemsThanComponents_throwsFitException() throws FitException {
    MixtureDomain domain = domain(truth(0.5, 0.5, new double[] {6, 0}));
    Batch two = new Batch(2, 2, new double[] {0, 0, 1, 1});
    assertThrows(FitException.class, () -> domain.fit(two, null, components(3)));
  }

  @Test
  void sample_temperature_scalesEveryCovariance() throws FitException {
    MixtureModel one =
        MixtureModel.of(new double[] {1}, new Component[] {Component.of(new double[] {0, 0}, I2)});
    MixtureDomain domain = domain(one);
    Batch b = domain.sample(one, 20_000, new SamplingSettings(4.0), rng(7));
    double s = 0;
    for (int i = 0; i < b.size(); i++) {
      s += b.get(i, 0) * b.get(i, 0);
    }
    // The sample variance of 20,000 N(0, 4) draws has standard error 4 sqrt(2/20000) = 0.04;
    // 5 of them (false-failure rate 6e-7).
    assertEquals(4.0, s / b.size(), 5 * 0.04);
  }

  @Test
  void evaluate_truth_riskZeroAndNominalMasses() throws FitException {
    MixtureModel t = truth(0.95, 0.05, new double[] {6, 0});
    Evaluation e = domain(t).evaluate(t);
    assertEquals(0.0, e.get(Metrics.POPULATION_RISK));
    assertEquals(0.0, e.get(Metrics.RISK_BAND));
    assertEquals(1.0, e.get(Metrics.DIVERSITY_RATIO), 1e-12);
    assertEquals(1.0, e.get(Metrics.MODES_RECOVERED));
    // Monte Carlo: the ratio's standard error is 0.07 (20,000 draws at p = 0.01) and the
    // quantile's 0.022; 4 combined standard errors is 0.3 (false-failure rate 6e-5).
    assertEquals(1.0, e.get(Metrics.TAIL_MASS_RATIO), 0.3);
    // sqrt(0.001 / 20000) = 0.00022, and 7% of 0.001 from the quantile: 4 of them.
    assertEquals(0.001, e.get(Metrics.HALLUCINATED_MASS), 0.001);
  }

  @Test
  void evaluate_lostSmallComponentAndShrunkVariance_modesAndTailsFall() throws FitException {
    MixtureModel t = truth(0.95, 0.05, new double[] {6, 0});
    MixtureModel shrunk =
        MixtureModel.of(
            new double[] {1},
            new Component[] {
              Component.of(new double[] {0, 0}, new double[][] {{0.7, 0}, {0, 0.7}})
            });
    Evaluation e = domain(t).evaluate(shrunk);
    assertEquals(0.5, e.get(Metrics.MODES_RECOVERED));
    // Half the truth's tail region is the small component's outskirts; N(0, 0.7 I) puts
    // exp(-r^2 / 1.4) = 0.0005 beyond the big component's share (r^2 = 10.6), ratio 0.05.
    assertTrue(e.get(Metrics.TAIL_MASS_RATIO) < 0.2, e.toString());
    assertTrue(e.get(Metrics.POPULATION_RISK) > 10 * e.get(Metrics.RISK_BAND), e.toString());
    assertTrue(e.get(Metrics.DIVERSITY_RATIO) < 0.6, e.toString());
  }

  @Test
  void evaluate_oneComponentForTwoCloseModes_recoversOne() throws FitException {
    MixtureModel t = truth(0.5, 0.5, new double[] {0.5, 0});
    MixtureModel merged =
        MixtureModel.of(
            new double[] {0.99, 0.01},
            new Component[] {
              Component.of(new double[] {0.25, 0}, I2), Component.of(new double[] {20, 0}, I2)
            });
    assertEquals(
        0.5,
        domain(t).evaluate(merged).get(Metrics.MODES_RECOVERED),
        "one model component cannot stand for two truth components");
  }

  @Test
  void logDensity_agreesWithCommonsMath() throws FitException {
    MixtureModel t =
        MixtureModel.of(
            new double[] {0.3, 0.7},
            new Component[] {
              Component.of(new double[] {0, 1}, new double[][] {{2, 0.5}, {0.5, 1}}),
              Component.of(new double[] {3, -1}, I2)
            });
    MixtureMultivariateNormalDistribution cm =
        new MixtureMultivariateNormalDistribution(
            new double[] {0.3, 0.7},
            new double[][] {{0, 1}, {3, -1}},
            new double[][][] {{{2, 0.5}, {0.5, 1}}, {{1, 0}, {0, 1}}});
    double[][] points = {{0, 0}, {1.5, 0.3}, {-4, 7}, {3, -1}};
    for (double[] x : points) {
      assertEquals(Math.log(cm.density(x)), t.logDensity(x, 0), 1e-10);
    }
  }

  @Test
  void communities_areTheTruthsComponents() throws FitException {
    MixtureDomain domain = domain(truth(0.9, 0.1, new double[] {12, 0}));
    assertEquals(2, domain.communities());
    Batch b = domain.sampleCommunity(1, 200, rng(8));
    int ones = 0;
    for (int i = 0; i < b.size(); i++) {
      ones += domain.communityOf(b, i);
    }
    // Responsibilities switch at x = 6.18, 5.8 sd from component 1's mean: a draw beyond it has
    // probability 3e-9, so the false-failure rate over 200 draws is 6e-7.
    assertEquals(200, ones);
  }

  @Test
  void maximumMatching_augmentingPath_findsTwo() {
    // Row 0 can use column 0 or 1, row 1 only column 0: greedy would give 1.
    assertEquals(2, ModeMatching.maximumMatching(new boolean[][] {{true, true}, {true, false}}));
    assertEquals(1, ModeMatching.maximumMatching(new boolean[][] {{true}, {true}}));
  }
}
