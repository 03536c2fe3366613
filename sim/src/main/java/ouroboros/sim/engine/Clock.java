package ouroboros.sim.engine;

import static ouroboros.sim.engine.ClockFailures.describe;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.ChildFailed;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import ouroboros.agents.actor.AgentProtocol;
import ouroboros.agents.data.Items;
import ouroboros.agents.model.RetrainReport;
import ouroboros.sim.web.Snapshot;
import ouroboros.sim.web.WebStore;

/**
 * The simulation clock. Time is explicit: integer ticks 0..T-1, each in four phases, and each phase
 * a barrier:
 *
 * <ol>
 *   <li><b>events</b>: take the {@link Schedule}'s plan for t: send each model whose settings a
 *       timeline event changes its new settings ({@code Reconfigure}, which it takes before the
 *       {@code Publish} that follows, since one sender's messages arrive in order);
 *   <li><b>publish</b>: ask every agent in the web (released, not retired) to publish, at the
 *       plan's rate; when all have answered, append their items to the web in canonical agent order
 *       and seal snapshot S_t. An agent out of the web publishes nothing;
 *   <li><b>retrain</b>: ask every model in the web whose schedule falls on t to retrain on S_t;
 *   <li><b>observe</b>: hand the tick's reports to the {@link TickListener}.
 * </ol>
 *
 * <p>Before tick 0, the clock asks each model fitted before tick 0 ({@code initial: fit-truth}) for
 * the report of that fit, generation 1, in a retrain phase of tick -1, and hands the reports to the
 * listener's {@link TickListener#onInitialFits}; there is no snapshot and no observe phase at tick
 * -1.
 *
 * <p>The clock moves on only when every agent it asked has answered for this tick. A reply that
 * carries another tick, or arrives in another phase, is stale and ignored. Each phase has a
 * timeout; when it expires the run fails with a message that names the agents that did not answer
 * (the first {@value ClockFailures#NAMED_SILENT}, and how many there are). An exception inside the
 * clock itself fails the run with its message; it never leaves the run waiting. A model publishes
 * at t with the parameters it had when t began, because publish comes before retrain. The clock
 * owns the {@link WebStore} and spawns the agents as its children, so stopping the clock stops the
 * run.
 *
 * <p>Steps: when the agents take {@link AgentProtocol.Step} ({@link AgentPost#steps()}, one JVM)
 * and nothing may come between tick t and t+1 (no pacing, no checkpoint after t, t not the last),
 * the retrain phase of t sends each agent one Step that also asks for t+1's publish, with its
 * settings change of t+1 (one out of the web at t+1 gets a Reconfigure as t+1 starts, as apart);
 * t+1's events and publish phases then only seal the web. One message each way per agent and tick
 * instead of two; each agent does the same work in the same order. Such a retrain phase has two
 * phases' timeout. A Step's failed publish is answered: t is observed, t+1 fails as it starts, as
 * with separate phases; so too when an agent that owes no report of t crashes in its Step, and,
 * once the budget is spent, on a timeout with no silent agent owing t's report, with that failure
 * or t+1's publish timeout ({@link Fold}).
 *
 * <p>Pacing: with a {@link ClockSetup#tickInterval() tick interval} of zero the next tick starts as
 * soon as the observe phase ends. With an interval I, tick t+1 is due I after tick t was due, on a
 * timer, or starts at once when tick t ran past that (and the schedule starts again from there);
 * pacing never changes what a tick computes.
 */
public final class Clock extends AbstractBehavior<Clock.Command> {

  /** What the clock accepts. */
  public sealed interface Command
      permits Start,
          WrappedPublished,
          WrappedRetrained,
          WrappedStepped,
          WrappedStateSaved,
          PhaseTimedOut,
          Advance,
          Abort {}

  /** Runs every tick, then tells {@code replyTo} how the run ended. */
  public record Start(ActorRef<RunOutcome> replyTo) implements Command {
    /** Checks the reference. */
    public Start {
      Objects.requireNonNull(replyTo, "replyTo");
    }
  }

  private record WrappedPublished(AgentProtocol.Published msg) implements Command {}

  private record WrappedRetrained(AgentProtocol.Retrained msg) implements Command {}

  private record WrappedStepped(AgentProtocol.Stepped msg) implements Command {}

  private record WrappedStateSaved(AgentProtocol.StateSaved msg) implements Command {}

  private record PhaseTimedOut(int tick, Phase phase) implements Command {}

