package ouroboros.agents.domain.text;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import ouroboros.agents.domain.Model;
import ouroboros.agents.domain.SamplingSettings;

/**
 * The human "language", the text domain's truth: a mixture of D dialects, each a first-order Markov
 * chain over V words and the end token, with sentences capped at L words. All dialects share one
 * sparse support: row u (a word, or the start token) lists the successors possible after u, sorted
 * by token id, and each dialect has its own probabilities on them. A sentence draws its dialect d
 * with probability weight_d, then w_1 from row start, w_t from row w_{t-1}, until the end token or
 * L words; a sentence of L words ends there without an end token.
 *
 * <p>Its probability is the mixture sum_d weight_d prod_t p_d(w_t | w_{t-1}), the product taken
 * over the scored events: every word, and the end token when the sentence has fewer than L words
 * (after L words the end is forced, for truth and models alike, and is not scored). Immutable;
 * {@link LanguageBuilder} makes a random one.
 */
public final class Language implements Model {
  private final int vocabulary;
  private final int maxLength;
  private final int[] rowStart;
  private final int[] successors;
  private final double[][] probabilities;
  private final double[] weights;
  private final Step[][] plain;

  /**
   * A language from its rows.
   *
   * @param vocabulary V
   * @param maxLength L
   * @param rowStart V + 3 offsets: row u (token u: words, the end token's empty row, the start
   *     token) is entries [rowStart[u], rowStart[u + 1])
   * @param successors successor token per entry, increasing within a row
   * @param probabilities per dialect, the probability of each entry; each row sums to 1
   * @param weights per dialect, the mixture weight; they sum to 1
   */
  Language(
      int vocabulary,
      int maxLength,
      int[] rowStart,
      int[] successors,
      double[][] probabilities,
      double[] weights) {
    this.vocabulary = vocabulary;
    this.maxLength = maxLength;
    this.rowStart = Objects.requireNonNull(rowStart, "rowStart").clone();
    this.successors = successors.clone();
    this.probabilities = new double[probabilities.length][];
    this.weights = weights.clone();
    this.plain = new Step[probabilities.length][vocabulary + 2];
    if (rowStart.length != vocabulary + 3 || weights.length != probabilities.length) {
      throw new IllegalArgumentException("rows or weights do not match V and D");
    }
    for (int d = 0; d < probabilities.length; d++) {
      this.probabilities[d] = probabilities[d].clone();
      for (int u = 0; u < vocabulary + 2; u++) {
        int b = rowStart[u];
        plain[d][u] =
            rowStart[u + 1] == b
                ? null
                : Step.plain(
                    Arrays.copyOfRange(successors, b, rowStart[u + 1]),
                    Arrays.copyOfRange(probabilities[d], b, rowStart[u + 1]),
                    rowStart[u + 1] - b);
      }
    }
  }

  /** V. */
  public int vocabulary() {
    return vocabulary;
  }

  /** L. */
  public int maxLength() {
    return maxLength;
  }

  /** D. */
  public int dialects() {
    return weights.length;
  }

  /** Mixture weight of dialect d. */
  public double weight(int d) {
    return weights[d];
  }

  /** First entry of row u. */
  int begin(int u) {
    return rowStart[u];
  }

  /** One past the last entry of row u. */
  int end(int u) {
    return rowStart[u + 1];
  }

  /** Successor token of entry e. */
  int successor(int e) {
    return successors[e];
  }

  /** Dialect d's probability of entry e. */
  double probability(int d, int e) {
    return probabilities[d][e];
  }

  /** The entry of outcome w in row u, or -1 when w is impossible after u. */
  int entry(int u, int w) {
    int e = Arrays.binarySearch(successors, rowStart[u], rowStart[u + 1], w);
    return e >= 0 ? e : -1;
  }

