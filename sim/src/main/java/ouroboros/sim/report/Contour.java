package ouroboros.sim.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The contour of a grid at a level, by marching squares (Lorensen and Cline 1987, in two
 * dimensions): for each square of four neighbouring grid points, the edges where the values cross
 * the level are found by linear interpolation and joined by a segment. A square with a missing
 * (NaN) corner has no segment; a saddle square is resolved by the mean of its corners.
 */
final class Contour {
  private Contour() {}

  /**
   * The segments where {@code z} crosses {@code level}, as {x1, y1, x2, y2} in grid coordinates
   * (point (i, j) is {@code z[i][j]}). A value at or above the level is inside.
   */
  static List<double[]> segments(double[][] z, double level) {
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i + 1 < z.length; i++) {
      for (int j = 0; j + 1 < z[i].length; j++) {
        double a = z[i][j]; // (i, j)         corner 0
        double b = z[i + 1][j]; // (i + 1, j)     corner 1
        double c = z[i + 1][j + 1]; // (i + 1, j + 1) corner 2
        double d = z[i][j + 1]; // (i, j + 1)     corner 3
        if (Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(c) || Double.isNaN(d)) {
          continue;
        }
        int code =
            (a >= level ? 1 : 0)
                | (b >= level ? 2 : 0)
                | (c >= level ? 4 : 0)
                | (d >= level ? 8 : 0);
        if (code == 0 || code == 15) {
          continue;
        }
        // Crossing points on the four edges: bottom (0-1), right (1-2), top (3-2), left (0-3).
        double[] bottom = {i + frac(a, b, level), j};
        double[] right = {i + 1, j + frac(b, c, level)};
        double[] top = {i + frac(d, c, level), j + 1};
        double[] left = {i, j + frac(a, d, level)};
        boolean centreIn = (a + b + c + d) / 4 >= level;
        switch (code) {
          case 1, 14 -> add(out, left, bottom);
          case 2, 13 -> add(out, bottom, right);
          case 3, 12 -> add(out, left, right);
          case 4, 11 -> add(out, right, top);
          case 6, 9 -> add(out, bottom, top);
          case 7, 8 -> add(out, left, top);
          case 5 -> {
            if (centreIn) {
              add(out, left, top);
              add(out, bottom, right);
            } else {
              add(out, left, bottom);
              add(out, right, top);
            }
          }
          case 10 -> {
            if (centreIn) {
              add(out, left, bottom);
              add(out, right, top);
            } else {
              add(out, left, top);
              add(out, bottom, right);
            }
          }
          default -> throw new IllegalStateException("marching squares case " + code);
        }
      }
    }
    return out;
  }

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

  /** Where between {@code from} (at 0) and {@code to} (at 1) the level is crossed. */
  private static double frac(double from, double to, double level) {
    return from == to ? 0.5 : (level - from) / (to - from);
  }

  /** Adds the segment p-q, unless it is a point (the level met exactly at a corner). */
  private static void add(List<double[]> out, double[] p, double[] q) {
    if (p[0] != q[0] || p[1] != q[1]) {
      out.add(new double[] {p[0], p[1], q[0], q[1]});
    }
  }
}
