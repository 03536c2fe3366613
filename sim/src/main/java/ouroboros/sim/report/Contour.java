package ouroboros.sim.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The boundary of a grid of cells at a level: the edges between neighbouring cells on either side
 * of it, a staircase along the cells' edges that the collapse map draws. It reaches the plot's
 * edges, which a marching squares contour between cell centres (used before) did not.
 */
final class Contour {
  private Contour() {}

  /**
   * The edges between neighbouring cells on either side of {@code level} (one at or above it, the
   * other below), as {x1, y1, x2, y2} in grid coordinates: cell (i, j) spans i ± 0.5 and j ± 0.5,
   * so the boundary runs between cells and reaches the edges of the plot. A missing (NaN) cell has
   * no edge.
   */
  static List<double[]> cellEdges(double[][] z, double level) {
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < z.length; i++) {
      for (int j = 0; j < z[i].length; j++) {
        if (i + 1 < z.length && differ(z[i][j], z[i + 1][j], level)) {
          out.add(new double[] {i + 0.5, j - 0.5, i + 0.5, j + 0.5});
        }
        if (j + 1 < z[i].length && differ(z[i][j], z[i][j + 1], level)) {
          out.add(new double[] {i - 0.5, j + 0.5, i + 0.5, j + 0.5});
        }
      }
    }
    return out;
  }

  /** Whether two values, neither missing, lie on either side of the level. */
  private static boolean differ(double a, double b, double level) {
    return !Double.isNaN(a) && !Double.isNaN(b) && (a >= level) != (b >= level);
  }
}
