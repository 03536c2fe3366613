package ouroboros.sim.cluster;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.Extension;
import akka.actor.typed.ExtensionId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import ouroboros.sim.engine.Resumed;
import ouroboros.sim.engine.Schedule;
import ouroboros.sim.engine.World;

/**
 * The runs a node takes part in (an Akka extension, one per actor system): each run's compiled
 * {@link World}, its web {@link Replica} and its timeline, which the node's {@link NodeHost} fills
 * when the clock prepares a run and the node's blocks read. The world and the snapshots are
 * immutable; the timeline is advanced under a lock, in tick order, as the clock's is.
 */
public final class NodeRuns implements Extension {

  /** The extension's id. */
  static final ExtensionId<NodeRuns> ID =
      new ExtensionId<>() {
        @Override
        public NodeRuns createExtension(ActorSystem<?> system) {
          return new NodeRuns();
        }
      };

  /** One run on this node. */
  static final class Run {
    final World world;
    final Replica replica;
    final int blockSize;

    /** The agents restored from a checkpoint, or null for a run from tick 0. */
    final Resumed resumed;

    private final Schedule schedule;
    private int planned = -1;
    private Schedule.Plan last = Schedule.Plan.ALL;

    Run(World world, Replica replica, int blockSize, Resumed resumed) {
      this.world = world;
      this.replica = replica;
      this.blockSize = blockSize;
      this.resumed = resumed;
      this.schedule = world.timeline().start();
    }

    /** The timeline's plan of {@code tick}, the schedule advanced through every tick before it. */
    synchronized Schedule.Plan plan(int tick) {
      while (planned < tick) {
        planned++;
        last = schedule.plan(planned);
      }
      return last;
    }
  }

  private final Map<String, Run> runs = new ConcurrentHashMap<>();

  /** The checkpoints the clock restored on this node, by run, until the node's host takes them. */
  private final Map<String, Resumed> handed = new ConcurrentHashMap<>();

  /** Whether the clock's node became unreachable while this worker waited for it. */
  private volatile boolean clockLost;

  private NodeRuns() {}

  /** Marks the clock's node as lost ({@link ClockWatch}). */
  void clockLost() {
    clockLost = true;
  }

  /** Whether this worker stopped because the clock's node became unreachable. */
  public boolean lostTheClock() {
    return clockLost;
  }

  /** The node's runs. */
  static NodeRuns get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  void put(String runId, Run run) {
    runs.put(runId, run);
  }

  Run get(String runId) {
    Run run = runs.get(runId);
    if (run == null) {
      throw new IllegalStateException("run " + runId + " is not prepared on this node");
    }
    return run;
  }

  /** Whether run {@code runId} is prepared here and has not ended. */
  boolean has(String runId) {
    return runs.containsKey(runId);
  }

  void remove(String runId) {
    runs.remove(runId);
    handed.remove(runId);
  }

  /**
   * The clock of run {@code runId}, on this node, restored {@code resumed}: this node's host takes
   * it ({@link #takeHanded}) instead of restoring the checkpoint a second time.
   */
  void hand(String runId, Resumed resumed) {
    handed.put(runId, resumed);
  }

  /** What the clock handed over for run {@code runId} ({@link #hand}), once; null when nothing. */
  Resumed takeHanded(String runId) {
    return handed.remove(runId);
  }

  /** How many agents this node hosts now, over all its runs' blocks (for the node's gauge). */
  int runs() {
    return runs.size();
  }
}
