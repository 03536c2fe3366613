package ouroboros.sim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a sweep says about its drawn seed and about a report it could not write. */
class SweepMessagesTest {
  @TempDir Path tmp;

  /** {@link Sweeps#BASE} with 2 ticks, without its seed when {@code seed} is false. */
  private static String base(boolean seed) {
    String b = Sweeps.BASE.replace("ticks: 40", "ticks: 2");
    return seed ? b : b.replace("seed: 7\n", "");
  }

  @Test
  void resume_seedDrawnWhenTheSweepStarted_saysItWasReadBack() throws Exception {
    // QA: the resume said "drawn at random: it is kept in ..." as if it had just drawn it.
    Sweeps.write(tmp, "base.yaml", base(false));
    Path sweep = Sweeps.write(tmp, "s.yaml", "base: base.yaml\ngrid:\n  ticks: [2]\n");
    Path dir = tmp.resolve("out");
    Path kept = dir.resolve("base-seed.txt");
    Sweeps.Result first =
        Sweeps.run("sweep", sweep.toString(), "--out", dir.toString(), "--no-report");
    assertEquals(0, first.code(), first.stderr());
    assertTrue(
        first
            .stdout()
            .contains("the seed was drawn at random: it is kept in " + kept + " for --resume\n"),
        first.stdout());
    Sweeps.Result again =
        Sweeps.run("sweep", sweep.toString(), "--out", dir.toString(), "--resume", "--no-report");
    assertEquals(0, again.code(), again.stderr());
    assertTrue(
        again
            .stdout()
            .contains("the seed was drawn at random when the sweep started: read from " + kept),
        again.stdout());
    assertFalse(again.stdout().contains("it is kept in"), again.stdout());
  }

  @Test
  void report_metricTheSweepHasNot_warningCallsItTheSweepDirectory() throws Exception {
    // QA: the warning said "the run directory is intact" of a sweep directory.
    Sweeps.write(tmp, "base.yaml", base(true));
    Path sweep =
        Sweeps.write(
            tmp, "s.yaml", "base: base.yaml\nreport: {metric: nope}\ngrid:\n  ticks: [2]\n");
    Path dir = tmp.resolve("out");
    Sweeps.Result r = Sweeps.run("sweep", sweep.toString(), "--out", dir.toString(), "--quiet");
    assertTrue(
        r.stderr().contains("(the sweep directory is intact; retry with: ouroboros report " + dir),
        r.stderr());
    assertFalse(r.stderr().contains("run directory"), r.stderr());
  }
}
