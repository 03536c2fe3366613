package ouroboros.sim.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Marching squares on small grids whose contour is known. */
class ContourTest {
  @Test
  void segments_stepAlongX_oneVerticalLineHalfway() {
    // z[i][j]: inside (1) for i = 0, outside (0) for i = 1; two rows in j.
    List<double[]> s = Contour.segments(new double[][] {{1, 1}, {0, 0}}, 0.5);
    assertEquals(1, s.size());
    assertArrayEquals(new double[] {0.5, 0, 0.5, 1}, s.get(0), 1e-12);
  }

  @Test
  void segments_interpolatesTheCrossing() {
    List<double[]> s = Contour.segments(new double[][] {{0, 0}, {1, 1}}, 0.25);
    assertEquals(1, s.size());
    assertArrayEquals(new double[] {0.25, 0, 0.25, 1}, s.get(0), 1e-12);
  }

  @Test
  void segments_allInsideOrOutsideOrMissing_none() {
    assertTrue(Contour.segments(new double[][] {{1, 1}, {1, 1}}, 0.5).isEmpty());
    assertTrue(Contour.segments(new double[][] {{0, 0}, {0, 0}}, 0.5).isEmpty());
    assertTrue(Contour.segments(new double[][] {{1, Double.NaN}, {0, 0}}, 0.5).isEmpty());
  }

  @Test
  void segments_oneCornerInside_cutsThatCorner() {
    List<double[]> s = Contour.segments(new double[][] {{1, 0}, {0, 0}}, 0.5);
    assertEquals(1, s.size());
    // From the left edge (0, 0.5) to the bottom edge (0.5, 0).
    assertArrayEquals(new double[] {0, 0.5, 0.5, 0}, s.get(0), 1e-12);
  }

  @Test
  void segments_saddle_resolvedByTheCentre() {
    // Corners (0,0) and (1,1) inside. Centre mean 0.5 >= 0.5: inside, so the two outside
    // corners are cut off, two segments.
    List<double[]> s = Contour.segments(new double[][] {{1, 0}, {0, 1}}, 0.5);
    assertEquals(2, s.size());
    assertArrayEquals(new double[] {0, 0.5, 0.5, 1}, s.get(0), 1e-12);
    assertArrayEquals(new double[] {0.5, 0, 1, 0.5}, s.get(1), 1e-12);
  }

  @Test
  void segments_antiDiagonalOn3x3_throughTheCellsOnTheLevel() {
    // The test sweep's d3 share: 1 when i + j <= 1, 0.5 when i + j == 2, 0 above.
    double[][] z = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        z[i][j] = i + j <= 1 ? 1 : i + j == 2 ? 0.5 : 0;
      }
    }
    List<double[]> s = Contour.segments(z, 0.5);
    // The 0.5 cells are on the level, so the line runs through their centres: (1, 1) to (0, 2)
    // in square (0, 1), (2, 0) to (1, 1) in square (1, 0); square (1, 1), where only (1, 1) is
    // inside, meets the level at that point only.
    assertEquals(2, s.size());
    assertArrayEquals(new double[] {1, 1, 0, 2}, s.get(0), 1e-12);
    assertArrayEquals(new double[] {2, 0, 1, 1}, s.get(1), 1e-12);
  }
}
