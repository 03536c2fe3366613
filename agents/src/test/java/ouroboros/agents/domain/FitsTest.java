package ouroboros.agents.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import ouroboros.agents.data.AuthorKind;
import ouroboros.agents.data.Batch;
import ouroboros.agents.data.Items;
import ouroboros.agents.domain.EstimatorSettings.Combine;
import ouroboros.agents.domain.gaussian.GaussianDomain;
import ouroboros.agents.domain.gaussian.GaussianModel;
import ouroboros.agents.domain.mixture.Component;
import ouroboros.agents.domain.mixture.MixtureDomain;
import ouroboros.agents.domain.mixture.MixtureModel;
import ouroboros.agents.domain.mixture.MixtureTruth;
import ouroboros.agents.pipeline.TrainingData;
import ouroboros.agents.pipeline.Weighting;

/** He et al.'s convex combination of fits and the warm start ({@link Fits}). */
class FitsTest {
  private static UniformRandomProvider rng(long seed) {
    return RandomSource.L64_X128_MIX.create(seed);
  }

  private static EstimatorSettings settings(Combine combine, double warmStart) {
    return new EstimatorSettings(
        VarianceEstimator.MLE, Smoothing.ADD_K, 0, 2, 0, Double.NaN, 0, combine, warmStart);
  }

  /** Real items -1, 1 (mean 0, MLE variance 1) and synthetic items 2, 4 (mean 3, variance 1). */
  private static Items realAndSynthetic() {
    Items real =
        Items.uniform(
            new Batch(2, 1, new double[] {-1, 1}), 0, AuthorKind.HUMAN, 0, 0, 0f, (short) 0);
    Items synthetic =
        Items.uniform(
            new Batch(2, 1, new double[] {2, 4}), 1, AuthorKind.MODEL, 0, 1, 1f, (short) 0);
    return Items.concat(List.of(real, synthetic), 1);
  }

  private static GaussianDomain standard() throws FitException {
    return new GaussianDomain(GaussianModel.of(new double[] {0}, new double[][] {{1}}));
  }

  @Test
  void convexCombination_keepsThePooledMean_dropsTheBetweenGroupTerm() throws FitException {
    GaussianDomain d = standard();
    Items items = realAndSynthetic();
    // unweighted: w = 2/4. Pooled: mean 1.5, variance 1 + 0.5 * 0.5 * 3^2 = 3.25; fits: 1.5, 1.
    GaussianModel pooled =
        (GaussianModel) Fits.fit(d, null, items, null, settings(Combine.POOLED, 0), rng(1));
    GaussianModel fits =
        (GaussianModel) Fits.fit(d, null, items, null, settings(Combine.FITS, 0), rng(1));
    assertEquals(1.5, pooled.mean()[0], 1e-12);
    assertEquals(3.25, pooled.covariance(0, 0), 1e-12);
    assertEquals(1.5, fits.mean()[0], 1e-12);
    assertEquals(1.0, fits.covariance(0, 0), 1e-12);
    // golden-ratio weights (real-share 0.618): mean 0.382 * 3 = 1.146 both ways; variance 1 for
    // the fits, 1 + 0.618 * 0.382 * 9 = 3.124708 for the weighted pooled fit
    TrainingData w = Weighting.share(0.618).apply(TrainingData.of(items)).data();
    GaussianModel wp =
        (GaussianModel) Fits.fit(d, null, items, w.weights(), settings(Combine.POOLED, 0), rng(1));
    GaussianModel wf =
        (GaussianModel) Fits.fit(d, null, items, w.weights(), settings(Combine.FITS, 0), rng(1));
    assertEquals(0.382 * 3, wp.mean()[0], 1e-12);
    assertEquals(1 + 0.618 * 0.382 * 9, wp.covariance(0, 0), 1e-12);
    assertEquals(0.382 * 3, wf.mean()[0], 1e-12);
    assertEquals(1.0, wf.covariance(0, 0), 1e-12);
  }

  @Test
  void convexCombination_withOneClassOnly_isThePooledFit() throws FitException {
    GaussianDomain d = standard();
    Items real =
        Items.uniform(
            new Batch(3, 1, new double[] {0, 1, 5}), 0, AuthorKind.HUMAN, 0, 0, 0f, (short) 0);
    GaussianModel a =
        (GaussianModel) Fits.fit(d, null, real, null, settings(Combine.FITS, 0), rng(1));
    GaussianModel b =
        (GaussianModel) Fits.fit(d, null, real, null, settings(Combine.POOLED, 0), rng(1));
    assertEquals(b.mean()[0], a.mean()[0]);
    assertEquals(b.covariance(0, 0), a.covariance(0, 0));
  }

