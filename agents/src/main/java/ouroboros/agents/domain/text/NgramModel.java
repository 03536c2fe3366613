package ouroboros.agents.domain.text;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import ouroboros.agents.domain.Model;
import ouroboros.agents.domain.Smoothing;
import ouroboros.agents.state.StateIo;

/**
 * A fitted n-gram model (n = 1 to 3) over V words and the end token: one {@link CountTable} per
 * context length j = 0 .. n-1, a context being the last j tokens with start padding. Outcomes are
 * the V words and the end token (V outcomes + 1); probabilities, for a context h with count c(h)
 * and successor counts c(h w):
 *
 * <ul>
 *   <li><b>add-k</b>, k &gt; 0 (Lidstone's additive smoothing; Chen and Goodman 1999), at the top
 *       order only: (c(h w) + k) / (c(h) + k (V + 1)); an unseen context gets the uniform
 *       distribution, so every transition, possible or not, has positive probability;
 *   <li><b>add-k with k = 0</b>, plain relative frequencies: c(h w) / c(h) at the longest suffix of
 *       the context that was seen, but never at the empty context when n &ge; 2. A context whose
 *       last word was never seen has no distribution at all: the model puts no mass after a word it
 *       never says, the sampler ends the sentence there (it never reaches such a context from the
 *       start token), and cross-entropy prices its next token at the evaluation floor. Such a model
 *       can only emit transitions that were in its training data;
 *   <li><b>interpolated Kneser-Ney</b> with one discount D (Kneser and Ney 1995; Chen and Goodman,
 *       "An empirical study of smoothing techniques for language modeling", 1999): p_j(w|h) =
 *       max(c_j(h w) - D, 0) / c_j(h) + gamma(h) p_{j-1}(w|h'), where h' drops the oldest token,
 *       c_j is the weighted count at the top order and the continuation count N1+(. h w) (distinct
 *       left extensions) below it, and gamma(h) = 1 - sum_w max(c_j(h w) - D, 0) / c_j(h), which is
 *       D N1+(h .) / c_j(h) for whole counts and keeps the distribution normalised for fractional
 *       ones. An unseen context backs off: p_j = p_{j-1}. The bottom is uniform: p_{-1}(w) = 1 / (V
 *       + 1).
 * </ul>
 */
public final class NgramModel implements Model {
  private final int vocabulary;
  private final Smoothing smoothing;
  private final double alpha;
  private final CountTable[] levels;
  private final double[][] discounted;

  /** A model from its count tables, one per context length 0 .. n-1. */
  NgramModel(int vocabulary, Smoothing smoothing, double alpha, CountTable[] levels) {
    this.vocabulary = vocabulary;
    this.smoothing = Objects.requireNonNull(smoothing, "smoothing");
    this.alpha = alpha;
    this.levels = levels.clone();
    this.discounted = new double[levels.length][];
    for (int j = 0; j < levels.length; j++) {
      CountTable t = levels[j];
      discounted[j] = new double[t.contexts()];
      for (int c = 0; c < t.contexts(); c++) {
        for (int e = t.begin(c); e < t.end(c); e++) {
          discounted[j][c] += Math.max(t.value(e) - alpha, 0);
        }
      }
    }
  }

  /** The order n. */
  public int order() {
    return levels.length;
  }

  /** The vocabulary size V. */
  public int vocabulary() {
    return vocabulary;
  }

  /** The smoothing. */
  public Smoothing smoothing() {
    return smoothing;
  }

  /** The add-k constant, or the Kneser-Ney discount. */
  public double alpha() {
    return alpha;
  }

  /** Distinct (context, successor) pairs stored, over all context lengths. */
  public int entries() {
    int n = 0;
    for (CountTable t : levels) {
      n += t.entries();
    }
    return n;
  }

  /** The stored value of (context, w) at context length j, 0 when unseen. */
  double count(int j, int prev2, int prev1, int w) {
    int c = levels[j].find(key(j, prev2, prev1));
    return c < 0 ? 0 : levels[j].value(c, w);
  }

