package ouroboros.sim.output;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;

/** Why a file could not be written, as a user reads it: a full disk is named as such. */
public final class WriteFailure {
  /** The operating system's words for a full disk (ENOSPC). */
  static final String NO_SPACE = "No space left on device";

  private WriteFailure() {}

  /**
   * "the disk is full (No space left on device)", "permission denied: FILE", or the failure's own
   * message.
   */
  public static String describe(IOException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (message.contains(NO_SPACE)) {
      return "the disk is full (" + NO_SPACE + ")";
    }
    if (e instanceof AccessDeniedException a) {
      return "permission denied: " + a.getFile();
    }
    if (e instanceof java.nio.file.NoSuchFileException n) {
      return "no such file or directory: " + n.getFile();
    }
    if (e instanceof java.nio.file.FileAlreadyExistsException x) {
      return "a file is in the way: " + x.getFile();
    }
    if (e instanceof FileSystemException f) {
      return (f.getReason() != null ? f.getReason() : "the file system refused")
          + (f.getFile() == null ? "" : ": " + f.getFile());
    }
    return message;
  }
}
