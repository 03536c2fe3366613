package ouroboros.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.testing.Repo;

/**
 * QA: {@code run} given a sweep file printed one wrong-key error per sweep key ("found unknown key
 * 'base' ... (did you mean 'name'?)", then "ticks: found nothing" ...), and {@code sweep} given a
 * scenario nine. Each now prints one error naming the mix-up, from the test {@code validate} uses
 * ({@link FileKinds}), exit 2, and writes nothing.
 */
class WrongFileKindTest {
  @TempDir Path tmp;

  @Test
  void run_sweepFile_oneErrorNamingSweep() throws Exception {
    Files.copy(Repo.root().resolve("scenarios/quickstart.yaml"), tmp.resolve("base.yaml"));
    Path sweep =
        Files.writeString(
            tmp.resolve("sweep.yaml"),
            "# a sweep\nbase: base.yaml\nreplicates: 2\ngrid:\n  models[*].regime: [replace]\n");
    Path out = tmp.resolve("out");
    for (String[] extra : new String[][] {{}, {"--set", "ticks=3"}}) {
      java.util.List<String> args =
          new java.util.ArrayList<>(java.util.List.of("run", sweep.toString(), "--out", "" + out));
      args.addAll(java.util.List.of(extra));
      CliHelpTest.Result r = CliHelpTest.run(args.toArray(String[]::new));
      assertEquals(Main.BAD_INPUT, r.code(), r.err());
      assertEquals(
          "error: "
              + sweep
              + ":2:1: found a sweep file (it has 'base:'), expected a scenario: run a sweep with"
              + " 'ouroboros sweep "
              + sweep
              + "'",
          r.err().strip());
      assertFalse(Files.exists(out), "nothing is written");
    }
  }

  @Test
  void sweep_scenarioFile_oneErrorNamingScenario() {
    Path scenario = Repo.root().resolve("scenarios/quickstart.yaml");
    Path out = tmp.resolve("out");
    CliHelpTest.Result r = CliHelpTest.run("sweep", scenario.toString(), "--out", out.toString());
    assertEquals(Main.BAD_INPUT, r.code(), r.err());
    assertEquals(
        "error: "
            + scenario
            + ": found no top-level 'base:', so a scenario file, expected a sweep file (one with"
            + " 'base:', the path of its base scenario): run a scenario with 'ouroboros run "
            + scenario
            + "'",
        r.err().strip());
    assertFalse(Files.exists(out), "nothing is written");
  }

  @Test
  void sweep_missingFile_stillNoSuchFile() {
    Path missing = tmp.resolve("missing.yaml");
    CliHelpTest.Result r = CliHelpTest.run("sweep", missing.toString());
    assertEquals(Main.BAD_INPUT, r.code(), r.err());
    assertEquals(
        "error: " + missing + ": found no such file, expected the path of a sweep YAML file",
        r.err().strip());
  }
}
