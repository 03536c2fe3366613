package ouroboros.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import ouroboros.agents.actor.AgentProtocol;
import ouroboros.agents.data.Items;
import ouroboros.agents.domain.Domain;
import ouroboros.agents.model.ModelSettings;
import ouroboros.agents.model.RetrainReport;
import ouroboros.sim.testing.EngineTest;
import ouroboros.sim.web.WebStore;

/**
 * The clock's {@link AgentProtocol.Step}: a tick's retrain and the next tick's events and publish
 * in one message per agent. Folding them changes no result, halves the commands per model and tick,
 * and a failure in the folded publish still names the publish phase of its own tick.
 */
class StepTest extends EngineTest {
  private static final ActorTestKit KIT = ActorTestKit.create();

  @AfterAll
  static void shutdownKit() {
    KIT.shutdownTestKit();
  }

  /**
   * A timeline with releases, a retirement, new rates, a crawl change (a Reconfigure), two changes
   * to one model at one tick (which unfolds that tick), a change to a model at the tick it retires
   * (a Reconfigure, not in a Step) and a laundering human (whose reposts come from the previous
   * snapshot).
   */
  private static final String TIMELINE =
      """
      name: steps
      seed: 5
      ticks: 10
      domain: {type: gaussian}
      web: {retention: 2}
      sites: [{id: forum}, {id: blog-a}, {id: blog-b}]
      humans:
        - {id: people, publish-rate: 30, site: forum, laundering: {share: 0.3}}
      models:
        - {id: lab-a, regime: replace, initial: truth, scrape: 20, publish-rate: 10, site: blog-a}
        - {id: lab-b, regime: accumulate, initial: truth, scrape: 20, publish-rate: 10,
           site: blog-b, crawl: {sites: [forum, blog-a, blog-b]}}
      timeline:
        - {tick: 2, release: {id: lab-web, like: lab-a, initial: web, publish-rate: 7}}
        - {tick: 3, humans: {id: people, publish-rate: 60}}
        - {tick: 4, set: {agent: lab-a, publish-rate: 3}}
        - {tick: 5, set: {path: "models[lab-b].crawl.sites", value: [blog-a]}}
        - {tick: 6, set: {path: "models[lab-b].crawl.sites", value: [forum, blog-b]}}
        - {tick: 6, set: {path: "models[lab-b].scrape", value: 15}}
        - {tick: 7, set: {path: "models[lab-a].scrape", value: 12}}
        - {tick: 7, retire: lab-a}
      """;

  /**
   * What a run observed and how it ended, in a form that compares by value: per tick, the whole web
   * (every column of every item, by {@link Items#equals}), the published count and every report;
   * then the outcome's ticks completed and failure. The run's files (metrics.csv, summary.json,
   * graph/) are written from exactly these.
   */
  private record Observed(List<Object> ticks, int completed, String failure) {}

  private static Observed observe(World world, Duration interval) {
    List<Object> out = new ArrayList<>();
    RunOutcome outcome =
        sim.run(
            world,
            t -> {
              long[] all = new long[Math.toIntExact(t.web().size())];
              for (int i = 0; i < all.length; i++) {
                all[i] = i;
              }
              out.add(t.tick() + " published " + t.published());
              out.add(t.web().gather(all));
              for (RetrainReport r : t.reports()) {
                out.add(
                    r.id()
                        + " gen "
                        + r.generation()
                        + " scraped "
                        + r.scraped()
                        + " human "
                        + r.composition().humanShare()
                        + " "
                        + r.evaluation());
              }
            },
            interval);
    return new Observed(out, outcome.ticksCompleted(), outcome.failure());
  }

  /** Runs a world folded and apart (a tick interval of 1 ns) and checks they observe the same. */
  private static Observed sameFoldedAndApart(java.util.function.Supplier<World> world) {
    // A tick interval of 1 ns never waits (a tick takes longer) but turns the folding off.
    Observed apart = observe(world.get(), Duration.ofNanos(1));
    Observed folded = observe(world.get(), Duration.ZERO);
    assertEquals(apart, folded);
    return folded;
  }

  @Test
  void run_foldedSteps_giveTheResultsOfSeparatePhases() {
    World world = Worlds.of(TIMELINE, 5);
    Observed done = sameFoldedAndApart(() -> world);
    assertEquals("", done.failure());
    assertEquals(world.ticks(), done.completed());
  }

  @Test
  void clock_stepsHalveTheCommandsPerModelAndTick() {
    int models = 3;
    int ticks = 6;
    World world = Worlds.of(Worlds.chains(models, 10, ticks, "replace", "mle"), 3);
    // Publish and Retrain per model and tick: 2 * models * ticks commands.
    assertEquals(2 * models * ticks, commands(world, false));
    // Publish at tick 0, then one Step per tick, then the last tick's Retrain.
    assertEquals(models * (ticks + 1), commands(world, true));
  }

  /** How many commands the clock sends to a world's agents in one run, with or without Steps. */
  private static int commands(World world, boolean steps) {
    AtomicInteger told = new AtomicInteger();
    RunOutcome done = clockRun(world, steps, Schedule.NONE, told);
    assertTrue(done.completed(), done.failure());
    return told.get();
  }

