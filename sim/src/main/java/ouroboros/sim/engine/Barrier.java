package ouroboros.sim.engine;

import java.util.List;
import ouroboros.agents.actor.AgentProtocol;
import ouroboros.sim.web.WebStore;

/**
 * What the clock does at the barrier after a tick's observe phase when a checkpoint is due (see
 * {@code ouroboros.sim.checkpoint}): the clock asks every agent for its state and hands the
 * replies, with the web, to {@link #write}; the next tick starts when that returns.
 */
public interface Barrier {
  /** No checkpoints. */
  Barrier NONE =
      new Barrier() {
        @Override
        public boolean due(int tick) {
          return false;
        }

        @Override
        public void write(int tick, WebStore web, List<AgentProtocol.StateSaved> states) {
          throw new IllegalStateException("no checkpoint is due");
        }
      };

  /** Whether a checkpoint is due after tick {@code tick} (never after the last). */
  boolean due(int tick);

  /** Writes the checkpoint after tick {@code tick}: the web and every agent's state, in order. */
  void write(int tick, WebStore web, List<AgentProtocol.StateSaved> states) throws Exception;
}
