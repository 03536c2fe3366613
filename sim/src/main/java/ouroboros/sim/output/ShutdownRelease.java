package ouroboros.sim.output;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A shutdown hook that releases a directory's {@link RunLock} when the JVM shuts down under its
 * holder (SIGTERM, Ctrl-C, SIGHUP), so that the next writer finds no stale lock: what {@link
 * RunDirectory} does for a run's ticks, for a sweep and for the whole of a run or resume (its
 * --wait-for-viewer and --hold included). Before it deletes the lock it asks the processes this JVM
 * started (a sweep's runs in child JVMs) to stop with SIGTERM, so that each records why it stopped
 * and releases its own run's lock, and waits for them at most {@link #WAIT}. Closing it removes the
 * hook (the holder then releases the lock itself).
 */
public final class ShutdownRelease implements AutoCloseable {
  /** How long the hook waits for the child processes to end. */
  static final Duration WAIT = Duration.ofSeconds(5);

  private final Thread hook;

  private ShutdownRelease(Thread hook) {
    this.hook = hook;
  }

  /** Registers the hook that releases {@code lock}. */
  public static ShutdownRelease of(RunLock lock) {
    return of(lock, null);
  }

  /**
   * The same, and then removes {@code created} (null: nothing), a run directory this process
   * created, when it is still empty: a run stopped while it waited for a viewer (before tick 0)
   * left an empty directory behind.
   */
  public static ShutdownRelease of(RunLock lock, java.nio.file.Path created) {
    Objects.requireNonNull(lock, "lock");
    Thread hook =
        new Thread(
            () -> {
              stopChildren();
              try {
                lock.close();
              } catch (IOException e) {
                // The process's end releases the lock; the file stays, a stale lock.
              }
              if (created != null) {
                try {
                  java.nio.file.Files.deleteIfExists(created); // only when empty
                } catch (IOException e) {
                  // it holds the run's files: kept
                }
              }
            },
            "ouroboros-lock-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    return new ShutdownRelease(hook);
  }

  /** Sends SIGTERM to the child processes still alive and waits for them, at most {@link #WAIT}. */
  private static void stopChildren() {
    List<ProcessHandle> children =
        ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList();
    children.forEach(ProcessHandle::destroy);
    Instant deadline = Instant.now().plus(WAIT);
    for (ProcessHandle c : children) {
      long left = Duration.between(Instant.now(), deadline).toMillis();
      if (left <= 0) {
        return;
      }
      try {
        c.onExit().get(left, java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        return;
      }
    }
  }

  /**
   * Whether the JVM is shutting down (its shutdown hooks have started): a run that ends now was
   * stopped by the signal, not failed by itself, so a sweep redoes it on {@code --resume} rather
   * than recording it as failed.
   */
  public static boolean jvmShuttingDown() {
    Thread probe = new Thread(() -> {}, "ouroboros-shutdown-probe");
    try {
      Runtime.getRuntime().addShutdownHook(probe);
    } catch (IllegalStateException e) {
      return true;
    }
    Runtime.getRuntime().removeShutdownHook(probe);
    return false;
  }

  /** Removes the hook; a no-op when the JVM is already shutting down (the hook then runs). */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Shutting down: the hook runs.
    }
  }
}
