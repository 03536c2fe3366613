package ouroboros.sim.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.engine.Simulation;
import ouroboros.sim.engine.World;
import ouroboros.sim.scenario.load.Yaml;
import ouroboros.sim.scenario.spec.Scenario;

/**
 * One run into one run directory, with nothing printed: what {@code ouroboros run} does after it
 * has read its options, and what each run of a sweep does on a simulation it reuses.
 */
public final class RunDirectory {
  /**
   * How a run ended and its final summary.
   *
   * @param outcome how the run ended
   * @param summary the latest state of every model
   */
  public record Result(RunOutcome outcome, RunSummary summary) {}

  private RunDirectory() {}

  /** How long a shutdown hook waits for the writer to record why the run stopped. */
  static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

  /** How long the shutdown hook waits for the command to say why the run stopped. */
  static final Duration SAY_WAIT = Duration.ofSeconds(2);

  /** Counted down once the command has said why a run stopped ({@link #said}). */
  private static final java.util.concurrent.CountDownLatch SAID =
      new java.util.concurrent.CountDownLatch(1);

  /**
   * For the command, once it has printed why a run the JVM is shutting down under stopped: the
   * shutdown hook, which waits for it (at most {@link #SAY_WAIT}), may end, and the JVM with it. It
   * halted before the message at times (QA, stop 34: nothing printed under {@code --quiet}).
   */
  public static void said() {
    SAID.countDown();
  }

  private static void awaitSaid() {
    try {
      SAID.await(SAY_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** How long a shutdown hook then waits for the files other threads are writing (the graph's). */
  static final Duration STOP_WRITING_WAIT = Duration.ofSeconds(2);

  /** The failure a run records when the JVM shuts down under it (SIGTERM, Ctrl-C). */
  public static final String SHUT_DOWN =
      "stopped by a signal (SIGTERM, SIGINT, SIGHUP) or by the JVM shutting down before the run"
          + " ended";

  /**
   * Runs {@code world}, compiled from {@code scenario}, on {@code sim} into {@code dir} (see {@link
   * RunWriter}) with {@code observers} around the writer (see {@link Observers}); {@code threads}
   * is recorded in timing.json, and {@code tickInterval} paces the ticks (zero: as fast as it can).
   */
  public static Result run(
      Simulation sim,
      Scenario scenario,
      World world,
      int threads,
      Path dir,
      Observers observers,
      Duration tickInterval)
      throws IOException {
    return run(sim, scenario, world, threads, dir, observers, tickInterval, null);
  }

  /**
   * The same, holding {@code lock} (or null) on the directory. While the run goes on, a shutdown
   * hook records in summary.json that the JVM shut down under it ({@link #SHUT_DOWN}), then deletes
   * the lock; a run the engine ended without finishing its files (out of memory) has them finished
   * here, with the engine's failure.
   */
  public static Result run(
      Simulation sim,
      Scenario scenario,
      World world,
      int threads,
      Path dir,
      Observers observers,
      Duration tickInterval,
      RunLock lock)
      throws IOException {
    return run(
        sim, scenario, world, threads, dir, observers, tickInterval, lock, Checkpointing.NONE);
  }

  /** The same, with checkpoints, or resumed from one, as {@code checkpoints} says. */
  public static Result run(
      Simulation sim,
      Scenario scenario,
      World world,
      int threads,
      Path dir,
      Observers observers,
      Duration tickInterval,
      RunLock lock,
      Checkpointing checkpoints)
      throws IOException {
    try (RunWriter writer =
        checkpoints.resuming()
            ? RunWriter.resuming(dir, scenario, world, threads, observers.contributors())
            : new RunWriter(dir, scenario, world, threads, observers.contributors())) {
      if (!checkpoints.resuming()) {
        // A resumed run's metrics.csv starts with rows its writer never saw.
        writer.rows(observers.rows());
      }
      ouroboros.sim.engine.Resumption resumption = checkpoints.resume(writer);
      Thread hook =
          new Thread(
              () -> {
                writer.abort(SHUT_DOWN, SHUTDOWN_WAIT);
                awaitSaid();
                // The graph's files are written on threads of their own: none is left half done.
                AtomicFiles.stopWriting(STOP_WRITING_WAIT);
                closeQuietly(lock);
              },
              "ouroboros-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      RunOutcome outcome;
      try {
        try {
          outcome =
              sim.run(
                  world,
                  observers.phase(writer),
                  tickInterval,
                  resumption,
                  checkpoints.barrier(writer));
        } catch (java.io.UncheckedIOException e) {
          throw e.getCause(); // a checkpoint that does not fit the world, before the first tick
        }
        if (!outcome.completed() && ShutdownRelease.jvmShuttingDown()) {
          // A signal stops the actor system with the JVM, before the clock answers, which the
          // engine takes for a fatal error ("most likely out of memory", 0 ticks): say what it was.
          outcome = new RunOutcome(writer.ticksWrittenOnAbort(SHUTDOWN_WAIT), SHUT_DOWN);
        }
        // A no-op when the clock finished the files; the engine's failure when it could not.
        try {
          writer.onFinish(outcome);
        } catch (IOException e) {
          if (outcome.completed()) {
            throw e;
          }
        }
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // The JVM is shutting down: the hook runs.
        }
      }
      return new Result(outcome, writer.summary());
    }
  }

  /** Releases a lock, if any, ignoring a failure (the process's end releases it anyway). */
  private static void closeQuietly(RunLock lock) {
    if (lock == null) {
      return;
    }
    try {
      lock.close();
    } catch (IOException e) {
      // Released with the process.
    }
  }

  /**
   * Whether the run in {@code dir} finished every tick: its summary.json, which the writer replaces
   * atomically after every tick, says {@code "complete": true}. A run that was killed, failed or
   * never started is not complete.
   */
  public static boolean isComplete(Path dir) {
    Path summary = RunLayout.of(dir).summary();
    if (!Files.isRegularFile(summary)) {
      return false;
    }
    try {
      JsonNode root = Yaml.json().readTree(summary.toFile());
      return root.path("complete").asBoolean(false);
    } catch (IOException e) {
      return false;
    }
  }
}
