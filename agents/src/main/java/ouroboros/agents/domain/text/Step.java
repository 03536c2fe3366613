package ouroboros.agents.domain.text;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import ouroboros.agents.domain.SamplingSettings;

/**
 * One next-token distribution as sampled under generation settings, ready to draw from: the
 * outcomes it keeps and their cumulative weights. Immutable.
 *
 * <p>{@link #of} applies the settings to a next-token distribution in this order, at every step of
 * a sentence (the order of Hugging Face {@code transformers}' logits processors):
 *
 * <ol>
 *   <li><b>temperature</b> T: q proportional to p^(1/T), computed as exp((ln p - ln p_max) / T) so
 *       that small T neither underflows nor overflows; outcomes with p = 0 stay at 0;
 *   <li><b>top-k</b> k (0: off): keep the k most likely outcomes (Fan et al., "Hierarchical neural
 *       story generation", ACL 2018);
 *   <li><b>top-p</b> p (1: off), nucleus sampling (Holtzman et al., "The curious case of neural
 *       text degeneration", ICLR 2020): of what top-k kept, renormalised, keep the smallest set of
 *       most likely outcomes whose mass reaches p (a shortfall of at most {@value #TOP_P_ROUNDING}
 *       counts as reaching it).
 * </ol>
 *
 * <p>Ranks are by probability, ties broken by the lower token id, so truncation is deterministic.
 * Temperature is monotone, so it never changes the ranking. The outcomes kept stay in increasing id
 * order.
 */
final class Step {
  /** How far below p a kept set's mass may be and still count as reaching p. */
  static final double TOP_P_ROUNDING = 1e-12;

  private final int[] outcomes;
  private final double[] cumulative;

  private Step(int[] outcomes, double[] cumulative) {
    this.outcomes = outcomes;
    this.cumulative = cumulative;
  }

  /** Plain sampling from the first {@code m} (outcome, probability) pairs, in their order. */
  static Step plain(int[] ids, double[] p, int m) {
    double[] cdf = new double[m];
    double s = 0;
    for (int i = 0; i < m; i++) {
      s += p[i];
      cdf[i] = s;
    }
    return new Step(Arrays.copyOf(ids, m), cdf);
  }

  /**
   * The first {@code m} (outcome, probability) pairs after temperature, top-k and top-p, kept in
   * their given order. Pairs with probability 0 are dropped; at least one pair must have positive
   * probability. The ranking sorts a primitive copy of the probabilities; the outcomes kept are
   * those above the last kept probability, then as many as needed of those equal to it, lowest id
   * first (ids must increase along the pairs, as they do in a row or a distribution).
   */
  static Step of(int[] ids, double[] p, int m, SamplingSettings settings) {
    if (settings.isPlain()) {
      return plain(ids, p, m);
    }
    double[] sorted = positives(p, m);
    int n = sorted.length;
    double max = sorted[n - 1];
    double t = settings.temperature();
    if (settings.topK() > 0) {
      n = Math.min(n, settings.topK());
    }
    if (settings.topP() < 1.0) {
      double total = 0;
      for (int r = 0; r < n; r++) {
        total += temper(sorted[sorted.length - 1 - r], max, t);
      }
      double mass = 0;
      int nucleus = 0;
      while (nucleus < n && (nucleus == 0 || mass < settings.topP() - TOP_P_ROUNDING)) {
        mass += temper(sorted[sorted.length - 1 - nucleus], max, t) / total;
        nucleus++;
      }
      n = nucleus;
    }
    double last = sorted[sorted.length - n];
    int ties = n;
    for (int r = sorted.length - n; r < sorted.length; r++) {
      ties -= sorted[r] > last ? 1 : 0;
    }
    int[] out = new int[n];
    double[] cdf = new double[n];
    double s = 0;
    int k = 0;
    for (int i = 0; i < m && k < n; i++) {
      if (p[i] > last || (p[i] == last && ties-- > 0)) {
        out[k] = ids[i];
        s += temper(p[i], max, t);
        cdf[k++] = s;
      }
    }
    return new Step(out, cdf);
  }

  /** p^(1/T) relative to the largest p, as exp(ln(p / max) / T). */
  private static double temper(double p, double max, double temperature) {
    return temperature == 1.0 ? p : StrictMath.exp(StrictMath.log(p / max) / temperature);
  }

  /** The positive probabilities among the first m, sorted increasing. */
  private static double[] positives(double[] p, int m) {
    int n = 0;
    for (int i = 0; i < m; i++) {
      n += p[i] > 0 ? 1 : 0;
    }
    if (n == 0) {
      throw new IllegalArgumentException("a next-token distribution has no mass");
    }
    double[] out = new double[n];
    for (int i = 0, j = 0; i < m; i++) {
      if (p[i] > 0) {
        out[j++] = p[i];
      }
    }
    Arrays.sort(out);
    return out;
  }

  /** Draws an outcome: one uniform double, then a binary search of the cumulative weights. */
  int draw(UniformRandomProvider rng) {
    double u = rng.nextDouble() * cumulative[cumulative.length - 1];
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return outcomes[lo];
  }

  /** Number of outcomes kept. */
  int size() {
    return outcomes.length;
  }

  /** Outcome {@code r} in kept order. */
  int outcome(int r) {
    return outcomes[r];
  }

  /** Probability of kept outcome {@code r} after the settings. */
  double probability(int r) {
    double total = cumulative[cumulative.length - 1];
    return (cumulative[r] - (r == 0 ? 0 : cumulative[r - 1])) / total;
  }
}
