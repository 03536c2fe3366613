package ouroboros.agents.domain.categorical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import ouroboros.agents.data.Batch;
import ouroboros.agents.domain.EstimatorSettings;
import ouroboros.agents.domain.Evaluation;
import ouroboros.agents.domain.FitException;
import ouroboros.agents.domain.Metrics;
import ouroboros.agents.domain.Smoothing;
import ouroboros.agents.domain.VarianceEstimator;

/** The categorical domain without actors: estimator, closed-form measures, communities. */
class CategoricalDomainTest {
  private static final CategoricalDomain YELLOW_BLUE =
      new CategoricalDomain(
          CategoricalModel.of(new double[] {0.9, 0.1}), List.of("yellow", "blue"), null);

  private static EstimatorSettings alpha(double a) {
    return new EstimatorSettings(VarianceEstimator.MLE, Smoothing.ADD_K, a, 2, 0, Double.NaN, 0);
  }

  private static Batch items(double... categories) {
    return new Batch(categories.length, 1, categories);
  }

  private static CategoricalModel model(double... p) {
    return CategoricalModel.of(p);
  }

  @Test
  void fit_addAlpha_matchesCounts() throws FitException {
    CategoricalDomain d = new CategoricalDomain(CategoricalModel.zipf(4, 1));
    Batch data = items(0, 0, 1, 2, 2, 2);
    double[] plain = ((CategoricalModel) d.fit(data, null, alpha(0))).probabilities();
    assertArrayEquals(new double[] {2 / 6.0, 1 / 6.0, 3 / 6.0, 0}, plain, 1e-15);
    // (c_i + 1) / (6 + 4 * 1)
    double[] smoothed = ((CategoricalModel) d.fit(data, null, alpha(1))).probabilities();
    assertArrayEquals(new double[] {0.3, 0.2, 0.4, 0.1}, smoothed, 1e-15);
  }

  @Test
  void fit_weights_matchWeightedCounts() throws FitException {
    CategoricalDomain d = new CategoricalDomain(CategoricalModel.zipf(3, 1));
    Batch data = items(0, 1, 1, 2);
    double[] w = {3, 0.5, 0.5, 0};
    double[] p = ((CategoricalModel) d.fit(data, w, alpha(0))).probabilities();
    assertArrayEquals(new double[] {0.75, 0.25, 0}, p, 1e-15);
    double[] s = ((CategoricalModel) d.fit(data, w, alpha(0.5))).probabilities();
    assertArrayEquals(new double[] {3.5 / 5.5, 1.5 / 5.5, 0.5 / 5.5}, s, 1e-15);
  }

  @Test
  void fit_badInput_throwsFitException() {
    CategoricalDomain d = new CategoricalDomain(CategoricalModel.zipf(3, 1));
    for (double bad : new double[] {1.5, -1, 3, Double.NaN}) {
      assertThrows(FitException.class, () -> d.fit(items(0, bad), null, alpha(0)), "item " + bad);
    }
    assertThrows(FitException.class, () -> d.fit(items(), null, alpha(1)));
    assertThrows(FitException.class, () -> d.fit(new Batch(1, 2, new double[2]), null, alpha(0)));
    assertThrows(FitException.class, () -> d.fit(items(0, 1), new double[] {0, 0}, alpha(0)));
    assertThrows(FitException.class, () -> d.fit(items(0, 1), new double[] {1, -1}, alpha(0)));
  }

  @Test
  void evaluate_kl_matchesClosedForm() {
    CategoricalDomain d = new CategoricalDomain(model(0.5, 0.3, 0.2));
    Evaluation e = d.evaluate(model(0.4, 0.4, 0.2));
    double kl = 0.5 * Math.log(0.5 / 0.4) + 0.3 * Math.log(0.3 / 0.4);
    assertEquals(kl, e.get(Metrics.POPULATION_RISK), 1e-15);
    assertEquals(0.0, e.get(Metrics.RISK_BAND));
    assertEquals(0.0, d.evaluate(d.truthModel()).get(Metrics.POPULATION_RISK));
    // A possible category at probability 0: the KL is infinite.
    assertEquals(
        Double.POSITIVE_INFINITY, d.evaluate(model(0.5, 0.5, 0)).get(Metrics.POPULATION_RISK));
  }

