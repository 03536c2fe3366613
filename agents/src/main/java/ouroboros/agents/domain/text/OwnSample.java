package ouroboros.agents.domain.text;

import java.util.Arrays;
import java.util.HashMap;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import ouroboros.agents.domain.SamplingSettings;

/**
 * A fixed-size sample of a model's own output, drawn for evaluation: plain sampling (temperature 1,
 * no truncation: {@code evaluate} sees the fitted model, not the settings it publishes with), with
 * an {@code L64_X128_MIX} generator seeded with the fixed seed {@value #SEED}, the same for every
 * model, so that evaluation is deterministic and models are compared on common random numbers.
 * Sentences are drawn until the sample holds {@value #NGRAMS} words and {@value #NGRAMS}
 * within-sentence bigrams, or {@value #CAP} sentences.
 *
 * <p>From it: the entropy rate, -sum log q(event) / events over the sample's scored events (an end
 * forced by a context with no distribution is not scored); and distinct-n (Li et al., "A
 * diversity-promoting objective function for neural conversation models", NAACL 2016) for n = 1 and
 * 2: distinct word n-grams among the sample's first {@value #NGRAMS} n-grams (fewer only when the
 * cap is reached first), divided by how many were taken. Boundary tokens are not words. And the
 * tail share: of all transitions in the sample (start to first word, word to word, last word to
 * end), the share that are tail transitions of the truth.
 *
 * @param entropy nats per scored event
 * @param distinct1 share of distinct words
 * @param distinct2 share of distinct bigrams, NaN when the sample has none
 * @param tailShare share of the sample's transitions in the truth's tail
 */
record OwnSample(double entropy, double distinct1, double distinct2, double tailShare) {
  /** The fixed seed. */
  static final long SEED = 20160612L;

  /** n-grams per distinct-n. */
  static final int NGRAMS = 10_000;

  /** Most sentences drawn. */
  static final int CAP = 100_000;

  /** How a model generates a sentence and scores it. */
  interface Source {
    /** Generates a sentence into {@code out} and returns its length. */
    int generate(int[] out, UniformRandomProvider rng);

    /** Adds the sentence's loss in nats to {@code acc[0]} and its scored events to acc[1]. */
    void score(int[] words, int n, double[] acc);
  }

  /** Which transitions are the truth's tail. */
  interface Tail {
    /** Whether outcome w after token u is a tail transition of the truth. */
    boolean contains(int u, int w);
  }

  /** Draws the sample from a source and summarises it. */
  static OwnSample of(Source source, int maxLength, int vocabulary, Tail tail) {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(SEED);
    long[] unigrams = new long[NGRAMS];
    long[] bigrams = new long[NGRAMS];
    int nu = 0;
    int nb = 0;
    double[] acc = new double[2];
    long transitions = 0;
    long inTail = 0;
    int[] words = new int[maxLength];
    for (int s = 0; s < CAP && (nu < NGRAMS || nb < NGRAMS); s++) {
      int n = source.generate(words, rng);
      source.score(words, n, acc);
      int prev = Sentences.start(vocabulary);
      for (int t = 0; t < n || (t == n && n < maxLength); t++) {
        int w = t < n ? words[t] : vocabulary;
        inTail += tail.contains(prev, w) ? 1 : 0;
        transitions++;
        prev = w;
      }
      for (int t = 0; t < n; t++) {
        if (nu < NGRAMS) {
          unigrams[nu++] = words[t];
        }
        if (t + 1 < n && nb < NGRAMS) {
          bigrams[nb++] = (long) words[t] * vocabulary + words[t + 1];
        }
      }
    }
    return new OwnSample(
        acc[0] / acc[1],
        distinct(unigrams, nu),
        distinct(bigrams, nb),
        (double) inTail / transitions);
  }

  /** Share of distinct values among the first n, NaN when n is 0. */
  private static double distinct(long[] values, int n) {
    if (n == 0) {
      return Double.NaN;
    }
    long[] v = Arrays.copyOf(values, n);
    Arrays.sort(v);
    int d = 1;
    for (int i = 1; i < n; i++) {
      d += v[i] != v[i - 1] ? 1 : 0;
    }
    return (double) d / n;
  }

  /** The source of an n-gram model, scoring with its own probabilities. */
  static Source of(NgramModel m, int maxLength) {
    HashMap<Long, Step> memo = new HashMap<>();
    int v = m.vocabulary();
    return new Source() {
      @Override
      public int generate(int[] out, UniformRandomProvider rng) {
        return NgramSampler.generate(m, out, maxLength, SamplingSettings.DEFAULTS, memo, rng);
      }

      @Override
      public void score(int[] words, int n, double[] acc) {
        int prev2 = Sentences.start(v);
        int prev1 = prev2;
        for (int t = 0; t < n || (t == n && n < maxLength); t++) {
          int w = t < n ? words[t] : v;
          double q = m.probability(prev2, prev1, w);
          if (q > 0) {
            acc[0] -= Math.log(q);
            acc[1]++;
          }
          prev2 = prev1;
          prev1 = w;
        }
      }
    };
  }

  /** The source of the truth, scoring with the mixture's sentence probability. */
  static Source of(Language truth) {
    HashMap<Long, Step> memo = new HashMap<>();
    return new Source() {
      @Override
      public int generate(int[] out, UniformRandomProvider rng) {
        return truth.generate(truth.pickDialect(rng), out, SamplingSettings.DEFAULTS, memo, rng);
      }

      @Override
      public void score(int[] words, int n, double[] acc) {
        acc[0] -= truth.logProbability(words, n);
        acc[1] += n + (n < truth.maxLength() ? 1 : 0);
      }
    };
  }
}
