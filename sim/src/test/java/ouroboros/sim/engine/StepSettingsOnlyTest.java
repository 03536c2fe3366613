package ouroboros.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static ouroboros.sim.engine.ScriptedClock.await;
import static ouroboros.sim.engine.ScriptedClock.model;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import ouroboros.agents.actor.AgentProtocol;
import ouroboros.agents.model.ModelSettings;
import ouroboros.sim.engine.ScriptedClock.Agent;
import ouroboros.sim.engine.ScriptedClock.Ended;
import ouroboros.sim.engine.ScriptedClock.Run;

/**
 * A model with a settings change at tick t + 1 but out of the web there (a set, then a retire, at
 * one tick) publishes nothing at t + 1: separate phases send it a Reconfigure that nothing awaits,
 * and a folded run does the same, so its hang or crash ends the run alike ({@link ScriptedClock}
 * runs both ways).
 */
class StepSettingsOnlyTest {
  private static final ActorTestKit KIT = ActorTestKit.create(ScriptedClock.config());

  @AfterAll
  static void shutdown() {
    KIT.shutdownTestKit();
  }

  /**
   * A model with a settings change at tick 1, where it is out of the web (retired there, or not yet
   * joined): it publishes and retrains at once; its settings (a Reconfigure, or a Step that carries
   * them) it takes by waiting for {@code release}, then throwing when {@code crash}, else answering
   * nothing.
   */
  private static Behavior<AgentProtocol.Command> retiring(
      int index, CountDownLatch release, boolean crash) {
    Runnable settings =
        () -> {
          await(release);
          if (crash) {
            throw new IllegalStateException("injected settings crash");
          }
        };
    return ScriptedClock.answering(index, null)
        .onMessage(
            AgentProtocol.Reconfigure.class,
            m -> {
              settings.run();
              return Behaviors.same();
            })
        .onMessage(
            AgentProtocol.Step.class,
            m -> {
              if (m.settings() != null) {
                settings.run();
                return Behaviors.same();
              }
              m.replyTo().tell(ScriptedClock.stepped(m, index));
              return Behaviors.same();
            })
        .build();
  }

  /** Agent 1 out of the web from tick 1, with new settings at tick 1 (a set, then a retire). */
  private static Schedule retiringAt1(ModelSettings settings) {
    return tick -> {
      BitSet active = new BitSet();
      active.set(0);
      if (tick == 0) {
        active.set(1);
      }
      List<Schedule.Change> changes =
          tick == 1 ? List.of(new Schedule.Change(1, settings)) : List.of();
      return new Schedule.Plan(active, null, changes);
    };
  }

  /**
   * A run of a model that answers (index 0, cued by {@code cue}) and the retiring one (index 1).
   */
  private static Ended retiringRun(
      boolean folded, IntPredicate retiringRetrains, CountDownLatch cue, boolean crash) {
    return run(folded, retiringRetrains, cue, crash, StepSettingsOnlyTest::retiringAt1);
  }

  /** Agent 1 out of the web until tick 2, with new settings at tick 1, before it joins. */
  private static Schedule joiningAt2(ModelSettings settings) {
    return tick -> {
      BitSet active = new BitSet();
      active.set(0);
      if (tick >= 2) {
        active.set(1);
      }
      List<Schedule.Change> changes =
          tick == 1 ? List.of(new Schedule.Change(1, settings)) : List.of();
      return new Schedule.Plan(active, null, changes);
    };
  }

  /** As {@link #retiringRun}, with agent 1 in and out of the web as {@code schedule} says. */
  private static Ended run(
      boolean folded,
      IntPredicate retiringRetrains,
      CountDownLatch cue,
      boolean crash,
      Function<ModelSettings, Schedule> schedule) {
    ModelSettings settings =
        Worlds.of(Worlds.chains(1, 10, 3, "replace", "mle"), 3).models().get(0);
    CountDownLatch release = cue != null ? cue : new CountDownLatch(1);
    try {
      Run run =
          ScriptedClock.start(
              KIT,
              List.of(
                  new Agent("lab", model(0, cue), t -> true),
                  new Agent("old", retiring(1, release, crash), retiringRetrains)),
              folded,
              3,
              Duration.ofSeconds(3),
              schedule.apply(settings));
      return run.ended();
    } finally {
      release.countDown();
    }
  }