  private record Advance(int tick) implements Command {}

  /** Ends the run now with {@code reason} as its failure (the clock ran out of memory). */
  record Abort(String reason) implements Command {}

  /** A clock for the given run. */
  public static Behavior<Command> create(ClockSetup setup) {
    return Behaviors.setup(
        ctx ->
            Behaviors.withTimers(
                timers -> {
                  try {
                    return new Clock(ctx, timers, setup);
                  } catch (RuntimeException e) {
                    return failedToStart(setup, "the clock failed to start: " + describe(e));
                  }
                }));
  }

  /** A clock that could not start: it answers Start with the failure, so that no one waits. */
  private static Behavior<Command> failedToStart(ClockSetup setup, String failure) {
    return Behaviors.receive(Command.class)
        .onMessage(
            Start.class,
            msg -> {
              RunOutcome outcome = new RunOutcome(0, failure);
              try {
                setup.listener().onFinish(outcome);
              } catch (RuntimeException e) {
                // The failure to start is the news; the listener's own failure adds nothing.
              }
              msg.replyTo().tell(outcome);
              return Behaviors.stopped();
            })
        .build();
  }

  private static final String TIMEOUT_KEY = "phase-timeout";
  private static final String PACE_KEY = "pace";

  private final TimerScheduler<Command> timers;
  private final ClockSetup setup;
  private final List<AgentHandle> agents;
  private final AgentPost post;
  private final ActorRef<AgentProtocol.Published> publishedAdapter;
  private final ActorRef<AgentProtocol.Retrained> retrainedAdapter;
  private final ActorRef<AgentProtocol.StateSaved> savedAdapter;
  private final ActorRef<AgentProtocol.Stepped> steppedAdapter;
  private AgentProtocol.StateSaved[] saved;

  private ActorRef<RunOutcome> replyTo;

  /** Why the run failed before it started (an agent failed to start); empty if it did not. */
  private String startFailure = "";

  private int tick = -1;
  private Phase phase = Phase.EVENTS;
  private final BitSet waiting = new BitSet();
  private Items[] contributions;
  private long published; // at this tick, counted when it is sealed and its items are let go
  private RetrainReport[] reports;
  private Snapshot snapshot;
  private Schedule.Plan plan = Schedule.Plan.ALL;

  /** The folded step's hold on the next tick (see {@link Fold}). */
  private final Fold fold;

  /**
   * Whether a checkpoint is due after this tick: asked of the barrier once per tick but the last,
   * when the retrain phase starts, and used both to decide on folding and after the observe phase.
   */
  private boolean checkpointAfter;

  private long phaseStart;

  /**
   * When the current tick was due to start, on the pace's schedule: the next is due an interval
   * later, so a timer that fires late (by a few to tens of milliseconds) does not push every later
   * tick back; a tick that ran past its successor's time restarts the schedule from its end.
   */
  private long tickDue = Long.MIN_VALUE;

  private final long[] phaseNanos = new long[Phase.values().length];

  private Clock(ActorContext<Command> ctx, TimerScheduler<Command> timers, ClockSetup setup) {
    super(ctx);
    this.timers = timers;
    this.setup = setup;
    this.publishedAdapter =
        ctx.messageAdapter(AgentProtocol.Published.class, WrappedPublished::new);
    this.retrainedAdapter =
        ctx.messageAdapter(AgentProtocol.Retrained.class, WrappedRetrained::new);
    this.savedAdapter = ctx.messageAdapter(AgentProtocol.StateSaved.class, WrappedStateSaved::new);
    this.steppedAdapter = ctx.messageAdapter(AgentProtocol.Stepped.class, WrappedStepped::new);
    this.post = setup.post();
    this.agents = List.copyOf(setup.agents().apply(ctx));
    this.fold = new Fold(setup, post, agents, steppedAdapter);
    for (int i = 0; i < agents.size(); i++) {
      if (agents.get(i).index() != i) {
        throw new IllegalArgumentException(
            "agent "
                + agents.get(i).id()
                + " has index "
                + agents.get(i).index()
                + ", expected "
                + i);
      }
      if (post.local()) {
        ctx.watch(agents.get(i).ref());
      }
    }
  }

