package ouroboros.sim.scenario.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a path that is not a regular file is, for messages; found without opening it. */
public final class PathKind {
  private PathKind() {}

  /**
   * "a directory", "a FIFO (named pipe)", "a character device", "a block device", "a socket", or
   * "not a regular file". The path is never opened: opening a FIFO blocks until someone writes.
   */
  public static String of(Path file) {
    if (Files.isDirectory(file)) {
      return "a directory";
    }
    try {
      int type = (Integer) Files.getAttribute(file, "unix:mode") & 0170000;
      return switch (type) {
        case 0010000 -> "a FIFO (named pipe)";
        case 0020000 -> "a character device";
        case 0060000 -> "a block device";
        case 0140000 -> "a socket";
        default -> "not a regular file";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "not a regular file"; // no unix:mode view on this file system
    }
  }
}
