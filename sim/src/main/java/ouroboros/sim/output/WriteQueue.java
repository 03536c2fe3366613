package ouroboros.sim.output;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

/**
 * File writes run in order on one writer thread, so that the observe phase hands a tick's output
 * over and lets the clock start the next tick. The queue is bounded: when the writer falls {@code
 * capacity} tasks behind, {@link #submit} waits, so a slow disk slows the run down rather than
 * filling the heap. The first task that fails stops the writes; its exception is thrown by the next
 * {@link #submit} or {@link #drain}; the tasks after it are {@linkplain Task#abandon abandoned}.
 *
 * <p>If the writer thread stops before {@link #close} (interrupted, or killed by a throwable no
 * task caught), that is the failure: the tasks still queued, and any queued later, are not run but
 * {@linkplain Task#abandon abandoned}, so that no one waits for them forever ({@link #drain}
 * returns and throws it).
 */
public final class WriteQueue implements AutoCloseable {
  /** One write. */
  @FunctionalInterface
  public interface Task {
    /** Does the write. */
    void run() throws IOException;

    /**
     * Told, instead of {@link #run}, that this task will not run, and why: an earlier task failed,
     * or the writer thread stopped before it came to this one. By default nothing. Called once, on
     * the writer thread or on the one that queued a task after it stopped, in the order the tasks
     * were queued.
     */
    default void abandon(Throwable why) {}
  }

  private static final Task STOP = () -> {};

  private final BlockingQueue<Task> queue;
  private final Thread thread;
  private final String name;
  private volatile Throwable failure;

  /** The writer thread has stopped other than by {@link #close}. */
  private volatile boolean stopped;

  private boolean closed;

  /** At most {@code capacity} waiting tasks, run by a daemon thread named {@code name}. */
  public WriteQueue(String name, int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.name = name;
    this.thread = new Thread(this::work, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues a write, waiting while the queue is full; throws an earlier write's failure. */
  public void submit(Task task) throws IOException {
    rethrow();
    if (closed) {
      throw new IllegalStateException("the write queue is closed");
    }
    try {
      queue.put(task);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while queueing a write");
    }
    if (stopped) {
      abandonQueued(); // the writer thread may have stopped after its last look at the queue
    }
  }

  /** Waits until every queued write has run; throws the first failure. */
  public void drain() throws IOException {
    CountDownLatch done = new CountDownLatch(1);
    submit(new Marker(done));
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the writes");
    }
    rethrow();
  }

  /**
   * Waits at most {@code wait} until every queued write has run (a shutdown hook cannot wait
   * forever); throws the first failure.
   */
  public void drain(java.time.Duration wait) throws IOException {
    CountDownLatch done = new CountDownLatch(1);
    submit(new Marker(done));
    try {
      if (!done.await(wait.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS)) {
        throw new IOException("the writes did not finish within " + wait.toMillis() + " ms");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the writes");
    }
    rethrow();
  }

  /** Runs the queued writes, then stops the thread. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      queue.put(STOP);
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The writer thread: runs the tasks until {@link #close}, or abandons them if it stops. */
  private void work() {
    Throwable why = null;
    boolean closedNormally = false;
    try {
      loop();
      closedNormally = true;
    } catch (InterruptedException e) {
      why = new InterruptedIOException("the thread " + name + " was interrupted");
    } catch (Throwable e) { // one that no task caught (a checked exception thrown sneakily)
      why = e;
      why =
          e instanceof Error
              ? e
              : new IOException("the thread " + name + " stopped: " + e.getClass().getName(), e);
    } finally {
      // Whatever stopped the loop, even a throwable while naming it: no submitter or drain is left
      // waiting for a task that will never run.
      if (!closedNormally) {
        if (failure == null) {
          failure = why != null ? why : new IOException("the thread " + name + " stopped");
        }
        stopped = true;
        abandonQueued();
      }
    }
  }

  /**
   * Abandons the queued tasks, in order (a drain marker counts down); {@link #stopped} only. A task
   * whose abandon throws does not keep the next ones from being told.
   */
  private synchronized void abandonQueued() {
    for (Task t = queue.poll(); t != null; t = queue.poll()) {
      if (t != STOP) {
        try {
          t.abandon(failure);
        } catch (RuntimeException e) {
          failure.addSuppressed(e);
        }
      }
    }
  }

  /** Runs the queued tasks until {@link #STOP}; throws when the thread is interrupted. */
  private void loop() throws InterruptedException {
    while (true) {
      Task t = queue.take();
      if (t == STOP) {
        return;
      }
      if (failure != null) {
        t.abandon(failure); // a marker counts down
        continue;
      }
      try {
        t.run();
      } catch (IOException | RuntimeException | Error e) {
        if (failure == null) {
          failure = e;
        }
      }
    }
  }

  /** A drain marker: counts down whether run or abandoned, so that {@link #drain} returns. */
  private record Marker(CountDownLatch done) implements Task {
    @Override
    public void run() {
      done.countDown();
    }

    @Override
    public void abandon(Throwable why) {
      done.countDown();
    }
  }

  private void rethrow() throws IOException {
    Throwable f = failure;
    if (f instanceof OutOfMemoryError e) {
      throw new IOException(ouroboros.sim.engine.OutOfMemory.describe(e), e);
    }
    if (f instanceof IOException e) {
      throw new IOException(WriteFailure.describe(e), e);
    }
    if (f instanceof RuntimeException e) {
      throw e;
    }
    if (f instanceof Error e) {
      throw e;
    }
  }
}
