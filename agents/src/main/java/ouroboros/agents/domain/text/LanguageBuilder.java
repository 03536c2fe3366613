package ouroboros.agents.domain.text;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Draws a random {@link Language}: a sparse Markov chain over a Zipfian vocabulary, and its
 * dialects. The construction, in the order it consumes the generator:
 *
 * <ol>
 *   <li>Word i (0-based) has Zipf weight z_i = (i + 1)^-s: word 0 is the most frequent.
 *   <li>Rows, the start token's first, then words 0 .. V-1: each row draws S' = min(S, V) distinct
 *       successor words one after another, each draw with probability proportional to z among the
 *       words this row has not drawn yet (successive sampling without replacement, one uniform
 *       double per draw, through a Fenwick tree). The j-th drawn (j = 0 .. S'-1) gets weight r_j =
 *       (j + 1)^-s, so the transitions of a row are themselves Zipfian and frequent words are
 *       frequent successors everywhere: p(w_j | u) = (1 - e_u) r_j / sum r, and p(end | u) = e_u,
 *       with e_u = e after a word and 0 after the start token (a sentence has at least one word).
 *       The other V - S' words are impossible after u.
 *   <li>Dialects, only when D &ge; 2: for d = 0 .. D-1, for each row in the same order, one uniform
 *       integer picks the dialect's preferred successor among the row's S' words, and p_d(w | u) =
 *       (1 - beta) p(w | u) + beta (1 - e_u) [w = preferred], beta being the dialect strength. The
 *       end probability, and so the support, is the same in every dialect. With D = 1 the one
 *       dialect is the base chain.
 * </ol>
 */
public final class LanguageBuilder {
  private LanguageBuilder() {}

  /**
   * A random language.
   *
   * @param vocabulary V, at least 1
   * @param zipf s, at least 0
   * @param maxLength L, at least 1
   * @param successors S, at least 1 (S' = min(S, V) are drawn)
   * @param end e in (0, 1]
   * @param weights one mixture weight per dialect, positive; normalised here
   * @param strength beta in [0, 1]
   * @param rng the generator, consumed in the documented order
   */
  public static Language random(
      int vocabulary,
      double zipf,
      int maxLength,
      int successors,
      double end,
      double[] weights,
      double strength,
      UniformRandomProvider rng) {
    int v = vocabulary;
    int s = Math.min(successors, v);
    double[] z = new double[v];
    for (int i = 0; i < v; i++) {
      z[i] = Math.pow(i + 1, -zipf);
    }
    double[] r = new double[s];
    double rs = 0;
    for (int j = 0; j < s; j++) {
      r[j] = Math.pow(j + 1, -zipf);
      rs += r[j];
    }
    int rows = v + 2;
    int[] rowStart = new int[rows + 1];
    int[][] drawn = new int[rows][];
    Fenwick tree = new Fenwick(z);
    int[] order = new int[v + 1];
    order[0] = Sentences.start(v);
    for (int i = 0; i < v; i++) {
      order[i + 1] = i;
    }
    for (int u : order) {
      drawn[u] = tree.drawWithoutReplacement(s, rng);
    }
    int entries = 0;
    for (int u = 0; u < rows; u++) {
      rowStart[u] = entries;
      entries += u == v ? 0 : s + (u < v ? 1 : 0);
    }
    rowStart[rows] = entries;
    int dialects = weights.length;
    double[][] p = new double[dialects][entries];
    int[] succ = new int[entries];
    for (int u : order) {
      double eu = u < v ? end : 0;
      int b = rowStart[u];
      for (int j = 0; j < s; j++) {
        succ[b + j] = drawn[u][j];
        p[0][b + j] = (1 - eu) * r[j] / rs;
      }
      if (u < v) {
        succ[b + s] = v;
        p[0][b + s] = eu;
      }
    }
    for (int d = 1; d < dialects; d++) {
      p[d] = p[0].clone();
    }
    if (dialects >= 2) {
      for (int d = 0; d < dialects; d++) {
        for (int u : order) {
          int preferred = rowStart[u] + rng.nextInt(s);
          for (int e = rowStart[u]; e < rowStart[u] + s; e++) {
            p[d][e] *= 1 - strength;
          }
          p[d][preferred] += strength * (u < v ? 1 - end : 1);
        }
      }
    }
    sortRows(rowStart, succ, p);
    double total = Arrays.stream(weights).sum();
    double[] w = Arrays.stream(weights).map(x -> x / total).toArray();
    return new Language(v, maxLength, rowStart, succ, p, w);
  }

  /** Sorts each row's entries by successor token, permuting every dialect's probabilities. */
  private static void sortRows(int[] rowStart, int[] succ, double[][] p) {
    for (int u = 0; u + 1 < rowStart.length; u++) {
      int b = rowStart[u];
      int n = rowStart[u + 1] - b;
      Integer[] idx = new Integer[n];
      for (int i = 0; i < n; i++) {
        idx[i] = b + i;
      }
      Arrays.sort(idx, (x, y) -> Integer.compare(succ[x], succ[y]));
      int[] s2 = new int[n];
      for (int i = 0; i < n; i++) {
        s2[i] = succ[idx[i]];
      }
      for (double[] pd : p) {
        double[] p2 = new double[n];
        for (int i = 0; i < n; i++) {
          p2[i] = pd[idx[i]];
        }
        System.arraycopy(p2, 0, pd, b, n);
      }
      System.arraycopy(s2, 0, succ, b, n);
    }
  }

  /** A Fenwick (binary indexed) tree of weights, for successive sampling without replacement. */
  private static final class Fenwick {
    private final double[] tree;
    private final double[] weight;
    private final boolean[] taken;

    /** A tree over the given weights. */
    Fenwick(double[] weights) {
      weight = weights;
      taken = new boolean[weights.length];
      tree = new double[weights.length + 1];
      for (int i = 0; i < weights.length; i++) {
        add(i, weights[i]);
      }
    }

    /** Adds delta to weight i. */
    void add(int i, double delta) {
      for (int x = i + 1; x < tree.length; x += x & -x) {
        tree[x] += delta;
      }
    }

    /** Sum of all weights. */
    double total() {
      double s = 0;
      for (int x = tree.length - 1; x > 0; x -= x & -x) {
        s += tree[x];
      }
      return s;
    }

    /** The index i where the running sum of weights first exceeds u. */
    int find(double u) {
      int pos = 0;
      for (int step = Integer.highestOneBit(tree.length - 1); step > 0; step >>= 1) {
        if (pos + step < tree.length && tree[pos + step] <= u) {
          pos += step;
          u -= tree[pos];
        }
      }
      return pos;
    }

    /** Draws k distinct indices, then restores the weights. */
    int[] drawWithoutReplacement(int k, UniformRandomProvider rng) {
      int[] out = new int[k];
      for (int j = 0; j < k; j++) {
        int i;
        do {
          i = find(rng.nextDouble() * total());
        } while (i >= weight.length || taken[i]);
        taken[i] = true;
        out[j] = i;
        add(i, -weight[i]);
      }
      for (int i : out) {
        add(i, weight[i]);
        taken[i] = false;
      }
      return out;
    }
  }
}
