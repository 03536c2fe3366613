package ouroboros.sim.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a sweep file from a scenario file by its text: a sweep file is one with a top-level {@code
 * base:} key (docs/cli.md). {@code validate} checks each as its command would; {@code run} and
 * {@code sweep} refuse the other kind with one error that names the mix-up, instead of the other
 * schema's list of unknown and missing keys.
 */
final class FileKinds {
  /** A top-level {@code base:} key, which only a sweep file has. */
  private static final Pattern SWEEP = Pattern.compile("(?m)^(base|\"base\"|'base')[ \\t]*:");

  private FileKinds() {}

  /**
   * The line (from 1) of the file's top-level {@code base:} key, 0 when it has none, or -1 when it
   * is no regular file or cannot be read. Only the text is searched, never parsed, so that a broken
   * or hostile file reaches the loader, which reports it; an unreadable one is left to the loader
   * too.
   */
  static int baseLine(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        return -1;
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      Matcher m = SWEEP.matcher(text);
      return m.find()
          ? 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count()
          : 0;
    } catch (IOException | java.io.UncheckedIOException e) {
      return -1;
    }
  }

  /** Whether the file reads as a sweep file. */
  static boolean isSweep(Path file) {
    return baseLine(file) > 0;
  }

  /**
   * The error for a sweep file given to {@code run} ("FILE:L:1: found a sweep file ..."), or null
   * when the file is not one.
   */
  static String sweepForRun(Path file) {
    int line = baseLine(file);
    return line <= 0
        ? null
        : file
            + ":"
            + line
            + ":1: found a sweep file (it has 'base:'), expected a scenario: run a sweep with"
            + " 'ouroboros sweep "
            + file
            + "'";
  }

  /**
   * The error for a file without {@code base:} given to {@code sweep}, a scenario as a rule, or
   * null when it has one (or cannot be read: the sweep loader reports that).
   */
  static String scenarioForSweep(Path file) {
    return baseLine(file) != 0
        ? null
        : file
            + ": found no top-level 'base:', so a scenario file, expected a sweep file (one with"
            + " 'base:', the path of its base scenario): run a scenario with 'ouroboros run "
            + file
            + "'";
  }
}