  @Test
  void evaluate_entropy_matchesClosedForm() {
    CategoricalDomain d = new CategoricalDomain(model(0.5, 0.25, 0.25));
    Evaluation e = d.evaluate(model(0.5, 0.5, 0));
    assertEquals(Math.log(2), e.get(CategoricalMeasures.ENTROPY), 1e-15);
    assertEquals(Math.log(2) / (1.5 * Math.log(2)), e.get(Metrics.DIVERSITY_RATIO), 1e-15);
  }

  @Test
  void evaluate_ninetyTen_tailIsTheMinorityCategory() {
    // No category is below 1%, so the tail is the least likely category: blue.
    assertArrayEquals(
        new int[] {1},
        new CategoricalMeasures(CategoricalModel.of(new double[] {0.9, 0.1})).tailCategories());
    assertEquals(
        1.0, YELLOW_BLUE.evaluate(YELLOW_BLUE.truthModel()).get(Metrics.TAIL_MASS_RATIO), 1e-15);
    Evaluation e = YELLOW_BLUE.evaluate(model(0.96, 0.04));
    assertEquals(0.4, e.get(Metrics.TAIL_MASS_RATIO), 1e-15);
    assertEquals(0.0, YELLOW_BLUE.evaluate(model(1, 0)).get(Metrics.TAIL_MASS_RATIO));
    // Every category is possible: no hallucinated-mass measure, never a 0 in its place.
    assertFalse(e.values().containsKey(Metrics.HALLUCINATED_MASS));
    assertEquals("blue", YELLOW_BLUE.name(1));
  }

  @Test
  void evaluate_tails_belowOnePercentOrLeastLikelyOrNone() {
    CategoricalMeasures zipf = new CategoricalMeasures(CategoricalModel.zipf(200, 1));
    // p_i = 1 / ((i + 1) H_200) with H_200 = 5.878: below 0.01 from i + 1 = 18 on.
    assertEquals(183, zipf.tailCategories().length);
    assertEquals(17, zipf.tailCategories()[0]);
    CategoricalMeasures tied = new CategoricalMeasures(model(0.4, 0.2, 0.2, 0.2));
    assertArrayEquals(new int[] {1, 2, 3}, tied.tailCategories());
    CategoricalDomain uniform = new CategoricalDomain(CategoricalModel.zipf(4, 0));
    assertFalse(uniform.evaluate(model(1, 0, 0, 0)).values().containsKey(Metrics.TAIL_MASS_RATIO));
  }

  @Test
  void evaluate_impossibleCategory_reportsHallucinatedMass() {
    CategoricalDomain d = new CategoricalDomain(model(0.6, 0.4, 0, 0));
    assertEquals(0.0, d.evaluate(d.truthModel()).get(Metrics.HALLUCINATED_MASS));
    assertEquals(
        0.25, d.evaluate(model(0.5, 0.25, 0.125, 0.125)).get(Metrics.HALLUCINATED_MASS), 1e-15);
  }

  @Test
  void evaluate_supportAndZeroProbability_countCategories() {
    CategoricalDomain d = new CategoricalDomain(model(0.5, 0.3, 0.2, 0));
    var truth = d.evaluate(d.truthModel());
    assertEquals(3.0, truth.get(CategoricalMeasures.SUPPORT_SIZE));
    assertEquals(0.0, truth.get(CategoricalMeasures.ZERO_PROBABILITY));
    // The model lost category 2 and puts mass on the impossible category 3.
    var e = d.evaluate(model(0.6, 0.3, 0, 0.1));
    assertEquals(3.0, e.get(CategoricalMeasures.SUPPORT_SIZE));
    assertEquals(1.0, e.get(CategoricalMeasures.ZERO_PROBABILITY));
    var collapsed = d.evaluate(model(1, 0, 0, 0));
    assertEquals(1.0, collapsed.get(CategoricalMeasures.SUPPORT_SIZE));
    assertEquals(2.0, collapsed.get(CategoricalMeasures.ZERO_PROBABILITY));
  }

