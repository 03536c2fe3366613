package ouroboros.agents.domain.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * {@link LeastSquares#addRow}, the one loop behind every X'X of the package (the fit, the
 * baseline's refit and the design's constants): the lower triangle of sum_i (w_i x_ia) x_ib, summed
 * over the rows in order, to the bit; the upper triangle untouched.
 */
class GramRowTest {
  @Test
  void addRow_lowerTriangleOfWeightedProducts_inRowOrder_upperUntouched() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(11L);
    int t = 7;
    int d = 4;
    double[] x = new double[3 + t * d]; // rows start at offset 3
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextDouble() * 4 - 2;
    }
    for (double w : new double[] {1.0, 0.37}) {
      double[][] gram = new double[d][d];
      double[][] expected = new double[d][d];
      for (int i = 0; i < t; i++) {
        int at = 3 + i * d;
        LeastSquares.addRow(gram, x, at, d, w);
        for (int a = 0; a < d; a++) {
          for (int b = 0; b <= a; b++) {
            expected[a][b] += (w * x[at + a]) * x[at + b];
          }
        }
      }
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          assertEquals(
              Double.doubleToLongBits(expected[a][b]),
              Double.doubleToLongBits(gram[a][b]),
              "w " + w + ", entry " + a + "," + b);
        }
      }
    }
  }
}
