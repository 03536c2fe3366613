package ouroboros.agents.spec;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link Key} declarations' own rules, for any record that declares keys: a key's name (its
 * component's name in kebab case) and its bounds, checked in one place so that no plugin writes a
 * bound a second time in code.
 */
public final class Keys {
  private Keys() {}

  /** Names already turned into kebab case: record component names, a small, fixed set. */
  private static final Map<String, String> KEBAB = new ConcurrentHashMap<>();

  /**
   * A record component's key: its name in kebab case. Memoised: loading a scenario asks for the
   * same few hundred component names once per key of every agent.
   */
  public static String kebab(String name) {
    return KEBAB.computeIfAbsent(name, Keys::toKebab);
  }

  /** camelCase to kebab-case, one character at a time. */
  private static String toKebab(String name) {
    StringBuilder b = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        b.append('-').append((char) (c - 'A' + 'a'));
      } else {
        b.append(c);
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  /**
   * Adds a problem at {@code at/KEY} for each of the given keys (kebab names; none: every key)
   * whose number breaks its declared bounds, saying what {@link Key#expect()} says, or the generic
   * wording: "a whole number of at least 1", "a probability in [0, 1]", "a number greater than 0".
   * Infinite numbers break every bound.
   */
  public static void checkBounds(Problems p, String at, Record record, String... keys) {
    List<String> only = List.of(keys);
    RecordShape shape = RecordShape.of(record.getClass());
    for (int i = 0; i < shape.size(); i++) {
      String key = shape.key(i);
      Key k = shape.declared(i);
      if (k == null
          || (!only.isEmpty() && !only.contains(key))
          || !(shape.get(i, record) instanceof Number n)) {
        continue;
      }
      if (!within(k, n)) {
        boolean above = !k.expectMax().isEmpty() && n.doubleValue() > k.max();
        p.add(
            at + "/" + key,
            n,
            above ? k.expectMax() : k.expect().isEmpty() ? expected(k, n) : k.expect());
      }
    }
  }

  /** Whether a number keeps a key's declared bounds. */
  static boolean within(Key k, Number n) {
    double v = n.doubleValue();
    boolean bounded =
        !Double.isNaN(k.min())
            || !Double.isNaN(k.max())
            || !Double.isNaN(k.exclusiveMin())
            || !Double.isNaN(k.exclusiveMax());
    if (!bounded) {
      return true;
    }
    return !Double.isNaN(v)
        && !Double.isInfinite(v)
        && (Double.isNaN(k.min()) || v >= k.min())
        && (Double.isNaN(k.max()) || v <= k.max())
        && (Double.isNaN(k.exclusiveMin()) || v > k.exclusiveMin())
        && (Double.isNaN(k.exclusiveMax()) || v < k.exclusiveMax());
  }

  /** The generic wording of a key's bounds. */
  private static String expected(Key k, Number n) {
    boolean whole = n instanceof Integer || n instanceof Long;
    if (k.min() == 0 && k.max() == 1) {
      return "a probability in [0, 1]";
    }
    String what = whole ? "a whole number" : "a number";
    if (!Double.isNaN(k.min()) && Double.isNaN(k.max())) {
      return what + " of at least " + format(k.min());
    }
    if (!Double.isNaN(k.exclusiveMin()) && Double.isNaN(k.max())) {
      return what + " greater than " + format(k.exclusiveMin());
    }
    return what
        + " in "
        + (Double.isNaN(k.exclusiveMin()) ? "[" + format(k.min()) : "(" + format(k.exclusiveMin()))
        + ", "
        + (Double.isNaN(k.exclusiveMax()) ? format(k.max()) + "]" : format(k.exclusiveMax()) + ")");
  }

  private static String format(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
