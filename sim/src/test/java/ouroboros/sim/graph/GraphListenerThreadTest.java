package ouroboros.sim.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.engine.Simulation;
import ouroboros.sim.engine.TickFailure;
import ouroboros.sim.engine.TickListener;
import ouroboros.sim.engine.TickResult;
import ouroboros.sim.engine.World;
import ouroboros.sim.output.MetricRow;
import ouroboros.sim.output.Observers;
import ouroboros.sim.output.RunDirectory;
import ouroboros.sim.output.RunLayout;
import ouroboros.sim.scenario.compile.WorldCompiler;
import ouroboros.sim.scenario.load.ScenarioLoader;
import ouroboros.sim.scenario.spec.Scenario;

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

  private static Scenario oneModelScenario;

  /** What a run whose graph thread was interrupted after tick 2 says of tick 3. */
  private static final String INTERRUPTED =
      "the interaction graph of tick 3: the thread ouroboros-graph was interrupted";

  /** A bound on each test that would wait forever if a step's result were never completed. */
  private static final Duration BOUND = Duration.ofSeconds(60);

  @TempDir Path tmp;

  @BeforeAll
  static void runWithSilentModel() throws Exception {
    ScenarioLoader loader = new ScenarioLoader();
    World two =
        WorldCompiler.compile(loader.parse("two.yaml", SCENARIO.formatted(SILENT_MODEL)), 5);
    oneModelScenario = loader.parse("one.yaml", SCENARIO.formatted(""));
    oneModel = WorldCompiler.compile(oneModelScenario, 5);
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

  /**
   * A block's JSON and DOT files are written by two threads of their own: a failure of either (here
   * the file's name is taken by a directory with something in it) fails the run's end with that
   * file's error, the other file is still written, and no writer thread is left running.
   */
  @ParameterizedTest
  @ValueSource(strings = {"w0-7.dot", "w0-7.json"})
  void aBlockFileThatCannotBeWritten_failsTheEnd_theOtherIsWritten(String blocked)
      throws Exception {
    Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
    java.io.IOException e = endWithBlocked(List.of(blocked));
    assertTrue(String.valueOf(e.getMessage()).contains(blocked), e.toString());
    String other = blocked.endsWith(".dot") ? "w0-7.json" : "w0-7.dot";
    assertTrue(
        Files.isRegularFile(tmp.resolve(GraphListener.DIR).resolve(other)), other + " is written");
    Thread.sleep(100); // a closed writer's thread ends after its last task
    assertTrue(
        Thread.getAllStackTraces().keySet().stream()
            .filter(th -> !before.contains(th) && th.isAlive())
            .noneMatch(th -> th.getName().startsWith("ouroboros-graph")),
        "the graph's threads have ended");
  }

  /** Both of a block's files blocked: the JSON's error is thrown, the DOT's suppressed in it. */
  @Test
  void bothBlockFilesBlocked_theJsonsErrorWithTheDotsSuppressed() throws Exception {
    java.io.IOException e = endWithBlocked(List.of("w0-7.json", "w0-7.dot"));
    assertTrue(String.valueOf(e.getMessage()).contains("w0-7.json"), e.toString());
    assertEquals(1, e.getSuppressed().length, e.toString());
    assertTrue(
        String.valueOf(e.getSuppressed()[0].getMessage()).contains("w0-7.dot"), e.toString());
  }

  /**
   * Puts a directory with something in it where each of {@code blocked} (files of graph/) would go,
   * runs the listener over model a's ticks 0 to 7 (one block) and returns what its end threw.
   */
  private java.io.IOException endWithBlocked(List<String> blocked) throws Exception {
    for (String name : blocked) {
      Files.createDirectories(tmp.resolve(GraphListener.DIR).resolve(name).resolve("in-the-way"));
    }
    GraphListener graph = new GraphListener(tmp, oneModel, GraphOptions.DEFAULTS);
    return assertTimeoutPreemptively(
        BOUND,
        () -> {
          for (int t = 0; t < 8; t++) {
            graph.onTick(onlyA(t));
          }
          return assertThrows(
              java.io.IOException.class, () -> graph.onFinish(new RunOutcome(8, "")));
        });
  }

  /** The graph thread started since {@code before} was taken. */
  private static Thread graphThread(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("ouroboros-graph") && t.isAlive() && !before.contains(t))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void threadInterrupted_laterRowsFail_nextCallThrowsAtTheFirstTickNotRun() {
    Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
    GraphListener graph = new GraphListener(tmp, oneModel, GraphOptions.DEFAULTS);
    assertTimeoutPreemptively(
        BOUND,
        () -> {
          for (int t = 0; t < 3; t++) {
            graph.onTick(onlyA(t));
          }
          graph.analysisAt(onlyA(2)); // ticks 0 to 2 done: the thread waits for the next step
          Thread thread = graphThread(before);
          thread.interrupt();
          thread.join(BOUND.toMillis());
          graph.onTick(onlyA(3));
          CompletableFuture<List<MetricRow>> lost = graph.rowsLater(onlyA(3));
          ExecutionException e =
              assertThrows(ExecutionException.class, () -> lost.get(30, TimeUnit.SECONDS));
          assertEquals("the thread ouroboros-graph was interrupted", e.getCause().getMessage());
          TickFailure next = assertThrows(TickFailure.class, () -> graph.onTick(onlyA(4)));
          assertEquals(3, next.tick());
          assertEquals(INTERRUPTED, next.getMessage());
          TickFailure end =
              assertThrows(TickFailure.class, () -> graph.onFinish(new RunOutcome(4, "")));
          assertEquals(INTERRUPTED, end.getMessage());
        });
  }

  @Test
  void threadInterruptedInARun_runEndsAtTheFirstTickNotRun_filesEndBeforeIt() throws Exception {
    Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
    Path dir = tmp.resolve("run");
    GraphListener graph = new GraphListener(dir, oneModel, GraphOptions.DEFAULTS);
    TickListener interrupter =
        new TickListener() {
          @Override
          public void onTick(TickResult r) throws Exception {
            if (r.tick() == 2) {
              graph.analysisAt(r);
              Thread thread = graphThread(before);
              thread.interrupt();
              thread.join(BOUND.toMillis());
            }
          }
        };
    RunDirectory.Result result =
        assertTimeoutPreemptively(
            BOUND,
            () -> {
              try (Simulation sim = new Simulation(1)) {
                return RunDirectory.run(
                    sim,
                    oneModelScenario,
                    oneModel,
                    1,
                    dir,
                    Observers.builder().topology(graph).sink(interrupter).build(),
                    Duration.ZERO);
              }
            });
    assertEquals(
        new RunOutcome(3, "writing the results of tick 3 failed: " + INTERRUPTED),
        result.outcome());
    List<String> lines = Files.readAllLines(RunLayout.of(dir).metrics());
    String last = lines.get(lines.size() - 1);
    assertTrue(last.startsWith("2,"), "metrics.csv ends with tick 2: " + last);
    assertTrue(
        Files.readString(RunLayout.of(dir).summary()).contains(INTERRUPTED),
        "summary.json says why the run ended");
  }
}
