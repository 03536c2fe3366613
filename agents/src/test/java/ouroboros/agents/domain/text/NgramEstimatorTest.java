package ouroboros.agents.domain.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import ouroboros.agents.data.Batch;
import ouroboros.agents.domain.EstimatorSettings;
import ouroboros.agents.domain.FitException;
import ouroboros.agents.domain.Smoothing;
import ouroboros.agents.domain.VarianceEstimator;

/**
 * Counts and smoothed probabilities on a tiny corpus, computed by hand. V = 4 words (0 to 3), end
 * token E = 4, start token B = 5, L = 4; the corpus is [0 1], [0 2], [1]. Word 3 never occurs.
 * Bigram events: B0 B0 B1, 01 02, 1E 1E, 2E.
 */
class NgramEstimatorTest {
  private static final int V = 4;
  private static final int E = 4;
  private static final int B = 5;
  private static final double EPS = 1e-12;
  private static final Batch CORPUS =
      Sentences.of(4, new int[] {0, 1}, new int[] {0, 2}, new int[] {1});

  private static NgramModel fit(int order, Smoothing smoothing, double alpha, double[] weights)
      throws FitException {
    EstimatorSettings s =
        new EstimatorSettings(VarianceEstimator.MLE, smoothing, alpha, order, 0, Double.NaN, 0);
    return NgramEstimator.fit(CORPUS, weights, s, V);
  }

  @Test
  void fit_bigram_countsEveryScoredEventAndSumsLowerOrders() throws FitException {
    NgramModel m = fit(2, Smoothing.ADD_K, 0, null);
    assertEquals(2, m.count(1, B, B, 0));
    assertEquals(1, m.count(1, B, B, 1));
    assertEquals(1, m.count(1, B, 0, 1));
    assertEquals(2, m.count(1, B, 1, E));
    assertEquals(0, m.count(1, B, 3, E));
    // Unigram level: 0 x2, 1 x2, 2 x1, E x3.
    assertEquals(2, m.count(0, B, B, 0));
    assertEquals(3, m.count(0, B, B, E));
    assertEquals(3, m.vocabularyUsed(), "word 3 never occurs");
  }

  @Test
  void fit_kneserNey_lowerOrdersHoldContinuationCounts() throws FitException {
    NgramModel m = fit(3, Smoothing.KNESER_NEY, 0.5, null);
    // Top (trigram) level: raw counts.
    assertEquals(2, m.count(2, B, B, 0));
    // Bigram level: distinct left extensions. 1E follows (0 1) and (B 1): 2.
    assertEquals(2, m.count(1, B, 1, E));
    assertEquals(1, m.count(1, B, B, 0));
    // Unigram level: N1+(. w): 0 after {B}, 1 after {B, 0}, E after {1, 2}.
    assertEquals(1, m.count(0, B, B, 0));
    assertEquals(2, m.count(0, B, B, 1));
    assertEquals(2, m.count(0, B, B, E));
  }

  @Test
  void probability_plainCounts_relativeFrequenciesWithNoDistributionAfterUnseenWord()
      throws FitException {
    NgramModel m = fit(2, Smoothing.ADD_K, 0, null);
    assertEquals(2.0 / 3, m.probability(B, B, 0), EPS);
    assertEquals(0.5, m.probability(B, 0, 1), EPS);
    assertEquals(0, m.probability(B, 0, 3), 0.0);
    assertEquals(0, m.probability(B, 3, E), 0.0, "no back-off to the unigram after word 3");
    assertNull(m.distribution(B, 3));
    NgramModel tri = fit(3, Smoothing.ADD_K, 0, null);
    assertEquals(0.5, tri.probability(1, 0, 1), EPS, "(1 0) unseen: back off to (0)");
  }

  @Test
  void probability_addOne_matchesHandComputation() throws FitException {
    NgramModel m = fit(2, Smoothing.ADD_K, 1, null);
    // (c(0 1) + 1) / (c(0) + 5) = 2/7; unseen (0 3): 1/7; unseen context 3: uniform 1/5.
    assertEquals(2.0 / 7, m.probability(B, 0, 1), EPS);
    assertEquals(1.0 / 7, m.probability(B, 0, 3), EPS);
    assertEquals(0.2, m.probability(B, 3, 2), EPS);
    assertEquals(4, m.vocabularyUsed());
  }

