package ouroboros.sim.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes whole files atomically: to a temporary file beside the target, then a rename. */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Replaces {@code target} with {@code bytes} so that readers see the old or the new file. */
  public static void write(Path target, byte[] bytes) throws IOException {
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Writes {@code bytes} to the temporary file beside {@code target} and returns the rename that
   * replaces {@code target} with it, for a caller that must make two files move as close together
   * as it can (see {@link RunWriter}).
   */
  public static Commit prepare(Path target, byte[] bytes) throws IOException {
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    return () ->
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      body.writeTo(w);
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Writes a file's text. */
  @FunctionalInterface
  public interface TextBody {
    /** Writes the text to {@code out}. */
    void writeTo(Writer out) throws IOException;
  }
}
