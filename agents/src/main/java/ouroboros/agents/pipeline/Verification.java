package ouroboros.agents.pipeline;

import java.util.Arrays;
import java.util.Comparator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import ouroboros.agents.domain.Domain;

/**
 * {@code verification}: a verifier scores each item against the truth, with noise, and the stage
 * keeps the best (Feng et al. 2025, "Beyond model collapse: scaling up with synthesized data
 * requires verification"). The score is the domain's {@link Domain#truthScore} (the item's
 * log-likelihood under the truth) plus N(0, noise^2). The stage keeps either the top {@code
 * keepFraction} of the items by score (rounded up), or every item scoring at least {@code
 * threshold}. With noise 0 it is an oracle; as noise grows it keeps items at random. Items that tie
 * at the cut-off of the top share (noise 0 on a discrete domain: a human and a synthetic copy of
 * the same category) are kept at random among the tied, not by their order in the scrape, which
 * lists items by site and by author.
 */
public final class Verification implements Stage {
  /** The registered name. */
  public static final String NAME = "verification";

  private final Domain domain;
  private final double noise;
  private final double keepFraction;
  private final double threshold;
  private final ZigguratSampler.NormalizedGaussian gauss;
  private final UniformRandomProvider rng;

  /**
   * A verifier.
   *
   * @param noise sd of the verifier's noise, at least 0
   * @param keepFraction share of items kept, in (0, 1]; NaN to use the threshold instead
   * @param threshold minimum score kept, when {@code keepFraction} is NaN
   * @param env the domain and this stage's stream
   */
  public Verification(double noise, double keepFraction, double threshold, StageEnv env) {
    this.domain = env.domain();
    this.noise = noise;
    this.keepFraction = keepFraction;
    this.threshold = threshold;
    this.rng = env.rng();
    this.gauss = ZigguratSampler.NormalizedGaussian.of(rng);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Output apply(TrainingData in) {
    int n = in.size();
    double[] score = new double[n];
    for (int i = 0; i < n; i++) {
      score[i] = domain.truthScore(in.items().payload(), i) + noise * gauss.sample();
    }
    boolean[] keep = new boolean[n];
    if (Double.isNaN(keepFraction)) {
      for (int i = 0; i < n; i++) {
        keep[i] = score[i] >= threshold;
      }
    } else {
      int k = (int) Math.min(n, Math.ceil(keepFraction * n - 1e-9));
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(
          order, Comparator.<Integer>comparingDouble(i -> -score[i]).thenComparingInt(i -> i));
      for (int j = 0; j < k; j++) {
        keep[order[j]] = true;
      }
      breakTieAtCut(order, score, k, keep);
    }
    return Output.filtered(in.keep(keep));
  }

  /**
   * When the items ranked {@code k - 1} and {@code k} tie, keeps a random subset of the tied items
   * of the size the cut-off leaves them, in place of the first by index. Draws from the stream only
   * then, so a verifier with noise (no ties) draws the same numbers as before.
   */
  private void breakTieAtCut(Integer[] order, double[] score, int k, boolean[] keep) {
    int n = order.length;
    if (k == 0 || k == n || score[order[k - 1]] != score[order[k]]) {
      return;
    }
    double s = score[order[k]];
    int lo = k - 1;
    while (lo > 0 && score[order[lo - 1]] == s) {
      lo--;
    }
    int hi = k;
    while (hi + 1 < n && score[order[hi + 1]] == s) {
      hi++;
    }
    for (int j = lo; j <= hi; j++) {
      keep[order[j]] = false;
    }
    for (int pick : new PermutationSampler(rng, hi - lo + 1, k - lo).sample()) {
      keep[order[lo + pick]] = true;
    }
  }
}
