package ouroboros.agents.crawl;

/**
 * Splits a crawl of n items across parts (sites, sources) in proportion to weights, by the
 * largest-remainder method (Hamilton's): each part gets the floor of its quota n·w/Σw, and the
 * items left over go one each to the largest remainders, ties to the lower index. No part gets more
 * than its capacity (the items it has); what a full part cannot take is either dropped or shared
 * again among the parts with room, by the same rule. Deterministic: no random draws.
 */
final class Shares {
  private Shares() {}

  /**
   * Each part's share of {@code n}.
   *
   * @param n items to split
   * @param weights one per part, at least 0; parts of weight 0 get nothing
   * @param capacity the most each part can give
   * @param redistribute whether what a full part cannot take goes to the others
   */
  static int[] split(int n, double[] weights, long[] capacity, boolean redistribute) {
    int k = weights.length;
    int[] out = new int[k];
    boolean[] open = new boolean[k];
    for (int i = 0; i < k; i++) {
      open[i] = weights[i] > 0 && (!redistribute || capacity[i] > 0);
    }
    int left = n;
    while (left > 0) {
      double sum = 0;
      for (int i = 0; i < k; i++) {
        sum += open[i] ? weights[i] : 0;
      }
      if (sum == 0) {
        break;
      }
      int[] quota = largestRemainder(left, weights, open, sum);
      int taken = 0;
      for (int i = 0; i < k; i++) {
        long room = capacity[i] - out[i];
        int q = (int) Math.min(quota[i], room);
        out[i] += q;
        taken += q;
        if (quota[i] >= room) {
          open[i] = false;
        }
      }
      left -= taken;
      if (!redistribute) {
        break;
      }
    }
    return out;
  }

  /** Hamilton's apportionment of n among the open parts. */
  private static int[] largestRemainder(int n, double[] weights, boolean[] open, double sum) {
    int k = weights.length;
    int[] quota = new int[k];
    double[] remainder = new double[k];
    int given = 0;
    for (int i = 0; i < k; i++) {
      if (open[i]) {
        double q = n * (weights[i] / sum);
        quota[i] = (int) Math.floor(q);
        remainder[i] = q - quota[i];
        given += quota[i];
      }
    }
    for (int extra = n - given; extra > 0; extra--) {
      int best = -1;
      for (int i = 0; i < k; i++) {
        if (open[i] && remainder[i] >= 0 && (best < 0 || remainder[i] > remainder[best])) {
          best = i;
        }
      }
      if (best < 0) {
        break; // rounding left more items than parts; never more than a handful
      }
      quota[best]++;
      remainder[best] = -1;
    }
    return quota;
  }
}
