package ouroboros.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.Cancellable;
import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import ouroboros.agents.actor.AgentProtocol;
import ouroboros.sim.web.WebStore;

/**
 * Fault injection into the clock: settings that pass no validation (the engine is handed them
 * directly) and faults inside the clock must end the run with a message, never leave it waiting.
 * Each test has a timeout far below the 24 days a run waits for its clock.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ClockHangTest {
  private static final ActorTestKit KIT = ActorTestKit.create();

  @AfterAll
  static void shutdown() {
    KIT.shutdownTestKit();
  }

  @Test
  void phaseTimeout_beyondSchedulerLimit_runFailsInsteadOfHanging() {
    TestProbe<AgentProtocol.Command> agent = KIT.createTestProbe();
    RunOutcome outcome =
        run(
            new ClockSetup(
                3,
                Duration.ofSeconds(9_000_000_000L),
                new WebStore(1, 1, WebStore.KEEP_ALL),
                r -> {},
                ctx -> List.of(new AgentHandle(0, "people", agent.ref(), t -> false))));
    assertFalse(outcome.completed());
    assertTrue(
        outcome.failure().startsWith("the clock failed in the publish phase of tick 0: "),
        outcome.failure());
    assertTrue(outcome.failure().contains("too far in future"), outcome.failure());
  }

  @Test
  void pace_beyondSchedulerLimit_runFailsAfterTheFirstTick() {
    List<Integer> observed = new ArrayList<>();
    RunOutcome outcome =
        run(
            new ClockSetup(
                3,
                Duration.ofSeconds(5),
                new WebStore(1, 1, WebStore.KEEP_ALL),
                r -> observed.add(r.tick()),
                ctx -> List.of(),
                Duration.ofSeconds(Long.MAX_VALUE / 2_000_000_000L)));
    assertEquals(List.of(0), observed);
    assertTrue(
        outcome.failure().startsWith("the clock failed in the observe phase of tick 0: "),
        outcome.failure());
  }

  @Test
  void listenerThrowsRuntimeException_inFinish_runStillEnds() {
    RunOutcome outcome =
        run(
            new ClockSetup(
                2,
                Duration.ofSeconds(5),
                new WebStore(1, 1, WebStore.KEEP_ALL),
                new TickListener() {
                  @Override
                  public void onTick(TickResult result) {}

                  @Override
                  public void onFinish(RunOutcome o) {
                    throw new IllegalStateException("disk gone");
                  }
                },
                ctx -> List.of()));
    assertEquals("finishing the run files failed: disk gone", outcome.failure());
  }

  @Test
  void agentsFactoryThrows_runFailsInsteadOfHanging() {
    RunOutcome outcome =
        run(
            new ClockSetup(
                3,
                Duration.ofSeconds(5),
                new WebStore(1, 1, WebStore.KEEP_ALL),
                r -> {},
                ctx -> {
                  throw new IllegalArgumentException("no such agent");
                }));
    assertEquals("the clock failed to start: no such agent", outcome.failure());
    assertEquals(0, outcome.ticksCompleted());
  }

  @Test
  void phaseTimeout_15000SilentAgents_namesTenAndCountsTheRest() {
    TestProbe<AgentProtocol.Command> agent = KIT.createTestProbe();
    int n = 15_000;
    RunOutcome outcome =
        run(
            new ClockSetup(
                3,
                Duration.ofMillis(1),
                new WebStore(1, 1, WebStore.KEEP_ALL),
                r -> {},
                ctx -> {
                  List<AgentHandle> all = new ArrayList<>();
                  for (int i = 0; i < n; i++) {
                    all.add(new AgentHandle(i, "agent-" + i, agent.ref(), t -> false));
                  }
                  return all;
                }));
    assertEquals(
        "the publish phase of tick 0 timed out after 1 ms; no answer from 15000 agents, the first"
            + " 10: agent-0, agent-1, agent-2, agent-3, agent-4, agent-5, agent-6, agent-7,"
            + " agent-8, agent-9, ...",
        outcome.failure());
  }

  /**
   * {@link EngineLimits#MAX_DELAY_SECONDS} is what Akka's scheduler, configured as a run configures
   * it, accepts; two seconds more it refuses.
   */
  @Test
  void maxDelay_isTheLongestTimerTheSchedulerAccepts() {
    ActorSystem<Void> system =
        ActorSystem.create(Behaviors.empty(), "limits", Simulation.config(1));
    try {
      Cancellable ok =
          system
              .classicSystem()
              .scheduler()
              .scheduleOnce(
                  Duration.ofSeconds(EngineLimits.MAX_DELAY_SECONDS),
                  () -> {},
                  system.executionContext());
      ok.cancel();
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  system
                      .classicSystem()
                      .scheduler()
                      .scheduleOnce(
                          Duration.ofSeconds(EngineLimits.MAX_DELAY_SECONDS + 2),
                          () -> {},
                          system.executionContext()));
      assertTrue(
          e.getMessage().contains("maximum delay is [" + EngineLimits.MAX_DELAY_SECONDS + "]"),
          e.getMessage());
    } finally {
      system.terminate();
    }
  }

  /** Spawns a clock, starts it and waits at most 20 s for how the run ended. */
  private static RunOutcome run(ClockSetup setup) {
    TestProbe<RunOutcome> outcome = KIT.createTestProbe();
    KIT.spawn(Clock.create(setup)).tell(new Clock.Start(outcome.ref()));
    return outcome.expectMessageClass(RunOutcome.class, Duration.ofSeconds(20));
  }
}
