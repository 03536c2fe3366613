package ouroboros.agents.domain.categorical;

import java.util.Arrays;
import ouroboros.agents.domain.SamplingSettings;

/**
 * The distribution a categorical model actually samples from under generation settings. Three
 * steps, in this order (the order of Hugging Face {@code transformers}' logits processors):
 *
 * <ol>
 *   <li><b>temperature</b> T: q_i proportional to p_i^(1/T), computed as exp(ln p_i / T - max) so
 *       that small T neither underflows nor overflows. T below 1 sharpens, above 1 flattens;
 *       categories with p_i = 0 stay at 0 whatever T is;
 *   <li><b>top-k</b> k (0: off): keep the k most likely categories, zero the rest, renormalise;
 *   <li><b>top-p</b> p (1: off), nucleus sampling (Holtzman et al., "The curious case of neural
 *       text degeneration", ICLR 2020): keep the smallest set of most likely categories whose mass
 *       reaches p, zero the rest, renormalise. A set whose mass falls short of p by at most {@value
 *       #TOP_P_ROUNDING} (floating-point rounding) counts as reaching it, so that a 90/10
 *       distribution under top-p 0.9 keeps the 90% category alone however its 0.9 was computed.
 * </ol>
 *
 * <p>Ties: where two categories are equally likely, the one with the lower index ranks first, so
 * top-k and top-p keep it before the other. Each step applies only to the categories the previous
 * step left with mass; top-k with k at least that many keeps them all.
 *
 * <p>Truncation is what makes the tails disappear in recursive training (Shumailov et al., "AI
 * models collapse when trained on recursively generated data", Nature 2024): a category cut from
 * the sampled distribution never reaches the next generation's training data.
 */
public final class Truncation {
  /** How far below p a kept set's mass may be and still count as reaching p. */
  static final double TOP_P_ROUNDING = 1e-12;

  private Truncation() {}

  /**
   * The sampled distribution: {@code p} after temperature, then top-k, then top-p, as a new array
   * summing to 1. {@code p} must be a distribution (non-negative, summing to 1).
   */
  public static double[] apply(double[] p, SamplingSettings settings) {
    double[] q = p.clone();
    if (settings.temperature() != 1.0) {
      temper(q, settings.temperature());
    }
    if (settings.topK() > 0) {
      keep(q, settings.topK());
    }
    if (settings.topP() < 1.0) {
      Integer[] order = ranked(q);
      double mass = 0;
      int kept = 0;
      while (kept < order.length && (kept == 0 || mass < settings.topP() - TOP_P_ROUNDING)) {
        mass += q[order[kept]];
        kept++;
      }
      keep(q, order, kept);
    }
    return q;
  }

  /** q_i := q_i^(1/T), renormalised, in place. */
  private static void temper(double[] q, double temperature) {
    double max = Double.NEGATIVE_INFINITY;
    double[] logits = new double[q.length];
    for (int i = 0; i < q.length; i++) {
      logits[i] = q[i] > 0 ? StrictMath.log(q[i]) / temperature : Double.NEGATIVE_INFINITY;
      max = Math.max(max, logits[i]);
    }
    double sum = 0;
    for (int i = 0; i < q.length; i++) {
      q[i] = q[i] > 0 ? StrictMath.exp(logits[i] - max) : 0;
      sum += q[i];
    }
    for (int i = 0; i < q.length; i++) {
      q[i] /= sum;
    }
  }

  /** Keeps the k most likely categories, in place. */
  private static void keep(double[] q, int k) {
    Integer[] order = ranked(q);
    if (k < order.length) {
      keep(q, order, k);
    }
  }

  /** Keeps the first {@code kept} categories of {@code order}, renormalised, in place. */
  private static void keep(double[] q, Integer[] order, int kept) {
    double sum = 0;
    for (int r = 0; r < kept; r++) {
      sum += q[order[r]];
    }
    for (int r = kept; r < order.length; r++) {
      q[order[r]] = 0;
    }
    for (int r = 0; r < kept; r++) {
      q[order[r]] /= sum;
    }
  }

  /** The categories with mass, most likely first, ties by lower index. */
  static Integer[] ranked(double[] q) {
    int n = 0;
    for (double v : q) {
      if (v > 0) {
        n++;
      }
    }
    Integer[] order = new Integer[n];
    for (int i = 0, j = 0; i < q.length; i++) {
      if (q[i] > 0) {
        order[j++] = i;
      }
    }
    Arrays.sort(order, (a, b) -> q[a] != q[b] ? Double.compare(q[b], q[a]) : Integer.compare(a, b));
    return order;
  }
}
