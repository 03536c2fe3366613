package ouroboros.sim.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import ouroboros.sim.output.PopulationStats;

/** {@link OverTicks#band}: the median and the 10% and 90% quantiles over the models, per tick. */
class OverTicksTest {
  private static Charts.Line line(double[] x, double[] y) {
    return new Charts.Line("m", x, y, null, null);
  }

  @Test
  void band_groupsFiniteValuesByTick_inTickOrder() {
    // Ticks out of order and not shared by every model; values that are not finite are left out,
    // and tick 5 has none.
    Charts.Line a = line(new double[] {2, 0, 1, 5}, new double[] {4, 1, 3, Double.NaN});
    Charts.Line b = line(new double[] {0, 1, 2}, new double[] {2, Double.POSITIVE_INFINITY, 8});
    Charts.Line c = line(new double[] {1, 0, 3}, new double[] {5, 3, 7});
    Charts.Line band = OverTicks.band(List.of(a, b, c));
    assertEquals("median of all 3 models (band: 10% to 90%)", band.name());
    assertArrayEquals(new double[] {0, 1, 2, 3}, band.x());
    // tick 0: {1, 2, 3}; tick 1: {3, 5}; tick 2: {4, 8}; tick 3: {7}
    assertArrayEquals(new double[] {2, 4, 6, 7}, band.y());
    assertArrayEquals(new double[] {1.2, 3.2, 4.4, 7}, band.lo(), 1e-12);
    assertArrayEquals(new double[] {2.8, 4.8, 7.6, 7}, band.hi(), 1e-12);
  }

  @Test
  void quantile_interpolatesLinearly() {
    assertEquals(2.5, PopulationStats.quantile(new double[] {1, 2, 3, 4}, 0.5));
    assertEquals(1.3, PopulationStats.quantile(new double[] {1, 2, 3, 4}, 0.1), 1e-12);
  }

  @Test
  void band_sharedTicks_sameBandAsTheGeneralGrouping() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(11);
    double[] x = {-1, 0, 1, 2, 3, 4, 5, 6};
    List<Charts.Line> all = new java.util.ArrayList<>();
    for (int m = 0; m < 40; m++) {
      double[] y = new double[x.length];
      for (int i = 0; i < y.length; i++) {
        // tick 3 is NaN for every model: the shared ticks leave it out
        y[i] = i == 4 ? Double.NaN : rng.nextGaussian();
      }
      all.add(line(x, y));
    }
    assertArrayEquals(new double[] {-1, 0, 1, 2, 4, 5, 6}, OverTicks.sharedTicks(all));
    assertSameBand(OverTicks.bandOfAny(all), OverTicks.band(all));
    // One model without a value at tick 5: the ticks are not shared, and the band is the same.
    double[] y = all.get(7).y().clone();
    y[6] = Double.NaN;
    all.set(7, line(x, y));
    assertEquals(null, OverTicks.sharedTicks(all));
    assertSameBand(OverTicks.bandOfAny(all), OverTicks.band(all));
    assertEquals(
        null, OverTicks.sharedTicks(List.of(line(new double[] {1, 0}, new double[] {1, 2}))));
  }

  private static void assertSameBand(Charts.Line expected, Charts.Line actual) {
    assertEquals(expected.name(), actual.name());
    assertArrayEquals(expected.x(), actual.x());
    assertArrayEquals(expected.y(), actual.y());
    assertArrayEquals(expected.lo(), actual.lo());
    assertArrayEquals(expected.hi(), actual.hi());
  }
}
