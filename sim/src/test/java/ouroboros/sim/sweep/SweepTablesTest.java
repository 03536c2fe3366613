package ouroboros.sim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The statistics of summary.csv, the replicate seeds and CSV quoting, without runs. */
class SweepTablesTest {
  @Test
  void stats_threeValues_tBasedInterval() {
    ouroboros.sim.output.ReplicateStats s =
        ouroboros.sim.output.ReplicateStats.of(List.of(1.0, 2.0, 3.0));
    assertEquals(3, s.n());
    assertEquals(2.0, s.mean(), 1e-15);
    assertEquals(1.0, s.sd(), 1e-15);
    // For 2 degrees of freedom t(p) = (2p - 1) sqrt(2 / (4p(1 - p))): t(0.975) = 4.30265...
    double t = 0.95 * Math.sqrt(2 / (4 * 0.975 * 0.025));
    double half = t / Math.sqrt(3);
    assertEquals(2.0 - half, s.low(), 1e-9);
    assertEquals(2.0 + half, s.high(), 1e-9);
  }

  @Test
  void stats_oneValue_sdAndIntervalNA() {
    assertEquals("1,0.5,NA,NA,NA", ouroboros.sim.output.ReplicateStats.of(List.of(0.5)).csv());
  }

  @Test
  void stats_missingValues_leftOut() {
    assertEquals(
        "2,3,0,3,3", ouroboros.sim.output.ReplicateStats.of(List.of(3.0, Double.NaN, 3.0)).csv());
    assertEquals(
        "0,NA,NA,NA,NA", ouroboros.sim.output.ReplicateStats.of(List.of(Double.NaN)).csv());
  }

  @Test
  void seeds_splitMix64_knownOutputsAndDistinct() {
    // The first outputs of SplitMix64 seeded with 0 (Vigna's reference splitmix64.c).
    assertEquals(0xE220A8397B1DCDAFL, Seeds.replicate(0, 0));
    assertEquals(0x6E789E6AA1B965F4L, Seeds.replicate(0, 1));
    Set<Long> seen = new HashSet<>();
    for (int r = 0; r < 10_000; r++) {
      seen.add(Seeds.replicate(42, r));
    }
    assertEquals(10_000, seen.size());
    assertNotEquals(Seeds.replicate(42, 0), Seeds.replicate(43, 0));
  }

  @Test
  void csv_fieldWithComma_quoted() {
    assertEquals("\"[0.0,1.0]\"", SweepTables.csv("[0.0,1.0]"));
    assertEquals("\"say \"\"hi\"\"\"", SweepTables.csv("say \"hi\""));
    assertEquals("plain", SweepTables.csv("plain"));
  }
}
