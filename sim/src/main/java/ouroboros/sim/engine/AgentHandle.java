package ouroboros.sim.engine;

import akka.actor.typed.ActorRef;
import java.util.Objects;
import java.util.function.IntPredicate;
import ouroboros.agents.actor.AgentProtocol;

/**
 * The clock's handle on one agent.
 *
 * @param index canonical agent index (humans first, then models, in scenario order)
 * @param id the agent's id, used in messages
 * @param ref where to send commands
 * @param retrainsAt whether the agent retrains at a tick (never, for a human source)
 * @param fitsBeforeStart whether the agent is a model fitted before tick 0 ({@code initial:
 *     fit-truth}), which the clock asks for that fit's report before tick 0
 */
public record AgentHandle(
    int index,
    String id,
    ActorRef<AgentProtocol.Command> ref,
    IntPredicate retrainsAt,
    boolean fitsBeforeStart) {

  /** Checks the references. */
  public AgentHandle {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(retrainsAt, "retrainsAt");
  }

  /** An agent that makes no fit before tick 0. */
  public AgentHandle(
      int index, String id, ActorRef<AgentProtocol.Command> ref, IntPredicate retrainsAt) {
    this(index, id, ref, retrainsAt, false);
  }
}
