package ouroboros.sim.graph;

import java.io.IOException;
import ouroboros.sim.output.WriteQueue;

/**
 * The writer threads of the graph's files, started at the first write: one for the blocks' JSON
 * files, one for the DOT files, so that a block's two renderings run side by side, each in block
 * order. Used by {@link GraphListener} on the graph's thread, or on the clock's once that thread
 * has caught up.
 */
final class GraphWriters implements AutoCloseable {
  private WriteQueue json;
  private WriteQueue dot;

  /** Queues a write of a JSON file; throws an earlier failure of that writer. */
  void json(WriteQueue.Task task) throws IOException {
    start();
    json.submit(task);
  }

  /** Queues a write of a DOT file; throws an earlier failure of that writer. */
  void dot(WriteQueue.Task task) throws IOException {
    start();
    dot.submit(task);
  }

  private void start() {
    if (json == null) {
      json = new WriteQueue("ouroboros-graph-writer", 2);
      dot = new WriteQueue("ouroboros-graph-dot", 2);
    }
  }

  /**
   * Waits for both writers (when started); throws the JSON writer's failure, else the DOT's (the
   * DOT's added to the JSON's as suppressed when both failed).
   */
  void drain() throws IOException {
    if (json == null) {
      return;
    }
    IOException failed = null;
    for (WriteQueue q : new WriteQueue[] {json, dot}) {
      try {
        q.drain();
      } catch (IOException e) {
        if (failed == null) {
          failed = e;
        } else {
          failed.addSuppressed(e);
        }
      }
    }
    if (failed != null) {
      throw failed;
    }
  }

  /** Stops both threads; a later write starts new ones (a restarted run). */
  @Override
  public void close() {
    try (WriteQueue j = json;
        WriteQueue d = dot) {
      json = null;
      dot = null;
    }
  }
}
