package ouroboros.agents.domain.glm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ouroboros.agents.domain.EstimatorSettings.DEFAULTS;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ouroboros.agents.data.Batch;
import ouroboros.agents.domain.FitException;
import ouroboros.agents.domain.Metrics;
import ouroboros.agents.domain.SamplingSettings;

/** The GLM domain without actors: the weighted maximum-likelihood fit, sampling and measures. */
class GlmDomainTest {
  private static final double[] B = {1.0, -0.5};

  private static UniformRandomProvider rng(long seed) {
    return RandomSource.L64_X128_MIX.create(seed);
  }

  private static GlmDomain domain(GlmFamily f, double... b) throws FitException {
    return new GlmDomain(f, GlmModel.of(b));
  }

  /** sum_i w_i (y_i - mu_i) x_i: zero at the maximum-likelihood fit. */
  private static double[] score(GlmFamily f, Batch data, double[] w, double[] b) {
    int p = b.length;
    double[] g = new double[p];
    double[] v = data.values();
    for (int i = 0; i < data.size(); i++) {
      double eta = 0;
      for (int j = 0; j < p; j++) {
        eta += v[i * (p + 1) + j] * b[j];
      }
      double r = (w == null ? 1 : w[i]) * (v[i * (p + 1) + p] - f.mean(eta));
      for (int j = 0; j < p; j++) {
        g[j] += r * v[i * (p + 1) + j];
      }
    }
    return g;
  }

  @ParameterizedTest
  @EnumSource(GlmFamily.class)
  void fit_solvesTheWeightedScoreEquations(GlmFamily f) throws Exception {
    GlmDomain dom = domain(f, B);
    Batch data = dom.sampleTruth(400, rng(1));
    double[] w = new double[400];
    UniformRandomProvider r = rng(2);
    for (int i = 0; i < w.length; i++) {
      w[i] = r.nextInt(3);
    }
    double[] b = ((GlmModel) dom.fit(data, w, DEFAULTS)).coefficients();
    assertArrayEquals(new double[2], score(f, data, w, b), 1e-7);
    double[] plain = ((GlmModel) dom.fit(data, null, DEFAULTS)).coefficients();
    assertArrayEquals(new double[2], score(f, data, null, plain), 1e-7);
    // Integer weights are copies: the fit on the items repeated w_i times is the same.
    int total = 0;
    for (double x : w) {
      total += (int) x;
    }
    double[] copies = new double[total * 3];
    int k = 0;
    for (int i = 0; i < 400; i++) {
      for (int c = 0; c < (int) w[i]; c++, k++) {
        System.arraycopy(data.values(), i * 3, copies, k * 3, 3);
      }
    }
    double[] repeated =
        ((GlmModel) dom.fit(new Batch(total, 3, copies), null, DEFAULTS)).coefficients();
    assertArrayEquals(repeated, b, 1e-8);
  }

  @ParameterizedTest
  @EnumSource(GlmFamily.class)
  void fit_onManyItems_findsTheTruth(GlmFamily f) throws Exception {
    // 40,000 items: each coefficient's sd is below 0.015 for both families at b* = (1, -0.5), so
    // 0.08 is more than 5 sd.
    GlmDomain dom = domain(f, B);
    double[] b =
        ((GlmModel) dom.fit(dom.sampleTruth(40_000, rng(3)), null, DEFAULTS)).coefficients();
    assertArrayEquals(B, b, 0.08);
  }

  @Test
  void sample_labelsAreTheFamilys_andFollowTheModel() throws Exception {
    GlmDomain logistic = domain(GlmFamily.LOGISTIC, B);
    GlmModel steep = GlmModel.of(new double[] {30, 0});
    Batch s = logistic.sample(steep, 2000, SamplingSettings.DEFAULTS, rng(4));
    for (int i = 0; i < s.size(); i++) {
      double y = s.values()[i * 3 + 2];
      // With b = (30, 0), y = 1 exactly when x_1 > 0, but for |x_1| < 0.2 (under 16% of items).
      if (Math.abs(s.values()[i * 3]) > 0.2) {
        assertEquals(s.values()[i * 3] > 0 ? 1.0 : 0.0, y, "item " + i);
      }
    }
    GlmDomain poisson = domain(GlmFamily.POISSON, 0.5, 0.5);
    Batch c = poisson.sampleTruth(20_000, rng(5));
    double mean = 0;
    for (int i = 0; i < c.size(); i++) {
      double y = c.values()[i * 3 + 2];
      assertTrue(y >= 0 && y == Math.rint(y), "a count: " + y);
      mean += y / c.size();
    }
    // E y = E e^eta = e^(||b||^2 / 2) = e^0.25 = 1.284; sd of y about 1.4, se of the mean 0.01.
    assertEquals(Math.exp(0.25), mean, 0.05);
  }

