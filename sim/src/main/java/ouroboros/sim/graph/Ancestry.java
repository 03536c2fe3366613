package ouroboros.sim.graph;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Solves the human ancestry of one class, (I − W_CC) a_C = h_C + W_C,up a_up, its upstream classes
 * being done (see {@link GraphAnalysis}). The right-hand side costs the class's edges. A single
 * model divides by 1 − w_ii. A class of up to {@link #DENSE_MAX} models takes Commons Math's LU
 * decomposition, as before issue 15: metrics.csv prints ancestry to the last bit (Double.toString),
 * the LU's rounding shows there (0.9999999999999976), and no other method rounds the same way; at
 * most DENSE_MAX² work per model, so the total stays linear. A larger class is solved by
 * Gauss–Seidel sweeps over its sparse rows, from below (a = 0) and from above (a = 1) at once: the
 * map a -> b + W a is monotone and W_CC is substochastic with a leak, so the two iterates bracket
 * the solution and the answer, their midpoint, is within half their gap, at most {@link #GAP}. Were
 * the sweeps to stop short of that, the lower iterate is the answer: the least solution is the
 * absorption probability.
 */
final class Ancestry {
  /** The largest class solved by the dense LU decomposition. */
  static final int DENSE_MAX = 32;

  /** The bracket's width at which the sweeps stop. */
  static final double GAP = 1e-13;

  /** Sweeps at most, for a class whose leak is too small to converge sooner. */
  static final int MAX_SWEEPS = 100_000;

  private Ancestry() {}

  /**
   * Fills in the ancestry of the class {@code c}: 0 when it is closed, NaN when a member or an
   * upstream model has not trained.
   */
  static void solve(
      InteractionGraph g,
      int[] members,
      int[] classOf,
      int[] position,
      int c,
      boolean closed,
      double[] ancestry,
      int denseMax) {
    int s = members.length;
    if (closed) {
      for (int i : members) {
        ancestry[i] = 0;
      }
      return;
    }
    int h = g.humanCount();
    double[] b = new double[s];
    double[] self = new double[s];
    Arrays.fill(self, 1);
    int inside = 0;
    for (int r = 0; r < s; r++) {
      InteractionGraph.Input in = g.inputs().get(members[r]);
      if (!in.known()) {
        fill(members, ancestry, Double.NaN);
        return;
      }
      // The same operations in the same order as the dense solver, for the same bits.
      b[r] = in.humanShare();
      int[] authors = in.authors();
      for (int k = 0; k < authors.length; k++) {
        if (authors[k] < h) {
          continue;
        }
        int j = authors[k] - h;
        double w = (double) in.counts()[k] / in.items();
        if (classOf[j] != c) {
          b[r] += w * ancestry[j];
        } else if (j == members[r]) {
          self[r] = 1 + -w;
        } else {
          inside++;
        }
      }
    }
    for (double v : b) {
      if (Double.isNaN(v)) {
        fill(members, ancestry, Double.NaN);
        return;
      }
    }
    if (s == 1) {
      ancestry[members[0]] = probability(b[0] / self[0]);
    } else if (s <= denseMax) {
      dense(g, members, classOf, c, position, b, ancestry);
    } else {
      sparse(g, members, classOf, c, position, b, self, inside, ancestry);
    }
  }

  /** The LU decomposition of the dense system, as the analysis did before issue 15. */
  private static void dense(
      InteractionGraph g,
      int[] members,
      int[] classOf,
      int c,
      int[] position,
      double[] b,
      double[] ancestry) {
    int s = members.length;
    int h = g.humanCount();
    RealMatrix a = new Array2DRowRealMatrix(s, s);
    for (int r = 0; r < s; r++) {
      InteractionGraph.Input in = g.inputs().get(members[r]);
      a.setEntry(r, r, 1);
      int[] authors = in.authors();
      for (int k = 0; k < authors.length; k++) {
        int j = authors[k] - h;
        if (authors[k] >= h && classOf[j] == c) {
          a.addToEntry(r, position[j], -(double) in.counts()[k] / in.items());
        }
      }
    }
    RealVector x = new LUDecomposition(a).getSolver().solve(new ArrayRealVector(b, false));
    for (int r = 0; r < s; r++) {
      ancestry[members[r]] = probability(x.getEntry(r));
    }
  }

  /** Gauss–Seidel from below and above on the class's sparse rows, off the diagonal. */
  private static void sparse(
      InteractionGraph g,
      int[] members,
      int[] classOf,
      int c,
      int[] position,
      double[] b,
      double[] self,
      int inside,
      double[] ancestry) {
    int s = members.length;
    int h = g.humanCount();
    int[] start = new int[s + 1];
    int[] column = new int[inside];
    double[] weight = new double[inside];
    int e = 0;
    for (int r = 0; r < s; r++) {
      start[r] = e;
      InteractionGraph.Input in = g.inputs().get(members[r]);
      int[] authors = in.authors();
      for (int k = 0; k < authors.length; k++) {
        int j = authors[k] - h;
        if (authors[k] >= h && j != members[r] && classOf[j] == c) {
          column[e] = position[j];
          weight[e++] = (double) in.counts()[k] / in.items();
        }
      }
    }
    start[s] = e;
    // The two iterates interleaved, low at 2r and high at 2r + 1: one cache line per neighbour.
    double[] x = new double[2 * s];
    double[] bounds = bounds(g, members, classOf, c, b);
    for (int r = 0; r < s; r++) {
      x[2 * r] = bounds[0];
      x[2 * r + 1] = bounds[1];
    }
    double gap = Double.POSITIVE_INFINITY;
    double total = Double.POSITIVE_INFINITY;
    for (int sweep = 0; sweep < MAX_SWEEPS && gap > GAP; sweep++) {
      double widest = 0;
      double sum = 0;
      for (int r = 0; r < s; r++) {
        double lo = b[r];
        double hi = b[r];
        for (int k = start[r]; k < start[r + 1]; k++) {
          lo += weight[k] * x[2 * column[k]];
          hi += weight[k] * x[2 * column[k] + 1];
        }
        double low = Math.max(x[2 * r], Math.min(1, lo / self[r]));
        double high = Math.max(low, Math.min(x[2 * r + 1], hi / self[r]));
        x[2 * r] = low;
        x[2 * r + 1] = high;
        widest = Math.max(widest, high - low);
        sum += high - low;
      }
      gap = widest;
      if (sum >= total) {
        // No progress: rounding error at the solution, or a class whose walks never leave it
        // (edges of 0 items), where the least solution, the lower iterate, is the probability.
        break;
      }
      total = sum;
    }
    for (int r = 0; r < s; r++) {
      double low = x[2 * r];
      ancestry[members[r]] = probability(gap > 1e3 * GAP ? low : low + (x[2 * r + 1] - low) / 2);
    }
  }

  /**
   * Constant starting points {lo, hi} for the sweeps, lo <= a <= hi. A row r leaks the items it
   * takes from outside the class (counted exactly, in items), and a walk that leaves at r ends at
   * human data with probability b_r / leak_r; a = lo·1 is a sub-solution (b_r + lo (1 − leak_r) >=
   * lo) for lo the least of these ratios, and hi·1 a super-solution for the largest. Both bound the
   * solution when it is unique: when some row leaks and every edge inside the class carries items,
   * so that every walk, the class being strongly connected, leaves it. Otherwise {0, 1}. When every
   * walk ends at human data (a class fed by people and not by closed classes), lo = hi = 1 and one
   * sweep settles it, instead of about ln(1/GAP) / leak sweeps from 0.
   */
  private static double[] bounds(
      InteractionGraph g, int[] members, int[] classOf, int c, double[] b) {
    int h = g.humanCount();
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (int r = 0; r < members.length; r++) {
      InteractionGraph.Input in = g.inputs().get(members[r]);
      int[] authors = in.authors();
      long inside = 0;
      for (int k = 0; k < authors.length; k++) {
        if (authors[k] >= h && classOf[authors[k] - h] == c) {
          if (in.counts()[k] == 0) {
            return new double[] {0, 1};
          }
          inside += in.counts()[k];
        }
      }
      long leak = in.items() - inside;
      if (leak > 0) {
        double ratio = b[r] / ((double) leak / in.items());
        lo = Math.min(lo, ratio);
        hi = Math.max(hi, ratio);
      }
    }
    if (lo == Double.POSITIVE_INFINITY) {
      return new double[] {0, 1};
    }
    return new double[] {probability(lo), Math.max(probability(lo), probability(hi))};
  }

  /** Gives every member the same value. */
  private static void fill(int[] members, double[] ancestry, double v) {
    for (int i : members) {
      ancestry[i] = v;
    }
  }

  /** A solved probability, with rounding error beyond [0, 1] cut off. */
  private static double probability(double x) {
    return Math.max(0, Math.min(1, x));
  }
}
