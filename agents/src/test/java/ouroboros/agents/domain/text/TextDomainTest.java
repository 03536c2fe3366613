package ouroboros.agents.domain.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import ouroboros.agents.domain.Smoothing;
import ouroboros.agents.domain.VarianceEstimator;

/** The text domain end to end, without actors, on a small random language. */
class TextDomainTest {
  private static final int V = 60;
  private static final int L = 12;

  private static Language language(int dialects, double strength, long seed) {
    double[] w = new double[dialects];
    java.util.Arrays.fill(w, 1.0);
    return LanguageBuilder.random(V, 1.1, L, 24, 0.2, w, strength, rng(seed));
  }

  private static UniformRandomProvider rng(long seed) {
    return RandomSource.L64_X128_MIX.create(seed);
  }

  private static final TextDomain DOMAIN = new TextDomain(language(1, 0, 1), 500, rng(2));

  private static EstimatorSettings settings(int order, Smoothing s, double alpha) {
    return new EstimatorSettings(VarianceEstimator.MLE, s, alpha, order, 0, Double.NaN, 0);
  }

  private static Evaluation fitAndEvaluate(int order, Smoothing s, double alpha, int n, long seed)
      throws FitException {
    Batch data = DOMAIN.sampleTruth(n, rng(seed));
    return DOMAIN.evaluate(DOMAIN.fit(data, null, settings(order, s, alpha)));
  }

  @Test
  void language_rowsAreDistributionsOnOneSharedSupport() {
    Language lang = language(3, 0.5, 7);
    for (int d = 0; d < 3; d++) {
      for (int u = 0; u < V + 2; u++) {
        if (u == V) {
          continue;
        }
        double s = 0;
        for (int e = lang.begin(u); e < lang.end(u); e++) {
          s += lang.probability(d, e);
        }
        assertEquals(1, s, 1e-12, "dialect " + d + " row " + u);
        assertEquals(u < V ? 25 : 24, lang.end(u) - lang.begin(u));
      }
    }
    assertEquals(0, lang.probability(0, Sentences.start(V), V), "no empty sentences");
  }

  @Test
  void contextWeights_sumToOneAndMatchEmpiricalFrequencies() {
    Language lang = DOMAIN.language();
    ContextWeights w = new ContextWeights(lang);
    double total = 0;
    for (double x : w.single) {
      total += x;
    }
    assertEquals(1, total, 1e-12);
    double pairs = w.startStart;
    for (double x : w.pair) {
      pairs += x;
    }
    assertEquals(1, pairs, 1e-12);
    // Empirical frequency of context word 0 over 20,000 sentences (about 100,000 events): the
    // count is binomial, so its standard error is below sqrt(p / events) = 0.0015 for p < 0.2;
    // a band of 0.006 is 4 standard errors (false-failure rate 6e-5).
    Batch b = DOMAIN.sampleTruth(20_000, rng(3));
    long events = 0;
    long atZero = 0;
    for (int i = 0; i < b.size(); i++) {
      int n = Sentences.length(b, i);
      events += n + (n < L ? 1 : 0);
      for (int t = 0; t < Math.min(n, L - 1); t++) {
        atZero += Sentences.word(b, i, t) == 0 ? 1 : 0;
      }
    }
    assertEquals(w.single[0], (double) atZero / events, 0.006);
  }

  @Test
  void evaluate_truth_riskZeroNoHallucinationTailRatioOne() {
    Evaluation e = DOMAIN.evaluate(DOMAIN.truthModel());
    assertEquals(0.0, e.get(Metrics.POPULATION_RISK));
    assertEquals(0.0, e.get(Metrics.HALLUCINATED_MASS));
    assertEquals(1.0, e.get(Metrics.TAIL_MASS_RATIO));
    assertEquals(1.0, e.get(Metrics.DIVERSITY_RATIO));
    assertEquals(1.0, e.get(TextMeasures.OUTPUT_TAIL_RATIO));
    assertTrue(Double.isNaN(e.get(Metrics.MODES_RECOVERED)), "modes do not apply");
  }

