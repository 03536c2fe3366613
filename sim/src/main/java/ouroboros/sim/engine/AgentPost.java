package ouroboros.sim.engine;

import ouroboros.agents.actor.AgentProtocol;
import ouroboros.agents.data.Items;
import ouroboros.sim.web.Snapshot;

/**
 * How the {@link Clock} reaches its agents. In one JVM ({@link #DIRECT}) each command goes straight
 * to the agent's actor. A cluster gathers one phase's commands by block of agents and sends one
 * message per block at {@link #flush()} (see {@code ouroboros.sim.cluster}), so that a phase costs
 * a message per block, not per agent, across the network. The clock calls {@link #tell} for each
 * agent it asks in a phase, in canonical order, then {@link #flush()} once; after sealing a tick's
 * snapshot it calls {@link #sealed}.
 */
public interface AgentPost {

  /** Sends each command to the agent's own actor at once. */
  AgentPost DIRECT = new DirectPost(false);

  /**
   * {@link #DIRECT} to agents that take {@link AgentProtocol.Step} (the engine's own): the clock
   * then asks for a tick's retrain and the next tick's publish in one message where it can.
   */
  AgentPost STEPPING = new DirectPost(true);

  /** Sends (or gathers for sending) {@code command} to {@code agent}. */
  void tell(AgentHandle agent, AgentProtocol.Command command);

  /** Sends what {@link #tell} gathered in this phase; nothing to do in one JVM. */
  default void flush() {}

  /**
   * The clock sealed {@code snapshot} from the tick's {@code contributions} (one per agent, in
   * canonical order): a cluster passes them on to every node's replica of the web.
   */
  default void sealed(int tick, Items[] contributions, Snapshot snapshot) {}

  /**
   * Whether the agents are the clock's own children, which it watches (so that an agent that fails
   * ends the run at once); remote agents are covered by the phase timeout.
   */
  boolean local();

  /**
   * Whether every agent takes {@link AgentProtocol.Step}, so that the clock may fold a tick's
   * retrain and the next tick's publish into one message per agent; false by default (stand-in
   * agents, a cluster's blocks).
   */
  default boolean steps() {
    return false;
  }
}
