package ouroboros.sim.scenario.check;

import java.util.Objects;

/**
 * One problem in a scenario file: where it is, what was found and what was expected.
 *
 * @param file the file as the user named it
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param path the key path, such as {@code models[1].scrape}, or the empty string for the file
 * @param found what the file holds there
 * @param expected what would be valid there
 */
public record ScenarioError(
    String file, int line, int column, String path, String found, String expected) {

  /** Checks the references. */
  public ScenarioError {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(found, "found");
    Objects.requireNonNull(expected, "expected");
  }

  /** {@code file:line:column: path: found X, expected Y}. */
  public String message() {
    StringBuilder b = new StringBuilder(file);
    if (line > 0) {
      b.append(':').append(line).append(':').append(column);
    }
    b.append(": ");
    if (!path.isEmpty()) {
      b.append(path).append(": ");
    }
    return b.append("found ")
        .append(printable(found))
        .append(", expected ")
        .append(printable(expected))
        .toString();
  }

  /**
   * {@code text} with its line breaks and other control characters escaped as in Java source (a
   * newline as backslash n, a BEL as backslash u0007), so that a message stays one line and puts
   * nothing raw on a terminal: a value holding a newline split its message in two, and a BEL rang
   * (QA, stop 33).
   */
  static String printable(String text) {
    if (text == null || text.chars().noneMatch(Character::isISOControl)) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (Character.isISOControl(c)) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
