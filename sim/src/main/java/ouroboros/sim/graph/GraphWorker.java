package ouroboros.sim.graph;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import ouroboros.sim.engine.TickFailure;
import ouroboros.sim.output.WriteQueue;

/**
 * The {@link GraphListener}'s own thread: it takes each tick's steps (add the tick's reports to the
 * window, analyse it, make its metrics.csv rows, hand a finished block's files to the graph writer)
 * in the order they are handed over, so that the clock's thread does not wait for them and starts
 * the next tick. The queue is bounded ({@value #CAPACITY} steps): when the graph falls that far
 * behind, {@link #submit} waits, so a graph slower than the ticks slows the run down rather than
 * filling the heap.
 *
 * <p>A step that throws fails the steps after it without running them (their results complete
 * exceptionally, so that no one waits for them), and the failure, with the tick it happened at, is
 * thrown to the clock's thread by the next {@link #submit}, {@link #drain} or {@link #rethrow}. The
 * thread starts at the first step and ends with {@link #close}; a worker closed is started again by
 * the next step (a run restarted after a lost node). If the thread stops before that (interrupted,
 * or killed), the steps it did not run fail the same way, at the first one's tick: no result is
 * left for anyone to wait for.
 */
final class GraphWorker {
  /** Steps the graph's thread may fall behind before the clock's thread waits. */
  static final int CAPACITY = 16;

  /** One step, run on the graph's thread. */
  @FunctionalInterface
  interface Step<T> {
    /** The step's result. */
    T run() throws Exception;
  }

  private WriteQueue queue;
  private volatile Throwable failure;
  private volatile int failedTick;

  /**
   * Hands {@code step} of tick {@code tick} to the graph's thread; its result, which completes
   * exceptionally when it (or an earlier step) fails. Throws an earlier step's failure.
   */
  <T> CompletableFuture<T> submit(int tick, Step<T> step) throws IOException {
    rethrow();
    CompletableFuture<T> result = new CompletableFuture<>();
    if (queue == null) {
      queue = new WriteQueue("ouroboros-graph", CAPACITY);
    }
    Task<T> task = new Task<>(tick, step, result);
    try {
      queue.submit(task);
    } catch (InterruptedIOException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw e; // the caller was interrupted: the graph's thread and the steps queued are fine
      }
      task.abandon(e); // the graph's thread was: this step did not run, its failure is this tick's
    } catch (IOException | RuntimeException e) {
      // The thread stopped: this step did not run, and its failure is this tick's.
      task.abandon(e);
    }
    return result;
  }

  /**
   * Waits until every step handed over has run; throws the first failure. What the steps wrote is
   * then visible to the caller's thread, until it hands over the next step.
   */
  void drain() throws IOException {
    if (queue != null) {
      try {
        queue.drain();
      } catch (IOException | RuntimeException e) {
        rethrow(); // the thread stopped: the first step it did not run names the tick
        throw e; // it stopped after the last step: none was lost
      }
    }
    rethrow();
  }

  /** Waits for the steps handed over, then stops the thread; the next step starts a new one. */
  void close() {
    if (queue != null) {
      queue.close();
      queue = null;
    }
  }

  /** Forgets a failure (a restored listener starts afresh). */
  void reset() {
    failure = null;
  }

  /**
   * Throws the first step's failure, if any: a {@link TickFailure} at its tick, whose message names
   * the tick, or the {@link Error} itself (out of memory, which the clock reports as such).
   */
  void rethrow() throws IOException {
    Throwable f = failure;
    if (f == null) {
      return;
    }
    String at = "the interaction graph of tick " + failedTick + ": ";
    if (f instanceof Error e) {
      throw e;
    }
    throw new TickFailure(failedTick, at + describe(f), f);
  }

  /** A step of tick {@code tick} and its result, as the graph's thread takes it. */
  private final class Task<T> implements WriteQueue.Task {
    private final int tick;
    private final Step<T> step;
    private final CompletableFuture<T> result;

    Task(int tick, Step<T> step, CompletableFuture<T> result) {
      this.tick = tick;
      this.step = step;
      this.result = result;
    }

    /** On the graph's thread: runs the step unless an earlier one failed; completes its result. */
    @Override
    public void run() {
      if (failure != null) {
        result.completeExceptionally(failure);
        return;
      }
      try {
        result.complete(step.run());
      } catch (Exception | Error e) {
        fail(tick, e);
        result.completeExceptionally(e);
      }
    }

    /** The thread stopped before it ran the step: fails it, and the run at its tick if first. */
    @Override
    public void abandon(Throwable why) {
      fail(tick, why);
      result.completeExceptionally(failure);
    }
  }

  /** Records the first failure, at tick {@code tick}. */
  private synchronized void fail(int tick, Throwable e) {
    if (failure == null) {
      failedTick = tick;
      failure = e;
    }
  }

  /** The message of an exception, or its class name when it has none. */
  private static String describe(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
