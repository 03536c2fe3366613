package ouroboros.sim.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;

/**
 * The lock that keeps a second writer out of a run or sweep directory while one uses it: the file
 * {@value #NAME} in the directory, held with an operating-system lock ({@link FileChannel#tryLock})
 * for as long as the writer runs, and holding the writer's process id, host and start time.
 *
 * <p>The operating system releases the lock when its process dies, however it dies, so a lock file
 * that nobody holds is stale: it was left by a process that was killed (SIGKILL, power cut). A
 * stale lock is taken over, and {@link #stale()} says whose it was, for the caller to report. A
 * lock that another process (or another run in this JVM) holds is refused with {@link Busy}, naming
 * the holder. Closing the lock deletes its file, then releases it.
 *
 * <p>The lock is a POSIX record lock on Linux, which a process loses when it closes any descriptor
 * of the file: so this process never opens the lock file twice, and a second lock of a directory
 * within one JVM is refused from a table of the directories it holds, before any file is opened.
 * After locking, the file at the path must still be the one locked (same file key and size), which
 * leaves a window only for three writers racing within microseconds. On a file system where locks
 * are not enforced (some network file systems), the lock only detects writers on the same host.
 */
public final class RunLock implements AutoCloseable {
  /** The lock file's name, in the locked directory. */
  public static final String NAME = ".ouroboros.lock";

  /** A directory that another writer holds. */
  public static final class Busy extends IOException {
    private static final long serialVersionUID = 1L;

    Busy(String message) {
      super(message);
    }
  }

  /** The lock files this JVM holds, so that it never opens one twice (see the class comment). */
  private static final java.util.Set<Path> HELD = new java.util.HashSet<>();

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final String stale;
  private boolean closed;

  private RunLock(Path file, FileChannel channel, FileLock lock, String stale) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.stale = stale;
  }

  /**
   * Locks {@code dir}, which must exist; throws {@link Busy} when another writer holds it, and an
   * {@link IOException} when the lock file cannot be written.
   */
  public static RunLock acquire(Path dir) throws IOException {
    Path file = dir.toRealPath().resolve(NAME);
    synchronized (HELD) {
      if (!HELD.add(file)) {
        throw new Busy(
            "the directory "
                + dir
                + " is in use by another run or sweep of this process; choose another directory");
      }
    }
    try {
      RunLock lock = lock(dir, file);
      return lock;
    } catch (IOException | RuntimeException e) {
      synchronized (HELD) {
        HELD.remove(file);
      }
      throw e;
    }
  }

  /** Locks {@code file} in {@code dir}, which this JVM does not hold. */
  private static RunLock lock(Path dir, Path file) throws IOException {
    // A holder that deletes the file while we open it leaves us locking a deleted file: retry.
    for (int attempt = 0; attempt < 5; attempt++) {
      FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      } catch (IOException e) {
        channel.close();
        throw e;
      }
      if (lock == null) {
        String holder = read(channel);
        channel.close();
        throw new Busy(
            "the directory "
                + dir
                + " is in use by another run or sweep ("
                + (holder.isEmpty() ? "holder unknown" : holder)
                + "); wait for it to end, or choose another directory");
      }
      String previous = read(channel);
      byte[] mine = (describe(ProcessHandle.current()) + "\n").getBytes(StandardCharsets.UTF_8);
      Object key = fileKey(file);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(mine), 0);
      channel.force(true);
      if (key != null && key.equals(fileKey(file)) && sizeOf(file) == mine.length) {
        return new RunLock(file, channel, lock, previous.isEmpty() ? null : previous);
      }
      lock.release();
      channel.close();
    }
    throw new Busy("the directory " + dir + " is in use: its lock file keeps changing");
  }

  /**
   * Who held the stale lock this lock took over ("pid 123 on host, started ..."), or null when
   * there was none.
   */
  public String stale() {
    return stale;
  }

  /** The lock file. */
  public Path file() {
    return file;
  }

  /** Deletes the lock file and releases the lock; idempotent. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Files.deleteIfExists(file);
    } finally {
      try {
        lock.release();
      } finally {
        channel.close();
        synchronized (HELD) {
          HELD.remove(file);
        }
      }
    }
  }

  /** "pid 123 on host, started 2026-12-05T11:00:00Z": who holds a lock. */
  private static String describe(ProcessHandle p) {
    String host = System.getenv("HOSTNAME");
    if (host == null || host.isBlank()) {
      try {
        host = java.net.InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        host = "unknown host";
      }
    }
    return "pid "
        + p.pid()
        + " on "
        + host
        + ", started "
        + p.info().startInstant().map(Instant::toString).orElse("at an unknown time");
  }

  /** The first line of the lock file, or "" when it is empty or unreadable. */
  private static String read(FileChannel channel) {
    try {
      long size = Math.min(channel.size(), 4096);
      ByteBuffer buf = ByteBuffer.allocate((int) size);
      channel.read(buf, 0);
      return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8)
          .lines()
          .findFirst()
          .orElse("")
          .strip();
    } catch (IOException e) {
      return "";
    }
  }

  /** The file key (device and inode) of the file at {@code file}, from stat(2), or null. */
  private static Object fileKey(Path file) {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    } catch (IOException e) {
      return null;
    }
  }

  /** The size of {@code file}, from stat(2), or -1. */
  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }
}
