package ouroboros.agents.domain.text;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import ouroboros.agents.state.StateIo;

/**
 * The n-gram counts of one context length, immutable and compact: the contexts in increasing key
 * order, and for each the successors it was seen with (increasing token id) and their values, in
 * compressed-sparse-row arrays. Lookups are binary searches. Values are weighted counts at the
 * model's top order, or Kneser-Ney continuation counts (distinct left extensions) below it.
 */
final class CountTable {
  private final long[] contexts;
  private final int[] start;
  private final int[] successors;
  private final double[] values;
  private final double[] totals;

  private CountTable(long[] contexts, int[] start, int[] successors, double[] values) {
    this.contexts = contexts;
    this.start = start;
    this.successors = successors;
    this.values = values;
    this.totals = new double[contexts.length];
    for (int c = 0; c < contexts.length; c++) {
      double s = 0;
      for (int e = start[c]; e < start[c + 1]; e++) {
        s += values[e];
      }
      totals[c] = s;
    }
  }

  /**
   * The table of a map from {@code context * outcomes + successor} to a value; entries with value 0
   * or less are left out.
   */
  static CountTable of(LongDoubleMap counts, int outcomes) {
    long[] keys = counts.sortedKeys();
    int n = 0;
    for (long k : keys) {
      if (counts.get(k) > 0) {
        n++;
      }
    }
    long[] ctx = new long[n];
    int[] succ = new int[n];
    double[] val = new double[n];
    int[] startOf = new int[n + 1];
    int c = -1;
    int e = 0;
    for (long k : keys) {
      double v = counts.get(k);
      if (!(v > 0)) {
        continue;
      }
      long context = k / outcomes;
      if (c < 0 || ctx[c] != context) {
        c++;
        ctx[c] = context;
        startOf[c] = e;
      }
      succ[e] = (int) (k % outcomes);
      val[e] = v;
      e++;
    }
    int contextsSeen = c + 1;
    startOf[contextsSeen] = e;
    return new CountTable(
        Arrays.copyOf(ctx, contextsSeen), Arrays.copyOf(startOf, contextsSeen + 1), succ, val);
  }

  /** Index of a context, or -1 when it was never seen. */
  int find(long context) {
    int c = Arrays.binarySearch(contexts, context);
    return c >= 0 ? c : -1;
  }

  /** Number of contexts. */
  int contexts() {
    return contexts.length;
  }

  /** Key of context {@code c}. */
  long context(int c) {
    return contexts[c];
  }

  /** First entry of context {@code c}. */
  int begin(int c) {
    return start[c];
  }

  /** One past the last entry of context {@code c}. */
  int end(int c) {
    return start[c + 1];
  }

  /** Successor token of entry {@code e}. */
  int successor(int e) {
    return successors[e];
  }

  /** Value of entry {@code e}. */
  double value(int e) {
    return values[e];
  }

  /** Sum of the values of context {@code c}. */
  double total(int c) {
    return totals[c];
  }

  /** The value of (context {@code c}, successor {@code w}), 0 when unseen. */
  double value(int c, int w) {
    int e = Arrays.binarySearch(successors, start[c], start[c + 1], w);
    return e >= 0 ? values[e] : 0;
  }

  /** Number of entries. */
  int entries() {
    return successors.length;
  }

  /** Writes the table for a checkpoint; the totals are derived. */
  void write(DataOutput out) throws IOException {
    StateIo.longs(out, contexts);
    StateIo.ints(out, start);
    StateIo.ints(out, successors);
    StateIo.doubles(out, values);
  }

  /** Reads what {@link #write} wrote. */
  static CountTable read(DataInput in) throws IOException {
    long[] c = StateIo.longs(in);
    int[] s = StateIo.ints(in);
    int[] succ = StateIo.ints(in);
    double[] v = StateIo.doubles(in);
    if (c == null
        || s == null
        || succ == null
        || v == null
        || s.length != c.length + 1
        || succ.length != v.length
        || s[c.length] != v.length) {
      throw new IOException("corrupt checkpoint: an n-gram count table of the wrong shape");
    }
    for (int i = 0; i < c.length; i++) {
      if (s[i] < 0 || s[i] > s[i + 1]) {
        throw new IOException("corrupt checkpoint: an n-gram count table of the wrong shape");
      }
    }
    return new CountTable(c, s, succ, v);
  }
}