  @Test
  void step_settingsOnlyAgentHangs_nothingAwaitsItAsApart() {
    // Apart, tick 1 sends the retiring model its settings as a Reconfigure, which nothing awaits:
    // its hang there fails nothing, and the run completes. Folded, so must it (its change is not
    // in a Step, whose answer tick 0 would await). The same whether or not it retrains at tick 0.
    for (IntPredicate retrains : List.<IntPredicate>of(t -> false, t -> t == 0)) {
      Ended apart = retiringRun(false, retrains, null, false);
      assertEquals(new RunOutcome(3, ""), apart.outcome());
      assertEquals(3, apart.observed());
      assertEquals(apart, retiringRun(true, retrains, null, false));
    }
  }

  @Test
  void step_settingsOnlyAgentCrashes_failsWhereAndWhenApart() {
    // The retiring model crashes taking its settings of tick 1, once the other model has been
    // asked to retrain at tick 1 (which it leaves unanswered): apart, the crash reaches the clock
    // in tick 1's retrain phase, after tick 0 is observed. Folded, the same: were the settings in
    // a Step of tick 0, that Step's answer would never come (the cue comes at tick 1), and the run
    // would end with tick 1's publish timeout instead.
    for (IntPredicate retrains : List.<IntPredicate>of(t -> false, t -> t == 0)) {
      Ended apart = retiringRun(false, retrains, new CountDownLatch(1), true);
      assertEquals(
          new RunOutcome(
              1, "agent old failed in the retrain phase of tick 1: injected settings crash"),
          apart.outcome());
      assertEquals(1, apart.observed());
      assertEquals(apart, retiringRun(true, retrains, new CountDownLatch(1), true));
    }
  }

  @Test
  void step_joiningAgentCrashesTakingItsSettings_failsWhereAndWhenApart() {
    // The model joins at tick 2 and takes new settings at tick 1, before (a schedule may say so).
    // Both ways it gets them as a Reconfigure when tick 1 starts, and crashes there once the other
    // model is asked to retrain at tick 1: apart, in tick 1's retrain phase. Folded, tick 1's Step
    // asks it for tick 2's publish behind that Reconfigure, and the clock cannot tell which of the
    // two it crashed in: it must fail at once, as apart, not count the crash as tick 2's publish
    // failure (which would wait out the step's budget and end with its timeout).
    Ended apart =
        run(false, t -> false, new CountDownLatch(1), true, StepSettingsOnlyTest::joiningAt2);
    assertEquals(
        new RunOutcome(
            1, "agent old failed in the retrain phase of tick 1: injected settings crash"),
        apart.outcome());
    assertEquals(1, apart.observed());
    assertEquals(
        apart,
        run(true, t -> false, new CountDownLatch(1), true, StepSettingsOnlyTest::joiningAt2));
  }

  /** A model that takes its settings, then crashes when asked to publish (a Publish or a Step). */
  private static Behavior<AgentProtocol.Command> crashingInItsPublish() {
    return Behaviors.receive(AgentProtocol.Command.class)
        .onMessage(AgentProtocol.Reconfigure.class, m -> Behaviors.same())
        .onMessage(
            AgentProtocol.Publish.class,
            m -> {
              throw new IllegalStateException("injected publish crash");
            })
        .onMessage(
            AgentProtocol.Step.class,
            m -> {
              throw new IllegalStateException("injected publish crash");
            })
        .build();
  }

  @Test
  void step_joiningAgentCrashesInItsFirstPublish_failsWhereAndWhenApart() {
    // The model that joins at tick 2 takes its settings of tick 1 and crashes in its publish of
    // tick 2: apart, after tick 1 is observed. Folded, so must it, though the clock cannot tell
    // a crash in a Step of tick 1 from one in the Reconfigure ahead of it (see the test above).
    ModelSettings settings =
        Worlds.of(Worlds.chains(1, 10, 3, "replace", "mle"), 3).models().get(0);
    Ended[] ended = new Ended[2];
    for (boolean folded : new boolean[] {false, true}) {
      ended[folded ? 1 : 0] =
          ScriptedClock.start(
                  KIT,
                  List.of(
                      new Agent("lab", model(0, null), t -> true),
                      new Agent("new", crashingInItsPublish(), t -> true)),
                  folded,
                  3,
                  Duration.ofSeconds(3),
                  joiningAt2(settings))
              .ended();
    }
    assertEquals(
        new RunOutcome(
            2, "agent new failed in the publish phase of tick 2: injected publish crash"),
        ended[0].outcome());
    assertEquals(2, ended[0].observed());
    assertEquals(ended[0], ended[1]);
  }
}