  /** A run of a world's agents on a clock of its own, with or without Steps, counting commands. */
  private static RunOutcome clockRun(
      World world, boolean steps, Schedule schedule, AtomicInteger told) {
    AgentPost counting =
        new AgentPost() {
          @Override
          public void tell(AgentHandle agent, AgentProtocol.Command command) {
            told.incrementAndGet();
            agent.ref().tell(command);
          }

          @Override
          public boolean local() {
            return true;
          }

          @Override
          public boolean steps() {
            return steps;
          }
        };
    ClockSetup setup =
        new ClockSetup(
            world.ticks(),
            Duration.ofSeconds(30),
            new WebStore(world.domain().width(), world.sites().size(), world.retention()),
            t -> {},
            ctx -> {
              List<AgentHandle> handles = new ArrayList<>();
              for (int i = 0; i < world.agentCount(); i++) {
                ModelSettings m = world.models().get(i);
                handles.add(
                    new AgentHandle(
                        i, m.id(), Simulation.spawnAgent(ctx, world, i), m::retrainsAt));
              }
              return handles;
            },
            Duration.ZERO,
            schedule,
            0,
            null,
            Barrier.NONE,
            counting);
    TestProbe<RunOutcome> outcome = KIT.createTestProbe();
    KIT.spawn(Clock.create(setup)).tell(new Clock.Start(outcome.ref()));
    return outcome.receiveMessage(Duration.ofSeconds(30));
  }

  @Test
  void step_nextPlanThrows_failsInTheEventsPhaseOfThatTickAsApart() {
    World world = Worlds.of(Worlds.chains(2, 10, 6, "replace", "mle"), 3);
    Schedule failingAt3 =
        tick -> {
          if (tick == 3) {
            throw new IllegalStateException("injected plan bug");
          }
          return Schedule.Plan.ALL;
        };
    RunOutcome apart = clockRun(world, false, failingAt3, new AtomicInteger());
    RunOutcome folded = clockRun(world, true, failingAt3, new AtomicInteger());
    assertEquals(
        "the clock failed in the events phase of tick 3: injected plan bug", apart.failure());
    assertEquals(apart, folded);
  }

  /**
   * A domain that throws at the {@code nth} call of {@code method} ({@code sample}: a model's
   * publish; {@code sampleTruth}: a human's).
   */
  private static Domain breaking(Domain domain, String method, int nth) {
    return breaking(domain, method, nth, () -> new IllegalStateException("injected sampling bug"));
  }

