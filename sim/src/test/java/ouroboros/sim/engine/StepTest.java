package ouroboros.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

  /** A timeline with releases, a retirement, new rates and a crawl change (a Reconfigure). */
  private static final String TIMELINE =
      """
      name: steps
      seed: 5
      ticks: 10
      domain: {type: gaussian}
      web: {retention: 2}
      sites: [{id: forum}, {id: blog-a}, {id: blog-b}]
      humans:
        - {id: people, publish-rate: 30, site: forum}
      models:
        - {id: lab-a, regime: replace, initial: truth, scrape: 20, publish-rate: 10, site: blog-a}
        - {id: lab-b, regime: accumulate, initial: truth, scrape: 20, publish-rate: 10,
           site: blog-b, crawl: {sites: [forum, blog-a, blog-b]}}
      timeline:
        - {tick: 2, release: {id: lab-web, like: lab-a, initial: web, publish-rate: 7}}
        - {tick: 3, humans: {id: people, publish-rate: 60}}
        - {tick: 4, set: {agent: lab-a, publish-rate: 3}}
        - {tick: 5, set: {path: "models[lab-b].crawl.sites", value: [blog-a]}}
        - {tick: 7, retire: lab-a}
      """;

  /** What a tick's results say, in a form that compares by value. */
  private static List<String> digest(World world, Duration interval) {
    List<String> out = new ArrayList<>();
    RunOutcome outcome =
        sim.run(
            world,
            t -> {
              long[] all = new long[Math.toIntExact(t.web().size())];
              for (int i = 0; i < all.length; i++) {
                all[i] = i;
              }
              var items = t.web().gather(all);
              out.add(
                  t.tick()
                      + " published "
                      + t.published()
                      + " web "
                      + items.size()
                      + " items, hash "
                      + java.util.Arrays.hashCode(items.payload().values())
                      + " "
                      + java.util.Arrays.hashCode(items.generation()));
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
    assertTrue(outcome.completed(), outcome.failure());
    return out;
  }

  @Test
  void run_foldedSteps_giveTheResultsOfSeparatePhases() {
    World world = Worlds.of(TIMELINE, 5);
    // A tick interval of 1 ns never waits (a tick takes longer) but turns the folding off.
    List<String> apart = digest(world, Duration.ofNanos(1));
    List<String> folded = digest(world, Duration.ZERO);
    assertEquals(apart, folded);
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
            Schedule.NONE,
            0,
            null,
            Barrier.NONE,
            counting);
    TestProbe<RunOutcome> outcome = KIT.createTestProbe();
    KIT.spawn(Clock.create(setup)).tell(new Clock.Start(outcome.ref()));
    RunOutcome done = outcome.receiveMessage(Duration.ofSeconds(30));
    assertTrue(done.completed(), done.failure());
    return told.get();
  }

  @Test
  void step_publishThrows_runNamesThePublishPhaseOfItsTick() {
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
    Domain gaussian = base.domain();
    AtomicInteger samples = new AtomicInteger();
    // The model's third sample is its publish at tick 2, which a Step at tick 1 asks for.
    Domain broken =
        (Domain)
            java.lang.reflect.Proxy.newProxyInstance(
                Domain.class.getClassLoader(),
                new Class<?>[] {Domain.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("sample") && samples.incrementAndGet() == 3) {
                    throw new IllegalStateException("injected sampling bug");
                  }
                  try {
                    return method.invoke(gaussian, args);
                  } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    RunOutcome outcome = sim.run(base.withDomain(broken), r -> {});
    assertFalse(outcome.completed());
    assertEquals(
        "agent m failed in the publish phase of tick 2: injected sampling bug", outcome.failure());
    // Tick 1's observe phase waited for that Step: ticks 0 only is complete.
    assertEquals(1, outcome.ticksCompleted());
  }
}