  @Test
  void evaluate_modes_rankOrderOfTopCategories() {
    CategoricalDomain d = new CategoricalDomain(CategoricalModel.zipf(8, 1));
    assertEquals(1.0, d.evaluate(d.truthModel()).get(Metrics.MODES_RECOVERED));
    // Categories 3 and 4 swapped: order lost. Categories 5 to 7 are not among the top 5.
    assertEquals(0.0, d.evaluate(model(8, 7, 6, 4, 5, 1, 1, 1)).get(Metrics.MODES_RECOVERED));
    assertEquals(1.0, d.evaluate(model(8, 7, 6, 5, 4, 9, 0, 0)).get(Metrics.MODES_RECOVERED));
    // Categories 3 and 4 merged at 0.
    assertEquals(0.0, d.evaluate(model(8, 7, 6, 0, 0, 1, 1, 1)).get(Metrics.MODES_RECOVERED));
    // Tied in the truth: no order required between 1 and 2, nor between 3 and 4.
    CategoricalDomain tied = new CategoricalDomain(model(0.4, 0.2, 0.2, 0.1, 0.1));
    assertEquals(
        1.0, tied.evaluate(model(0.4, 0.16, 0.3, 0.05, 0.09)).get(Metrics.MODES_RECOVERED));
    assertEquals(0.0, tied.evaluate(model(0.4, 0.1, 0.3, 0.15, 0.05)).get(Metrics.MODES_RECOVERED));
  }

  @Test
  void sampleTruth_frequencies_matchTruthAndSkipImpossible() {
    CategoricalDomain d = new CategoricalDomain(model(0.5, 0, 0.3, 0.2, 0));
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(7L);
    int n = 200_000;
    double[] f = frequencies(d.sampleTruth(n, rng), 5);
    assertEquals(0.0, f[1]);
    assertEquals(0.0, f[4]);
    // Binomial sd sqrt(p(1-p)/n) is at most 0.0011; 5 sd: false-failure rate 6e-7 each.
    assertEquals(0.5, f[0], 5 * Math.sqrt(0.25 / n));
    assertEquals(0.3, f[2], 5 * Math.sqrt(0.21 / n));
    assertEquals(0.2, f[3], 5 * Math.sqrt(0.16 / n));
  }

  @Test
  void communities_sliceTheCategories() {
    CategoricalDomain d =
        new CategoricalDomain(
            model(0.4, 0.3, 0.2, 0.1), null, List.of(new int[] {0, 1}, new int[] {2, 3}));
    assertEquals(2, d.communities());
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(8L);
    int n = 100_000;
    Batch b = d.sampleCommunity(1, n, rng);
    double[] f = frequencies(b, 4);
    assertEquals(0.0, f[0] + f[1]);
    // Truth restricted to {2, 3}: (2/3, 1/3). sd sqrt(2/9/n) = 0.0015; 5 sd: rate 6e-7.
    assertEquals(2 / 3.0, f[2], 5 * Math.sqrt(2 / 9.0 / n));
    assertEquals(0, d.communityOf(items(1), 0));
    assertEquals(1, d.communityOf(items(2), 0));
    assertThrows(IllegalArgumentException.class, () -> d.sampleCommunity(2, 1, rng));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new CategoricalDomain(
                model(0.5, 0.5, 0), null, List.of(new int[] {0, 1}, new int[] {2, 2})));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new CategoricalDomain(
                model(0.5, 0.5, 0), null, List.of(new int[] {0, 0}, new int[] {2, 2})));
    assertEquals(1, new CategoricalDomain(model(0.5, 0.5)).communities());
  }

  @Test
  void truth_needsTwoPossibleCategories() {
    assertThrows(IllegalArgumentException.class, () -> new CategoricalDomain(model(1, 0, 0)));
    assertThrows(IllegalArgumentException.class, () -> model(0.5, -0.5));
    assertThrows(IllegalArgumentException.class, () -> CategoricalModel.zipf(1, 1));
    double h = 1 + 0.5 + 1 / 3.0;
    assertArrayEquals(
        new double[] {1 / h, 0.5 / h, 1 / 3.0 / h},
        CategoricalModel.zipf(3, 1).probabilities(),
        1e-15);
    assertTrue(YELLOW_BLUE.truthModel().equals(model(9, 1)));
  }

  /** Category frequencies of a batch. */
  static double[] frequencies(Batch b, int v) {
    double[] f = new double[v];
    for (int i = 0; i < b.size(); i++) {
      f[(int) b.get(i, 0)] += 1.0 / b.size();
    }
    return f;
  }
}
