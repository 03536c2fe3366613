package ouroboros.agents.domain.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import ouroboros.agents.data.Batch;
import ouroboros.agents.domain.SamplingSettings;

/** Beam search and the repetition penalty ({@link Decoding}) on hand-worked cases. */
class DecodingTest {
  /** Two words (0, 1), the end token 2, the start token 3. */
  private static final int V = 2;

  private static UniformRandomProvider rng(long seed) {
    return RandomSource.L64_X128_MIX.create(seed);
  }

  /** A bigram source: rows[prev1] is the next-token distribution (index 3 is the start). */
  private static Decoding.Source bigram(double[]... rows) {
    return (prev2, prev1) -> rows[prev1 == Sentences.start(V) ? rows.length - 1 : prev1].clone();
  }

  private static SamplingSettings beam(int width, double theta) {
    return new SamplingSettings(1, 0, 1, width, 0, theta);
  }

  private static int[] decode(Decoding.Source src, int maxLength, SamplingSettings s) {
    int[] out = new int[maxLength];
    int n = Decoding.generate(src, V, out, maxLength, s, rng(1));
    return Arrays.copyOf(out, n);
  }

  // rows: after word 0, after word 1, after the start; columns: word 0, word 1, end
  private static final Decoding.Source TWO_STEP =
      bigram(
          new double[] {0.4, 0.4, 0.2},
          new double[] {0.005, 0.005, 0.99},
          new double[] {0.45, 0.44, 0.11});

  @Test
  void beamOfWidthTwo_twoSteps_findsTheHandComputedSentence() {
    // Step 1: beams [0] (ln .45 = -0.799) and [1] (ln .44 = -0.821); the end token (ln .11) is 3rd.
    // Step 2: [1, end] = -0.831 ranks first and finishes as [1] with score -0.831 / 1; [0, 0] and
    // [0, 1] (-1.715 each) become the beams, reach L = 2 and finish with -1.715 / 2 = -0.857.
    // The best hypothesis is [1]; greedy decoding takes 0 (0.45), then 0 (0.4 > 0.2).
    assertArrayEquals(new int[] {1}, decode(TWO_STEP, 2, beam(2, 1.0)));
    assertArrayEquals(new int[] {0, 0}, decode(TWO_STEP, 2, beam(1, 1.0)));
    // L = 3: [0, 1, end] finishes with -1.725 / 2 = -0.862, still below [1]'s -0.831.
    assertArrayEquals(new int[] {1}, decode(TWO_STEP, 3, beam(2, 1.0)));
  }

  @Test
  void beamOfWidthOne_equalsGreedyOnARandomLanguage() {
    Language lang = LanguageBuilder.random(40, 1.1, 15, 12, 0.15, new double[] {1}, 0, rng(3));
    Decoding.Source src = (prev2, prev1) -> lang.distribution(0, prev1);
    for (int first = 0; first < 40; first++) {
      int[] out = new int[15];
      out[0] = first;
      int n = 1;
      while (n < 15) {
        double[] d = lang.distribution(0, out[n - 1]);
        int best = 0;
        for (int w = 1; w < d.length; w++) {
          best = d[w] > d[best] ? w : best;
        }
        if (best == 40) {
          break;
        }
        out[n++] = best;
      }
      int[] beam = new int[15];
      beam[0] = first;
      int m = beamFromPrompt(src, 40, beam, 15, 1);
      assertArrayEquals(Arrays.copyOf(out, n), Arrays.copyOf(beam, m), "after word " + first);
    }
  }

  /** Decodes with width B after a forced one-word prompt (the prompt's source gives only it). */
  private static int beamFromPrompt(Decoding.Source src, int v, int[] out, int max, int width) {
    int first = out[0];
    Decoding.Source forced =
        (p2, p1) -> {
          if (p1 == Sentences.start(v)) {
            double[] d = new double[v + 1];
            d[first] = 1;
            return d;
          }
          return src.distribution(p2, p1);
        };
    return Decoding.generate(
        forced, v, out, max, new SamplingSettings(1, 0, 1, width, 1, 1.0), rng(5));
  }

  @Test
  void penalty_raisesTheProbabilityOfSaidWordsToTheta_andOneIsANoOp() {
    double[] d = {0.5, 0.3, 0.2};
    Decoding.penalise(d, new int[] {0, 0}, 2, 2.0);
    assertArrayEquals(new double[] {0.25, 0.3, 0.2}, d, 1e-15, "ln p times 2, once per word");
    double[] same = {0.5, 0.3, 0.2};
    Decoding.penalise(same, new int[] {0, 1}, 2, 1.0);
    assertArrayEquals(new double[] {0.5, 0.3, 0.2}, same);
  }

