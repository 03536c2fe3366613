package ouroboros.agents.domain.kde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import ouroboros.agents.domain.mixture.Component;
import ouroboros.agents.domain.mixture.MixtureModel;
import ouroboros.agents.domain.mixture.MixtureTruth;

/** The kernel-density domain without actors: bandwidth, sampler, measures. */
class KdeDomainTest {

  /** A 1-D truth 0.5 N(0, 1) + 0.5 N(mean1, 1). */
  private static MixtureModel truth(double w0, double mean1) throws FitException {
    double[][] one = {{1}};
    return MixtureModel.of(
        new double[] {w0, 1 - w0},
        new Component[] {
          Component.of(new double[] {0}, one), Component.of(new double[] {mean1}, one)
        });
  }

  private static KdeDomain domain(MixtureModel truth, int cap) {
    return new KdeDomain(new MixtureTruth(truth, 1000, rng(1), rng(2)), cap);
  }

  private static UniformRandomProvider rng(long seed) {
    return RandomSource.L64_X128_MIX.create(seed);
  }

  private static EstimatorSettings bandwidth(double h) {
    return new EstimatorSettings(
        VarianceEstimator.MLE, EstimatorSettings.DEFAULTS.smoothing(), 0, 2, 0, h, 0);
  }

  @Test
  void fit_silvermanRule_isNormalReferenceBandwidth() throws FitException {
    Batch data = new Batch(5, 1, new double[] {1, 2, 3, 4, 5});
    KdeModel m = KdeEstimator.fit(data, null, Double.NaN, 1000);
    // Sample sd sqrt(2.5); h = sd (4 / (3 n))^(1/5), which is 1.06 sd n^(-1/5) to three digits.
    double expected = Math.sqrt(2.5) * Math.pow(4.0 / 15, 0.2);
    assertEquals(expected, m.bandwidth(0), 1e-12);
    assertEquals(1.0592 * Math.sqrt(2.5) * Math.pow(5, -0.2), m.bandwidth(0), 1e-3);
    // Covariance trace: MLE variance 2 plus h^2.
    assertEquals(2 + expected * expected, m.trace(), 1e-12);
  }

  @Test
  void fit_fixedBandwidth_isUsedInEveryDimension() throws FitException {
    Batch data = new Batch(2, 2, new double[] {0, 0, 1, 1});
    KdeModel m = KdeEstimator.fit(data, null, 0.3, 1000);
    assertEquals(0.3, m.bandwidth(0));
    assertEquals(0.3, m.bandwidth(1));
  }

  @Test
  void fit_noSpreadWithRuleOfThumb_throwsFitException() {
    Batch same = new Batch(3, 1, new double[] {2, 2, 2});
    assertThrows(FitException.class, () -> KdeEstimator.fit(same, null, Double.NaN, 1000));
  }

  @Test
  void fit_twoSeparatedComponents_recoversBothModes() throws FitException {
    KdeDomain domain = domain(truth(0.5, 6), 1000);
    Evaluation e =
        domain.evaluate(
            domain.fit(domain.sampleTruth(1000, rng(3)), null, EstimatorSettings.DEFAULTS));
    assertEquals(1.0, e.get(Metrics.MODES_RECOVERED));
    // Silverman's rule oversmooths bimodal data (its sd counts the gap between the modes): here
    // h = 0.84, and the smoothing bias alone is KL(N(0, 1) || N(0, 1 + h^2)) = 0.06 per item;
    // the variance part is O(1/(n h)), about 0.01. Far below the 0.15 allowed, well above 0.
    assertTrue(e.get(Metrics.POPULATION_RISK) < 0.15, e.toString());
    assertTrue(e.get(Metrics.RISK_BAND) > 0, e.toString());
  }

  @Test
  void evaluate_dataFromOneComponent_recoversHalf() throws FitException {
    MixtureModel t = truth(0.5, 6);
    KdeDomain domain = domain(t, 1000);
    Batch one = t.sampleComponent(0, 500, rng(4));
    Evaluation e = domain.evaluate(domain.fit(one, null, EstimatorSettings.DEFAULTS));
    assertEquals(0.5, e.get(Metrics.MODES_RECOVERED));
  }

