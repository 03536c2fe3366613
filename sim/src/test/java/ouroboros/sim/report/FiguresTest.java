package ouroboros.sim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A page's figures: drawn costliest first, returned in page order, a failure thrown. */
class FiguresTest {
  @Test
  void costliestLast_startsFirst_resultsInPageOrder() throws Exception {
    // More figures than threads (the caller and the common pool's), so that with page order the
    // costly last figure would wait for a cheap one to finish.
    int n = ForkJoinPool.getCommonPoolParallelism() + 2;
    CountDownLatch costlyStarted = new CountDownLatch(1);
    AtomicInteger cheapBeforeCostly = new AtomicInteger();
    List<Supplier<String>> figures = new ArrayList<>();
    List<Double> work = new ArrayList<>();
    for (int i = 0; i < n - 1; i++) {
      int k = i;
      figures.add(
          () -> {
            try {
              // Room for a loaded machine; only a wrong order waits this long.
              if (!costlyStarted.await(10, TimeUnit.SECONDS)) {
                cheapBeforeCostly.incrementAndGet();
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return "f" + k;
          });
      work.add(0.0);
    }
    figures.add(
        () -> {
          costlyStarted.countDown();
          return "graph";
        });
    work.add(2000.0);
    List<String> drawn = Figures.draw(figures, work);
    assertEquals(0, cheapBeforeCostly.get(), "no cheap figure waited for the costly one to start");
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < n - 1; i++) {
      expected.add("f" + i);
    }
    expected.add("graph");
    assertEquals(expected, drawn);
  }

  @Test
  void aFigureThrows_itsExceptionThrown() {
    IllegalStateException boom = new IllegalStateException("no fonts");
    List<Supplier<String>> figures =
        List.of(
            () -> "a",
            () -> {
              throw boom;
            },
            () -> "c");
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> Figures.draw(figures, List.of(0.0, 1.0, 0.0)));
    assertSame(boom, e);
  }

  @Test
  void aFigureThrowsACheckedException_itIsTheCause() {
    java.io.IOException io = new java.io.IOException("disk gone");
    List<Supplier<String>> figures = List.of(() -> "a", () -> sneaky(io));
    IllegalStateException thrown =
        assertThrows(IllegalStateException.class, () -> Figures.draw(figures, List.of(1.0, 2.0)));
    assertSame(io, thrown.getCause());
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> String sneaky(Throwable t) throws T {
    throw (T) t;
  }

  @Test
  void noFigures_empty() {
    assertTrue(Figures.draw(List.of(), List.of()).isEmpty());
  }
}