  @Override
  public Receive<Command> createReceive() {
    // Replies first: the builder allocates for each handler it tries (see GenerativeModel).
    return newReceiveBuilder()
        .onMessage(WrappedStepped.class, guard(this::onStepped))
        .onMessage(WrappedPublished.class, guard(this::onPublished))
        .onMessage(WrappedRetrained.class, guard(this::onRetrained))
        .onMessage(Advance.class, guard(this::onAdvance))
        .onMessage(Start.class, guard(this::onStart))
        .onMessage(WrappedStateSaved.class, guard(this::onStateSaved))
        .onMessage(PhaseTimedOut.class, guard(this::onPhaseTimedOut))
        .onMessage(Abort.class, msg -> replyTo == null ? this : finish(msg.reason()))
        .onSignal(ChildFailed.class, guard(this::onAgentFailed))
        .build();
  }

  /**
   * A handler whose exception fails the run with a message, instead of stopping the clock without a
   * word (Akka's default), which would leave the run waiting for an answer that never comes.
   */
  private <M> akka.japi.function.Function<M, Behavior<Command>> guard(
      akka.japi.function.Function<M, Behavior<Command>> handler) {
    return msg -> {
      try {
        return handler.apply(msg);
      } catch (RuntimeException e) {
        String failure =
            "the clock failed in the "
                + phase.key()
                + " phase of tick "
                + tick
                + ": "
                + describe(e);
        timers.cancelAll();
        if (replyTo == null) {
          startFailure = startFailure.isEmpty() ? failure : startFailure;
          return this;
        }
        return finish(failure);
      }
    };
  }

  private Behavior<Command> onStart(Start msg) {
    if (replyTo != null) {
      getContext().getLog().warn("clock already started; ignoring a second Start");
      return this;
    }
    replyTo = msg.replyTo();
    if (!startFailure.isEmpty()) {
      return finish(startFailure);
    }
    if (setup.ticks() == 0) {
      return finish("");
    }
    if (setup.firstTick() > 0) {
      snapshot = setup.lastSnapshot();
      getContext().getSelf().tell(new Advance(setup.firstTick()));
      return this;
    }
    return askInitialFits();
  }

  /**
   * Before tick 0 (the clock's tick is still -1): asks each model fitted before tick 0 for that
   * fit's report, in a retrain phase of tick -1, then starts tick 0; starts it at once when there
   * is no such model.
   */
  private Behavior<Command> askInitialFits() {
    phase = Phase.RETRAIN;
    reports = new RetrainReport[agents.size()];
    waiting.clear();
    for (AgentHandle a : agents) {
      if (a.fitsBeforeStart()) {
        waiting.set(a.index());
        post.tell(a, new AgentProtocol.ReportInitialFit(retrainedAdapter));
      }
    }
    post.flush();
    startPhaseTimer();
    return awaitOrAdvance();
  }

  /** Hands the reports of the fits before tick 0, if any, to the listener; then starts tick 0. */
  private Behavior<Command> reportInitialFits() {
    List<RetrainReport> done = new ArrayList<>();
    for (RetrainReport r : reports) {
      if (r != null) {
        done.add(r);
      }
    }
    reports = null;
    if (!done.isEmpty()) {
      try {
        setup.listener().onInitialFits(done);
      } catch (Exception e) {
        return finish("writing the fits before tick 0 failed: " + describe(e));
      }
    }
    getContext().getSelf().tell(new Advance(0));
    return this;
  }

  private Behavior<Command> onAdvance(Advance msg) {
    tick = msg.tick();
    Arrays.fill(phaseNanos, 0);
    phase = Phase.EVENTS;
    phaseStart = System.nanoTime();
    if (tickDue == Long.MIN_VALUE) {
      tickDue = phaseStart;
    }
    plan = fold.planOf(tick);
    String publishFailure = fold.failureAt(tick);
    if (publishFailure != null) {
      // A Step of the previous tick failed in this tick's publish: fail now, as Publish would have.
      phase = Phase.PUBLISH;
      return finish(publishFailure);
    }
    fold.reconfigure(tick, plan); // the settings changes that no Step of the previous tick took
    if (fold.active()) {
      // The previous tick's Steps took this tick's publish (and its publishers' changes).
      contributions = fold.takeItems();
      endPhase();
      phase = Phase.PUBLISH;
      waiting.clear();
      return awaitOrAdvance();
    }
    endPhase();
    phase = Phase.PUBLISH;
    contributions = new Items[agents.size()];
    waiting.clear();
    for (AgentHandle a : agents) {
      if (!plan.isActive(a.index())) {
        contributions[a.index()] = Items.empty(setup.web().width());
        continue;
      }
      waiting.set(a.index());
      post.tell(
          a, new AgentProtocol.Publish(tick, snapshot, plan.rate(a.index()), publishedAdapter));
    }
    post.flush();
    startPhaseTimer();
    return awaitOrAdvance();
  }

