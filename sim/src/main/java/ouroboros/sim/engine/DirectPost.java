package ouroboros.sim.engine;

import ouroboros.agents.actor.AgentProtocol;

/** {@link AgentPost#DIRECT} and {@link AgentPost#STEPPING}: each command straight to the agent. */
final class DirectPost implements AgentPost {
  private final boolean steps;

  /** A post in one JVM whose agents take Steps when {@code steps}. */
  DirectPost(boolean steps) {
    this.steps = steps;
  }

  @Override
  public void tell(AgentHandle agent, AgentProtocol.Command command) {
    agent.ref().tell(command);
  }

  @Override
  public boolean local() {
    return true;
  }

  @Override
  public boolean steps() {
    return steps;
  }
}