  @Test
  void probability_kneserNeyBigram_matchesHandComputation() throws FitException {
    NgramModel m = fit(2, Smoothing.KNESER_NEY, 0.5, null);
    // Unigram continuation counts 0:1 1:2 2:1 E:2 (total 6), gamma = 1 - 4/6 = 1/3, bottom 1/5:
    // p0 = (9, 19, 9, 4, 19)/60. Context 0: counts 1:1 2:1, gamma = 1/2.
    assertEquals(19.0 / 60, m.probability(B, 3, 1), EPS, "unseen context backs off");
    assertEquals(4.0 / 60, m.probability(B, 3, 3), EPS);
    assertEquals(0.25 + 0.5 * 19.0 / 60, m.probability(B, 0, 1), EPS);
    assertEquals(0.5 * 4.0 / 60, m.probability(B, 0, 3), EPS);
  }

  @Test
  void probability_kneserNeyTrigram_matchesHandComputation() throws FitException {
    NgramModel m = fit(3, Smoothing.KNESER_NEY, 0.5, null);
    // p(1 | B 0) = 0.5/2 + 1/2 (0.5/2 + 1/2 p0(1)) = 109/240.
    assertEquals(109.0 / 240, m.probability(B, 0, 1), EPS);
    // p(E | 0 1) = 0.5 + 1/2 (1.5/2 + 1/4 p0(E)) = 439/480.
    assertEquals(439.0 / 480, m.probability(0, 1, E), EPS);
  }

  @Test
  void fit_kneserNeyDefaultsDiscountAndRejectsOne() throws FitException {
    assertEquals(0.75, fit(2, Smoothing.KNESER_NEY, 0, null).alpha());
    FitException e =
        assertThrows(FitException.class, () -> fit(2, Smoothing.KNESER_NEY, 1.0, null));
    assertEquals("Kneser-Ney discount is not in (0, 1): 1.0", e.getMessage());
  }

  @Test
  void fit_weights_rescaledToMeanOneAndZeroIgnored() throws FitException {
    NgramModel m = fit(2, Smoothing.ADD_K, 0, new double[] {2, 1, 1});
    assertEquals(0.75, m.probability(B, B, 0), EPS);
    assertEquals(1.5, m.count(1, B, 0, 1), EPS);
    NgramModel z = fit(2, Smoothing.ADD_K, 0, new double[] {1, 1, 0});
    assertEquals(1.0, z.probability(B, B, 0), EPS);
    assertThrows(FitException.class, () -> fit(2, Smoothing.ADD_K, 0, new double[] {0, 0, 0}));
    assertThrows(FitException.class, () -> fit(2, Smoothing.ADD_K, 0, new double[] {1, -1, 1}));
  }

  @Test
  void distributionAndMasses_agreeWithPointProbabilities() throws FitException {
    for (Smoothing s : Smoothing.values()) {
      for (int order = 1; order <= 3; order++) {
        NgramModel m = fit(order, s, s == Smoothing.ADD_K ? 0.3 : 0.6, null);
        int[][] contexts = {{B, B}, {B, 0}, {0, 1}, {2, 3}};
        for (int[] c : contexts) {
          double[] d = m.distribution(c[0], c[1]);
          double sum = 0;
          OutcomeSet odd = new OutcomeSet(V + 1);
          double oddSum = 0;
          for (int w = 0; w <= V; w++) {
            assertEquals(m.probability(c[0], c[1], w), d[w], EPS);
            sum += d[w];
            if (w % 2 == 1) {
              odd.add(w);
              oddSum += d[w];
            }
          }
          assertEquals(1, sum, EPS, s + " n=" + order);
          assertEquals(oddSum, m.chainMass(c[0], c[1], odd, order - 1), EPS, s + " n=" + order);
        }
      }
    }
  }
}
