package ouroboros.agents.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects validation problems by JSON Pointer, each with what was found and what was expected. The
 * scenario loader's subclass places each one in the file (line and column); a plugin's checks (a
 * domain's {@code validate}) only add them.
 */
public class Problems {
  /**
   * One problem.
   *
   * @param pointer the JSON Pointer of the value (or key) at fault
   * @param found what was found, as the message words it
   * @param expected what was expected
   * @param atKey whether it is placed at the key rather than at its value
   */
  public record Problem(String pointer, String found, String expected, boolean atKey) {
    Problem(String pointer, String found, String expected) {
      this(pointer, found, expected, false);
    }
  }

  private final List<Problem> problems = new ArrayList<>();

  /** Records a problem at a JSON Pointer such as {@code /models/1/scrape}. */
  public void add(String pointer, Object found, String expected) {
    problems.add(new Problem(pointer, describe(found), expected));
  }

  /**
   * Records a problem with a mapping's key itself, such as an unknown site in a mix: it is placed
   * at the key rather than at its value.
   */
  public void addKey(String pointer, String key, String expected) {
    problems.add(new Problem(pointer, describe(key), expected, true));
  }

  /** Records a problem whose found part is already worded, such as "3 entries"; not quoted. */
  public void addWorded(String pointer, String found, String expected) {
    problems.add(new Problem(pointer, found, expected));
  }

  /**
   * Adds the problems of {@code other}: those under {@code prefix} whose next key is in {@code
   * keys} keep their pointer (a null {@code keys} keeps them all), the others are dropped.
   */
  public void addUnder(Problems other, String prefix, java.util.Set<String> keys) {
    for (Problem q : other.problems) {
      String rest =
          q.pointer().startsWith(prefix + "/") ? q.pointer().substring(prefix.length() + 1) : "";
      String key = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
      if (keys == null || keys.contains(key)) {
        problems.add(q);
      }
    }
  }

  /** Adds the problems of {@code other}, every one at {@code pointer}, found and expected kept. */
  public void addAllAt(Problems other, String pointer) {
    for (Problem q : other.problems) {
      problems.add(new Problem(pointer, q.found(), q.expected(), false));
    }
  }

  /** Whether nothing was recorded. */
  public boolean isEmpty() {
    return problems.isEmpty();
  }

  /** The problems, in the order they were added. */
  public List<Problem> list() {
    return List.copyOf(problems);
  }

  /** How a found value reads in a message: strings quoted, null as "nothing". */
  public static String describe(Object value) {
    if (value == null) {
      return "nothing";
    }
    if (value instanceof String s) {
      return "'" + s + "'";
    }
    if (value instanceof java.util.List<?> list) {
      return list.isEmpty() ? "an empty list" : "a list";
    }
    if (value instanceof java.util.Map<?, ?> map) {
      return map.isEmpty() ? "an empty mapping" : "a mapping";
    }
    return String.valueOf(value);
  }
}
