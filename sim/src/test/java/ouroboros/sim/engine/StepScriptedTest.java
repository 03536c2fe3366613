package ouroboros.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.PostStop;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import ouroboros.agents.actor.AgentProtocol;
import ouroboros.agents.data.AuthorKind;
import ouroboros.agents.data.Batch;
import ouroboros.agents.data.Items;
import ouroboros.agents.domain.Evaluation;
import ouroboros.agents.model.Composition;
import ouroboros.agents.model.ModelSettings;
import ouroboros.agents.model.RetrainReport;
import ouroboros.sim.web.WebStore;

/**
 * Folded steps against separate phases, with scripted agents that are the clock's own children (so
 * that one that crashes reaches the clock as a {@code ChildFailed}, as an engine agent does): each
 * test runs one script apart (no Steps) and folded, and checks that both end alike.
 */
class StepScriptedTest {

  /** A dispatcher of one thread, which the clock shares with {@link #blocker}. */
  private static final ActorTestKit KIT =
      ActorTestKit.create(
          ConfigFactory.parseString(
                  "clock-thread {type = Dispatcher, executor = thread-pool-executor,"
                      + " thread-pool-executor.fixed-pool-size = 1}")
              .withFallback(ActorTestKit.applicationTestConfig()));

  private static final DispatcherSelector CLOCK_THREAD =
      DispatcherSelector.fromConfig("clock-thread");

  @AfterAll
  static void shutdown() {
    KIT.shutdownTestKit();
  }

  /** A scripted agent: its id, its behaviour and the ticks at which it retrains. */
  private record Agent(
      String id, Behavior<AgentProtocol.Command> behavior, IntPredicate retrains) {}

  /** A started run: the agents' references, the outcome's probe and the ticks observed. */
  private record Run(
      List<ActorRef<AgentProtocol.Command>> agents,
      TestProbe<RunOutcome> outcome,
      List<TickResult> ticks) {

    /** The outcome, and how many ticks the listener saw. */
    Ended ended() {
      RunOutcome o = outcome.expectMessageClass(RunOutcome.class, Duration.ofSeconds(20));
      return new Ended(o, ticks.size());
    }
  }

  /** How a run ended: its outcome and the number of ticks observed. */
  private record Ended(RunOutcome outcome, int observed) {}

  /** Starts a clock on the one-thread dispatcher over {@code agents}, spawned as its children. */
  private static Run start(
      List<Agent> agents, boolean folded, int ticks, Duration timeout, Schedule schedule) {
    List<ActorRef<AgentProtocol.Command>> refs = new CopyOnWriteArrayList<>();
    List<TickResult> seen = new CopyOnWriteArrayList<>();
    ClockSetup setup =
        new ClockSetup(
            ticks,
            timeout,
            new WebStore(1, 1, WebStore.KEEP_ALL),
            seen::add,
            ctx -> {
              List<AgentHandle> handles = new ArrayList<>();
              for (int i = 0; i < agents.size(); i++) {
                Agent a = agents.get(i);
                ActorRef<AgentProtocol.Command> ref = ctx.spawn(a.behavior(), a.id());
                refs.add(ref);
                handles.add(new AgentHandle(i, a.id(), ref, a.retrains()::test));
              }
              return handles;
            },
            Duration.ZERO,
            schedule,
            0,
            null,
            Barrier.NONE,
            folded ? AgentPost.STEPPING : AgentPost.DIRECT);
    TestProbe<RunOutcome> outcome = KIT.createTestProbe();
    KIT.spawn(Clock.create(setup), CLOCK_THREAD).tell(new Clock.Start(outcome.ref()));
    return new Run(refs, outcome, seen);
  }

  private static Items items(int agent) {
    return Items.uniform(
        new Batch(1, 1, new double[1]), agent, AuthorKind.MODEL, 0, 0, 0f, (short) 0);
  }

  private static RetrainReport report(int agent, int tick) {
    return new RetrainReport(
        agent,
        "agent" + agent,
        tick,
        tick + 1,
        false,
        "",
        0,
        3,
        new Composition(new int[0], new int[0], 0, 0),
        1.0,
        Evaluation.NONE,
        List.of(),
        new double[0]);
  }

