package ouroboros.sim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.engine.Simulation;
import ouroboros.sim.engine.World;
import ouroboros.sim.scenario.compile.WorldCompiler;
import ouroboros.sim.scenario.load.ScenarioLoader;
import ouroboros.sim.scenario.spec.Scenario;

/**
 * The row reader of {@link Observers} sees every row of metrics.csv, in file order, whatever the
 * sampling of per-model rows drops (what the report written right after a run relies on).
 */
@Tag("slow")
class RunWriterRowsTest {
  @TempDir Path tmp;

  @Test
  void rows_freshRun_readerSeesExactlyTheRowsOfMetricsCsvInOrder() throws Exception {
    Scenario scenario =
        new ScenarioLoader()
            .parse(
                "rows.yaml",
                """
        name: rows
        ticks: 9
        domain: {type: gaussian, dimensions: 1}
        output: {per-model-rows: sample, sample-size: 2}
        humans:
          - {id: people, publish-rate: 20}
        models:
          - {id: a, regime: replace, scrape: 20, publish-rate: 20, retrain-every: 2}
          - {id: b, regime: accumulate, scrape: 20, publish-rate: 20}
          - {id: c, regime: replace, scrape: 20, publish-rate: 20, initial: fit-truth}
        """);
    World world = WorldCompiler.compile(scenario, 3);
    Path dir = tmp.resolve("run");
    List<MetricRow> seen = new ArrayList<>();
    try (Simulation sim = new Simulation(2)) {
      RunDirectory.Result r =
          RunDirectory.run(
              sim,
              scenario,
              world,
              2,
              dir,
              Observers.builder().rows(seen::addAll).build(),
              Duration.ZERO);
      assertTrue(r.outcome().completed());
    }
    StringBuilder text = new StringBuilder(MetricRow.HEADER).append('\n');
    for (MetricRow row : seen) {
      row.appendCsv(text).append('\n');
    }
    String csv = Files.readString(RunLayout.of(dir).metrics());
    assertTrue(csv.lines().count() > 9 * 5, "rows of every tick: " + csv.lines().count());
    assertEquals(csv, text.toString());
  }
}