  @Test
  void evaluate_wideBandwidth_mergesModes() throws FitException {
    MixtureModel t = truth(0.5, 3);
    KdeDomain domain = domain(t, 1000);
    Batch data = domain.sampleTruth(1000, rng(5));
    assertEquals(
        1.0, domain.evaluate(domain.fit(data, null, bandwidth(0.3))).get(Metrics.MODES_RECOVERED));
    // With h = 3 the smoothed density is unimodal, its one maximum near 1.5: one mode left.
    Evaluation wide = domain.evaluate(domain.fit(data, null, bandwidth(3.0)));
    assertEquals(0.0, wide.get(Metrics.MODES_RECOVERED), 0.5);
    assertTrue(wide.get(Metrics.DIVERSITY_RATIO) > 2, wide.toString());
    assertTrue(wide.get(Metrics.HALLUCINATED_MASS) > 0.05, wide.toString());
  }

  @Test
  void evaluate_truthModel_isTheMixtureEvaluation() throws FitException {
    MixtureModel t = truth(0.95, 6);
    Evaluation e = domain(t, 1000).evaluate(t);
    assertEquals(0.0, e.get(Metrics.POPULATION_RISK));
    assertEquals(1.0, e.get(Metrics.MODES_RECOVERED));
  }

  @Test
  void evaluate_aboveCap_usesSubsampleDeterministically() throws FitException {
    KdeDomain capped = domain(truth(0.5, 6), 200);
    KdeDomain full = domain(truth(0.5, 6), 5000);
    Batch data = capped.sampleTruth(5000, rng(6));
    KdeModel m = (KdeModel) capped.fit(data, null, bandwidth(0.4));
    assertEquals(200, m.kernelCount());
    assertEquals(5000, m.size());
    double a = capped.evaluate(m).get(Metrics.POPULATION_RISK);
    double b = capped.evaluate(capped.fit(data, null, bandwidth(0.4))).get(Metrics.POPULATION_RISK);
    assertEquals(a, b, "the subsample is a function of the data");
    // 200 kernels estimate the 5000-kernel density with some noise; the log is concave, so the
    // capped risk is a little higher. Both stay small.
    double all = full.evaluate(full.fit(data, null, bandwidth(0.4))).get(Metrics.POPULATION_RISK);
    assertTrue(all < 0.05 && a < all + 0.1, "capped " + a + ", full " + all);
  }

  /**
   * Issue 11: the default cap evaluates exactly, so the held-out NLL carries no subsample bias: on
   * 20,000 training points (200 generations of 100 accumulated items) every kernel is used, and the
   * risk equals a direct log-sum-exp over every point.
   */
  @Test
  void evaluate_defaultCap_isExactOnLargeTrainingSets() throws FitException {
    KdeDomain domain = domain(truth(0.7, 6), KdeDomain.DEFAULT_EVALUATION_CAP);
    Batch data = domain.sampleTruth(20_000, rng(9));
    KdeModel m = (KdeModel) domain.fit(data, null, bandwidth(0.3));
    assertEquals(20_000, m.kernelCount(), "every kernel evaluates the density");
    double[] x = {1.5};
    double direct = 0;
    for (int i = 0; i < data.size(); i++) {
      double t = (x[0] - data.get(i, 0)) / 0.3;
      direct += Math.exp(-0.5 * t * t) / (0.3 * Math.sqrt(2 * Math.PI));
    }
    assertEquals(Math.log(direct / data.size()), m.logDensity(x, 0), 1e-12);
  }

  @Test
  void sample_zeroWeightPoints_areNeverDrawn() throws FitException {
    KdeDomain domain = domain(truth(0.5, 6), 1000);
    Batch data = new Batch(3, 1, new double[] {0, 100, 1});
    KdeModel m = (KdeModel) domain.fit(data, new double[] {1, 0, 1}, bandwidth(0.1));
    Batch b = domain.sample(m, 10_000, SamplingSettings.DEFAULTS, rng(7));
    for (int i = 0; i < b.size(); i++) {
      assertTrue(b.get(i, 0) < 50, "drew the zero-weight point");
    }
  }

  @Test
  void sample_temperature_scalesKernelVariance() throws FitException {
    KdeDomain domain = domain(truth(0.5, 6), 1000);
    KdeModel m = (KdeModel) domain.fit(new Batch(1, 1, new double[] {0}), null, bandwidth(1.0));
    Batch b = domain.sample(m, 20_000, new SamplingSettings(4.0), rng(8));
    double s = 0;
    for (int i = 0; i < b.size(); i++) {
      s += b.get(i, 0) * b.get(i, 0);
    }
    // Variance T h^2 = 4; standard error of the sample variance 4 sqrt(2/20000) = 0.04; 5 of
    // them (false-failure rate 6e-7).
    assertEquals(4.0, s / b.size(), 5 * 0.04);
  }
}
