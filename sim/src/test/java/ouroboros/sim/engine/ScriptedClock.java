package ouroboros.sim.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.BehaviorBuilder;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntPredicate;
import ouroboros.agents.actor.AgentProtocol;
import ouroboros.agents.data.AuthorKind;
import ouroboros.agents.data.Batch;
import ouroboros.agents.data.Items;
import ouroboros.agents.domain.Evaluation;
import ouroboros.agents.model.Composition;
import ouroboros.agents.model.RetrainReport;
import ouroboros.sim.web.WebStore;

/**
 * A rig for tests that run a clock over scripted agents, its own children (so that one that crashes
 * reaches the clock as a {@code ChildFailed}, as an engine agent does), apart (no Steps) or folded,
 * and compare how the two runs end.
 */
final class ScriptedClock {
  private ScriptedClock() {}

  /**
   * A test kit's configuration with {@link #CLOCK_THREAD}, a dispatcher of one thread, on which the
   * clock runs and which a test may hold to order what the clock's mailbox takes.
   */
  static Config config() {
    return ConfigFactory.parseString(
            "clock-thread {type = Dispatcher, executor = thread-pool-executor,"
                + " thread-pool-executor.fixed-pool-size = 1}")
        .withFallback(ActorTestKit.applicationTestConfig());
  }

  /** The clock's dispatcher: see {@link #config()}. */
  static final DispatcherSelector CLOCK_THREAD = DispatcherSelector.fromConfig("clock-thread");

  /** A scripted agent: its id, its behaviour and the ticks at which it retrains. */
  record Agent(String id, Behavior<AgentProtocol.Command> behavior, IntPredicate retrains) {}

  /** A started run: the agents' references, the outcome's probe and the ticks observed. */
  record Run(
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
  record Ended(RunOutcome outcome, int observed) {}

  /**
   * Starts a clock on {@link #CLOCK_THREAD} of {@code kit} over {@code agents}, spawned as its
   * children.
   */
  static Run start(
      ActorTestKit kit,
      List<Agent> agents,
      boolean folded,
      int ticks,
      Duration timeout,
      Schedule schedule) {
    List<ActorRef<AgentProtocol.Command>> refs = new CopyOnWriteArrayList<>();
    List<TickResult> seen = new CopyOnWriteArrayList<>();
    ClockSetup setup =
        setup(
            ticks,
            timeout,
            seen,
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
            schedule,
            folded ? AgentPost.STEPPING : AgentPost.DIRECT);
    TestProbe<RunOutcome> outcome = kit.createTestProbe();
    kit.spawn(Clock.create(setup), CLOCK_THREAD).tell(new Clock.Start(outcome.ref()));
    return new Run(refs, outcome, seen);
  }

  /**
   * The setup of a test clock from tick 0: a one-item web that keeps everything, every tick's
   * result added to {@code seen}, no pause between ticks and no barrier.
   */
  static ClockSetup setup(
      int ticks,
      Duration timeout,
      List<TickResult> seen,
      Function<ActorContext<Clock.Command>, List<AgentHandle>> agents,
      Schedule schedule,
      AgentPost post) {
    return new ClockSetup(
        ticks,
        timeout,
        new WebStore(1, 1, WebStore.KEEP_ALL),
        seen::add,
        agents,
        Duration.ZERO,
        schedule,
        0,
        null,
        Barrier.NONE,
        post);
  }

  /** One item by agent {@code agent}. */
  static Items items(int agent) {
    return Items.uniform(
        new Batch(1, 1, new double[1]), agent, AuthorKind.MODEL, 0, 0, 0f, (short) 0);
  }

  /** A report of agent {@code agent}'s retrain at {@code tick}. */
  static RetrainReport report(int agent, int tick) {
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
  static Behavior<AgentProtocol.Command> model(int index, CountDownLatch cue) {
    return answering(index, cue)
        .onMessage(
            AgentProtocol.Step.class,
            m -> {
              if (!(m.retrain() && cued(cue, m.tick()))) {
                m.replyTo().tell(stepped(m, index));
              }
              return Behaviors.same();
            })
        .onMessage(AgentProtocol.Reconfigure.class, m -> Behaviors.same())
        .build();
  }

  /**
   * An agent's Publish and Retrain answered at once, but for its retrain of tick 1 when {@code cue}
   * is given (see {@link #cued}); the caller adds its Step and Reconfigure.
   */
  static BehaviorBuilder<AgentProtocol.Command> answering(int index, CountDownLatch cue) {
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
            });
  }

  /** The answer of agent {@code index} to step {@code m}: its report and items as asked. */
  static AgentProtocol.Stepped stepped(AgentProtocol.Step m, int index) {
    return new AgentProtocol.Stepped(
        m.tick(),
        index,
        m.retrain() ? report(index, m.tick()) : null,
        m.publish() ? items(index) : null,
        null);
  }

  /** Whether a retrain of {@code tick} is the cue's (tick 1); counts the cue down if so. */
  static boolean cued(CountDownLatch cue, int tick) {
    if (cue == null || tick != 1) {
      return false;
    }
    cue.countDown();
    return true;
  }

  /** Waits for {@code latch}, at most 20 s. */
  static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(20, TimeUnit.SECONDS), "latch not released");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Sleeps until {@link System#nanoTime()} reaches {@code deadline}. */
  static void sleepUntil(long deadline) {
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
}
