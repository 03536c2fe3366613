package ouroboros.sim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.output.SweepLayout;

/**
 * failures.csv identifies a failed run's scenario as a complete run's scenario.yaml does, so that a
 * resume after the base was edited does not keep the old base's failures; a row written before that
 * field was kept is matched by its seed.
 */
class SweepFailuresTest {
  @TempDir Path tmp;

  @Test
  void entry_matchesItsSeedAndScenario_only() throws Exception {
    String a = SweepFailures.fingerprint("name: a\nseed: 1\n");
    String b = SweepFailures.fingerprint("name: a\nseed: 1\nticks: 5\n");
    SweepFailures f = SweepFailures.read(tmp);
    f.record(new SweepFailures.Entry(1, 0, 42L, 3, "broke, badly", a));
    SweepFailures.Entry read = SweepFailures.read(tmp).get(1, 0);
    assertEquals(new SweepFailures.Entry(1, 0, 42L, 3, "broke, badly", a), read);
    assertTrue(read.of(42L, a));
    assertFalse(read.of(42L, b), "a failure of another scenario is not this run's");
    assertFalse(read.of(43L, a));
  }

  @Test
  void rowWithoutScenario_matchedBySeed() throws Exception {
    Files.writeString(
        new SweepLayout(tmp).failuresCsv(),
        "cell,replicate,seed,ticks,reason\n2,1,-7,0,\"out of memory\"\n");
    SweepFailures.Entry read = SweepFailures.read(tmp).get(2, 1);
    assertNull(read.scenario());
    assertTrue(read.of(-7L, SweepFailures.fingerprint("anything")));
    assertFalse(read.of(7L, null));
  }
}
