package ouroboros.agents.domain.text;

import ouroboros.agents.data.Batch;
import ouroboros.agents.domain.EstimatorSettings;
import ouroboros.agents.domain.FitException;
import ouroboros.agents.domain.Smoothing;

/**
 * Fits an {@link NgramModel} to sentences: counts every scored event of every sentence (each word,
 * and the end token unless the sentence has L words) in its context of the last n - 1 tokens,
 * padded with n - 1 start tokens. Item weights are rescaled to mean 1, so counts are in items; an
 * item with weight 0 counts for nothing. The lower context lengths come from the top one: summed
 * counts (add-k, which uses them only to back off when k = 0), or, for Kneser-Ney, the number of
 * distinct tokens seen before each (context, successor) (Kneser and Ney 1995; Chen and Goodman
 * 1999). Smoothing: {@link EstimatorSettings#alpha()} is k for add-k, and the Kneser-Ney discount D
 * in (0, 1), with 0 meaning the customary {@value #DEFAULT_DISCOUNT}.
 */
public final class NgramEstimator {
  /** The Kneser-Ney discount when the settings give 0. */
  public static final double DEFAULT_DISCOUNT = 0.75;

  private NgramEstimator() {}

  /**
   * Fits the model.
   *
   * @param data sentences in the payload format of {@link Sentences}
   * @param weights one non-negative weight per item, or null for equal weights
   * @param settings order, smoothing and alpha
   * @param vocabulary V
   * @throws FitException on a malformed sentence, bad weights, a Kneser-Ney discount outside (0,
   *     1), or nothing to count
   */
  public static NgramModel fit(
      Batch data, double[] weights, EstimatorSettings settings, int vocabulary)
      throws FitException {
    int order = settings.order();
    double alpha = settings.alpha();
    if (settings.smoothing() == Smoothing.KNESER_NEY) {
      alpha = alpha == 0 ? DEFAULT_DISCOUNT : alpha;
      if (!(alpha < 1)) {
        throw new FitException("Kneser-Ney discount is not in (0, 1): " + alpha);
      }
    }
    double[] w = scaled(weights, data.size());
    int maxLength = data.width() - 1;
    int outcomes = vocabulary + 1;
    int base = vocabulary + 2;
    int start = Sentences.start(vocabulary);
    int top = order - 1;
    LongDoubleMap counts = new LongDoubleMap(Math.max(16, data.size() * 4));
    int[] words = new int[maxLength];
    long events = 0;
    for (int i = 0; i < data.size(); i++) {
      int n = Sentences.read(data, i, words, vocabulary);
      if (w[i] == 0) {
        continue;
      }
      int prev2 = start;
      int prev1 = start;
      for (int t = 0; t < n || (t == n && n < maxLength); t++) {
        int token = t < n ? words[t] : vocabulary;
        long context = top == 0 ? 0 : top == 1 ? prev1 : (long) prev2 * base + prev1;
        counts.add(context * outcomes + token, w[i]);
        events++;
        prev2 = prev1;
        prev1 = token;
      }
    }
    if (events == 0) {
      throw new FitException("no sentences with positive weight to fit");
    }
    CountTable[] levels = new CountTable[order];
    levels[top] = CountTable.of(counts, outcomes);
    boolean continuation = settings.smoothing() == Smoothing.KNESER_NEY;
    for (int j = top - 1; j >= 0; j--) {
      CountTable above = levels[j + 1];
      LongDoubleMap lower = new LongDoubleMap(above.entries());
      for (int c = 0; c < above.contexts(); c++) {
        long suffix = j == 0 ? 0 : above.context(c) % base;
        for (int e = above.begin(c); e < above.end(c); e++) {
          lower.add(suffix * outcomes + above.successor(e), continuation ? 1 : above.value(e));
        }
      }
      levels[j] = CountTable.of(lower, outcomes);
    }
    return new NgramModel(vocabulary, settings.smoothing(), alpha, levels);
  }

  /** The weights rescaled to mean 1, or all 1 when null. */
  private static double[] scaled(double[] weights, int n) throws FitException {
    double[] w = new double[n];
    if (weights == null) {
      java.util.Arrays.fill(w, 1.0);
      return w;
    }
    if (weights.length != n) {
      throw new FitException("weights has " + weights.length + " entries, expected " + n);
    }
    double sum = 0;
    for (double x : weights) {
      if (!(x >= 0) || Double.isInfinite(x)) {
        throw new FitException("a weight is not a finite non-negative number: " + x);
      }
      sum += x;
    }
    if (!(sum > 0)) {
      throw new FitException("weights do not sum to a positive number: " + sum);
    }
    for (int i = 0; i < n; i++) {
      w[i] = weights[i] * n / sum;
    }
    return w;
  }
}
