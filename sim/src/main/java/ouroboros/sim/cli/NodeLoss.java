package ouroboros.sim.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import ouroboros.sim.checkpoint.CheckpointException;
import ouroboros.sim.checkpoint.RunCheckpoints;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.graph.GraphListener;
import ouroboros.sim.output.RunLayout;

/**
 * What {@code ouroboros run --cluster} does when a node that held blocks was lost mid-run
 * (docs/cluster.md, node loss): it rewinds the run directory to the last checkpoint the way {@code
 * ouroboros resume} does (metrics.csv cut back to the checkpoint's length, the summary and the
 * graph's state restored from it), deletes the graph windows that end after the checkpoint's tick
 * and the partial window the stopped attempt wrote when it ended (the next attempt writes them
 * again, the same, and its own last window when the run ends), and says on the run's log what
 * happened. Without a checkpoint yet, the run starts again from tick 0: its files are all written
 * again, and the graph's state is the one it had before tick 0.
 */
final class NodeLoss {
  private final Path dir;
  private final GraphListener graph;
  private final int every;
  private final int window;
  private final byte[] graphAtStart;

  /**
   * For a run into {@code dir} with checkpoints every {@code every} ticks (0: none) and graph
   * windows of {@code window} ticks; keeps {@code graph}'s state before tick 0, for a restart from
   * tick 0.
   */
  NodeLoss(Path dir, GraphListener graph, int every, int window) throws IOException {
    this.dir = dir;
    this.graph = graph;
    this.every = every;
    this.window = window;
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(b)) {
      graph.save(out);
    }
    this.graphAtStart = b.toByteArray();
  }

  /**
   * After the attempt that ended with {@code stopped} because {@code why}: rewinds the directory
   * and returns the checkpoints the next attempt resumes from (or starts with, from tick 0).
   */
  RunCheckpoints rewind(RunOutcome stopped, String why, PrintWriter log)
      throws IOException, CheckpointException {
    ResumeCommand.removeTemporaryFiles(dir);
    ResumeCommand.removeTemporaryFiles(dir.resolve(RunLayout.GRAPH_DIR));
    RunCheckpoints next;
    String back;
    if (Files.isRegularFile(dir.resolve(RunCheckpoints.FILE))) {
      next = RunCheckpoints.resume(dir, graph);
      back = "goes back to the checkpoint after tick " + next.tick();
    } else {
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(graphAtStart))) {
        graph.restore(in);
      }
      next = RunCheckpoints.every(dir, every, graph);
      back =
          "starts again from tick 0 (no checkpoint was written yet"
              + (every == 0 ? "; --checkpoint-every K keeps the work of K ticks" : "")
              + ")";
    }
    int removed = GraphListener.removeWindowsAfter(dir, next.tick(), window);
    log.printf(
        "cluster: %s, during tick %d; the run %s on the nodes left%s%n",
        why,
        stopped.ticksCompleted(),
        back,
        removed == 0 ? "" : " (" + removed + " graph files of the windows after it removed)");
    log.flush();
    return next;
  }
}
