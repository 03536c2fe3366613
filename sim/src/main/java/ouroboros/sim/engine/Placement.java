package ouroboros.sim.engine;

/**
 * Where a run's agents live when they are not the clock's children in this JVM: a cluster ({@code
 * ouroboros.sim.cluster}) places them on its nodes. The {@link Simulation} calls {@link #prepare}
 * on the caller's thread before the clock starts, uses {@link #post()} as the clock's {@link
 * AgentPost}, and calls {@link #finish()} when the run has ended, however it ended.
 */
public interface Placement {

  /**
   * Readies every node for {@code world} (each compiles the same world and starts an empty replica
   * of the web); throws with a message a user can act on when the nodes cannot run it. With {@code
   * from}, the checkpoint the caller has restored already (its web into the clock's store, every
   * agent rebuilt), the run goes on after its tick: the caller's own node hosts {@code from}'s
   * agents and snapshot as they are, and every other node restores the same from {@link
   * Resumed#resumption()}. {@code from} is null for a run from tick 0.
   */
  void prepare(World world, Resumed from) throws Exception;

  /**
   * Completes, with why, when the placement can no longer run the run in progress (a node that
   * hosts agents was lost): the clock then ends the run at once rather than at a phase timeout.
   * Never completes by default.
   */
  default java.util.concurrent.CompletionStage<String> lost() {
    return new java.util.concurrent.CompletableFuture<>();
  }

  /** How the clock reaches the placed agents; called after {@link #prepare}. */
  AgentPost post();

  /** The run ended: the nodes drop its agents and web. */
  void finish();
}