  /** Dialect d's probability of outcome w after token u; 0 when impossible. */
  /** Dialect d's dense next-token distribution after word (or start) u, or null for none. */
  double[] distribution(int d, int u) {
    if (rowStart[u + 1] == rowStart[u]) {
      return null;
    }
    double[] out = new double[vocabulary + 1];
    for (int e = rowStart[u]; e < rowStart[u + 1]; e++) {
      out[successors[e]] = probabilities[d][e];
    }
    return out;
  }

  public double probability(int d, int u, int w) {
    int e = entry(u, w);
    return e >= 0 ? probabilities[d][e] : 0;
  }

  /** Draws a dialect by the mixture weights. */
  int pickDialect(UniformRandomProvider rng) {
    if (weights.length == 1) {
      return 0;
    }
    double u = rng.nextDouble();
    double acc = 0;
    for (int d = 0; d < weights.length - 1; d++) {
      acc += weights[d];
      if (u < acc) {
        return d;
      }
    }
    return weights.length - 1;
  }

  /**
   * Generates a sentence of dialect d into {@code out} and returns its length. Under non-plain
   * settings, each row's truncated {@link Step} is built once per call and kept in {@code memo}.
   */
  int generate(
      int d,
      int[] out,
      SamplingSettings settings,
      Map<Long, Step> memo,
      UniformRandomProvider rng) {
    int prev = Sentences.start(vocabulary);
    for (int t = 0; t < maxLength; t++) {
      Step step = plain[d][prev];
      if (step == null) {
        return t;
      }
      if (!settings.isPlain()) {
        int u = prev;
        step =
            memo.computeIfAbsent(
                (long) d * (vocabulary + 2) + u,
                k ->
                    Step.of(
                        Arrays.copyOfRange(successors, rowStart[u], rowStart[u + 1]),
                        Arrays.copyOfRange(probabilities[d], rowStart[u], rowStart[u + 1]),
                        rowStart[u + 1] - rowStart[u],
                        settings));
      }
      int w = step.draw(rng);
      if (w == vocabulary) {
        return t;
      }
      out[t] = w;
      prev = w;
    }
    return maxLength;
  }

  /**
   * Dialect d's log-probability of a sentence over its scored events; negative infinity when it
   * holds a transition impossible in the language. With {@code skipImpossible}, impossible events
   * are left out of the sum instead (they are impossible in every dialect alike).
   */
  double logLikelihood(int d, int[] words, int n, boolean skipImpossible) {
    double ll = 0;
    int prev = Sentences.start(vocabulary);
    for (int t = 0; t <= n; t++) {
      if (t == n && n == maxLength) {
        break;
      }
      int w = t < n ? words[t] : vocabulary;
      double p = probability(d, prev, w);
      if (p > 0) {
        ll += Math.log(p);
      } else if (!skipImpossible) {
        return Double.NEGATIVE_INFINITY;
      }
      prev = w;
    }
    return ll;
  }

  /** The mixture's log-probability of a sentence, by log-sum-exp over dialects. */
  public double logProbability(int[] words, int n) {
    if (weights.length == 1) {
      return logLikelihood(0, words, n, false);
    }
    double[] terms = new double[weights.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int d = 0; d < weights.length; d++) {
      terms[d] = Math.log(weights[d]) + logLikelihood(d, words, n, false);
      max = Math.max(max, terms[d]);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double s = 0;
    for (double term : terms) {
      s += Math.exp(term - max);
    }
    return max + Math.log(s);
  }

  /**
   * The dialect under which a sentence is most likely (maximum likelihood, ties to the lower
   * index), its impossible transitions left out since they carry no information about dialect.
   */
  public int dialectOf(int[] words, int n) {
    int best = 0;
    double bestLl = Double.NEGATIVE_INFINITY;
    for (int d = 0; d < weights.length; d++) {
      double ll = logLikelihood(d, words, n, true);
      if (ll > bestLl) {
        best = d;
        bestLl = ll;
      }
    }
    return best;
  }

  @Override
  public String toString() {
    return "Language[V="
        + vocabulary
        + ", L="
        + maxLength
        + ", D="
        + weights.length
        + ", transitions="
        + successors.length
        + "]";
  }
}
