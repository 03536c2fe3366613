package ouroboros.sim.report;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Draws a page's figures in parallel, on the calling thread and the common pool's threads, each
 * taking the next figure not yet taken, the costliest first (longest processing time first): the
 * page is done when the last figure is, so the longest must not start last. A parallel stream over
 * the figures split them in halves in page order, and left the report's last figure, the
 * interaction graph (the longest to draw when it has a thousand nodes), to start after others on
 * the same thread while the other thread went idle.
 */
final class Figures {
  private Figures() {}

  /**
   * The figures' HTML, in their order, drawn costliest first ({@code work}, one per figure; among
   * equals, the earlier first). A figure that throws stops the others from starting and its
   * exception is thrown here once those already started have finished (a checked one, thrown
   * undeclared, inside an IllegalStateException; when several throw, the first caught).
   */
  static List<String> draw(List<Supplier<String>> figures, List<Double> work) {
    int n = figures.size();
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    // A stable sort: among equal work, page order.
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -work.get(i)));
    String[] out = new String[n];
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failed = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(n);
    Runnable taker =
        () -> {
          for (int k = next.getAndIncrement(); k < n; k = next.getAndIncrement()) {
            try {
              if (failed.get() == null) {
                out[order[k]] = figures.get(order[k]).get();
              }
            } catch (Throwable e) {
              failed.compareAndSet(null, e);
            } finally {
              done.countDown();
            }
          }
        };
    // The pool's threads help; one that starts after every figure is taken finds none to draw.
    for (int t = Math.min(n - 1, ForkJoinPool.getCommonPoolParallelism()); t > 0; t--) {
      ForkJoinPool.commonPool().execute(taker);
    }
    taker.run();
    // Every figure is taken: wait for those that other threads are drawing.
    boolean interrupted = false;
    while (done.getCount() > 0) {
      try {
        done.await();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable t = failed.get();
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    if (t != null) {
      throw new IllegalStateException("a figure failed: " + t, t);
    }
    return Arrays.asList(out);
  }
}
