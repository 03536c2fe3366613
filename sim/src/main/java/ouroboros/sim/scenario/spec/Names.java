package ouroboros.sim.scenario.spec;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The scenario names of a set of values: an enum's constants in kebab case ({@code FIT_TRUTH} is
 * {@code fit-truth}), or a registry's {@code names()}. What {@link Key#names()} points at.
 */
public final class Names {
  /** An upper-case letter, which starts a word of a camel-case name. */
  private static final java.util.regex.Pattern UPPER = java.util.regex.Pattern.compile("([A-Z])");

  /** Kebab names by component name: few names, looked up once per key of every agent. */
  private static final java.util.Map<String, String> KEBAB =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Names() {}

  /** A record component's key: its name in kebab case. */
  public static String kebab(String name) {
    return KEBAB.computeIfAbsent(
        name, n -> UPPER.matcher(n).replaceAll("-$1").toLowerCase(Locale.ROOT));
  }

  /** The kebab name of an enum constant. */
  public static String of(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The names of an enum's constants, in declared order, or a registry class's names(). */
  public static List<String> of(Class<?> source) {
    if (source.isEnum()) {
      return Arrays.stream(source.getEnumConstants()).map(e -> of((Enum<?>) e)).toList();
    }
    try {
      @SuppressWarnings("unchecked")
      List<String> names = (List<String>) source.getDeclaredMethod("names").invoke(null);
      return names;
    } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(source + " has no static names()", e);
    }
  }

  /** The constant with the given kebab name; call on a validated value. */
  public static <E extends Enum<E>> E parse(Class<E> type, String name) {
    for (E e : type.getEnumConstants()) {
      if (of(e).equals(name)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        "unknown " + type.getSimpleName() + " '" + name + "'; known: " + of(type));
  }
}
