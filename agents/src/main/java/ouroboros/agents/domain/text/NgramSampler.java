package ouroboros.agents.domain.text;

import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import ouroboros.agents.domain.SamplingSettings;

/**
 * Generates sentences from an {@link NgramModel}. Plain settings draw by walking down the model's
 * mixture of discounted counts and back-off ({@link NgramModel#next}); any other settings build the
 * full next-token distribution of each context the call meets, apply temperature, top-k and top-p
 * in that order ({@link Step}), and keep the result for the rest of the call.
 */
final class NgramSampler {
  private NgramSampler() {}

  /**
   * Generates one sentence into {@code out} and returns its length: outcomes are drawn at each
   * position until the end token, a context with no distribution, or L words.
   */
  static int generate(
      NgramModel m,
      int[] out,
      int maxLength,
      SamplingSettings settings,
      Map<Long, Step> memo,
      UniformRandomProvider rng) {
    int v = m.vocabulary();
    int prev2 = Sentences.start(v);
    int prev1 = prev2;
    int top = m.order() - 1;
    for (int t = 0; t < maxLength; t++) {
      int w;
      if (settings.isPlain()) {
        w = m.next(prev2, prev1, rng);
      } else {
        int p2 = prev2;
        int p1 = prev1;
        Step step = memo.computeIfAbsent(m.key(top, p2, p1), k -> step(m, p2, p1, settings));
        w = step == null ? -1 : step.draw(rng);
      }
      if (w < 0 || w == v) {
        return t;
      }
      out[t] = w;
      prev2 = prev1;
      prev1 = w;
    }
    return maxLength;
  }

  /** The truncated step after (prev2, prev1), or null when there is no distribution. */
  static Step step(NgramModel m, int prev2, int prev1, SamplingSettings settings) {
    double[] d = m.distribution(prev2, prev1);
    if (d == null) {
      return null;
    }
    int[] ids = new int[d.length];
    double[] p = new double[d.length];
    int k = 0;
    for (int w = 0; w < d.length; w++) {
      if (d[w] > 0) {
        ids[k] = w;
        p[k++] = d[w];
      }
    }
    return Step.of(ids, p, k, settings);
  }
}
