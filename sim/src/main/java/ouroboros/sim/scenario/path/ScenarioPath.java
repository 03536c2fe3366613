package ouroboros.sim.scenario.path;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A path into a scenario, the one grammar of sweep files, timeline {@code set} events and {@code
 * run --set}: dotted kebab-case keys, each optionally followed by selectors on a list: {@code
 * [name]} the entries whose {@code id} is name (models, humans, sites) or, when none has that id,
 * whose {@code stage} is name (pipeline stages); {@code [*]} every entry; {@code [3]} the entry at
 * index 3. Examples: {@code models[lab-a].regime}, {@code models[*].sampling.temperature}, {@code
 * seed}.
 *
 * @param text the path as written
 * @param segments its keys and selectors, in order
 */
public record ScenarioPath(String text, List<Segment> segments) {
  /** One step of a path. */
  public sealed interface Segment {}

  /**
   * A key of a mapping.
   *
   * @param name the kebab-case key
   */
  public record Key(String name) implements Segment {}

  /**
   * The list entries whose {@code id}, or failing that whose {@code stage}, equals a name.
   *
   * @param name the id or stage
   */
  public record Named(String name) implements Segment {}

  /**
   * The list entry at an index.
   *
   * @param index 0-based
   */
  public record Index(int index) implements Segment {}

  /** Every entry of a list. */
  public record All() implements Segment {}

  /** What a path should look like, for messages. */
  public static final String EXPECTED =
      "a path of kebab-case keys joined by '.', each optionally"
          + " followed by [id], [*] or [index], such as models[lab-a].regime";

  /** Checks the references. */
  public ScenarioPath {
    Objects.requireNonNull(text, "text");
    segments = List.copyOf(segments);
  }

  /** Parses a path; throws IllegalArgumentException with what is wrong in it. */
  public static ScenarioPath parse(String text) {
    List<Segment> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (true) {
      int start = i;
      while (i < n && isKeyChar(text.charAt(i))) {
        i++;
      }
      if (i == start) {
        throw new IllegalArgumentException(
            i == n
                ? "a path that ends without a key"
                : "'" + text.charAt(i) + "' where a key should start, at character " + (i + 1));
      }
      out.add(new Key(text.substring(start, i)));
      while (i < n && text.charAt(i) == '[') {
        int close = text.indexOf(']', i);
        if (close < 0) {
          throw new IllegalArgumentException("a '[' at character " + (i + 1) + " with no ']'");
        }
        out.add(selector(text.substring(i + 1, close), i));
        i = close + 1;
      }
      if (i == n) {
        return new ScenarioPath(text, out);
      }
      if (text.charAt(i) != '.') {
        throw new IllegalArgumentException(
            "'" + text.charAt(i) + "' after a key or selector, at character " + (i + 1));
      }
      i++;
    }
  }

  /** The selector between brackets at {@code at}. */
  private static Segment selector(String inside, int at) {
    if (inside.isEmpty()) {
      throw new IllegalArgumentException("an empty selector [] at character " + (at + 1));
    }
    if (inside.equals("*")) {
      return new All();
    }
    if (inside.chars().allMatch(c -> c >= '0' && c <= '9')) {
      try {
        return new Index(Integer.parseInt(inside));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("the index " + inside + ", which is too large");
      }
    }
    if (inside.contains("[")) {
      throw new IllegalArgumentException("a '[' inside a selector at character " + (at + 1));
    }
    return new Named(inside);
  }

  /** Letters, digits, '-' and '_'. */
  private static boolean isKeyChar(char c) {
    return c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c >= '0' && c <= '9'
        || c == '-'
        || c == '_';
  }

  /** The path as written, up to and including segment {@code k}. */
  public String prefix(int k) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i <= k && i < segments.size(); i++) {
      Segment s = segments.get(i);
      if (s instanceof Key key) {
        b.append(b.length() > 0 ? "." : "").append(key.name());
      } else if (s instanceof Named named) {
        b.append('[').append(named.name()).append(']');
      } else if (s instanceof Index index) {
        b.append('[').append(index.index()).append(']');
      } else {
        b.append("[*]");
      }
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return text;
  }
}
