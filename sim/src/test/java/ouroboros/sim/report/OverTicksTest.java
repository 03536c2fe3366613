package ouroboros.sim.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ouroboros.sim.output.PopulationStats;

/** {@link OverTicks#band}: the median and the 10% and 90% quantiles over the models, per tick. */
class OverTicksTest {
  private static Charts.Line line(double[] x, double[] y) {
    return new Charts.Line("m", x, y, null, null);
  }

  @Test
  void band_carriesEachModelsLatestValue_inTickOrder() {
    // Ticks out of order and not shared by every model; a value that is not finite leaves its
    // model out until its next row, and a tick counts each model from its first row on.
    Charts.Line a = line(new double[] {2, 0, 1, 5}, new double[] {4, 1, 3, Double.NaN});
    Charts.Line b = line(new double[] {0, 1, 2}, new double[] {2, Double.POSITIVE_INFINITY, 8});
    Charts.Line c = line(new double[] {1, 0, 3}, new double[] {5, 3, 7});
    Charts.Line d = line(new double[] {3}, new double[] {6});
    Charts.Line band = OverTicks.band(List.of(a, b, c, d));
    assertEquals("median of all 4 models (band: 10% to 90%)", band.name());
    assertArrayEquals(new double[] {0, 1, 2, 3, 5}, band.x());
    List<double[]> at =
        List.of(
            new double[] {1, 2, 3},
            new double[] {3, 5},
            new double[] {4, 5, 8},
            new double[] {4, 6, 7, 8},
            new double[] {6, 7, 8});
    for (int k = 0; k < at.size(); k++) {
      double[] v = at.get(k);
      assertEquals(PopulationStats.quantile(v, 0.5), band.y()[k], 1e-12, "median at " + k);
      assertEquals(PopulationStats.quantile(v, 0.1), band.lo()[k], 1e-12, "10% at " + k);
      assertEquals(PopulationStats.quantile(v, 0.9), band.hi()[k], 1e-12, "90% at " + k);
    }
    assertArrayEquals(new double[] {2, 4, 5, 6.5, 7}, band.y(), 1e-12);
  }

  @Test
  void band_mixedRetrainCadences_medianOverEveryModelAtEveryTick() {
    // Six models report at even ticks only with values 10..15, one every tick with 0 (the QA
    // scenario med.yaml: retrain-every 2 beside 1). At odd ticks the median is still that of all
    // seven, not the one model that happens to report there.
    List<Charts.Line> all = new ArrayList<>();
    for (int m = 0; m < 6; m++) {
      all.add(line(new double[] {0, 2, 4, 6}, new double[] {10 + m, 10 + m, 10 + m, 10 + m}));
    }
    all.add(line(new double[] {0, 1, 2, 3, 4, 5, 6, 7}, new double[8]));
    Charts.Line band = OverTicks.band(all);
    assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5, 6, 7}, band.x());
    double[] v = {0, 10, 11, 12, 13, 14, 15};
    for (int k = 0; k < 8; k++) {
      assertEquals(PopulationStats.quantile(v, 0.5), band.y()[k], 1e-12, "median at " + k);
      assertEquals(PopulationStats.quantile(v, 0.1), band.lo()[k], 1e-12, "10% at " + k);
      assertEquals(PopulationStats.quantile(v, 0.9), band.hi()[k], 1e-12, "90% at " + k);
    }
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
    List<Charts.Line> all = new ArrayList<>();
    for (int m = 0; m < 40; m++) {
      double[] y = new double[x.length];
      for (int i = 0; i < y.length; i++) {
        // tick 3 is NaN for every model: it has no value, and is left out
        y[i] = i == 4 ? Double.NaN : rng.nextGaussian();
      }
      all.add(line(x, y));
    }
    double[][] xs = all.stream().map(Charts.Line::x).toArray(double[][]::new);
    assertArrayEquals(x, LatestValues.ticks(xs));
    Charts.Line shared = OverTicks.band(all);
    assertArrayEquals(new double[] {-1, 0, 1, 2, 4, 5, 6}, shared.x());
    // The same lines with a last point of their own in one model: the ticks are not shared, and
    // the band is the same up to tick 6.
    List<Charts.Line> more = new ArrayList<>(all);
    Charts.Line last = all.get(7);
    double[] x7 = java.util.Arrays.copyOf(x, x.length + 1);
    x7[x.length] = 9;
    double[] y7 = java.util.Arrays.copyOf(last.y(), x.length + 1);
    more.set(7, line(x7, y7));
    xs = more.stream().map(Charts.Line::x).toArray(double[][]::new);
    assertArrayEquals(x7, LatestValues.ticks(xs));
    Charts.Line general = OverTicks.band(more);
    int n = shared.x().length;
    assertArrayEquals(shared.x(), java.util.Arrays.copyOf(general.x(), n));
    assertArrayEquals(shared.y(), java.util.Arrays.copyOf(general.y(), n));
    assertArrayEquals(shared.lo(), java.util.Arrays.copyOf(general.lo(), n));
    assertArrayEquals(shared.hi(), java.util.Arrays.copyOf(general.hi(), n));
  }
}
