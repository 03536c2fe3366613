package ouroboros.sim.scenario.population;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with placeholders, filled in once per member: {@code {i}} is the member index from 0,
 * {@code {i:05}} the index zero-padded to 5 digits, and {@code {id}} the member's id (not in an id
 * pattern, which makes it). Other braces are kept as they are.
 */
final class IdPattern {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(i|id|i:0([1-9]))\\}");

  /** A literal (width -2), the index with a width (0: none), or the id (width -1). */
  private record Part(String literal, int width) {}

  private final List<Part> parts;
  private final boolean usesIndex;

  private IdPattern(List<Part> parts) {
    this.parts = parts;
    this.usesIndex = parts.stream().anyMatch(p -> p.width() >= 0);
  }

  /** Compiles a text. */
  static IdPattern of(String text) {
    List<Part> parts = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    int last = 0;
    while (m.find()) {
      if (m.start() > last) {
        parts.add(new Part(text.substring(last, m.start()), -2));
      }
      parts.add(
          new Part(
              null,
              m.group(1).equals("id")
                  ? -1
                  : m.group(2) == null ? 0 : Integer.parseInt(m.group(2))));
      last = m.end();
    }
    if (last < text.length()) {
      parts.add(new Part(text.substring(last), -2));
    }
    return new IdPattern(List.copyOf(parts));
  }

  /** A brace that starts like {@code {i}}: a placeholder, or a misspelt one. */
  private static final Pattern NEAR = Pattern.compile("\\{\\s*i[^{}]*\\}?");

  /**
   * The first brace in {@code text} that looks like an index placeholder but is none, such as
   * {@code {i:4}}, {@code {i:05d}} or an unclosed {@code {i}; null when there is none.
   */
  static String malformed(String text) {
    Matcher m = NEAR.matcher(text);
    while (m.find()) {
      if (!PLACEHOLDER.matcher(m.group()).matches()) {
        return m.group();
      }
    }
    return null;
  }

  /** Whether a text has any placeholder. */
  static boolean hasPlaceholder(String text) {
    return PLACEHOLDER.matcher(text).find();
  }

  /** Whether the text uses {@code {i}}, so that each member gets its own. */
  boolean usesIndex() {
    return usesIndex;
  }

  /** Whether the text uses {@code {id}}. */
  boolean usesId() {
    return parts.stream().anyMatch(p -> p.width() == -1);
  }

  /** The text for member {@code i} whose id is {@code id}. */
  String format(int i, String id) {
    StringBuilder b = new StringBuilder(24);
    for (Part p : parts) {
      if (p.width() == -2) {
        b.append(p.literal());
      } else if (p.width() == -1) {
        b.append(id);
      } else {
        String digits = Integer.toString(i);
        for (int k = digits.length(); k < p.width(); k++) {
          b.append('0');
        }
        b.append(digits);
      }
    }
    return b.toString();
  }
}
