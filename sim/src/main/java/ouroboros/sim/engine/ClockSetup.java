package ouroboros.sim.engine;

import akka.actor.typed.javadsl.ActorContext;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import ouroboros.sim.web.Snapshot;
import ouroboros.sim.web.WebStore;

/**
 * What a run of the {@link Clock} is made of.
 *
 * @param ticks number of ticks T
 * @param phaseTimeout how long a phase may wait for its agents
 * @param web the web store, which the clock then owns
 * @param listener receives each tick in the observe phase
 * @param agents spawns the agents (or supplies stand-ins in tests), in canonical order
 * @param tickInterval the least time from the start of one tick to the start of the next; zero runs
 *     as fast as it can
 * @param schedule the timeline's plan of each tick
 * @param firstTick the first tick to run: 0, or the tick after a checkpoint's when resuming (the
 *     web, agents and schedule then come restored, and there are no fits before tick 0 to report)
 * @param lastSnapshot the web's snapshot of tick firstTick - 1 when resuming; null otherwise
 * @param barrier what writes a checkpoint after a tick that is due for one
 */
public record ClockSetup(
    int ticks,
    Duration phaseTimeout,
    WebStore web,
    TickListener listener,
    Function<ActorContext<Clock.Command>, List<AgentHandle>> agents,
    Duration tickInterval,
    Schedule schedule,
    int firstTick,
    Snapshot lastSnapshot,
    Barrier barrier,
    AgentPost post) {

  /** Checks the values. */
  public ClockSetup {
    if (ticks < 0) {
      throw new IllegalArgumentException("ticks is negative: " + ticks);
    }
    Objects.requireNonNull(phaseTimeout, "phaseTimeout");
    Objects.requireNonNull(web, "web");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(agents, "agents");
    Objects.requireNonNull(tickInterval, "tickInterval");
    if (tickInterval.isNegative()) {
      throw new IllegalArgumentException("tickInterval is negative: " + tickInterval);
    }
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(barrier, "barrier");
    Objects.requireNonNull(post, "post");
    if (firstTick < 0 || firstTick > 0 && firstTick >= ticks) {
      throw new IllegalArgumentException("firstTick is out of range: " + firstTick);
    }
  }

  /** A run whose agents are the clock's children ({@link AgentPost#DIRECT}). */
  public ClockSetup(
      int ticks,
      Duration phaseTimeout,
      WebStore web,
      TickListener listener,
      Function<ActorContext<Clock.Command>, List<AgentHandle>> agents,
      Duration tickInterval,
      Schedule schedule,
      int firstTick,
      Snapshot lastSnapshot,
      Barrier barrier) {
    this(
        ticks,
        phaseTimeout,
        web,
        listener,
        agents,
        tickInterval,
        schedule,
        firstTick,
        lastSnapshot,
        barrier,
        AgentPost.DIRECT);
  }

  /** A run from tick 0 without checkpoints. */
  public ClockSetup(
      int ticks,
      Duration phaseTimeout,
      WebStore web,
      TickListener listener,
      Function<ActorContext<Clock.Command>, List<AgentHandle>> agents,
      Duration tickInterval,
      Schedule schedule) {
    this(ticks, phaseTimeout, web, listener, agents, tickInterval, schedule, 0, null, Barrier.NONE);
  }

  /** A run without a timeline. */
  public ClockSetup(
      int ticks,
      Duration phaseTimeout,
      WebStore web,
      TickListener listener,
      Function<ActorContext<Clock.Command>, List<AgentHandle>> agents,
      Duration tickInterval) {
    this(ticks, phaseTimeout, web, listener, agents, tickInterval, Schedule.NONE);
  }

  /** A run without a timeline that goes as fast as it can. */
  public ClockSetup(
      int ticks,
      Duration phaseTimeout,
      WebStore web,
      TickListener listener,
      Function<ActorContext<Clock.Command>, List<AgentHandle>> agents) {
    this(ticks, phaseTimeout, web, listener, agents, Duration.ZERO);
  }
}
