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
 * {@link #submit} or {@link #drain}.
 */
public final class WriteQueue implements AutoCloseable {
  /** One write. */
  @FunctionalInterface
  public interface Task {
    /** Does the write. */
    void run() throws IOException;
  }

  private static final Task STOP = () -> {};

  private final BlockingQueue<Task> queue;
  private final Thread thread;
  private volatile Throwable failure;
  private boolean closed;

  /** At most {@code capacity} waiting tasks, run by a daemon thread named {@code name}. */
  public WriteQueue(String name, int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.thread = new Thread(this::loop, name);
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

  private void loop() {
    while (true) {
      Task t;
      try {
        t = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (t == STOP) {
        return;
      }
      if (failure != null && !(t instanceof Marker)) {
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

  /** A drain marker: runs even after a failure, so that {@link #drain} returns. */
  private record Marker(CountDownLatch done) implements Task {
    @Override
    public void run() {
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
