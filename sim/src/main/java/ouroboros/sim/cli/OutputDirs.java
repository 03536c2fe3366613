package ouroboros.sim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import ouroboros.sim.engine.OutOfMemory;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.output.OutDir;
import ouroboros.sim.output.RunLock;

/**
 * What {@code run} and {@code sweep} say about their output directory before tick 0 (see {@link
 * OutDir}), and how a run that failed is reported, with its exit code.
 */
final class OutputDirs {
  private OutputDirs() {}

  /**
   * Prepares and locks {@code dir} for {@code option} ({@link OutDir#prepare}); prints why not and
   * returns null when it is refused, and reports a stale lock it took over: kept as this run's
   * lock, or removed when the directory was then refused (a killed run's directory is not empty).
   */
  static RunLock lock(Path dir, OutDir.Mode mode, String option, PrintWriter stderr) {
    RunLock lock;
    try {
      lock = OutDir.prepare(dir, mode, option);
    } catch (OutDir.Refused e) {
      if (e.stale() != null) {
        stale(dir, option, e.stale(), "removed it", stderr);
      }
      stderr.println("error: " + e.getMessage());
      stderr.flush();
      return null;
    }
    if (lock.stale() != null) {
      stale(dir, option, lock.stale(), "taking it over", stderr);
      stderr.flush();
    }
    return lock;
  }

  /** The warning about a stale lock in {@code dir}, ending with what was done with it. */
  private static void stale(
      Path dir, String option, String holder, String done, PrintWriter stderr) {
    stderr.println(
        "warning: "
            + option
            + ": "
            + dir
            + " had a stale lock ("
            + holder
            + "), left by a process that no longer runs; "
            + done);
  }

  /**
   * Prints why a run stopped after {@code outcome.ticksCompleted()} ticks and where its partial
   * results are; returns {@link Main#OUT_OF_MEMORY} for a run that ran out of memory, with the
   * heap's size and a hint, else {@link Main#RUN_FAILED}.
   */
  static int failed(RunOutcome outcome, Path dir, PrintWriter stderr) {
    stderr.println(
        "error: the run stopped after "
            + outcome.ticksCompleted()
            + " ticks: "
            + outcome.failure());
    int code = Main.RUN_FAILED;
    if (outcome.outOfMemory()) {
      stderr.println(outOfMemoryHint());
      code = Main.OUT_OF_MEMORY;
    }
    stderr.println("partial results: " + dir);
    stderr.flush();
    return code;
  }

  /** The hint printed when the JVM ran out of memory. */
  static String outOfMemoryHint() {
    long max = OutOfMemory.maxHeapMegabytes();
    return "hint: the JVM may use at most "
        + max
        + " MB of heap; give it more, for example OUROBOROS_JAVA_OPTS=-Xmx"
        + Math.max(2, 4 * max / 1024 + 1)
        + "g ./ouroboros ... (or java -Xmx"
        + Math.max(2, 4 * max / 1024 + 1)
        + "g -jar ouroboros-sim.jar ...), or make the scenario smaller";
  }
}
