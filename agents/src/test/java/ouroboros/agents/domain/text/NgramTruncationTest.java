package ouroboros.agents.domain.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import ouroboros.agents.domain.SamplingSettings;

/** Temperature, then top-k, then top-p, on one next-token distribution. */
class NgramTruncationTest {
  private static final int[] IDS = {3, 5, 7, 9};
  private static final double[] P = {0.5, 0.3, 0.05, 0.15};
  private static final double EPS = 1e-12;

  private static Step step(double temperature, int topK, double topP) {
    return Step.of(IDS, P, 4, new SamplingSettings(temperature, topK, topP));
  }

  @Test
  void topK_keepsTheKMostLikelyRenormalised() {
    Step s = step(1, 2, 1);
    assertEquals(2, s.size());
    assertEquals(3, s.outcome(0));
    assertEquals(5, s.outcome(1));
    assertEquals(0.625, s.probability(0), EPS);
  }

  @Test
  void topP_keepsTheSmallestNucleusReachingP() {
    assertEquals(2, step(1, 0, 0.8).size(), "0.5 + 0.3 reaches 0.8");
    assertEquals(3, step(1, 0, 0.85).size());
    assertEquals(1, step(1, 0, 0.1).size());
  }

  @Test
  void temperatureAppliesBeforeTopP() {
    // Without temperature, top-p 0.9 needs 0.5 + 0.3 + 0.15. At T = 0.5 the probabilities
    // become p^2 / 0.365 = 0.685, 0.247, 0.062, 0.007, and 0.685 + 0.247 reaches 0.9.
    assertEquals(3, step(1, 0, 0.9).size());
    Step s = step(0.5, 0, 0.9);
    assertEquals(2, s.size());
    assertEquals(0.25 / 0.34, s.probability(0), EPS);
  }

  @Test
  void topKAppliesBeforeTopP() {
    // Top-k 3 renormalises 0.5, 0.3, 0.15 to 0.526, 0.316, 0.158; top-p 0.8 then keeps two.
    assertEquals(2, step(1, 3, 0.8).size());
    // Top-k 1 leaves one outcome whatever p is.
    assertEquals(1, step(1, 1, 0.99).size());
  }

  @Test
  void ties_brokenByLowerId() {
    Step s =
        Step.of(
            new int[] {2, 4, 8},
            new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3},
            3,
            new SamplingSettings(1, 2, 1));
    assertEquals(2, s.size());
    assertEquals(2, s.outcome(0));
    assertEquals(4, s.outcome(1));
    Step t =
        Step.of(
            new int[] {2, 4, 8}, new double[] {0.3, 0.35, 0.35}, 3, new SamplingSettings(1, 1, 1));
    assertEquals(1, t.size());
    assertEquals(4, t.outcome(0));
  }
}