  /** {@link #breaking(Domain, String, int)}, throwing what {@code failure} gives. */
  private static Domain breaking(
      Domain domain, String method, int nth, java.util.function.Supplier<Throwable> failure) {
    AtomicInteger calls = new AtomicInteger();
    return (Domain)
        java.lang.reflect.Proxy.newProxyInstance(
            Domain.class.getClassLoader(),
            new Class<?>[] {Domain.class},
            (proxy, m, args) -> {
              if (m.getName().equals(method) && calls.incrementAndGet() == nth) {
                throw failure.get();
              }
              try {
                return m.invoke(domain, args);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @Test
  void step_modelPublishThrows_tickBeforeIsObservedAndTheRunFailsAsApart() {
    World base =
        Worlds.of(
            """
        name: throwing-publish
        ticks: 5
        domain: {type: gaussian}
        engine: {phase-timeout-seconds: 30}
        models:
          - {id: m, regime: replace, initial: truth, scrape: 20, publish-rate: 5}
        """,
            3);
    // The model's third sample is its publish at tick 2, which a Step at tick 1 asks for.
    Observed done = sameFoldedAndApart(() -> base.withDomain(breaking(base.domain(), "sample", 3)));
    assertEquals(
        "agent m failed in the publish phase of tick 2: injected sampling bug", done.failure());
    // Tick 1 (its retrain included) is observed before the run fails at tick 2.
    assertEquals(2, done.completed());
    assertTrue(done.ticks().contains("1 published 5"), done.ticks().toString());
  }

  @Test
  void step_humanPublishThrows_tickBeforeIsObservedAndTheRunFailsAsApart() {
    World base =
        Worlds.of(
            """
        name: throwing-human
        ticks: 5
        domain: {type: gaussian}
        engine: {phase-timeout-seconds: 30}
        humans:
          - {id: people, publish-rate: 30}
        """,
            3);
    // The source's third draw from the truth is its publish at tick 2.
    Observed done =
        sameFoldedAndApart(() -> base.withDomain(breaking(base.domain(), "sampleTruth", 3)));
    assertEquals(
        "agent people failed in the publish phase of tick 2: injected sampling bug",
        done.failure());
    assertEquals(2, done.completed());
    // An error (not an exception) in the folded publish is named as in a Publish too.
    Observed error =
        sameFoldedAndApart(
            () ->
                base.withDomain(
                    breaking(
                        base.domain(), "sampleTruth", 3, () -> new AssertionError("injected"))));
    assertEquals("agent people failed in the publish phase of tick 2: injected", error.failure());
    assertEquals(2, error.completed());
  }

  @Test
  void step_settingsChangeThrows_failsInThePublishPhaseOfItsTickAsApart() {
    World world = Worlds.of(Worlds.chains(2, 10, 6, "replace", "mle"), 3);
    // m1's settings for m0 at tick 3: a model may not change its id, so m0's reconfigure throws,
    // in a Reconfigure apart and in the settings half of the Step at tick 2 folded.
    Schedule.Change bad = new Schedule.Change(0, world.models().get(1));
    Schedule changeAt3 =
        tick -> tick == 3 ? new Schedule.Plan(null, null, List.of(bad)) : Schedule.Plan.ALL;
    AtomicInteger toldApart = new AtomicInteger();
    AtomicInteger toldFolded = new AtomicInteger();
    RunOutcome apart = clockRun(world, false, changeAt3, toldApart);
    RunOutcome folded = clockRun(world, true, changeAt3, toldFolded);
    assertEquals(
        "agent m0 failed in the publish phase of tick 3: model m0: a reconfiguration may change"
            + " only the publish rate, scrape, fresh-human-fraction, crawl, sampling and stage"
            + " parameters",
        apart.failure());
    assertEquals(3, apart.ticksCompleted());
    assertEquals(apart, folded);
    assertTrue(toldFolded.get() < toldApart.get(), toldFolded + " commands folded");
  }

  @Test
  void step_publishFailsWhileAnotherPublishHangs_tickBeforeIsObservedAndTheRunFailsAsApart() {
    String world =
        """
        name: hanging-publish
        ticks: 4
        domain: {type: gaussian}
        engine: {phase-timeout-seconds: %s}
        humans:
          - {id: people, publish-rate: 37}
        models:
          - {id: m, regime: replace, initial: truth, scrape: 20, publish-rate: 5}
        """;
    // Apart, tick 1's publish fails at once (the model throws) while the human hangs in its own, so
    // no timeout is spent (30 s: none may fire). Folded, the Step at tick 0 answers the model's
    // failure and the human stays silent until the step's budget (2 x 1.5 s) is spent. Both
    // observe tick 0 and fail at tick 1 with the model's failure. The folded run's tick 0 publish
    // (small draws, separate phases) has the same 1.5 s: a machine too loaded for that would fail
    // this test with tick 0's publish timeout, not pass it.
    Observed apart = hangingHuman(Worlds.of(world.formatted("30"), 3), Duration.ofNanos(1));
    Observed folded = hangingHuman(Worlds.of(world.formatted("1.5"), 3), Duration.ZERO);
    assertEquals(
        "agent m failed in the publish phase of tick 1: injected sampling bug", apart.failure());
    assertEquals(1, apart.completed());
    assertEquals(apart, folded);
  }

  /**
   * A run of {@code base} whose human source hangs in its second publish (its draws of 37 from the
   * truth) until the run has ended, and whose model throws in its second publish (its samples of
   * 5).
   */
  private static Observed hangingHuman(World base, Duration interval) {
    Domain domain = base.domain();
    java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
    AtomicInteger draws = new AtomicInteger();
    AtomicInteger samples = new AtomicInteger();
    Domain hanging =
        (Domain)
            java.lang.reflect.Proxy.newProxyInstance(
                Domain.class.getClassLoader(),
                new Class<?>[] {Domain.class},
                (proxy, m, args) -> {
                  if (m.getName().equals("sampleTruth")
                      && (int) args[0] == 37
                      && draws.incrementAndGet() == 2) {
                    gate.await(30, java.util.concurrent.TimeUnit.SECONDS);
                  }
                  if (m.getName().equals("sample")
                      && (int) args[1] == 5
                      && samples.incrementAndGet() == 2) {
                    throw new IllegalStateException("injected sampling bug");
                  }
                  try {
                    return m.invoke(domain, args);
                  } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    try {
      return observe(base.withDomain(hanging), interval);
    } finally {
      gate.countDown();
    }
  }

  @Test
  void clock_asksTheBarrierOncePerTick() {
    World world = Worlds.of(Worlds.chains(2, 10, 6, "replace", "mle"), 3);
    List<Integer> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<Integer> written = new java.util.concurrent.CopyOnWriteArrayList<>();
    // A barrier whose answer changes from one call to the next (as a timed one may): due only the
    // first time tick 2 is asked.
    Barrier changing =
        new Barrier() {
          @Override
          public boolean due(int tick) {
            asked.add(tick);
            return tick == 2 && asked.stream().filter(t -> t == 2).count() == 1;
          }

          @Override
          public void write(int tick, WebStore web, List<AgentProtocol.StateSaved> states) {
            written.add(tick);
          }
        };
    RunOutcome outcome = sim.run(world, t -> {}, Duration.ZERO, null, changing);
    assertEquals("", outcome.failure());
    // Once per tick but the last (no checkpoint follows the last tick).
    assertEquals(List.of(0, 1, 2, 3, 4), asked);
    assertEquals(List.of(2), written);
  }
}