  /** Words with positive probability in the unsmoothed case; all V otherwise. */
  public int vocabularyUsed() {
    if (!(smoothing == Smoothing.ADD_K && alpha == 0)) {
      return vocabulary;
    }
    CountTable unigrams = levels[0];
    int used = 0;
    for (int e = unigrams.begin(0); e < unigrams.end(0); e++) {
      used += unigrams.successor(e) < vocabulary ? 1 : 0;
    }
    return used;
  }

  /** The key of the context of length j ending in (prev2, prev1). */
  long key(int j, int prev2, int prev1) {
    return j == 0 ? 0 : j == 1 ? prev1 : (long) prev2 * (vocabulary + 2) + prev1;
  }

  /** Whether plain counts are in use (add-k with k = 0). */
  private boolean plainCounts() {
    return smoothing == Smoothing.ADD_K && alpha == 0;
  }

  /** The probability of outcome w after (prev2, prev1); tokens as in {@link Sentences}. */
  public double probability(int prev2, int prev1, int w) {
    int top = levels.length - 1;
    if (smoothing == Smoothing.KNESER_NEY) {
      double p = 1.0 / (vocabulary + 1);
      for (int j = 0; j <= top; j++) {
        int c = levels[j].find(key(j, prev2, prev1));
        if (c >= 0) {
          double total = levels[j].total(c);
          p =
              Math.max(levels[j].value(c, w) - alpha, 0) / total
                  + (1 - discounted[j][c] / total) * p;
        }
      }
      return p;
    }
    if (alpha > 0) {
      int c = levels[top].find(key(top, prev2, prev1));
      double total = c < 0 ? 0 : levels[top].total(c);
      double count = c < 0 ? 0 : levels[top].value(c, w);
      return (count + alpha) / (total + alpha * (vocabulary + 1));
    }
    for (int j = top; j >= Math.min(1, top); j--) {
      int c = levels[j].find(key(j, prev2, prev1));
      if (c >= 0) {
        return levels[j].value(c, w) / levels[j].total(c);
      }
    }
    return 0;
  }

  /**
   * The mass on {@code set} after (prev2, prev1) at context length j, given the mass {@code lower}
   * that the lengths below j put there (ignored by add-k with k &gt; 0, which uses only the top).
   */
  double levelMass(int j, int prev2, int prev1, OutcomeSet set, double lower) {
    CountTable t = levels[j];
    int c = t.find(key(j, prev2, prev1));
    if (smoothing == Smoothing.ADD_K && alpha > 0) {
      double in = c < 0 ? 0 : sumIn(t, c, set, 0);
      double total = c < 0 ? 0 : t.total(c);
      return (in + alpha * set.size()) / (total + alpha * (vocabulary + 1));
    }
    if (c < 0) {
      return lower;
    }
    double total = t.total(c);
    if (plainCounts()) {
      return sumIn(t, c, set, 0) / total;
    }
    return sumIn(t, c, set, alpha) / total + (1 - discounted[j][c] / total) * lower;
  }

  /** The mass on {@code set} after (prev2, prev1) from context lengths 0 .. upTo. */
  double chainMass(int prev2, int prev1, OutcomeSet set, int upTo) {
    int top = levels.length - 1;
    if (smoothing == Smoothing.ADD_K && alpha > 0) {
      return upTo < top ? 0 : levelMass(top, prev2, prev1, set, 0);
    }
    double m = smoothing == Smoothing.KNESER_NEY ? (double) set.size() / (vocabulary + 1) : 0;
    int from = smoothing == Smoothing.KNESER_NEY ? 0 : Math.min(1, top);
    for (int j = from; j <= upTo; j++) {
      m = levelMass(j, prev2, prev1, set, m);
    }
    return m;
  }

  /** Sum over the context's successors in {@code set} of max(value - discount, 0). */
  private static double sumIn(CountTable t, int c, OutcomeSet set, double discount) {
    double s = 0;
    for (int e = t.begin(c); e < t.end(c); e++) {
      if (set.contains(t.successor(e))) {
        s += Math.max(t.value(e) - discount, 0);
      }
    }
    return s;
  }

