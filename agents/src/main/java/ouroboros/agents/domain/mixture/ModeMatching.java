package ouroboros.agents.domain.mixture;

/**
 * Definition 6 (entanglement of modes; Schaeffer et al. 2025) for mixtures: the share of the
 * truth's components that are still separately recovered.
 *
 * <p>Truth component c (weight w_c, mean m_c, covariance S_c) is <em>matched</em> by model
 * component j when the model's weight is at least w_c / 4 and its mean lies within one truth
 * standard deviation of m_c: (m_j - m_c)' S_c^-1 (m_j - m_c) &lt;= 1. A component is
 * <em>recovered</em> when it is matched and no model component serves two truth components: the
 * measure is the size of a maximum bipartite matching between truth and model components over the
 * "matched" relation (Kuhn's augmenting paths, "The Hungarian method for the assignment problem",
 * 1955), divided by the truth's k. Two truth modes merged into one model component therefore count
 * once, and a component that has lost three quarters of its weight or drifted off its location
 * counts as lost.
 */
public final class ModeMatching {
  /** A model component needs at least this share of the truth component's weight. */
  public static final double WEIGHT_SHARE = 0.25;

  /** And its mean within this squared Mahalanobis distance under the truth component. */
  public static final double RADIUS2 = 1.0;

  private ModeMatching() {}

  /** The share of the truth's components recovered by a mixture model, in [0, 1]. */
  public static double recovered(MixtureModel truth, MixtureModel model) {
    boolean[][] edge = new boolean[truth.size()][model.size()];
    for (int c = 0; c < truth.size(); c++) {
      for (int j = 0; j < model.size(); j++) {
        edge[c][j] =
            model.weight(j) >= WEIGHT_SHARE * truth.weight(c)
                && truth.component(c).mahalanobis2(model.component(j).mean(), 0) <= RADIUS2;
      }
    }
    return (double) maximumMatching(edge) / truth.size();
  }

  /** Size of a maximum matching of rows to columns where {@code edge[row][column]}. */
  public static int maximumMatching(boolean[][] edge) {
    int columns = edge.length == 0 ? 0 : edge[0].length;
    int[] owner = new int[columns];
    java.util.Arrays.fill(owner, -1);
    int size = 0;
    for (int r = 0; r < edge.length; r++) {
      if (augment(r, edge, owner, new boolean[columns])) {
        size++;
      }
    }
    return size;
  }

  /** Tries to match row r, re-matching owners along an augmenting path. */
  private static boolean augment(int r, boolean[][] edge, int[] owner, boolean[] seen) {
    for (int c = 0; c < owner.length; c++) {
      if (edge[r][c] && !seen[c]) {
        seen[c] = true;
        if (owner[c] < 0 || augment(owner[c], edge, owner, seen)) {
          owner[c] = r;
          return true;
        }
      }
    }
    return false;
  }
}