  @Test
  void warmStart_gaussian_isTheWeightedUpdateOfThePrevious() throws FitException {
    GaussianDomain d = standard();
    Items data =
        Items.uniform(
            new Batch(2, 1, new double[] {0, 4}), 1, AuthorKind.MODEL, 0, 1, 1f, (short) 0);
    // the fit: mean 2, variance 4; previous N(0, 1); eta 0.25: mean 0.5, variance 1.75
    GaussianModel previous = GaussianModel.of(new double[] {0}, new double[][] {{1}});
    GaussianModel m =
        (GaussianModel) Fits.fit(d, previous, data, null, settings(Combine.POOLED, 0.25), rng(1));
    assertEquals(0.5, m.mean()[0], 1e-12);
    assertEquals(1.75, m.covariance(0, 0), 1e-12);
    GaussianModel full =
        (GaussianModel) Fits.fit(d, previous, data, null, settings(Combine.POOLED, 1), rng(1));
    assertEquals(2, full.mean()[0], 1e-12);
    assertEquals(4, full.covariance(0, 0), 1e-12);
  }

  @Test
  void warmStart_replaceChains_varianceShrinksAsOneMinusEtaOverM() throws FitException {
    // sigma_t^2 = (1 - eta) sigma_{t-1}^2 + eta s_t^2 with E s_t^2 = (M-1)/M sigma_{t-1}^2, so
    // E sigma_g^2 = (1 - eta/M)^g = 0.9875^40 = 0.6040 (M = 20, eta = 0.25), and E mu_g^2 =
    // eta (1 - (1 - eta/M)^g) = 0.0990. 400 chains; each mean within 4.5 standard errors (a
    // false failure about once in 150,000 per check, the means being near normal).
    GaussianDomain d = standard();
    int chains = 400;
    int m = 20;
    int g = 40;
    double eta = 0.25;
    double[] variance = new double[chains];
    double[] meanSq = new double[chains];
    UniformRandomProvider rng = rng(7);
    for (int r = 0; r < chains; r++) {
      Model model = d.truthModel();
      for (int t = 0; t < g; t++) {
        Batch b = d.sample(model, m, SamplingSettings.DEFAULTS, rng);
        Items items = Items.uniform(b, 1, AuthorKind.MODEL, t, t + 1, 1f, (short) 0);
        model = Fits.fit(d, model, items, null, settings(Combine.POOLED, eta), rng);
      }
      variance[r] = ((GaussianModel) model).covariance(0, 0);
      meanSq[r] = Math.pow(((GaussianModel) model).mean()[0], 2);
    }
    double q = Math.pow(1 - eta / m, g);
    assertMean(q, variance);
    assertMean(eta * (1 - q), meanSq);
  }

  private static void assertMean(double expected, double[] x) {
    double mean = java.util.Arrays.stream(x).average().orElseThrow();
    double ss = java.util.Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum();
    double se = Math.sqrt(ss / (x.length - 1) / x.length);
    assertEquals(expected, mean, 4.5 * se, "mean " + mean + " +- " + se);
  }

  @Test
  void warmStart_mixture_keepsTheComponentsIdentities() throws FitException {
    double[][] i2 = {{1, 0}, {0, 1}};
    MixtureModel truth =
        MixtureModel.of(
            new double[] {0.5, 0.5},
            new Component[] {
              Component.of(new double[] {4, 0}, i2), Component.of(new double[] {-4, 0}, i2)
            });
    MixtureDomain d = new MixtureDomain(new MixtureTruth(truth, 500, rng(1), rng(2)));
    // the previous model lists the components the other way round, and off their centres
    MixtureModel previous =
        MixtureModel.of(
            new double[] {0.3, 0.7},
            new Component[] {
              Component.of(new double[] {-3, 0}, i2), Component.of(new double[] {3, 0}, i2)
            });
    Batch data = d.sampleTruth(400, rng(3));
    Items items = Items.uniform(data, 0, AuthorKind.HUMAN, 0, 0, 0f, (short) 0);
    MixtureModel full =
        (MixtureModel) Fits.fit(d, previous, items, null, settings(Combine.POOLED, 1), rng(4));
    assertEquals(-4, full.component(0).mean(0), 0.3, "EM from the previous keeps component 0 left");
    assertEquals(4, full.component(1).mean(0), 0.3);
    MixtureModel half =
        (MixtureModel) Fits.fit(d, previous, items, null, settings(Combine.POOLED, 0.5), rng(4));
    for (int j = 0; j < 2; j++) {
      assertEquals(
          0.5 * full.component(j).mean(0) + 0.5 * previous.component(j).mean(0),
          half.component(j).mean(0),
          1e-12);
      assertEquals(0.5 * full.weight(j) + 0.5 * previous.weight(j), half.weight(j), 1e-12);
    }
  }

  @Test
  void combine_inADomainWithoutIt_failsTheFitWithAMessage() throws FitException {
    MixtureModel truth =
        MixtureModel.of(
            new double[] {1},
            new Component[] {Component.of(new double[] {0, 0}, new double[][] {{1, 0}, {0, 1}})});
    Domain d =
        new ouroboros.agents.domain.kde.KdeDomain(
            new MixtureTruth(truth, 100, rng(1), rng(2)), 100);
    FitException e = assertThrows(FitException.class, () -> d.combine(null, 0.5, null));
    assertEquals("a kde domain cannot combine two models", e.getMessage());
  }
}
