package ouroboros.sim.scenario.spec;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import ouroboros.sim.scenario.check.Problems;
import ouroboros.sim.scenario.load.Yaml;

/**
 * Reads the {@link Key} declarations of the spec records at run time: the defaults (filled in one
 * place, {@link #withDefaults}) and the bounds (checked in one place, {@link #checkBounds}), so
 * that neither is written a second time in code.
 */
public final class Declared {
  private static final ObjectMapper MAPPER = Yaml.json();

  private Declared() {}

  /** The declared default of a record's key (kebab name), as the component's Java type. */
  @SuppressWarnings("unchecked")
  public static <T> T def(Class<? extends Record> type, String key) {
    RecordComponent c = component(type, key);
    Key k = c.getAnnotation(Key.class);
    if (k == null || k.def().isEmpty()) {
      throw new IllegalArgumentException(type.getSimpleName() + "." + key + " has no default");
    }
    return (T) value(c, k.def());
  }

  /** The record with every absent key that has a declared default set to it. */
  public static <R extends Record> R withDefaults(R record) {
    return withDefaults(record, key -> true);
  }

  /**
   * The record with every absent key that has a declared default, and that {@code applies} accepts
   * (by kebab name), set to its default; other keys as they are.
   */
  @SuppressWarnings("unchecked")
  public static <R extends Record> R withDefaults(R record, Predicate<String> applies) {
    RecordComponent[] cs = components(record.getClass());
    Object[] args = new Object[cs.length];
    boolean changed = false;
    for (int i = 0; i < cs.length; i++) {
      args[i] = get(cs[i], record);
      Key k = cs[i].getAnnotation(Key.class);
      if (args[i] == null
          && k != null
          && !k.def().isEmpty()
          && applies.test(Names.kebab(cs[i].getName()))) {
        args[i] = value(cs[i], k.def());
        changed = true;
      }
    }
    if (!changed) {
      return record;
    }
    try {
      Constructor<?> ctor =
          record
              .getClass()
              .getDeclaredConstructor(
                  Arrays.stream(cs).map(RecordComponent::getType).toArray(Class<?>[]::new));
      ctor.setAccessible(true);
      return (R) ctor.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot copy " + record.getClass().getSimpleName(), e);
    }
  }

  /** A record's values by key (kebab name), in component order; absent keys are null. */
  public static java.util.Map<String, Object> values(Record record) {
    java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
    for (RecordComponent c : components(record.getClass())) {
      out.put(Names.kebab(c.getName()), get(c, record));
    }
    return out;
  }

  /**
   * A record of {@code type} whose every key takes its value from {@code values} (by kebab name; a
   * key not there is null): how a record is copied with some keys changed, or built from another
   * record's keys, without listing its components.
   */
  public static <R extends Record> R build(Class<R> type, java.util.Map<String, ?> values) {
    RecordComponent[] cs = components(type);
    Object[] args = new Object[cs.length];
    for (int i = 0; i < cs.length; i++) {
      args[i] = values.get(Names.kebab(cs[i].getName()));
    }
    try {
      Constructor<R> ctor =
          type.getDeclaredConstructor(
              Arrays.stream(cs).map(RecordComponent::getType).toArray(Class<?>[]::new));
      ctor.setAccessible(true);
      return ctor.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
    }
  }

  /**
   * Adds a problem at {@code at/KEY} for each of the given keys (kebab names; none: every key)
   * whose number breaks its declared bounds, saying what {@link Key#expect()} says, or the generic
   * wording: "a whole number of at least 1", "a probability in [0, 1]", "a number greater than 0".
   * Infinite numbers break every bound.
   */
  public static void checkBounds(Problems p, String at, Record record, String... keys) {
    List<String> only = List.of(keys);
    for (RecordComponent c : components(record.getClass())) {
      String key = Names.kebab(c.getName());
      Key k = c.getAnnotation(Key.class);
      if (k == null
          || (!only.isEmpty() && !only.contains(key))
          || !(get(c, record) instanceof Number n)) {
        continue;
      }
      if (!within(k, n)) {
        p.add(at + "/" + key, n, k.expect().isEmpty() ? expected(k, n) : k.expect());
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

  private static RecordComponent component(Class<?> type, String key) {
    for (RecordComponent c : components(type)) {
      if (Names.kebab(c.getName()).equals(key)) {
        return c;
      }
    }
    throw new IllegalArgumentException(type.getSimpleName() + " has no key '" + key + "'");
  }

  /** A record class's components, looked up once per class: every agent's spec reads them. */
  private static final ClassValue<RecordComponent[]> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
          return type.getRecordComponents();
        }
      };

  /** Defaults' JSON text, parsed once; each use converts the tree to a fresh value. */
  private static final java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> DEFAULTS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The components of a record class (shared: not to be changed). */
  private static RecordComponent[] components(Class<?> type) {
    return COMPONENTS.get(type);
  }

  private static Object get(RecordComponent c, Object record) {
    try {
      return c.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + c, e);
    }
  }

  /** A default's JSON text as the component's type. */
  private static Object value(RecordComponent c, String json) {
    try {
      com.fasterxml.jackson.databind.JsonNode tree = DEFAULTS.get(json);
      if (tree == null) {
        tree = MAPPER.readTree(json);
        DEFAULTS.put(json, tree);
      }
      return MAPPER.convertValue(tree, MAPPER.getTypeFactory().constructType(c.getGenericType()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("bad default of " + c + ": " + json, e);
    }
  }
}
