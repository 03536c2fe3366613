package ouroboros.agents.pipeline;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.math3.distribution.BinomialDistribution;
import ouroboros.agents.data.Items;
import ouroboros.agents.domain.Domain;

/** A watermark detector: the probability that it flags an item as watermarked. */
public interface Detector {

  /** The probability that item {@code i} is flagged. */
  double flagProbability(Items items, int i);

  /**
   * A detector given by its operating point: it flags a watermarked item with probability {@code
   * tpr} and any other item with probability {@code fpr}, whatever the watermark's strength.
   */
  static Detector operatingPoint(double tpr, double fpr) {
    return (items, i) -> items.watermarked(i) ? tpr : fpr;
  }

  /**
   * The z-score detector of Kirchenbauer et al. (2023), SCIENCE.md: a watermark of strength delta
   * raises the share of "green" tokens from gamma to gamma e^delta / (1 + gamma (e^delta - 1));
   * with T tokens the detector counts green tokens G and flags the item when z = (G - gamma T) /
   * sqrt(T gamma (1 - gamma)) exceeds {@code threshold}. G is binomial, so the flag probability is
   * an exact binomial tail, for watermarked items (true positives) and for the rest (false
   * positives). T is the item's length from the domain, or {@code tokens} when that is above 0.
   * This models the detector's statistics, not the text: no tokens are actually coloured green.
   *
   * @param gamma green-list share, in (0, 1)
   * @param threshold z-score threshold
   * @param tokens tokens per item, or 0 to ask the domain
   * @param domain gives each item's length
   */
  static Detector zScore(double gamma, double threshold, int tokens, Domain domain) {
    Map<Long, Double> cache = new HashMap<>();
    return (items, i) -> {
      int t = tokens > 0 ? tokens : domain.tokens(items.payload(), i);
      double delta = items.watermarkStrength(i);
      long key = ((long) t << 8) | Math.round(delta / Items.STRENGTH_STEP);
      return cache.computeIfAbsent(key, k -> tail(gamma, threshold, t, delta));
    };
  }

  /** P(z > threshold) for T tokens and a watermark of strength delta (0: none). */
  static double tail(double gamma, double threshold, int tokens, double delta) {
    if (tokens < 1) {
      return 0;
    }
    double e = Math.exp(delta);
    double green = delta == 0 ? gamma : gamma * e / (1 + gamma * (e - 1));
    double cut = gamma * tokens + threshold * Math.sqrt(tokens * gamma * (1 - gamma));
    int k = (int) Math.floor(cut);
    if (k >= tokens) {
      return 0;
    }
    if (k < 0) {
      return 1;
    }
    return 1 - new BinomialDistribution(null, tokens, green).cumulativeProbability(k);
  }
}
