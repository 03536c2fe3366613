package ouroboros.sim.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.engine.Simulation;
import ouroboros.sim.engine.TickListener;
import ouroboros.sim.engine.TickResult;
import ouroboros.sim.engine.World;
import ouroboros.sim.output.MetricRow;
import ouroboros.sim.scenario.compile.WorldCompiler;
import ouroboros.sim.scenario.load.ScenarioLoader;

/**
 * The graph listener's work runs on its own thread, in tick order ({@link GraphWorker}): the
 * clock's hand-over of a tick returns before that tick's work is done, and a failure there reaches
 * the clock at its next call, naming the tick it happened at, while the rows of earlier ticks stand
 * and those of that tick and later never complete normally.
 */
class GraphListenerThreadTest {
  private static final String SCENARIO =
      """
      name: graph-thread
      ticks: 8
      domain: {type: gaussian, dimensions: 1}
      humans:
        - {id: people, publish-rate: 20}
      models:
        - {id: a, regime: replace, scrape: 20, publish-rate: 20}
      %s
      """;

  /** A model that publishes nothing, so that model a never trains on its items. */
  private static final String SILENT_MODEL =
      "  - {id: c, regime: replace, scrape: 20, publish-rate: 0}";

  /** Each tick of the run with a silent model. */
  private static final List<TickResult> TICKS = new ArrayList<>();

  private static World oneModel;

  @TempDir Path tmp;

  @BeforeAll
  static void runWithSilentModel() throws Exception {
    ScenarioLoader loader = new ScenarioLoader();
    World two =
        WorldCompiler.compile(loader.parse("two.yaml", SCENARIO.formatted(SILENT_MODEL)), 5);
    oneModel = WorldCompiler.compile(loader.parse("one.yaml", SCENARIO.formatted("")), 5);
    try (Simulation sim = new Simulation(1)) {
      RunOutcome out =
          sim.run(
              two,
              new TickListener() {
                @Override
                public void onTick(TickResult r) {
                  TICKS.add(r);
                }
              });
      assertTrue(out.completed(), out.failure());
    }
    assertEquals(8, TICKS.size());
  }

  /** Tick t of that run with only model a's report, which the one-model world has. */
  private static TickResult onlyA(int t) {
    TickResult r = TICKS.get(t);
    return new TickResult(
        t,
        r.web(),
        r.reports().stream().filter(rep -> rep.id().equals("a")).toList(),
        r.published(),
        r.phaseNanos());
  }

  @Test
  void failure_handOverReturns_nextCallThrowsNamingTheTick() throws Exception {
    GraphListener graph = new GraphListener(tmp, oneModel, GraphOptions.DEFAULTS);
    List<CompletableFuture<List<MetricRow>>> rows = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      graph.onTick(onlyA(t));
      rows.add(graph.rowsLater(onlyA(t)));
    }
    assertTrue(
        Thread.getAllStackTraces().keySet().stream()
            .anyMatch(th -> th.getName().equals("ouroboros-graph") && th.isAlive()),
        "the graph's own thread runs the ticks");
    // Model c's report names an agent the one-model world does not have: the window throws on it.
    TickResult bad = TICKS.get(4);
    graph.onTick(bad); // handed over; the failure is the graph thread's, not this call's
    // Give the graph's thread time to fail tick 4 first: asking for that tick's rows afterwards
    // still hands back its future, failed, rather than throwing (the run writer asks on the
    // clock's thread right after the graph listener's onTick).
    Thread.sleep(300);
    CompletableFuture<List<MetricRow>> badRows = graph.rowsLater(bad);
    ExecutionException failed =
        assertThrows(ExecutionException.class, () -> badRows.get(30, TimeUnit.SECONDS));
    assertTrue(failed.getCause() instanceof IndexOutOfBoundsException, failed.toString());
    for (int t = 0; t < 4; t++) {
      List<MetricRow> r = rows.get(t).get(30, TimeUnit.SECONDS);
      assertEquals(3, r.size(), "three graph rows of model a at tick " + t);
      int tick = t;
      assertTrue(r.stream().allMatch(row -> row.tick() == tick && row.agent().equals("a")));
    }
    IllegalStateException next =
        assertThrows(IllegalStateException.class, () -> graph.onTick(onlyA(5)));
    assertTrue(
        next.getMessage().startsWith("the interaction graph of tick 4: "), next.getMessage());
    // the clock reports it at tick 4 whichever later call brought it (TickFailure)
    assertEquals(4, ((ouroboros.sim.engine.TickFailure) next).tick());
    assertThrows(IllegalStateException.class, () -> graph.onFinish(new RunOutcome(5, "")));
  }
}
