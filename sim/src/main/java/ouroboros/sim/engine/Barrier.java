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

  /**
   * Whether a checkpoint is due after tick {@code tick} (never after the last). The clock asks once
   * per tick but the last, when the tick's retrain phase starts (it needs the answer to know
   * whether the retrain may take the next tick's publish), and abides by that answer.
   */
  boolean due(int tick);

  /**
   * The clock starts asking every agent for its state for the checkpoint after {@code tick} (after
   * the tick's observe phase); {@link #write} follows when the last state is in. Nothing by
   * default.
   */
  default void asking(int tick) {}

  /** Writes the checkpoint after tick {@code tick}: the web and every agent's state, in order. */
  void write(int tick, WebStore web, List<AgentProtocol.StateSaved> states) throws Exception;
}
