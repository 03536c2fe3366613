package ouroboros.agents.domain.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.commons.rng.UniformRandomProvider;
import ouroboros.agents.domain.SamplingSettings;

/**
 * Decoding with a repetition penalty and beam search, as Shumailov et al. generated text ("AI
 * models collapse when trained on recursively generated data", Nature 2024; their code,
 * iliaishacked/curse_recurse, main.py, calls Hugging Face's {@code generate} with {@code
 * num_beams=5} and {@code repetition_penalty=3.0}, without sampling).
 *
 * <p><b>Repetition penalty</b> theta (Keskar et al., CTRL, 2019; Hugging Face's {@code
 * RepetitionPenaltyLogitsProcessor}): the score s of every token already in the sentence is divided
 * by theta when positive and multiplied by theta when negative. An n-gram model has probabilities,
 * not logits; the scores here are their logarithms, ln p &le; 0, which is what Hugging Face's beam
 * search hands the processor (log-softmax scores). The penalty therefore multiplies ln p by theta:
 * a word already said has its probability p replaced by p^theta. Sampling renormalises the result
 * (the same as Hugging Face's sampling for a model whose logits are log-probabilities); beam search
 * adds the penalised log scores up unnormalised, as Hugging Face's does. The end token is never in
 * the sentence, so it is never penalised. theta = 1 changes nothing; theta &lt; 1 rewards
 * repetition.
 *
 * <p><b>Sampling</b> (beam width 0): at each step the penalty, then temperature, top-k and top-p
 * ({@link Step}, the order of Hugging Face's processors and warpers).
 *
 * <p><b>Beam search</b> with B beams (Hugging Face's {@code BeamSearchScorer} with {@code
 * length_penalty=1}, {@code early_stopping=False}, {@code do_sample=False}): a beam search from the
 * start token alone would give every sentence of a model the same words, so each sentence begins
 * with a prompt of {@code beamPrompt} words sampled as above (Shumailov et al. prompt with 64
 * tokens of the training text; the model's own words play that part here), and the beam search
 * completes it; the prompt words count for the penalty. Temperature and truncation act on the
 * prompt only. At each step every live beam is extended by every word and the end token with
 * positive probability, scored by the beam's sum of penalised log scores; the 2B best candidates
 * are taken in order of score (ties: earlier beam, then lower token). An end token among the first
 * B of them finishes that beam as a hypothesis, whose score is its sum over n, the words generated
 * after the prompt (negative infinity when n = 0, as Hugging Face's division gives); other
 * candidates become the next beams until there are B. Only the B best hypotheses are kept. The
 * search stops when B hypotheses exist and the worst of them is at least the best live beam's sum
 * over its n, when no beam is left, or when the beams reach L words (a sentence of L words ends
 * there; they become hypotheses). The sentence is the best hypothesis (ties: the earliest). A beam
 * whose context has no distribution (unsmoothed counts) finishes as it is. Hugging Face divides by
 * the words generated without the end token in recent versions ({@code generated_len}); older ones
 * divided by the whole length.
 *
 * <p>Cost: a step reads the B live beams' distributions, O(B V), and keeps the 2B best candidates
 * in a bounded heap, O(B V log B), instead of sorting all B V of them.
 *
 * <p><b>Width 1</b> is greedy decoding, as Hugging Face's {@code generate} runs it: the most likely
 * penalised outcome at each step (ties: the lower token), until the end token or L words.
 */
final class Decoding {
  private Decoding() {}

  /** A model's next-token distributions: V + 1 probabilities after (prev2, prev1), or null. */
  @FunctionalInterface
  interface Source {
    double[] distribution(int prev2, int prev1);
  }

  /**
   * Generates one sentence into {@code out} and returns its length: a sampled prompt (the whole
   * sentence when the beam width is 0), then a beam search.
   */
  static int generate(
      Source src,
      int vocabulary,
      int[] out,
      int maxLength,
      SamplingSettings settings,
      UniformRandomProvider rng) {
    int start = Sentences.start(vocabulary);
    int prompt = settings.beamWidth() > 0 ? Math.min(settings.beamPrompt(), maxLength) : maxLength;
    SamplingSettings warps = settings.warps();
    double theta = settings.repetitionPenalty();
    for (int t = 0; t < prompt; t++) {
      double[] d = src.distribution(t >= 2 ? out[t - 2] : start, t >= 1 ? out[t - 1] : start);
      if (d == null) {
        return t;
      }
      penalise(d, out, t, theta);
      int[] ids = new int[d.length];
      double[] p = new double[d.length];
      int k = 0;
      for (int w = 0; w < d.length; w++) {
        if (d[w] > 0) {
          ids[k] = w;
          p[k++] = d[w];
        }
      }
      int w = Step.of(ids, p, k, warps).draw(rng);
      if (w == vocabulary) {
        return t;
      }
      out[t] = w;
    }
    if (settings.beamWidth() == 0 || prompt == maxLength) {
      return prompt;
    }
    if (settings.beamWidth() == 1) {
      return greedy(src, vocabulary, out, prompt, maxLength, theta);
    }
    return beam(src, vocabulary, out, prompt, maxLength, settings.beamWidth(), theta);
  }

