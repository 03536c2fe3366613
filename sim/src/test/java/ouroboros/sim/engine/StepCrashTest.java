package ouroboros.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static ouroboros.sim.engine.ScriptedClock.await;
import static ouroboros.sim.engine.ScriptedClock.items;
import static ouroboros.sim.engine.ScriptedClock.model;
import static ouroboros.sim.engine.ScriptedClock.sleepUntil;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.PostStop;
import akka.actor.typed.javadsl.Behaviors;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import ouroboros.agents.actor.AgentProtocol;
import ouroboros.sim.engine.ScriptedClock.Agent;
import ouroboros.sim.engine.ScriptedClock.Ended;
import ouroboros.sim.engine.ScriptedClock.Run;

/**
 * An agent that crashes when a folded step asks it only for the next tick's publish ends the run as
 * separate phases would, whenever the clock hears of the crash: during the step, or while the tick
 * before is observed once the step's budget is spent ({@link ScriptedClock} runs both ways).
 */
class StepCrashTest {
  private static final ActorTestKit KIT = ActorTestKit.create(ScriptedClock.config());

  /**
   * The phase timeout of the dying-agent runs; a folded step has twice this. Scripted agents answer
   * at once, so only a stall this long on a loaded machine could time out a phase not meant to.
   */
  private static final Duration PHASE = Duration.ofMillis(1000);

  @AfterAll
  static void shutdown() {
    KIT.shutdownTestKit();
  }

  /**
   * A human source (never retrains) that publishes tick 0 and crashes when asked for tick 1's
   * items, by a Publish apart or in a Step folded; its stop (PostStop) waits for {@code death}, so
   * that the clock hears of the crash only when the test lets it.
   */
  private static Behavior<AgentProtocol.Command> dying(
      CountDownLatch stopping, CountDownLatch death) {
    return Behaviors.receive(AgentProtocol.Command.class)
        .onMessage(
            AgentProtocol.Publish.class,
            m -> {
              if (m.tick() == 1) {
                throw new IllegalStateException("injected crash");
              }
              m.replyTo().tell(new AgentProtocol.Published(m.tick(), 0, items(0)));
              return Behaviors.same();
            })
        .onMessage(
            AgentProtocol.Step.class,
            m -> {
              throw new IllegalStateException("injected crash");
            })
        .onSignal(
            PostStop.class,
            s -> {
              stopping.countDown();
              await(death);
              return Behaviors.same();
            })
        .build();
  }

  @Test
  void step_crashNoticedWhileTheTickBeforeIsObserved_endsWithThePublishTimeoutAsApart() {
    // Apart: the human crashes in its publish of tick 1 and the clock hears of it only after that
    // phase's timeout, which fails the run first, after tick 0.
    CountDownLatch apartDeath = new CountDownLatch(1);
    Ended apart;
    try {
      Run run = startDying(false, new CountDownLatch(1), apartDeath);
      apart = run.ended();
    } finally {
      apartDeath.countDown();
    }
    assertEquals(
        new RunOutcome(
            1, "the publish phase of tick 1 timed out after 1000 ms; no answer from: people"),
        apart.outcome());
    assertEquals(1, apart.observed());

    // Folded: the human crashes in the Step of tick 0, owing only tick 1's publish. The clock hears
    // of it (its ChildFailed is queued) after the step's budget has run out (its PhaseTimedOut is
    // queued first) and before tick 1 starts: while tick 0 is observed. The run ends with the
    // publish timeout the step holds for tick 1, as apart, not with the crash at tick 0.
    CountDownLatch stopping = new CountDownLatch(1);
    CountDownLatch death = new CountDownLatch(1);
    CountDownLatch blocked = new CountDownLatch(1);
    CountDownLatch unblock = new CountDownLatch(1);
    ActorRef<Runnable> blocker =
        KIT.spawn(
            Behaviors.receive(Runnable.class)
                .onMessage(
                    Runnable.class,
                    r -> {
                      r.run();
                      return Behaviors.same();
                    })
                .build(),
            ScriptedClock.CLOCK_THREAD);
    Ended folded;
    try {
      Run run = startDying(true, stopping, death);
      // The clock took the crash (Akka's Failed) and stopped the human, whose stop now waits.
      await(stopping);
      // Hold the clock's only thread, past the step's budget (2 x PHASE) with room for a loaded
      // machine, so that the budget's PhaseTimedOut waits in its mailbox.
      blocker.tell(
          () -> {
            blocked.countDown();
            await(unblock);
          });
      await(blocked);
      // The clock started the step's timer before it took the blocker's message (one thread), so
      // the timer fires within the budget of now, however late the run started.
      sleepUntil(System.nanoTime() + PHASE.multipliedBy(2).plusMillis(1200).toNanos());
      // Let the human die: its death notice reaches the held clock, which on its next turn queues
      // the ChildFailed behind the PhaseTimedOut and before the Advance to tick 1.
      death.countDown();
      KIT.createTestProbe().expectTerminated(run.agents().get(0), Duration.ofSeconds(20));
      unblock.countDown();
      folded = run.ended();
    } finally {
      death.countDown();
      unblock.countDown();
    }
    assertEquals(apart, folded);
  }

  @Test
  void step_crashOwingOnlyTheNextPublish_observesTheTickThenFailsInThatPublishAsApart() {
    // The human crashes when asked for tick 1's items and the clock hears of it at once. Apart,
    // that is in tick 1's publish phase, after tick 0. Folded, it is in the Step of tick 0, which
    // owes nothing of tick 0 (the human does not retrain): tick 0 is still observed, and the run
    // fails when tick 1 starts, with the same text.
    CountDownLatch dies = new CountDownLatch(0);
    Ended apart = startDying(false, new CountDownLatch(1), dies).ended();
    assertEquals(
        new RunOutcome(1, "agent people failed in the publish phase of tick 1: injected crash"),
        apart.outcome());
    assertEquals(1, apart.observed());
    assertEquals(apart, startDying(true, new CountDownLatch(1), dies).ended());
  }

  /** A run of the dying human (index 0) beside a model that answers at once (index 1), 3 ticks. */
  private static Run startDying(boolean folded, CountDownLatch stopping, CountDownLatch death) {
    return ScriptedClock.start(
        KIT,
        List.of(
            new Agent("people", dying(stopping, death), t -> false),
            new Agent("lab", model(1, null), t -> true)),
        folded,
        3,
        PHASE,
        Schedule.NONE);
  }
}
