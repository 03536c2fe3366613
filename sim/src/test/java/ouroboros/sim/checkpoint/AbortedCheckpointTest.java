package ouroboros.sim.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.engine.Listeners;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.engine.Simulation;
import ouroboros.sim.engine.TickListener;
import ouroboros.sim.engine.TickResult;
import ouroboros.sim.engine.World;
import ouroboros.sim.output.RunLayout;
import ouroboros.sim.output.RunWriter;
import ouroboros.sim.scenario.compile.WorldCompiler;
import ouroboros.sim.scenario.load.ScenarioLoader;
import ouroboros.sim.scenario.spec.Scenario;

/**
 * A run stopped by a signal (the writer aborted) while its clock goes on takes no checkpoint the
 * rows of metrics.csv do not back: the writer ignores the ticks after the abort, so a checkpoint at
 * one of them counted rows that were never written, and a resume went on without them (QA, stop 34:
 * "resume" then left a tick's rows out of metrics.csv, silently).
 */
class AbortedCheckpointTest {
  @TempDir Path tmp;

  @Test
  void abortBeforeATicksRows_noCheckpointAtOrAfterThatTick() throws Exception {
    Scenario scenario =
        new ScenarioLoader()
            .parse(
                "ab.yaml",
                """
        name: ab
        seed: 2
        ticks: 10
        domain: {type: gaussian, dimensions: 1}
        humans:
          - {id: people, publish-rate: 20}
        models:
          - {id: a, regime: replace, scrape: 20, publish-rate: 20}
        """);
    World world = WorldCompiler.compile(scenario, 2);
    Path dir = tmp.resolve("run");
    RunCheckpoints checkpoints = RunCheckpoints.every(dir, 1, null);
    try (Simulation sim = new Simulation(2);
        RunWriter writer = new RunWriter(dir, scenario, world, 2, List.of())) {
      // The signal's hook, before the writer sees tick 5.
      TickListener signal =
          new TickListener() {
            @Override
            public void onTick(TickResult r) {
              if (r.tick() == 5) {
                writer.abort("stopped by a signal", Duration.ofSeconds(10));
              }
            }

            @Override
            public void onFinish(RunOutcome outcome) {}
          };
      sim.run(
          world,
          new Listeners(List.of(signal, writer)),
          Duration.ZERO,
          null,
          checkpoints.barrier(writer));
    }
    Checkpoint c = CheckpointFile.read(dir.resolve(RunCheckpoints.FILE));
    assertEquals(4, c.tick(), "the last checkpoint is the last tick whose rows were written");
    String metrics = Files.readString(dir.resolve(RunLayout.METRICS));
    assertTrue(metrics.contains("\n4,"), "tick 4's rows are written");
    assertFalse(metrics.contains("\n5,"), "tick 5's rows were not");
  }
}
