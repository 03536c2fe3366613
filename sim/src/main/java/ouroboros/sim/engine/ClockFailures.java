package ouroboros.sim.engine;

import akka.actor.ActorInitializationException;
import akka.actor.typed.ChildFailed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** The texts with which the {@link Clock} fails a run. */
final class ClockFailures {

  /** How many silent agents a phase timeout names; the message counts the rest. */
  static final int NAMED_SILENT = 10;

  private ClockFailures() {}

  /** The message of an exception, or its class name when it has none. */
  static String describe(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** "agent X failed in the Y phase of tick N: why". */
  static String agentFailed(String agent, Phase phase, int tick, String why) {
    return "agent "
        + agent
        + " failed in the "
        + phase.key()
        + " phase of tick "
        + tick
        + ": "
        + why;
  }

  /**
   * Why the run fails when agent {@code failed} stops in {@code phase} of {@code tick}: it failed
   * to start, or failed there.
   */
  static String childFailed(List<AgentHandle> agents, ChildFailed failed, Phase phase, int tick) {
    String id = agentId(agents, failed);
    return failed.getCause() instanceof ActorInitializationException init
        ? "agent "
            + id
            + " failed to start: "
            + describe(init.getCause() == null ? init : init.getCause())
        : agentFailed(id, phase, tick, describe(failed.getCause()));
  }

  /** The id of the agent behind a failed child's reference. */
  static String agentId(List<AgentHandle> agents, ChildFailed failed) {
    AgentHandle a = agentOf(agents, failed);
    return a != null ? a.id() : failed.getRef().path().name();
  }

  /** The agent behind a failed child's reference, or null when it is none of {@code agents}. */
  static AgentHandle agentOf(List<AgentHandle> agents, ChildFailed failed) {
    for (AgentHandle a : agents) {
      if (a.ref().equals(failed.getRef())) {
        return a;
      }
    }
    return null;
  }

  /**
   * A phase that timed out after {@code timeout} with the agents in {@code waiting} silent; {@code
   * folding} when it was a folded step, which also held the publish phase of the next tick.
   */
  static String timedOut(
      Phase phase,
      int tick,
      boolean folding,
      Duration timeout,
      BitSet waiting,
      List<AgentHandle> agents) {
    List<String> silent = new ArrayList<>();
    waiting.stream().limit(NAMED_SILENT).forEach(i -> silent.add(agents.get(i).id()));
    int count = waiting.cardinality();
    return "the "
        + phase.key()
        + " phase of tick "
        + tick
        + (folding ? " and the publish phase of tick " + (tick + 1) : "")
        + " timed out after "
        + timeout.toMillis()
        + " ms; no answer from"
        + (count > NAMED_SILENT ? " " + count + " agents, the first " + NAMED_SILENT : "")
        + ": "
        + String.join(", ", silent)
        + (count > NAMED_SILENT ? ", ..." : "");
  }
}
