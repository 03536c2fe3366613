package ouroboros.agents.domain.text;

import ouroboros.agents.data.Batch;
import ouroboros.agents.domain.FitException;

/**
 * The text domain's payload: one sentence per item, in a fixed-width row of L + 1 doubles, {@code
 * [n, w_1, ..., w_n, -1, ..., -1]}: the sentence length n (0 to L), then its word ids (0 to V - 1),
 * then -1 in every unused slot (the web store keeps fixed-width double rows).
 *
 * <p>Token ids inside the domain: words are 0 to V - 1, the end-of-sentence token is V ({@link
 * #end}) and the start-of-sentence padding is V + 1 ({@link #start}); neither boundary token is
 * ever written to a payload.
 */
public final class Sentences {
  /** The value of an unused slot. */
  public static final double UNUSED = -1;

  private Sentences() {}

  /** Doubles per item for sentences of at most {@code maxLength} words. */
  public static int width(int maxLength) {
    return maxLength + 1;
  }

  /** The end-of-sentence token for a vocabulary of V words: V. */
  public static int end(int vocabulary) {
    return vocabulary;
  }

  /** The start-of-sentence padding token for a vocabulary of V words: V + 1. */
  public static int start(int vocabulary) {
    return vocabulary + 1;
  }

  /** Writes the first {@code n} entries of {@code words} as row {@code item} of {@code out}. */
  public static void write(int[] words, int n, double[] out, int item, int maxLength) {
    if (n < 0 || n > maxLength) {
      throw new IllegalArgumentException("sentence length is not in [0, " + maxLength + "]: " + n);
    }
    int at = item * width(maxLength);
    out[at] = n;
    for (int t = 0; t < maxLength; t++) {
      out[at + 1 + t] = t < n ? words[t] : UNUSED;
    }
  }

  /** A batch holding the given sentences; for tests and examples. */
  public static Batch of(int maxLength, int[]... sentences) {
    double[] out = new double[sentences.length * width(maxLength)];
    for (int i = 0; i < sentences.length; i++) {
      write(sentences[i], sentences[i].length, out, i, maxLength);
    }
    return new Batch(sentences.length, width(maxLength), out);
  }

  /** The length of item {@code i}, unchecked. */
  public static int length(Batch batch, int i) {
    return (int) batch.get(i, 0);
  }

  /** Word {@code t} (0-based) of item {@code i}, unchecked. */
  public static int word(Batch batch, int i, int t) {
    return (int) batch.get(i, 1 + t);
  }

  /**
   * Reads item {@code i} into {@code out} and returns its length, checking that it is a well-formed
   * sentence: a whole length in [0, L] and whole word ids in [0, V).
   *
   * @throws FitException naming the item and the bad value
   */
  public static int read(Batch batch, int i, int[] out, int vocabulary) throws FitException {
    int maxLength = batch.width() - 1;
    double len = batch.get(i, 0);
    if (!(len >= 0 && len <= maxLength) || len != Math.rint(len)) {
      throw new FitException(
          "item "
              + i
              + " has length "
              + len
              + ", expected a whole number in [0, "
              + maxLength
              + "]");
    }
    int n = (int) len;
    for (int t = 0; t < n; t++) {
      double w = batch.get(i, 1 + t);
      if (!(w >= 0 && w < vocabulary) || w != Math.rint(w)) {
        throw new FitException(
            "item "
                + i
                + " has word "
                + w
                + " at position "
                + (t + 1)
                + ", expected a word id in [0, "
                + vocabulary
                + ")");
      }
      out[t] = (int) w;
    }
    return n;
  }
}
