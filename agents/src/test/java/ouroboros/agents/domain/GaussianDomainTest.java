package ouroboros.agents.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import ouroboros.agents.data.Batch;
import ouroboros.agents.domain.gaussian.GaussianDomain;
import ouroboros.agents.domain.gaussian.GaussianModel;

/** The Gaussian domain without actors: estimators, KL and temperature. */
class GaussianDomainTest {
  private static GaussianDomain domain(double[] mean, double[][] cov) throws FitException {
    return new GaussianDomain(GaussianModel.of(mean, cov));
  }

  @Test
  void fit_mleAndUnbiased_matchHandComputedValues() throws Exception {
    GaussianDomain d = domain(new double[] {0}, new double[][] {{1}});
    Batch data = new Batch(4, 1, new double[] {1, 2, 3, 6});
    GaussianModel mle = (GaussianModel) d.fit(data, null, EstimatorSettings.DEFAULTS);
    GaussianModel unb =
        (GaussianModel) d.fit(data, null, new EstimatorSettings(VarianceEstimator.UNBIASED));
    assertEquals(3.0, mle.mean()[0], 1e-12);
    assertEquals(14.0 / 4, mle.covariance(0, 0), 1e-12);
    assertEquals(14.0 / 3, unb.covariance(0, 0), 1e-12);
  }

  @Test
  void evaluate_klOfShiftedAndScaledGaussian_matchesClosedForm() throws Exception {
    GaussianDomain d = domain(new double[] {0, 0}, new double[][] {{1, 0}, {0, 4}});
    GaussianModel m = GaussianModel.of(new double[] {1, 0}, new double[][] {{2, 0}, {0, 4}});
    Evaluation e = d.evaluate(m);
    // 1/2 [tr(Sm^-1 St) + dmu' Sm^-1 dmu - d + ln det Sm - ln det St]
    double expected = 0.5 * ((0.5 + 1) + 0.5 - 2 + Math.log(8.0 / 4.0));
    assertEquals(expected, e.get(Metrics.POPULATION_RISK), 1e-12);
    assertEquals(1.0, e.get(Metrics.MEAN_SQ_ERROR), 1e-12);
    assertEquals(6.0 / 5.0, e.get(Metrics.VARIANCE_RATIO), 1e-12);
    assertEquals(0.0, d.evaluate(d.truthModel()).get(Metrics.POPULATION_RISK), 1e-12);
  }

  @Test
  void evaluate_logDetRatio_logOfTheDeterminantsRatio() throws Exception {
    GaussianDomain d = domain(new double[] {0, 0}, new double[][] {{1, 0.5}, {0.5, 4}});
    GaussianModel m = GaussianModel.of(new double[] {3, 0}, new double[][] {{2, 0}, {0, 0.5}});
    // det(model) = 1, det(truth) = 4 - 0.25 = 3.75.
    assertEquals(Math.log(1 / 3.75), d.evaluate(m).get(Metrics.LOG_DET_RATIO), 1e-12);
    assertEquals(0.0, d.evaluate(d.truthModel()).get(Metrics.LOG_DET_RATIO), 1e-12);
  }

  @Test
  void fit_degenerateData_throwsFitException() throws Exception {
    GaussianDomain d = domain(new double[] {0, 0}, new double[][] {{1, 0}, {0, 1}});
    Batch collinear = new Batch(3, 2, new double[] {1, 1, 2, 2, 3, 3});
    assertThrows(FitException.class, () -> d.fit(collinear, null, EstimatorSettings.DEFAULTS));
    assertThrows(FitException.class, () -> d.fit(Batch.empty(2), null, EstimatorSettings.DEFAULTS));
  }

  @Test
  void sample_temperature_scalesCovariance() throws Exception {
    GaussianDomain d = domain(new double[] {0}, new double[][] {{1}});
    int n = 200_000;
    Batch b =
        d.sample(
            d.truthModel(), n, new SamplingSettings(0.25), RandomSource.L64_X128_MIX.create(42L));
    GaussianModel fitted = (GaussianModel) d.fit(b, null, EstimatorSettings.DEFAULTS);
    // Sample variance of n normals with variance 0.25 has sd 0.25 sqrt(2/n) = 7.9e-4; 5 sd
    // gives a false-failure rate of 6e-7.
    assertEquals(0.25, fitted.covariance(0, 0), 5 * 0.25 * Math.sqrt(2.0 / n));
    assertThrows(IllegalArgumentException.class, () -> new SamplingSettings(-0.5));
  }

  /**
   * The evaluation with the distance to a first fit is the domain's evaluation with that distance
   * added, as the default of {@link Domain} makes it, in one and in two dimensions.
   */
  @Test
  void evaluateWithFirstFit_isTheEvaluationWithTheDistanceAdded() throws Exception {
    GaussianModel[][] cases = {
      {
        GaussianModel.of(new double[] {0.3}, new double[][] {{1.7}}),
        GaussianModel.of(new double[] {-0.1}, new double[][] {{0.6}})
      },
      {
        GaussianModel.of(new double[] {1, 0}, new double[][] {{2, 0.3}, {0.3, 4}}),
        GaussianModel.of(new double[] {0, 0.5}, new double[][] {{1, 0}, {0, 1.5}})
      }
    };
    for (GaussianModel[] c : cases) {
      int d = c[0].dimension();
      GaussianDomain domain = domain(new double[d], identity(d));
      Evaluation expected =
          domain.evaluate(c[0]).with(Metrics.L2_TO_FIRST_FIT, domain.squaredL2(c[1], c[0]));
      assertEquals(expected.values(), domain.evaluate(c[0], c[1]).values());
      assertEquals(
          domain.evaluate(c[0]).with(Metrics.L2_TO_FIRST_FIT, 0.0).values(),
          domain.evaluate(c[0], c[0]).values());
    }
  }

  /** The d x d identity. */
  private static double[][] identity(int d) {
    double[][] id = new double[d][d];
    for (int i = 0; i < d; i++) {
      id[i][i] = 1;
    }
    return id;
  }
}
