package ouroboros.sim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.engine.Simulation;
import ouroboros.sim.engine.TickResult;
import ouroboros.sim.engine.World;
import ouroboros.sim.scenario.compile.WorldCompiler;
import ouroboros.sim.scenario.load.ScenarioLoader;
import ouroboros.sim.scenario.spec.Scenario;

/**
 * A contributor's rows made on a thread of its own ({@link RunMetrics.Contributor#rowsLater}): the
 * writer puts them in their tick, and a tick whose rows failed is left out of metrics.csv, the
 * contributor failing the run at its next call, so that the file ends before that tick.
 */
class LateRowsTest {
  @TempDir Path tmp;

  /** Rows {@code late-<tick>} from another thread; tick {@link #FAILS} fails, and the next call. */
  private static final class Late implements Observers.Topology {
    static final int FAILS = 4;
    private boolean failed;

    @Override
    public List<MetricRow> rows(TickResult r) {
      return rowsLater(r).join();
    }

    @Override
    public CompletableFuture<List<MetricRow>> rowsLater(TickResult r) {
      if (failed) {
        throw new IllegalStateException("late rows failed at tick " + FAILS);
      }
      int t = r.tick();
      if (t == FAILS) {
        failed = true;
        return CompletableFuture.failedFuture(new IllegalStateException("boom"));
      }
      return CompletableFuture.supplyAsync(
          () -> List.of(new MetricRow(t, RunMetrics.WEB, 0, "late-" + t, t)));
    }

    @Override
    public void onTick(TickResult r) {
      if (failed) {
        throw new IllegalStateException("late rows failed at tick " + FAILS);
      }
    }
  }

  @Test
  void lateRows_inTheirTick_failedTickLeftOut_runFailsNamingIt() throws Exception {
    Scenario scenario =
        new ScenarioLoader()
            .parse(
                "late.yaml",
                """
        name: late
        ticks: 9
        domain: {type: gaussian, dimensions: 1}
        humans:
          - {id: people, publish-rate: 20}
        models:
          - {id: a, regime: replace, scrape: 20, publish-rate: 20}
        """);
    World world = WorldCompiler.compile(scenario, 3);
    Path dir = tmp.resolve("run");
    RunDirectory.Result r;
    try (Simulation sim = new Simulation(1)) {
      r =
          RunDirectory.run(
              sim,
              scenario,
              world,
              1,
              dir,
              Observers.builder().topology(new Late()).build(),
              Duration.ZERO);
    }
    assertFalse(r.outcome().completed());
    assertTrue(
        r.outcome().failure().contains("late rows failed at tick " + Late.FAILS),
        r.outcome().failure());
    List<String> lines = Files.readAllLines(RunLayout.of(dir).metrics());
    for (int t = 0; t < Late.FAILS; t++) {
      String tick = t + ",";
      long late = lines.stream().filter(l -> l.startsWith(tick) && l.contains(",late-")).count();
      assertEquals(1, late, "tick " + t + "'s late row");
    }
    int last =
        lines.stream()
            .skip(1)
            .mapToInt(l -> Integer.parseInt(l.substring(0, l.indexOf(','))))
            .max()
            .orElseThrow();
    assertEquals(Late.FAILS - 1, last, "metrics.csv ends before the failed tick");
  }
}
