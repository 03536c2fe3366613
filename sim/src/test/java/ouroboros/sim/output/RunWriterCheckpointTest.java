package ouroboros.sim.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.engine.Listeners;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.engine.Simulation;
import ouroboros.sim.engine.TickListener;
import ouroboros.sim.engine.TickResult;
import ouroboros.sim.engine.World;
import ouroboros.sim.scenario.compile.WorldCompiler;
import ouroboros.sim.scenario.load.ScenarioLoader;
import ouroboros.sim.scenario.spec.Scenario;

/**
 * The run writer checkpoints metrics.csv and summary.json at most once per interval and always at
 * the end, on its own thread: between checkpoints the files do not move, and the finished files are
 * the same whatever the interval.
 */
class RunWriterCheckpointTest {
  @TempDir Path tmp;

  @Test
  void checkpoints_throttled_filesOnlyMoveAtCheckpoints_sameBytesAtTheEnd() throws Exception {
    Scenario scenario =
        new ScenarioLoader()
            .parse(
                "ck.yaml",
                """
        name: ck
        ticks: 12
        domain: {type: gaussian, dimensions: 1}
        humans:
          - {id: people, publish-rate: 20}
        models:
          - {id: a, regime: replace, scrape: 20, publish-rate: 20}
          - {id: b, regime: accumulate, scrape: 20, publish-rate: 20}
        """);
    World world = WorldCompiler.compile(scenario, 5);
    Path every = tmp.resolve("every");
    Path rare = tmp.resolve("rare");
    List<String> seen = new ArrayList<>();
    try (Simulation sim = new Simulation(2)) {
      try (RunWriter w = new RunWriter(every, scenario, world, 2, List.of(), Duration.ZERO)) {
        assertTrue(sim.run(world, w, Duration.ZERO).completed());
      }
      try (RunWriter w = new RunWriter(rare, scenario, world, 2, List.of(), Duration.ofHours(1))) {
        TickListener spy =
            new TickListener() {
              @Override
              public void onTick(TickResult r) throws Exception {
                seen.add(
                    Files.readString(rare.resolve(RunLayout.METRICS))
                        + "|"
                        + new ObjectMapper()
                            .readTree(rare.resolve(RunLayout.SUMMARY).toFile())
                            .get("ticks-completed")
                            .asInt());
              }

              @Override
              public void onFinish(RunOutcome outcome) {}
            };
        RunOutcome outcome = sim.run(world, new Listeners(List.of(w, spy)), Duration.ZERO);
        assertTrue(outcome.completed());
      }
    }
    assertEquals(12, seen.size());
    for (String s : seen) {
      assertEquals(MetricRow.HEADER + "\n|0", s, "no checkpoint before the hour is up");
    }
    for (String f : List.of(RunLayout.METRICS, RunLayout.SUMMARY, RunLayout.SCENARIO)) {
      assertArrayEquals(
          Files.readAllBytes(every.resolve(f)), Files.readAllBytes(rare.resolve(f)), f);
    }
    assertTrue(Files.readString(rare.resolve(RunLayout.SUMMARY)).contains("\"complete\" : true"));
  }
}