  /** The full next-token distribution after (prev2, prev1), or null when there is none. */
  double[] distribution(int prev2, int prev1) {
    int top = levels.length - 1;
    double[] d = new double[vocabulary + 1];
    if (smoothing == Smoothing.KNESER_NEY) {
      Arrays.fill(d, 1.0 / (vocabulary + 1));
      for (int j = 0; j <= top; j++) {
        CountTable t = levels[j];
        int c = t.find(key(j, prev2, prev1));
        if (c >= 0) {
          double total = t.total(c);
          double gamma = 1 - discounted[j][c] / total;
          for (int w = 0; w < d.length; w++) {
            d[w] *= gamma;
          }
          for (int e = t.begin(c); e < t.end(c); e++) {
            d[t.successor(e)] += Math.max(t.value(e) - alpha, 0) / total;
          }
        }
      }
      return d;
    }
    int from = alpha > 0 ? top : Math.min(1, top);
    for (int j = top; j >= from; j--) {
      CountTable t = levels[j];
      int c = t.find(key(j, prev2, prev1));
      if (c >= 0 || alpha > 0) {
        double denominator = (c < 0 ? 0 : t.total(c)) + alpha * (vocabulary + 1);
        Arrays.fill(d, alpha / denominator);
        for (int e = c < 0 ? 0 : t.begin(c); c >= 0 && e < t.end(c); e++) {
          d[t.successor(e)] += t.value(e) / denominator;
        }
        return d;
      }
    }
    return null;
  }

  /**
   * Draws the next outcome with plain sampling, without building the full distribution: each
   * smoothed distribution is a mixture of its discounted counts and what it backs off to, so a draw
   * walks down the context lengths, one uniform double per length visited. Returns -1 at a context
   * with no distribution.
   */
  int next(int prev2, int prev1, UniformRandomProvider rng) {
    int top = levels.length - 1;
    if (smoothing == Smoothing.KNESER_NEY) {
      for (int j = top; j >= 0; j--) {
        int c = levels[j].find(key(j, prev2, prev1));
        if (c >= 0) {
          int e = pick(levels[j], c, rng.nextDouble() * levels[j].total(c), alpha);
          if (e >= 0) {
            return levels[j].successor(e);
          }
        }
      }
      return rng.nextInt(vocabulary + 1);
    }
    if (alpha > 0) {
      int c = levels[top].find(key(top, prev2, prev1));
      double total = c < 0 ? 0 : levels[top].total(c);
      double u = rng.nextDouble() * (total + alpha * (vocabulary + 1));
      int e = u < total ? pick(levels[top], c, u, 0) : -1;
      return e >= 0 ? levels[top].successor(e) : rng.nextInt(vocabulary + 1);
    }
    for (int j = top; j >= Math.min(1, top); j--) {
      int c = levels[j].find(key(j, prev2, prev1));
      if (c >= 0) {
        int e = pick(levels[j], c, rng.nextDouble() * levels[j].total(c), 0);
        return levels[j].successor(e >= 0 ? e : levels[j].end(c) - 1);
      }
    }
    return -1;
  }

  /** The entry of context c where the running sum of max(value - discount, 0) passes u, or -1. */
  private static int pick(CountTable t, int c, double u, double discount) {
    double acc = 0;
    for (int e = t.begin(c); e < t.end(c); e++) {
      acc += Math.max(t.value(e) - discount, 0);
      if (u < acc) {
        return e;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return "NgramModel[n="
        + order()
        + ", V="
        + vocabulary
        + ", "
        + smoothing
        + " "
        + alpha
        + ", entries="
        + entries()
        + "]";
  }

  /** Writes the vocabulary, smoothing and count tables for a checkpoint. */
  void write(DataOutput out) throws IOException {
    out.writeInt(vocabulary);
    out.writeUTF(smoothing.name());
    out.writeDouble(alpha);
    out.writeInt(levels.length);
    for (CountTable t : levels) {
      t.write(out);
    }
  }

  /** Reads what {@link #write} wrote. */
  static NgramModel read(DataInput in) throws IOException {
    int vocabulary = in.readInt();
    Smoothing smoothing;
    try {
      smoothing = Smoothing.valueOf(in.readUTF());
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt checkpoint: an n-gram model's smoothing");
    }
    double alpha = in.readDouble();
    int n = StateIo.length(in);
    CountTable[] levels = new CountTable[Math.max(n, 0)];
    for (int j = 0; j < levels.length; j++) {
      levels[j] = CountTable.read(in);
    }
    return new NgramModel(vocabulary, smoothing, alpha, levels);
  }
}