  /**
   * Greedy decoding from the prompt in out[0 .. t): the most likely penalised outcome each step.
   */
  private static int greedy(
      Source src, int vocabulary, int[] out, int t, int maxLength, double theta) {
    int start = Sentences.start(vocabulary);
    for (; t < maxLength; t++) {
      double[] d = src.distribution(t >= 2 ? out[t - 2] : start, t >= 1 ? out[t - 1] : start);
      if (d == null) {
        return t;
      }
      penalise(d, out, t, theta);
      int best = 0;
      for (int w = 1; w < d.length; w++) {
        best = d[w] > d[best] ? w : best;
      }
      if (best == vocabulary) {
        return t;
      }
      out[t] = best;
    }
    return maxLength;
  }

  /** Raises to the power theta the probability of every word among the first n of {@code words}. */
  static void penalise(double[] d, int[] words, int n, double theta) {
    if (theta == 1.0) {
      return;
    }
    boolean[] said = said(words, n, d.length);
    for (int w = 0; w < d.length; w++) {
      if (said[w] && d[w] > 0) {
        d[w] = StrictMath.exp(theta * StrictMath.log(d[w]));
      }
    }
  }

  /** Which of {@code size} outcomes occur among the first n of {@code words}. */
  private static boolean[] said(int[] words, int n, int size) {
    boolean[] said = new boolean[size];
    for (int i = 0; i < n; i++) {
      said[words[i]] = true;
    }
    return said;
  }

  /** A beam or a hypothesis: its words, and the sum of its penalised log scores. */
  private record Beam(int[] words, double sum) {}

  /** A candidate extension: the beam's index, the outcome and the new sum. */
  private record Candidate(int beam, int word, double sum) {}

  /** The beam search of the class javadoc, from the prompt in out[0 .. prompt). */
  private static int beam(
      Source src, int vocabulary, int[] out, int prompt, int maxLength, int width, double theta) {
    int start = Sentences.start(vocabulary);
    List<Beam> live = List.of(new Beam(Arrays.copyOf(out, prompt), 0));
    List<Beam> done = new ArrayList<>();
    Comparator<Candidate> order =
        Comparator.comparingDouble((Candidate c) -> -c.sum())
            .thenComparingInt(Candidate::beam)
            .thenComparingInt(Candidate::word);
    while (!live.isEmpty()) {
      // The 2B best candidates, kept in a heap whose head is the worst of them: O(B V log B) a
      // step instead of sorting all B V candidates. The order is total, so the selection and its
      // order are the same as a full sort's.
      PriorityQueue<Candidate> kept = new PriorityQueue<>(2 * width + 1, order.reversed());
      for (int b = 0; b < live.size(); b++) {
        int[] words = live.get(b).words();
        int n = words.length;
        double[] d = src.distribution(n >= 2 ? words[n - 2] : start, n >= 1 ? words[n - 1] : start);
        if (d == null) {
          keep(done, live.get(b), prompt, width);
          continue;
        }
        boolean[] said = said(words, n, d.length);
        for (int w = 0; w < d.length; w++) {
          if (d[w] > 0) {
            double sum = live.get(b).sum() + StrictMath.log(d[w]) * (said[w] ? theta : 1.0);
            if (kept.size() == 2 * width && sum < kept.peek().sum()) {
              continue; // strictly worse than the worst kept
            }
            kept.add(new Candidate(b, w, sum));
            if (kept.size() > 2 * width) {
              kept.poll();
            }
          }
        }
      }
      List<Candidate> candidates = new ArrayList<>(kept);
      candidates.sort(order);
      List<Beam> next = new ArrayList<>();
      for (int r = 0; r < candidates.size() && r < 2 * width && next.size() < width; r++) {
        Candidate c = candidates.get(r);
        int[] words = live.get(c.beam()).words();
        if (c.word() == vocabulary) {
          if (r < width) {
            keep(done, new Beam(words, c.sum()), prompt, width);
          }
        } else {
          int[] longer = Arrays.copyOf(words, words.length + 1);
          longer[words.length] = c.word();
          next.add(new Beam(longer, c.sum()));
        }
      }
      live = next;
      if (!live.isEmpty() && live.get(0).words().length == maxLength) {
        for (Beam b : live) {
          keep(done, b, prompt, width);
        }
        break;
      }
      if (done.size() >= width && !live.isEmpty()) {
        double best = Double.NEGATIVE_INFINITY;
        for (Beam b : live) {
          best = Math.max(best, score(b, prompt));
        }
        if (score(done.get(done.size() - 1), prompt) >= best) {
          break;
        }
      }
    }
    if (done.isEmpty()) {
      return prompt;
    }
    int[] best = done.get(0).words();
    System.arraycopy(best, 0, out, 0, best.length);
    return best.length;
  }

  /** A hypothesis's score: its sum over the words generated after the prompt. */
  private static double score(Beam b, int prompt) {
    int n = b.words().length - prompt;
    return n == 0 ? Double.NEGATIVE_INFINITY : b.sum() / n;
  }

  /** Adds a hypothesis to the list kept best first (ties: earliest first), trimmed to width. */
  private static void keep(List<Beam> done, Beam b, int prompt, int width) {
    double s = score(b, prompt);
    int i = 0;
    while (i < done.size() && score(done.get(i), prompt) >= s) {
      i++;
    }
    done.add(i, b);
    if (done.size() > width) {
      done.remove(done.size() - 1);
    }
  }
}
