package ouroboros.sim.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shutdown stops atomic writes without leaving a temporary file (the graph's files). */
class AtomicFilesStopTest {
  @TempDir Path dir;

  @Test
  void stopWriting_writeUnderWayPastTheWait_losesItsTmpAndLaterWritesAreRefused() throws Exception {
    Path slow = dir.resolve("w0-9.dot");
    Path done = dir.resolve("final.dot");
    AtomicFiles.write(done, "old".getBytes());
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread t =
        new Thread(
            () -> {
              try {
                AtomicFiles.write(
                    slow,
                    w -> {
                      w.write("partial");
                      writing.countDown();
                      pause(() -> release.await(10, TimeUnit.SECONDS));
                    });
              } catch (IOException e) {
                // expected: its temporary file was deleted under it
              }
            });
    try {
      t.start();
      assertTrue(writing.await(10, TimeUnit.SECONDS));
      assertTrue(Files.exists(AtomicFiles.tmp(slow)), "the write under way has its tmp");
      AtomicFiles.stopWriting(Duration.ofMillis(100));
      assertEquals(List.of("final.dot"), names(), "no tmp left once the wait is over");
      assertThrows(IOException.class, () -> AtomicFiles.write(done, "new".getBytes()));
      assertArrayEquals("old".getBytes(), Files.readAllBytes(done), "the target keeps its file");
      release.countDown();
      t.join(10_000);
      assertEquals(List.of("final.dot"), names(), "the late write renamed nothing");
    } finally {
      release.countDown();
      AtomicFiles.startWriting();
    }
  }

  @Test
  void stopWriting_writeThatFinishesWithinTheWait_isRenamed() throws Exception {
    Path target = dir.resolve("w10-19.json");
    CountDownLatch writing = new CountDownLatch(1);
    Thread t =
        new Thread(
            () -> {
              try {
                AtomicFiles.write(
                    target,
                    w -> {
                      writing.countDown();
                      pause(() -> Thread.sleep(200));
                      w.write("whole");
                    });
              } catch (IOException e) {
                throw new AssertionError(e);
              }
            });
    try {
      t.start();
      assertTrue(writing.await(10, TimeUnit.SECONDS));
      AtomicFiles.stopWriting(Duration.ofSeconds(10));
      t.join(10_000);
      assertEquals("whole", Files.readString(target));
      assertEquals(List.of("w10-19.json"), names());
    } finally {
      AtomicFiles.startWriting();
    }
  }

  /** A wait inside a text body, whose interruption is an IOException there. */
  private interface Wait {
    void run() throws InterruptedException;
  }

  private static void pause(Wait w) throws IOException {
    try {
      w.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted");
    }
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