  @Test
  void hallucinatedMass_zeroForPlainCountsOfOrderTwoAndUp_positiveWhenSmoothed()
      throws FitException {
    assertEquals(0.0, fitAndEvaluate(2, Smoothing.ADD_K, 0, 300, 4).get(Metrics.HALLUCINATED_MASS));
    assertEquals(0.0, fitAndEvaluate(3, Smoothing.ADD_K, 0, 300, 4).get(Metrics.HALLUCINATED_MASS));
    assertTrue(fitAndEvaluate(2, Smoothing.ADD_K, 0.1, 300, 4).get(Metrics.HALLUCINATED_MASS) > 0);
    assertTrue(
        fitAndEvaluate(3, Smoothing.KNESER_NEY, 0, 300, 4).get(Metrics.HALLUCINATED_MASS) > 0);
    assertTrue(
        fitAndEvaluate(1, Smoothing.ADD_K, 0, 300, 4).get(Metrics.HALLUCINATED_MASS) > 0.2,
        "a unigram model ignores context");
  }

  @Test
  void risk_kneserNeyOnMuchData_nearZeroAndBelowFewData() throws FitException {
    Evaluation small = fitAndEvaluate(2, Smoothing.KNESER_NEY, 0, 200, 5);
    Evaluation large = fitAndEvaluate(2, Smoothing.KNESER_NEY, 0, 20_000, 5);
    double r = large.get(Metrics.POPULATION_RISK);
    // Over seeds 5 to 9: 200 sentences give 0.31 to 0.36 nats, 20,000 give 0.012 to 0.016
    // (band 0.003). The bound 0.05 is 10 bands above; -4 bands is the truth's own noise floor.
    assertTrue(r < small.get(Metrics.POPULATION_RISK));
    assertTrue(r < 0.05, "risk " + r);
    assertTrue(r > -4 * large.get(Metrics.RISK_BAND), "risk " + r);
    assertTrue(large.get(TextMeasures.PERPLEXITY) > 1);
  }

  @Test
  void sample_plainCounts_emitsOnlyTrainedTransitionsEvenUnderTopK() throws FitException {
    Batch data = DOMAIN.sampleTruth(200, rng(6));
    NgramModel m = (NgramModel) DOMAIN.fit(data, null, settings(2, Smoothing.ADD_K, 0));
    for (SamplingSettings s :
        new SamplingSettings[] {SamplingSettings.DEFAULTS, new SamplingSettings(0.7, 3, 0.9)}) {
      Batch out = DOMAIN.sample(m, 500, s, rng(7));
      for (int i = 0; i < out.size(); i++) {
        int prev = Sentences.start(V);
        int n = Sentences.length(out, i);
        for (int t = 0; t < n; t++) {
          int w = Sentences.word(out, i, t);
          assertTrue(m.count(1, 0, prev, w) > 0, "untrained transition " + prev + " " + w);
          prev = w;
        }
      }
    }
  }

  @Test
  void evaluate_isDeterministic() throws FitException {
    Batch data = DOMAIN.sampleTruth(300, rng(8));
    var m = DOMAIN.fit(data, null, settings(3, Smoothing.KNESER_NEY, 0));
    assertEquals(DOMAIN.evaluate(m), DOMAIN.evaluate(m));
  }

  @Test
  void communityOf_recoversTheDialectOfMostSentences() {
    TextDomain d = new TextDomain(language(2, 0.8, 9), 100, rng(10));
    int right = 0;
    for (int c = 0; c < 2; c++) {
      Batch b = d.sampleCommunity(c, 500, rng(11 + c));
      for (int i = 0; i < b.size(); i++) {
        right += d.communityOf(b, i) == c ? 1 : 0;
      }
    }
    // 977 to 982 correct for language seeds 9 to 13 (binomial sd about 5), so 750 is over 40 sd
    // below what is expected, and still 16 sd above chance (500).
    assertTrue(right > 750, "correct " + right + " of 1000");
  }
}
