package ouroboros.sim.output;

import java.io.IOException;
import ouroboros.sim.engine.Barrier;
import ouroboros.sim.engine.Resumption;

/**
 * How a run directory's run takes part in checkpoints (see {@code ouroboros.sim.checkpoint}):
 * whether it resumes, and what writes its checkpoints. The run writer is handed over once it
 * exists, since its state is part of every checkpoint.
 */
public interface Checkpointing {
  /** No checkpoints, from tick 0. */
  Checkpointing NONE =
      new Checkpointing() {
        @Override
        public boolean resuming() {
          return false;
        }

        @Override
        public Resumption resume(RunWriter writer) {
          return null;
        }

        @Override
        public Barrier barrier(RunWriter writer) {
          return Barrier.NONE;
        }
      };

  /** Whether the run goes on from a checkpoint (its writer then keeps the files as they are). */
  boolean resuming();

  /**
   * Before the first tick: restores the observers' state (the writer's and the others') and returns
   * the engine's; null when the run starts at tick 0.
   */
  Resumption resume(RunWriter writer) throws IOException;

  /** The barrier that writes checkpoints, with the writer's state in them. */
  Barrier barrier(RunWriter writer);
}