  private Behavior<Command> onPublished(WrappedPublished wrapped) {
    AgentProtocol.Published msg = wrapped.msg();
    if (!expected(msg.tick(), msg.agent(), Phase.PUBLISH)) {
      return this;
    }
    contributions[msg.agent()] = msg.items();
    waiting.clear(msg.agent());
    return awaitOrAdvance();
  }

  private Behavior<Command> onStepped(WrappedStepped wrapped) {
    AgentProtocol.Stepped msg = wrapped.msg();
    if (!fold.active() || !expected(msg.tick(), msg.agent(), Phase.RETRAIN)) {
      return this;
    }
    String failure = fold.accept(msg, reports, tick);
    if (failure != null) {
      return finish(failure);
    }
    waiting.clear(msg.agent());
    return awaitOrAdvance();
  }

  private Behavior<Command> onRetrained(WrappedRetrained wrapped) {
    AgentProtocol.Retrained msg = wrapped.msg();
    if (!expected(msg.tick(), msg.agent(), Phase.RETRAIN)) {
      return this;
    }
    reports[msg.agent()] = msg.report();
    waiting.clear(msg.agent());
    return awaitOrAdvance();
  }

  /**
   * An agent threw outside a fit (a fit's exception is contained by the model), which stopped it:
   * the run fails at once with the agent's id and the cause, instead of waiting for the phase
   * timeout; but where separate phases would have failed later, at tick t + 1, so does a folded
   * step ({@link Fold#crashed}, {@link Fold#held}).
   */
  private Behavior<Command> onAgentFailed(ChildFailed failed) {
    String failure = ClockFailures.childFailed(agents, failed, phase, tick);
    if (replyTo == null) {
      if (startFailure.isEmpty()) {
        startFailure = failure;
      }
      return this;
    }
    if (fold.crashed(phase, failed, waiting)) {
      return awaitOrAdvance(); // it owed only tick t + 1's settings and publish: fail there
    }
    String held = fold.held(tick + 1); // a timed-out step's failure comes first (Fold.timedOut)
    return held != null ? finish(new RunOutcome(tick + 1, held)) : finish(failure);
  }

  private Behavior<Command> onPhaseTimedOut(PhaseTimedOut msg) {
    if (msg.tick() != tick || msg.phase() != phase || waiting.isEmpty()) {
      return this;
    }
    String failure = fold.timedOut(phase, tick, waiting);
    if (failure != null) {
      return finish(failure);
    }
    // A folded step silent only in tick t + 1's settings or publish: observe t, fail at t + 1.
    waiting.clear();
    return awaitOrAdvance();
  }

  /** Whether a reply is for the current tick and phase from an agent still awaited. */
  private boolean expected(int replyTick, int agent, Phase replyPhase) {
    boolean ok = replyTick == tick && phase == replyPhase && agent >= 0 && waiting.get(agent);
    if (!ok) {
      getContext()
          .getLog()
          .debug(
              "ignoring stale {} reply from agent {} for tick {} at tick {}",
              replyPhase.key(),
              agent,
              replyTick,
              tick);
    }
    return ok;
  }

  /**
   * Starts the current phase's timeout, once per phase, if anyone is awaited. A folded step (a
   * retrain phase whose Steps also ask for the next tick's publish) does two phases' work and has
   * two phases' budget.
   */
  private void startPhaseTimer() {
    if (!waiting.isEmpty()) {
      timers.startSingleTimer(TIMEOUT_KEY, new PhaseTimedOut(tick, phase), fold.timeout(phase));
    }
  }

  /** Waits for the phase's stragglers, or moves to the next phase when there are none. */
  private Behavior<Command> awaitOrAdvance() {
    if (!waiting.isEmpty()) {
      return Behaviors.same();
    }
    timers.cancel(TIMEOUT_KEY);
    if (tick < 0) {
      return reportInitialFits();
    }
    if (phase == Phase.PUBLISH) {
      snapshot = setup.web().appendAndSeal(tick, contributions);
      post.sealed(tick, contributions, snapshot);
      published = Arrays.stream(contributions).mapToLong(Items::size).sum();
      contributions = null; // the chunk holds what it needs: the agents' arrays may go now
      endPhase();
      phase = Phase.RETRAIN;
      reports = new RetrainReport[agents.size()];
      checkpointAfter = tick + 1 < setup.ticks() && setup.barrier().due(tick);
      if (!askSteps()) {
        for (AgentHandle a : agents) {
          if (plan.isActive(a.index()) && a.retrainsAt().test(tick)) {
            waiting.set(a.index());
            post.tell(a, new AgentProtocol.Retrain(tick, snapshot, retrainedAdapter));
          }
        }
      }
      post.flush();
      startPhaseTimer();
      return awaitOrAdvance();
    }
    endPhase();
    return observe();
  }