  @Test
  void penalty_turnsGreedyAwayFromARepeatedWord() {
    // after 0 and after 1: word 0 0.5, word 1 0.3, end 0.2; from the start: 0.6, 0.3, 0.1.
    Decoding.Source src =
        bigram(
            new double[] {0.5, 0.3, 0.2},
            new double[] {0.5, 0.3, 0.2},
            new double[] {0.6, 0.3, 0.1});
    assertArrayEquals(new int[] {0, 0}, decode(src, 2, beam(1, 1.0)), "theta 1: no change");
    // theta 3: word 0, said, scores 3 ln 0.5 = ln 0.125, below word 1 (0.3) and the end (0.2)
    assertArrayEquals(new int[] {0, 1}, decode(src, 2, beam(1, 3.0)));
    // L = 3: after [0, 1] both words are said: 0.125, 0.027, end 0.2: the sentence ends
    assertArrayEquals(new int[] {0, 1}, decode(src, 3, beam(1, 3.0)));
  }

  @Test
  void sampling_penaltyOfThreeRepeatsFewerWords() {
    Language lang = LanguageBuilder.random(30, 1.1, 20, 10, 0.05, new double[] {1}, 0, rng(7));
    TextDomain domain = new TextDomain(lang, 10, rng(8));
    int n = 3000;
    double[] plain =
        repeats(domain.sample(lang, n, new SamplingSettings(1, 0, 1, 0, 1, 1.0), rng(9)));
    double[] penalised =
        repeats(domain.sample(lang, n, new SamplingSettings(1, 0, 1, 0, 1, 3.0), rng(9)));
    // mean repeated words per sentence; the difference must exceed 6 standard errors (a false
    // failure when the penalty had no effect is below 1e-9; here the effect is large)
    double se = Math.sqrt(plain[1] / n + penalised[1] / n);
    assertTrue(plain[0] - penalised[0] > 6 * se, plain[0] + " vs " + penalised[0] + ", se " + se);
  }

  /** Mean and variance over sentences of the number of words that repeat an earlier word. */
  private static double[] repeats(Batch b) {
    double s = 0;
    double ss = 0;
    int[] words = new int[b.width()];
    for (int i = 0; i < b.size(); i++) {
      int n = Sentences.length(b, i);
      for (int t = 0; t < n; t++) {
        words[t] = (int) b.values()[i * b.width() + 1 + t];
      }
      int r = 0;
      for (int t = 0; t < n; t++) {
        for (int u = 0; u < t; u++) {
          if (words[u] == words[t]) {
            r++;
            break;
          }
        }
      }
      s += r;
      ss += (double) r * r;
    }
    double mean = s / b.size();
    return new double[] {mean, ss / b.size() - mean * mean};
  }

  @Test
  void beamSearch_tiesGoToTheEarlierBeamThenTheLowerWord() {
    // Six words and the end token, all equally likely after anything: every candidate of a step
    // ties, so the 2B kept are beam 0's words 0 .. 2B - 1 and the beams stay [0 ... 0] and
    // [0 ... 0 1]; the end token (last in the tie order) never finishes a beam early, and the
    // sentence is the earliest of the equal hypotheses at L = 4.
    int v = 6;
    Decoding.Source uniform =
        (p2, p1) -> {
          double[] d = new double[v + 1];
          Arrays.fill(d, 1.0 / (v + 1));
          return d;
        };
    for (int width : new int[] {1, 2, 3}) {
      int[] out = new int[4];
      int n = Decoding.generate(uniform, v, out, 4, beam(width, 1.0), rng(3));
      assertArrayEquals(new int[] {0, 0, 0, 0}, Arrays.copyOf(out, n), "width " + width);
    }
  }

  @Test
  void beamSearch_isDeterministicGivenTheSeed_andPromptsMakeSentencesDiffer() {
    Language lang = LanguageBuilder.random(50, 1.1, 12, 16, 0.1, new double[] {1}, 0, rng(11));
    TextDomain domain = new TextDomain(lang, 10, rng(12));
    SamplingSettings s = new SamplingSettings(1, 0, 1, 5, 2, 3.0);
    Batch a = domain.sample(lang, 200, s, rng(13));
    Batch b = domain.sample(lang, 200, s, rng(13));
    assertArrayEquals(a.values(), b.values());
    java.util.Set<String> distinct = new java.util.HashSet<>();
    for (int i = 0; i < a.size(); i++) {
      distinct.add(
          Arrays.toString(Arrays.copyOfRange(a.values(), i * a.width(), (i + 1) * a.width())));
    }
    assertTrue(distinct.size() > 20, "distinct sentences: " + distinct.size());
    assertEquals(200, a.size());
  }
}
