package ouroboros.sim.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.cli.Main;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.engine.Simulation;
import ouroboros.sim.engine.World;
import ouroboros.sim.scenario.compile.WorldCompiler;
import ouroboros.sim.scenario.load.ScenarioLoader;

/**
 * {@code --pace}: a paced run takes at least as long as its pace asks (a lower bound only;
 * performance goals are not tests), and neither pacing nor serving metrics changes a byte of the
 * run files.
 */
@Tag("slow")
class PacingTest {

  /** Runs the CLI in-process; the exit code, with standard error in the failure message. */
  private static int run(String... args) {
    StringWriter err = new StringWriter();
    int code =
        Main.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    assertEquals(0, code, err.toString());
    return code;
  }

  @Test
  void simulation_fiveTicksAtTenPerSecond_takeAtLeastFourIntervals(@TempDir Path tmp)
      throws Exception {
    Path file = tmp.resolve("s.yaml");
    Files.writeString(file, Reports.scenario(5));
    World world = WorldCompiler.compile(new ScenarioLoader().load(file), 1);
    try (Simulation sim = new Simulation(2)) {
      long start = System.nanoTime();
      RunOutcome outcome = sim.run(world, r -> {}, Duration.ofMillis(100));
      double seconds = (System.nanoTime() - start) / 1e9;
      assertTrue(outcome.completed(), outcome.failure());
      assertTrue(seconds >= 0.4, "tick 4 starts 0.4 s after tick 0; took " + seconds + " s");
    }
  }

  @Test
  void cli_fiveTicksAtPaceTen_takeAtLeastFourTenthsOfASecond(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("s.yaml");
    Files.writeString(file, Reports.scenario(5));
    long start = System.nanoTime();
    run("run", file.toString(), "--quiet", "--out", tmp.resolve("run").toString(), "--pace", "10");
    double seconds = (System.nanoTime() - start) / 1e9;
    assertTrue(seconds >= 0.4, "took " + seconds + " s");
  }

  @Test
  void pacedServedRun_runFilesIdenticalToAPlainRun(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("s.yaml");
    Files.writeString(file, Reports.scenario(20));
    Path plain = tmp.resolve("plain");
    Path served = tmp.resolve("served");
    run("run", file.toString(), "--quiet", "--out", plain.toString());
    run(
        "run",
        file.toString(),
        "--quiet",
        "--out",
        served.toString(),
        "--pace",
        "200",
        "--metrics-port",
        "0",
        "--metrics-max-models",
        "1");
    for (String name : List.of("scenario.yaml", "metrics.csv", "summary.json")) {
      assertArrayEquals(
          Files.readAllBytes(plain.resolve(name)), Files.readAllBytes(served.resolve(name)), name);
    }
  }
}