  /**
   * A model that answers every command at once, but for its retrain of tick 1 when {@code cue} is
   * given: then it counts the cue down and stays silent.
   */
  private static Behavior<AgentProtocol.Command> model(int index, CountDownLatch cue) {
    return Behaviors.receive(AgentProtocol.Command.class)
        .onMessage(
            AgentProtocol.Publish.class,
            m -> {
              m.replyTo().tell(new AgentProtocol.Published(m.tick(), index, items(index)));
              return Behaviors.same();
            })
        .onMessage(
            AgentProtocol.Retrain.class,
            m -> {
              if (!cued(cue, m.tick())) {
                m.replyTo()
                    .tell(new AgentProtocol.Retrained(m.tick(), index, report(index, m.tick())));
              }
              return Behaviors.same();
            })
        .onMessage(
            AgentProtocol.Step.class,
            m -> {
              if (!(m.retrain() && cued(cue, m.tick()))) {
                m.replyTo()
                    .tell(
                        new AgentProtocol.Stepped(
                            m.tick(),
                            index,
                            m.retrain() ? report(index, m.tick()) : null,
                            m.publish() ? items(index) : null,
                            null));
              }
              return Behaviors.same();
            })
        .onMessage(AgentProtocol.Reconfigure.class, m -> Behaviors.same())
        .build();
  }

  /** Whether a retrain of {@code tick} is the cue's (tick 1); counts the cue down if so. */
  private static boolean cued(CountDownLatch cue, int tick) {
    if (cue == null || tick != 1) {
      return false;
    }
    cue.countDown();
    return true;
  }

  /** Waits for {@code latch}, at most 20 s. */
  private static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(20, TimeUnit.SECONDS), "latch not released");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  // --- An agent whose death reaches the clock while the tick before is observed ---

  /** The phase timeout of the dying-agent runs; a folded step has twice this. */
  private static final Duration PHASE = Duration.ofMillis(400);

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
            1, "the publish phase of tick 1 timed out after 400 ms; no answer from: people"),
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
            CLOCK_THREAD);
    Ended folded;
    try {
      long asked = System.nanoTime();
      Run run = startDying(true, stopping, death);
      // The clock took the crash (Akka's Failed) and stopped the human, whose stop now waits.
      await(stopping);
      // Hold the clock's only thread, past the step's budget (2 x 400 ms from before the Step was
      // sent) with room for a loaded machine, so that the budget's PhaseTimedOut waits in its
      // mailbox.
      blocker.tell(
          () -> {
            blocked.countDown();
            await(unblock);
          });
      await(blocked);
      sleepUntil(asked + PHASE.multipliedBy(2).plusMillis(1200).toNanos());
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

  /** A run of the dying human (index 0) beside a model that answers at once (index 1), 3 ticks. */
  private static Run startDying(boolean folded, CountDownLatch stopping, CountDownLatch death) {
    return start(
        List.of(
            new Agent("people", dying(stopping, death), t -> false),
            new Agent("lab", model(1, null), t -> true)),
        folded,
        3,
        PHASE,
        Schedule.NONE);
  }

  /** Sleeps until {@link System#nanoTime()} reaches {@code deadline}. */
  private static void sleepUntil(long deadline) {
    long left;
    while ((left = deadline - System.nanoTime()) > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  // --- An agent with only a settings change at the next tick ---

  /**
   * A model in the web at tick 0 only, retired at tick 1 where it has a settings change: it
   * publishes and retrains at once; its settings (a Reconfigure, or a Step that carries them) it
   * takes by waiting for {@code release}, then throwing when {@code crash}, else answering nothing.
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
    return Behaviors.receive(AgentProtocol.Command.class)
        .onMessage(
            AgentProtocol.Publish.class,
            m -> {
              m.replyTo().tell(new AgentProtocol.Published(m.tick(), index, items(index)));
              return Behaviors.same();
            })
        .onMessage(
            AgentProtocol.Retrain.class,
            m -> {
              m.replyTo()
                  .tell(new AgentProtocol.Retrained(m.tick(), index, report(index, m.tick())));
              return Behaviors.same();
            })
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
              m.replyTo()
                  .tell(
                      new AgentProtocol.Stepped(
                          m.tick(),
                          index,
                          m.retrain() ? report(index, m.tick()) : null,
                          m.publish() ? items(index) : null,
                          null));
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
    ModelSettings settings =
        Worlds.of(Worlds.chains(1, 10, 3, "replace", "mle"), 3).models().get(0);
    CountDownLatch release = cue != null ? cue : new CountDownLatch(1);
    try {
      Run run =
          start(
              List.of(
                  new Agent("lab", model(0, cue), t -> true),
                  new Agent("old", retiring(1, release, crash), retiringRetrains)),
              folded,
              3,
              Duration.ofSeconds(3),
              retiringAt1(settings));
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
}
