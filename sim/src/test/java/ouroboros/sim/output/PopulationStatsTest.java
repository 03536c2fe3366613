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
  void stat_noValues_nan() {
    PopulationStats.Stat s = PopulationStats.stat(new double[] {Double.NaN});
    assertEquals(0, s.n());
    assertTrue(Double.isNaN(s.mean()) && Double.isNaN(s.quantile("q95")));
  }
}
