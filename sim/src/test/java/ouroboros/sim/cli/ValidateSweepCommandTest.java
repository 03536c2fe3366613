package ouroboros.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.testing.Repo;

/**
 * Issue 12: {@code ouroboros validate} recognises a sweep file and checks it as {@code sweep} does
 * before its first run (it used to say "unknown key 'base' (did you mean 'name'?)").
 */
class ValidateSweepCommandTest {
  @TempDir Path tmp;

  @Test
  void validate_exampleSweeps_ok() {
    for (String[] c :
        new String[][] {
          {"fresh-data", "6 cells x 3 replicates = 18 runs"},
          {"watermark-stress", "48 cells x 5 replicates = 240 runs"}
        }) {
      Path file = Repo.root().resolve("scenarios/sweeps/" + c[0] + ".yaml");
      CliHelpTest.Result r = CliHelpTest.run("validate", file.toString());
      assertEquals(0, r.code(), r.err());
      assertEquals("", r.err());
      assertTrue(r.out().startsWith("ok: " + file + " (sweep " + c[0] + ": " + c[1]), r.out());
    }
  }

  @Test
  void validate_sweepWithBadCellValue_sweepErrorExitTwo() throws Exception {
    Files.copy(Repo.root().resolve("scenarios/quickstart.yaml"), tmp.resolve("base.yaml"));
    Path sweep =
        Files.writeString(
            tmp.resolve("sweep.yaml"),
            "base: base.yaml\nreplicates: 2\ngrid:\n  models[*].regime: [replace, replce]\n");
    CliHelpTest.Result r = CliHelpTest.run("validate", sweep.toString());
    assertEquals(Main.BAD_INPUT, r.code());
    assertEquals("", r.out());
    assertEquals(
        "error: "
            + sweep
            + ":4:31: models[*].regime: found 'replce', expected a known regime, one of [replace,"
            + " accumulate, accumulate-subsample, window] (did you mean 'replace'?)",
        r.err().strip());
  }

  @Test
  void validate_sweepWithUnknownSweepKey_namesTheSweepKeys() throws Exception {
    Files.copy(Repo.root().resolve("scenarios/quickstart.yaml"), tmp.resolve("base.yaml"));
    Path sweep =
        Files.writeString(
            tmp.resolve("sweep.yaml"),
            "base: base.yaml\nreplicate: 2\ngrid:\n  models[*].regime: [replace]\n");
    CliHelpTest.Result r = CliHelpTest.run("validate", sweep.toString());
    assertEquals(Main.BAD_INPUT, r.code());
    assertTrue(r.err().contains("'replicate'"), r.err());
    assertTrue(r.err().contains("did you mean 'replicates'"), r.err());
  }

  @Test
  void validate_sweepWithSet_refused() {
    Path file = Repo.root().resolve("scenarios/sweeps/fresh-data.yaml");
    CliHelpTest.Result r = CliHelpTest.run("validate", file.toString(), "--set", "ticks=3");
    assertEquals(Main.BAD_INPUT, r.code());
    assertTrue(r.err().startsWith("error: --set: found a sweep file"), r.err());
  }
}
