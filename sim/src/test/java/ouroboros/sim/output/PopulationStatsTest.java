package ouroboros.sim.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The statistics summary.json gives per population. */
class PopulationStatsTest {
  @Test
  void stat_quantilesAsNumpyLinear_nanLeftOut() {
    // numpy.quantile([1, 2, 3, 4, 10], [.05, .25, .5, .75, .95]) = 1.2, 2, 3, 4, 8.8
    PopulationStats.Stat s = PopulationStats.stat(new double[] {4, Double.NaN, 1, 10, 3, 2});
    assertEquals(5, s.n());
    assertEquals(4.0, s.mean(), 1e-12);
    assertArrayEquals(new double[] {1.2, 2, 3, 4, 8.8}, s.quantiles(), 1e-12);
    assertEquals(3.0, s.quantile("median"));
  }

  @Test
  void stat_aQuantileOnAFiniteValue_isThatValue_besideAnInfiniteOne() {
    // A kde run's five risks (QA, stop 32): the median was written as null, from 0.786 + 0 * inf.
    double inf = Double.POSITIVE_INFINITY;
    PopulationStats.Stat s = PopulationStats.stat(new double[] {inf, 0.617, 0.462, inf, 0.786});
    assertEquals(inf, s.mean());
    assertArrayEquals(
        new double[] {0.462 + 0.2 * (0.617 - 0.462), 0.617, 0.786, inf, inf}, s.quantiles(), 1e-12);
  }

  @Test
  void quantile_betweenInfinities_isTheInfinityOrNaN() {
    double inf = Double.POSITIVE_INFINITY;
    assertEquals(-inf, PopulationStats.quantile(new double[] {-inf, 1, 2}, 0.25));
    assertEquals(1.0, PopulationStats.quantile(new double[] {-inf, 1, 2}, 0.5));
    assertEquals(inf, PopulationStats.quantile(new double[] {1, 2, inf}, 0.75));
    assertTrue(Double.isNaN(PopulationStats.quantile(new double[] {-inf, inf}, 0.5)));
    assertEquals(-inf, PopulationStats.quantile(new double[] {-inf, inf}, 0));
  }

  @Test
  void stat_noValues_nan() {
    PopulationStats.Stat s = PopulationStats.stat(new double[] {Double.NaN});
    assertEquals(0, s.n());
    assertTrue(Double.isNaN(s.mean()) && Double.isNaN(s.quantile("q95")));
  }
}