  @Test
  void evaluate_riskAndDiversity() throws Exception {
    GlmDomain dom = domain(GlmFamily.LOGISTIC, B);
    var truth = dom.evaluate(dom.truthModel());
    assertEquals(0, truth.get(Metrics.POPULATION_RISK));
    assertEquals(1, truth.get(Metrics.DIVERSITY_RATIO), 1e-12);
    var off = dom.evaluate(GlmModel.of(new double[] {3, 0}));
    assertEquals(4 + 0.25, off.get(Metrics.POPULATION_RISK), 1e-12);
    // E[mu(1 - mu)] at eta ~ N(0, s^2) is 0.19929 at s = sqrt(1.25) (the truth) and 0.11484 at
    // s = 3 (numpy's 200-point Gauss-Hermite; a Monte Carlo of 4,000,000 draws gives 0.1149):
    // ratio 0.57624. Sharper is less diverse.
    assertEquals(0.57624, off.get(Metrics.DIVERSITY_RATIO), 1e-4);
    GlmDomain poisson = domain(GlmFamily.POISSON, 0.5, 0.5);
    // Poisson: E e^eta = e^(s^2 / 2), ratio e^(1/2 - 1/4) for s^2 = 1 against 0.5.
    assertEquals(
        Math.exp(0.5 - 0.25),
        poisson.evaluate(GlmModel.of(new double[] {1, 0})).get(Metrics.DIVERSITY_RATIO),
        1e-12);
    // QA, stop 32: at [30, 30] both spreads overflow (e^900): the truth's own ratio was 0.
    GlmDomain steep = domain(GlmFamily.POISSON, 30, 30);
    assertEquals(1, steep.evaluate(steep.truthModel()).get(Metrics.DIVERSITY_RATIO), 1e-12);
    assertEquals(
        Math.exp((30.0 * 30 + 31.0 * 31 - 1800) / 2),
        steep.evaluate(GlmModel.of(new double[] {30, 31})).get(Metrics.DIVERSITY_RATIO),
        1e-9 * Math.exp(30.5));
  }

  @Test
  void evaluate_logisticDiversity_ofASteepModel_matchesAdaptiveQuadrature() throws Exception {
    // E[mu(1 - mu)] at eta ~ N(0, s^2), by scipy.integrate.quad to 1e-13: 0.039259560109364086 at
    // s = 10, 0.019865784142370835 at 20, 0.009963325423439825 at 40. The 64-point Gauss-Hermite
    // rule gave 13%, 3.4 times and 81 times too little there (QA, stop 34).
    GlmDomain dom = domain(GlmFamily.LOGISTIC, 10, 0);
    assertEquals(
        0.019865784142370835 / 0.039259560109364086,
        dom.evaluate(GlmModel.of(new double[] {20, 0})).get(Metrics.DIVERSITY_RATIO),
        1e-12);
    assertEquals(
        0.009963325423439825 / 0.039259560109364086,
        dom.evaluate(GlmModel.of(new double[] {0, 40})).get(Metrics.DIVERSITY_RATIO),
        1e-12);
  }

  @Test
  void fit_separableLabels_fail() throws Exception {
    GlmDomain dom = domain(GlmFamily.LOGISTIC, B);
    Batch sep = new Batch(4, 3, new double[] {1, 0, 1, 2, 1, 1, -1, 0, 0, -2, 1, 0});
    FitException e = assertThrows(FitException.class, () -> dom.fit(sep, null, DEFAULTS));
    assertTrue(e.getMessage().contains("separable"), e.getMessage());
    Batch bad = new Batch(1, 3, new double[] {1, 0, 0.5});
    assertThrows(FitException.class, () -> dom.fit(bad, null, DEFAULTS));
  }

  @Test
  void checkpoint_roundTrips() throws Exception {
    GlmDomain dom = domain(GlmFamily.POISSON, B);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    dom.writeModel(GlmModel.of(new double[] {0.25, -3}), new DataOutputStream(bytes));
    GlmModel back =
        (GlmModel)
            dom.readModel(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertArrayEquals(new double[] {0.25, -3}, back.coefficients());
  }
}
