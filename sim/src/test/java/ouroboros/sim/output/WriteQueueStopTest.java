package ouroboros.sim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A write queue whose thread stops before it is closed (interrupted) abandons the tasks it did not
 * run, in order, and those queued later, so that {@link WriteQueue#drain} returns and throws why,
 * instead of waiting forever.
 */
class WriteQueueStopTest {
  private static final Duration BOUND = Duration.ofSeconds(30);

  /** A task that records that it ran, or that it was abandoned. */
  private record Noted(String name, List<String> log) implements WriteQueue.Task {
    @Override
    public void run() {
      log.add("ran " + name);
    }

    @Override
    public void abandon(Throwable why) {
      log.add("abandoned " + name + ": " + why.getMessage());
    }
  }

  @Test
  void threadInterrupted_queuedAndLaterTasksAbandonedInOrder_drainThrows() {
    List<String> log = new CopyOnWriteArrayList<>();
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch queued = new CountDownLatch(1);
    Thread[] writer = new Thread[1];
    WriteQueue q = new WriteQueue("stop-test", 4);
    assertTimeoutPreemptively(
        BOUND,
        () -> {
          q.submit(
              () -> {
                writer[0] = Thread.currentThread();
                log.add("ran first");
                running.countDown();
              });
          q.submit(new Noted("second", log));
          assertTrue(running.await(BOUND.toSeconds(), TimeUnit.SECONDS));
          q.drain();
          q.submit(
              () -> {
                try {
                  queued.await();
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
                // the writer thread's own interrupt: it stops at its next look at the queue
                Thread.currentThread().interrupt();
                log.add("ran third");
              });
          q.submit(new Noted("fourth", log));
          q.submit(new Noted("fifth", log));
          queued.countDown();
          writer[0].join(BOUND.toMillis());
          IOException later = assertThrows(IOException.class, () -> q.submit(new Noted("x", log)));
          assertEquals("the thread stop-test was interrupted", later.getMessage());
          IOException drained = assertThrows(IOException.class, q::drain);
          assertEquals("the thread stop-test was interrupted", drained.getMessage());
          q.close();
        });
    assertEquals(
        List.of(
            "ran first",
            "ran second",
            "ran third",
            "abandoned fourth: the thread stop-test was interrupted",
            "abandoned fifth: the thread stop-test was interrupted"),
        log);
  }

  @Test
  void taskFails_laterTasksAbandoned_drainThrowsTheFailure() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    CountDownLatch queued = new CountDownLatch(1);
    try (WriteQueue q = new WriteQueue("fail-test", 4)) {
      q.submit(
          () -> {
            try {
              queued.await(); // fails once the next task is queued
            } catch (InterruptedException e) {
              throw new IllegalStateException(e);
            }
            throw new IOException("disk gone");
          });
      q.submit(new Noted("after", log));
      queued.countDown();
      IOException e =
          assertTimeoutPreemptively(BOUND, () -> assertThrows(IOException.class, q::drain));
      assertEquals("disk gone", e.getMessage());
    }
    assertEquals(List.of("abandoned after: disk gone"), log);
  }
}