  /**
   * The retrain phase of tick t as one {@link AgentProtocol.Step} per agent, which also takes tick
   * t + 1's events and publish, when nothing may come between the two ticks: agents that take
   * Steps, no pacing, a next tick, no checkpoint after t, at most one settings change per agent at
   * t + 1. Returns false, having asked nothing, when it may not.
   */
  private boolean askSteps() {
    if (!post.steps()
        || !setup.tickInterval().isZero()
        || tick + 1 >= setup.ticks()
        || checkpointAfter) {
      return false;
    }
    return fold.ask(tick, plan, snapshot, waiting);
  }

  private Behavior<Command> observe() {
    phase = Phase.OBSERVE;
    List<RetrainReport> done = new ArrayList<>();
    for (RetrainReport r : reports) {
      if (r != null) {
        done.add(r);
      }
    }
    try {
      setup.listener().onTick(new TickResult(tick, snapshot, done, published, phaseNanos.clone()));
    } catch (Exception e) {
      return e instanceof TickFailure f
          ? finish(f.outcome())
          : finish("writing the results of tick " + tick + " failed: " + describe(e));
    }
    reports = null;
    if (tick + 1 >= setup.ticks()) {
      tick++;
      return finish("");
    }
    if (checkpointAfter) {
      return askStates();
    }
    advanceTo(tick + 1);
    return this;
  }

  /** The checkpoint barrier after tick t: asks every agent for its state (see {@link Barrier}). */
  private Behavior<Command> askStates() {
    setup.barrier().asking(tick);
    saved = new AgentProtocol.StateSaved[agents.size()];
    waiting.clear();
    for (AgentHandle a : agents) {
      waiting.set(a.index());
      post.tell(a, new AgentProtocol.SaveState(tick, savedAdapter));
    }
    post.flush();
    startPhaseTimer();
    return this;
  }

  private Behavior<Command> onStateSaved(WrappedStateSaved wrapped) {
    AgentProtocol.StateSaved msg = wrapped.msg();
    if (saved == null || !expected(msg.tick(), msg.agent(), Phase.OBSERVE)) {
      return this;
    }
    saved[msg.agent()] = msg;
    waiting.clear(msg.agent());
    if (!waiting.isEmpty()) {
      return this;
    }
    timers.cancel(TIMEOUT_KEY);
    List<AgentProtocol.StateSaved> states = List.of(saved);
    saved = null;
    try {
      setup.barrier().write(tick, setup.web(), states);
    } catch (Exception e) {
      return e instanceof TickFailure f
          ? finish(f.outcome())
          : finish("writing the checkpoint after tick " + tick + " failed: " + describe(e));
    }
    advanceTo(tick + 1);
    return this;
  }

  /** Starts tick {@code next} now, or on a timer when pacing asks to wait. */
  private void advanceTo(int next) {
    long interval = setup.tickInterval().toNanos();
    long now = System.nanoTime();
    if (interval > 0 && tickDue + interval - now > 0) {
      tickDue += interval;
      timers.startSingleTimer(PACE_KEY, new Advance(next), Duration.ofNanos(tickDue - now));
    } else {
      tickDue = now;
      getContext().getSelf().tell(new Advance(next));
    }
  }

  /** Records the wall time of the phase that just ended. */
  private void endPhase() {
    long now = System.nanoTime();
    phaseNanos[phase.ordinal()] = now - phaseStart;
    phaseStart = now;
  }

  private Behavior<Command> finish(String failure) {
    int completed = failure.isEmpty() ? setup.ticks() : Math.max(tick, 0);
    return finish(new RunOutcome(completed, failure));
  }

  private Behavior<Command> finish(RunOutcome ending) {
    RunOutcome outcome = ending;
    try {
      setup.listener().onFinish(outcome);
    } catch (Exception e) {
      outcome = outcome.finishingFailed(e);
    }
    replyTo.tell(outcome);
    return Behaviors.stopped();
  }
}
