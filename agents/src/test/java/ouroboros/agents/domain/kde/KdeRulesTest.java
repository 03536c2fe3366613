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
import ouroboros.agents.domain.VarianceEstimator;
import ouroboros.agents.domain.mixture.Component;
import ouroboros.agents.domain.mixture.MixtureModel;
import ouroboros.agents.domain.mixture.MixtureTruth;

/** The KDE's bandwidth rules, its tophat kernel and its raw NLL. */
class KdeRulesTest {
  private static final int CAP = 1_000_000;

  private static UniformRandomProvider rng(long seed) {
    return RandomSource.L64_X128_MIX.create(seed);
  }

  /** n standard-normal 2-D points times {@code scale}. */
  private static Batch normals(int n, double scale, long seed) throws FitException {
    MixtureModel unit =
        MixtureModel.of(
            new double[] {1},
            new Component[] {Component.of(new double[2], new double[][] {{1, 0}, {0, 1}})});
    Batch b = unit.sample(n, 1.0, rng(seed));
    double[] v = b.values().clone();
    for (int i = 0; i < v.length; i++) {
      v[i] *= scale;
    }
    return new Batch(n, 2, v);
  }

  private static KdeModel fit(Batch data, BandwidthRule rule, Kernel kernel) throws FitException {
    return KdeEstimator.fit(data, null, Double.NaN, rule, kernel, CAP);
  }

  @Test
  void sklearnRules_areNotScaledByTheData_scipyRulesAre() throws FitException {
    // scikit-learn's KernelDensity (1.2+): scott n^(-1/(d+4)), silverman (n (d+2)/4)^(-1/(d+4)),
    // whatever the data's spread; scipy's factors are multiplied by the sd.
    Batch unit = normals(100, 1, 3);
    Batch wide = normals(100, 10, 3);
    double scott = Math.pow(100, -1.0 / 6);
    double silverman = Math.pow(100 * 4 / 4.0, -1.0 / 6);
    for (Batch b : new Batch[] {unit, wide}) {
      assertEquals(scott, fit(b, BandwidthRule.SKLEARN_SCOTT, Kernel.GAUSSIAN).bandwidth(0), 1e-12);
      assertEquals(scott, fit(b, BandwidthRule.SKLEARN_SCOTT, Kernel.GAUSSIAN).bandwidth(1), 1e-12);
      assertEquals(
          silverman, fit(b, BandwidthRule.SKLEARN_SILVERMAN, Kernel.GAUSSIAN).bandwidth(1), 1e-12);
    }
    for (BandwidthRule r : new BandwidthRule[] {BandwidthRule.SCOTT, BandwidthRule.SILVERMAN}) {
      double h1 = fit(unit, r, Kernel.GAUSSIAN).bandwidth(0);
      double h10 = fit(wide, r, Kernel.GAUSSIAN).bandwidth(0);
      assertEquals(10 * h1, h10, 1e-9, r + " scales with the data");
    }
    // Scott, scaled: the sample sd (n - 1) times n^(-1/6).
    double[] v = unit.values();
    double mean = 0;
    for (int i = 0; i < 100; i++) {
      mean += v[2 * i] / 100;
    }
    double ss = 0;
    for (int i = 0; i < 100; i++) {
      ss += (v[2 * i] - mean) * (v[2 * i] - mean);
    }
    assertEquals(
        Math.sqrt(ss / 99) * scott,
        fit(unit, BandwidthRule.SCOTT, Kernel.GAUSSIAN).bandwidth(0),
        1e-12);
  }

  @Test
  void rule_isReestimatedAtEveryFit_asThePoolGrows() throws FitException {
    // The same rule on 100 and 1600 items: the unscaled Scott bandwidth falls by 16^(-1/6).
    double small =
        fit(normals(100, 1, 5), BandwidthRule.SKLEARN_SCOTT, Kernel.GAUSSIAN).bandwidth(0);
    double large =
        fit(normals(1600, 1, 5), BandwidthRule.SKLEARN_SCOTT, Kernel.GAUSSIAN).bandwidth(0);
    assertEquals(Math.pow(16, -1.0 / 6), large / small, 1e-12);
  }

  @Test
  void fixedBandwidth_overridesTheRule() throws FitException {
    KdeModel m =
        KdeEstimator.fit(
            normals(50, 1, 1), null, 0.3, BandwidthRule.SKLEARN_SCOTT, Kernel.TOPHAT, CAP);
    assertEquals(0.3, m.bandwidth(0));
    assertEquals(0.3, m.bandwidth(1));
  }

  @Test
  void scaledRule_noSpread_throwsFitException_unscaledRuleDoesNot() throws FitException {
    Batch same = new Batch(3, 1, new double[] {2, 2, 2});
    assertThrows(FitException.class, () -> fit(same, BandwidthRule.SCOTT, Kernel.GAUSSIAN));
    assertEquals(
        Math.pow(3, -0.2),
        fit(same, BandwidthRule.SKLEARN_SCOTT, Kernel.GAUSSIAN).bandwidth(0),
        1e-12);
  }

