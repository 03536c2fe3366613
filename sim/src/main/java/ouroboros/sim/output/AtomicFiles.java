package ouroboros.sim.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes whole files atomically: to a temporary file beside the target, forced to the disk ({@link
 * FileChannel#force}), then a rename, so that neither a kill nor a power cut leaves a renamed but
 * empty or partial file. A write that fails (a full disk) deletes its temporary file. When the
 * process shuts down ({@link #stopWriting}), no write starts any more, and those under way finish
 * or lose their temporary files, so that none is left beside a run's files.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** The temporary files being written now; guards {@link #stopped}. */
  private static final Set<Path> WRITING = new HashSet<>();

  /** Whether {@link #stopWriting} was called: no write starts any more. */
  private static boolean stopped;

  /**
   * For a shutdown hook: no write starts from now on (each throws an IOException), and the writes
   * under way get at most {@code wait} to finish; the temporary files of those that did not are
   * deleted (their writes then fail, and their targets keep their last whole version).
   */
  public static void stopWriting(Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    synchronized (WRITING) {
      stopped = true;
      while (!WRITING.isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        try {
          WRITING.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      for (Path tmp : WRITING) {
        deleteQuietly(tmp);
      }
      WRITING.clear();
    }
  }

  /**
   * While open, a shutdown hook that stops the writes at once ({@link #stopWriting} with no wait:
   * those under way lose their temporary files), for a stretch of writes that a signal must not
   * leave half done, such as a sweep's tables. Closing it removes the hook.
   */
  public static java.io.Closeable stopOnShutdown() {
    Thread hook = new Thread(() -> stopWriting(Duration.ZERO), "ouroboros-stop-writing");
    Runtime.getRuntime().addShutdownHook(hook);
    return () -> {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is shutting down: the hook runs.
      }
    };
  }

  /** Lets writes start again after {@link #stopWriting} (for tests, which share one JVM). */
  static void startWriting() {
    synchronized (WRITING) {
      stopped = false;
    }
  }

  /** Registers a temporary file about to be written; refuses once writing has stopped. */
  private static void begin(Path tmp) throws IOException {
    synchronized (WRITING) {
      if (stopped) {
        throw new IOException("the process is shutting down: " + tmp + " is not written");
      }
      WRITING.add(tmp);
    }
  }

  /** A temporary file renamed or deleted. */
  private static void end(Path tmp) {
    synchronized (WRITING) {
      WRITING.remove(tmp);
      WRITING.notifyAll();
    }
  }

  /** Replaces {@code target} with {@code bytes} so that readers see the old or the new file. */
  public static void write(Path target, byte[] bytes) throws IOException {
    prepare(target, bytes).commit();
  }

  /** The temporary file beside {@code target}. */
  static Path tmp(Path target) {
    return target.resolveSibling("." + target.getFileName() + ".tmp");
  }

  /** Writes {@code bytes} to {@code tmp} and forces them to the disk; deletes it on failure. */
  private static void writeForced(Path tmp, byte[] bytes) throws IOException {
    begin(tmp);
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(tmp);
      end(tmp);
      throw e;
    }
  }

  /** Renames {@code tmp} over {@code target}; deletes {@code tmp} when that fails. */
  private static void rename(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw e;
    } finally {
      end(tmp);
    }
  }

  /**
   * Forces a directory's entries (its renames, creations and deletions) to the disk, where the
   * platform allows it (Linux does; Windows cannot open a directory).
   */
  public static void forceDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (UnsupportedOperationException | java.nio.file.AccessDeniedException e) {
      // The renames are then as durable as the platform makes them.
    }
  }

  /** Deletes a temporary file, if it is there. */
  private static void deleteQuietly(Path tmp) {
    try {
      Files.deleteIfExists(tmp);
    } catch (IOException e) {
      // Nothing more to do: the failure that brought us here is what the caller reports.
    }
  }

  /**
   * Writes {@code bytes} to the temporary file beside {@code target} and returns the rename that
   * replaces {@code target} with it, for a caller that must make two files move as close together
   * as it can (see {@link RunWriter}).
   */
  public static Commit prepare(Path target, byte[] bytes) throws IOException {
    Path tmp = tmp(target);
    writeForced(tmp, bytes);
    return () -> rename(tmp, target);
  }

  /** The rename of a prepared file. */
  @FunctionalInterface
  public interface Commit {
    /** Replaces the target with the prepared file. */
    void commit() throws IOException;
  }

  /**
   * Replaces {@code target} with the UTF-8 text that {@code body} writes, streamed to the temporary
   * file, so that a large file need not be held in memory.
   */
  public static void write(Path target, TextBody body) throws IOException {
    Path tmp = tmp(target);
    begin(tmp);
    try (FileChannel ch =
            FileChannel.open(
                tmp,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        BufferedWriter w =
            new BufferedWriter(
                new OutputStreamWriter(Channels.newOutputStream(ch), StandardCharsets.UTF_8))) {
      body.writeTo(w);
      w.flush();
      ch.force(true);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(tmp);
      end(tmp);
      throw e;
    }
    rename(tmp, target);
  }

  /** Writes a file's text. */
  @FunctionalInterface
  public interface TextBody {
    /** Writes the text to {@code out}. */
    void writeTo(Writer out) throws IOException;
  }
}
