package ouroboros.agents.domain.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import ouroboros.agents.domain.Baseline;
import ouroboros.agents.domain.EstimatorSettings;
import ouroboros.agents.domain.Smoothing;
import ouroboros.agents.domain.VarianceEstimator;

/**
 * The regression baseline gives the refitting baseline's doubles bit for bit, from the same stream,
 * whatever the sequence of n: below T, whole cycles, cycles plus chosen rows, n falling.
 */
class RegressionBaselineTest {
  private static final int[] NS = {1, 7, 20, 40, 41, 100, 60, 20, 263, 21};

  private static UniformRandomProvider rng(long seed) {
    return RandomSource.L64_X128_MIX.create(seed);
  }

  /** Asserts both baselines' risks are the same doubles, and their streams stay in step. */
  private static void assertSame(RegressionDomain dom, EstimatorSettings settings) {
    Baseline fast = dom.baseline(settings);
    assertInstanceOf(RegressionBaseline.class, fast);
    Baseline refit = Baseline.refitting(dom, settings);
    UniformRandomProvider a = rng(9);
    UniformRandomProvider b = rng(9);
    for (int n : NS) {
      double expected = riskOrNaN(refit, n, a);
      double actual = riskOrNaN(fast, n, b);
      assertEquals(
          Double.doubleToRawLongBits(expected),
          Double.doubleToRawLongBits(actual),
          "n = " + n + ": " + expected + " against " + actual);
    }
    assertEquals(a.nextLong(), b.nextLong(), "the streams drew as much");
  }

  private static double riskOrNaN(Baseline baseline, int n, UniformRandomProvider rng) {
    try {
      return baseline.risk(n, rng);
    } catch (Exception e) {
      return Double.NaN;
    }
  }

  @Test
  void risk_olsOnTallDesign_sameDoublesAsRefitting() {
    assertSame(RegressionDomain.draw(4, 20, 1.0, null, rng(1), rng(2)), EstimatorSettings.DEFAULTS);
  }

  @Test
  void risk_ridgeOnWideDesign_sameDoublesAsRefitting() {
    assertSame(
        RegressionDomain.draw(6, 4, 0.5, null, rng(3), rng(4)),
        new EstimatorSettings(VarianceEstimator.MLE, Smoothing.ADD_K, 0, 2, 0.3, Double.NaN, 0));
  }

  @Test
  void risk_olsOnWideDesign_minimumNormSameDoublesAsRefitting() {
    assertSame(RegressionDomain.draw(6, 4, 0.5, null, rng(5), rng(6)), EstimatorSettings.DEFAULTS);
  }

  /**
   * Weights that validation accepts but whose x.w* overflows on some rows: the fit fails, after
   * drawing every item's noise as the refit does, so that the next n draws the same.
   */
  @Test
  void risk_overflowingLabels_failsAfterTheSameDrawsAsRefitting() {
    RegressionDomain dom =
        RegressionDomain.draw(2, 20, 1.0, new double[] {1e308, 1e308}, rng(7), rng(8));
    int overflowing = 0;
    for (int r = 0; r < dom.rows(); r++) {
      overflowing += Double.isFinite(dom.truthFit(r)) ? 0 : 1;
    }
    assertTrue(overflowing > 0 && overflowing < dom.rows(), overflowing + " rows overflow");
    assertSame(dom, EstimatorSettings.DEFAULTS);
  }

  /** The running sums of full cycles are allocated only once a call needs a full cycle. */
  @Test
  void risk_belowOneCycle_keepsNoSums() throws Exception {
    RegressionDomain dom = RegressionDomain.draw(4, 20, 1.0, null, rng(1), rng(2));
    RegressionBaseline fast = (RegressionBaseline) dom.baseline(EstimatorSettings.DEFAULTS);
    assertFalse(fast.keepsCycles(), "before any call");
    UniformRandomProvider rng = rng(9);
    fast.risk(7, rng);
    fast.risk(19, rng);
    assertFalse(fast.keepsCycles(), "below T = 20 items");
    fast.risk(20, rng);
    assertTrue(fast.keepsCycles(), "after a full cycle");
  }
}