  @Test
  void tophat_densityIsUniformOnTheBall() throws FitException {
    // One point at the origin, h = 0.5. In 1-D the density is 1/(2h) = 1 on (-0.5, 0.5); in 2-D it
    // is 1/(pi h^2) on the disc; zero (log -infinity) outside.
    KdeModel line =
        KdeEstimator.fit(
            new Batch(1, 1, new double[] {0}),
            null,
            0.5,
            BandwidthRule.SILVERMAN,
            Kernel.TOPHAT,
            CAP);
    assertEquals(0.0, line.logDensity(new double[] {0.49}, 0), 1e-12);
    assertEquals(Double.NEGATIVE_INFINITY, line.logDensity(new double[] {0.51}, 0));
    KdeModel disc =
        KdeEstimator.fit(
            new Batch(2, 2, new double[] {0, 0, 10, 10}),
            null,
            0.5,
            BandwidthRule.SILVERMAN,
            Kernel.TOPHAT,
            CAP);
    // Two kernels of weight 1/2 each.
    assertEquals(
        Math.log(0.5 / (Math.PI * 0.25)), disc.logDensity(new double[] {0.3, 0.3}, 0), 1e-12);
    assertEquals(Double.NEGATIVE_INFINITY, disc.logDensity(new double[] {0.3, 0.4}, 0));
    // Trace: MLE point variance 25 per dimension plus h^2 / (d + 2) per dimension.
    assertEquals(2 * 25 + 2 * 0.25 / 4, disc.trace(), 1e-12);
  }

  @Test
  void tophat_samplesAreUniformOnTheBall() throws FitException {
    // One point, h = 1, d = 3. Uniform on the unit ball: P(||u|| < r) = r^3, E||u||^2 = 3/5.
    // 40,000 draws: the share inside r = 0.5 (1/8) has sd sqrt(p(1-p)/n) = 0.0017; E||u||^2 has
    // sd sqrt(Var / n) with Var = 3/7 - 9/25 = 0.069, so 0.0013. At 5 sd both fail under 1e-6.
    int n = 40_000;
    KdeModel m =
        KdeEstimator.fit(
            new Batch(1, 3, new double[] {0, 0, 0}),
            null,
            1.0,
            BandwidthRule.SILVERMAN,
            Kernel.TOPHAT,
            CAP);
    double[] s = m.sample(n, 1.0, rng(9)).values();
    int inner = 0;
    double sq = 0;
    for (int i = 0; i < n; i++) {
      double r2 = s[3 * i] * s[3 * i] + s[3 * i + 1] * s[3 * i + 1] + s[3 * i + 2] * s[3 * i + 2];
      assertTrue(r2 < 1, "inside the ball: " + r2);
      inner += r2 < 0.25 ? 1 : 0;
      sq += r2 / n;
    }
    assertEquals(0.125, (double) inner / n, 5 * Math.sqrt(0.125 * 0.875 / n));
    assertEquals(0.6, sq, 5 * Math.sqrt((3.0 / 7 - 0.36) / n));
  }

  @Test
  void evaluate_nllIsTheRiskPlusTheTruthsNll_andInfiniteForAnUncoveredTophat() throws FitException {
    double[][] one = {{1}};
    MixtureModel truth =
        MixtureModel.of(
            new double[] {0.5, 0.5},
            new Component[] {
              Component.of(new double[] {0}, one), Component.of(new double[] {5}, one)
            });
    MixtureTruth material = new MixtureTruth(truth, 500, rng(1), rng(2));
    KdeDomain gaussian = new KdeDomain(material, CAP, Kernel.GAUSSIAN, BandwidthRule.SCOTT);
    Batch data = truth.sample(300, 1.0, rng(4));
    Evaluation a = gaussian.evaluate(gaussian.fit(data, null, EstimatorSettings.DEFAULTS));
    Evaluation t = gaussian.evaluate(truth);
    // The truth's own NLL is what separates the two: nll - risk is the same for every model.
    assertEquals(t.get(Metrics.NLL), a.get(Metrics.NLL) - a.get(Metrics.POPULATION_RISK), 1e-9);
    assertEquals(0.0, t.get(Metrics.POPULATION_RISK), 1e-12);
    assertTrue(a.get(Metrics.NLL) > t.get(Metrics.NLL), "a KDE is worse than the truth");
    // A tophat of a tiny bandwidth leaves reference items outside every kernel.
    KdeDomain tophat = new KdeDomain(material, CAP, Kernel.TOPHAT, BandwidthRule.SCOTT);
    EstimatorSettings tiny =
        new EstimatorSettings(
            VarianceEstimator.MLE, EstimatorSettings.DEFAULTS.smoothing(), 0, 2, 0, 1e-4, 0);
    Evaluation b = tophat.evaluate(tophat.fit(data, null, tiny));
    assertEquals(Double.POSITIVE_INFINITY, b.get(Metrics.NLL));
  }
}
