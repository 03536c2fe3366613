package ouroboros.sim.output;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Prepares the output directory of {@code run} (and of {@code sweep}), before tick 0: it must be a
 * directory this process can write, it is locked ({@link RunLock}) so that no second writer shares
 * it, and it must be empty unless the caller asked to overwrite it, which empties it first.
 *
 * <p>{@code --overwrite} deletes only inside the directory, never follows a symbolic link out of
 * it, and refuses a directory that does not look like the output of an earlier run or sweep (it
 * holds none of {@code summary.json}, {@code scenario.yaml}, {@code metrics.csv} or {@code
 * sweep.yaml}), the file system's root, the home directory, and the working directory or any
 * directory above it.
 */
public final class OutDir {
  /**
   * Why a directory cannot be used: a message for the user, refused before tick 0. A refusal that
   * came after a stale lock was taken over (and so removed, with the refusal) says whose it was.
   */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    private final String stale;

    Refused(String message) {
      this(message, null);
    }

    private Refused(String message, String stale) {
      super(message);
      this.stale = stale;
    }

    /**
     * Who held the stale lock that was taken over and then removed with this refusal ({@link
     * RunLock#stale()}), or null when there was none.
     */
    public String stale() {
      return stale;
    }
  }

  /** What to do with what a directory already holds. */
  public enum Mode {
    /** Refuse a non-empty directory. */
    NEW,
    /** Empty a non-empty directory first, if it looks like an earlier run's or sweep's. */
    OVERWRITE,
    /** Keep what it holds: the caller continues the run or sweep in it (a resume). */
    KEEP
  }

  private OutDir() {}

  /**
   * Creates {@code dir} if needed, checks that it can be written, locks it, and deals with what it
   * holds as {@code mode} says. The caller closes the returned lock when the run ends. {@code what}
   * names the option in messages.
   */
  public static RunLock prepare(Path dir, Mode mode, String what) throws Refused {
    writable(dir, what);
    RunLock lock;
    try {
      lock = RunLock.acquire(dir);
    } catch (RunLock.Busy e) {
      throw new Refused(what + ": " + e.getMessage());
    } catch (IOException e) {
      throw new Refused(what + ": cannot write the lock file in " + dir + ": " + reason(e));
    }
    try {
      List<String> entries = mode == Mode.KEEP ? List.of() : entries(dir);
      if (!entries.isEmpty()) {
        if (mode == Mode.NEW) {
          throw new Refused(
              what
                  + ": the directory "
                  + dir
                  + " is not empty (it holds "
                  + listed(entries)
                  + "); choose a new directory, or add --overwrite to empty it first");
        }
        empty(dir, entries, what);
      }
      return lock;
    } catch (Refused e) {
      // Closing the lock deletes its file: a stale one taken over is gone too, and the caller
      // must say so, not only why the directory was refused.
      closeQuietly(lock);
      throw lock.stale() == null ? e : new Refused(e.getMessage(), lock.stale());
    } catch (RuntimeException e) {
      closeQuietly(lock);
      throw e;
    }
  }

  /**
   * Creates {@code dir} and its parents if needed and checks that it is a directory this process
   * can create files in (it writes and deletes a probe file), or throws why not.
   */
  public static void writable(Path dir, String what) throws Refused {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new Refused(what + ": found the file " + dir + ", expected a directory");
    }
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".ouroboros-probe", ".tmp");
      Files.delete(probe);
    } catch (IOException e) {
      throw new Refused(what + ": cannot write in the directory " + dir + ": " + reason(e));
    }
  }

  /** The names in {@code dir} but the lock file, sorted. */
  static List<String> entries(Path dir) throws Refused {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> !n.equals(RunLock.NAME))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new Refused("cannot list " + dir + ": " + reason(e));
    }
  }

  /** Empties a directory that looks like an earlier run's or sweep's, keeping the lock file. */
  private static void empty(Path dir, List<String> entries, String what) throws Refused {
    Path real;
    try {
      real = dir.toRealPath();
    } catch (IOException e) {
      throw new Refused(what + ": cannot resolve " + dir + ": " + reason(e));
    }
    Path cwd = Path.of("").toAbsolutePath().normalize();
    Path home = Path.of(System.getProperty("user.home", "/")).toAbsolutePath().normalize();
    if (real.getParent() == null || real.equals(home) || cwd.startsWith(real)) {
      throw new Refused(
          what
              + ": --overwrite refuses to empty "
              + dir
              + " (the root, the home directory, or the working directory or one above it)");
    }
    if (entries.stream().noneMatch(OutDir::looksLikeOutput)) {
      throw new Refused(
          what
              + ": --overwrite refuses to empty "
              + dir
              + ": it does not look like a run or sweep directory (no "
              + RunLayout.SUMMARY
              + ", "
              + RunLayout.SCENARIO
              + ", "
              + RunLayout.METRICS
              + " or "
              + SweepLayout.SWEEP_YAML
              + "); empty or remove it yourself");
    }
    try {
      for (String name : entries) {
        deleteTree(real.resolve(name));
      }
    } catch (IOException e) {
      throw new Refused(what + ": --overwrite could not empty " + dir + ": " + reason(e));
    }
  }

  /** Whether a top-level name is one a run or a sweep writes. */
  private static boolean looksLikeOutput(String name) {
    return name.equals(RunLayout.SUMMARY)
        || name.equals(RunLayout.SCENARIO)
        || name.equals(RunLayout.METRICS)
        || name.equals(SweepLayout.SWEEP_YAML);
  }

  /** Deletes a file, a link (not its target) or a directory tree that links do not lead out of. */
  private static void deleteTree(Path p) throws IOException {
    if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      Files.deleteIfExists(p);
      return;
    }
    Files.walkFileTree(
        p,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** At most five names, then a count. */
  private static String listed(List<String> names) {
    List<String> shown = new ArrayList<>(names.subList(0, Math.min(5, names.size())));
    if (names.size() > 5) {
      shown.add("and " + (names.size() - 5) + " more");
    }
    return String.join(", ", shown);
  }

  /** The reason of an I/O failure, as a user reads it. */
  private static String reason(IOException e) {
    return WriteFailure.describe(e);
  }

  private static void closeQuietly(RunLock lock) {
    try {
      lock.close();
    } catch (IOException e) {
      // The lock is released with the process at the latest.
    }
  }
}
