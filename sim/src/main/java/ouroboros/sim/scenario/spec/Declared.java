package ouroboros.sim.scenario.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.util.function.Predicate;
import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Keys;
import ouroboros.agents.spec.Problems;
import ouroboros.agents.spec.RecordShape;
import ouroboros.sim.scenario.load.Yaml;

/**
 * Reads the {@link Key} declarations of the spec records at run time: the defaults (filled in one
 * place, {@link #withDefaults}) and the bounds (checked in one place, {@link #checkBounds}), so
 * that neither is written a second time in code.
 */
public final class Declared {
  private static final ObjectMapper MAPPER = Yaml.json();

  /** Parsed defaults by type and JSON text: the value when immutable, else its tree. */
  private static final java.util.Map<String, Object> DEFAULTS =
      new java.util.concurrent.ConcurrentHashMap<>();

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
    RecordShape shape = RecordShape.of(record.getClass());
    Object[] args = new Object[shape.size()];
    boolean changed = false;
    for (int i = 0; i < args.length; i++) {
      args[i] = shape.get(i, record);
      Key k = shape.declared(i);
      if (args[i] == null && k != null && !k.def().isEmpty() && applies.test(shape.key(i))) {
        args[i] = value(shape.component(i), k.def());
        changed = true;
      }
    }
    if (!changed) {
      return record;
    }
    try {
      return shape.construct(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot copy " + record.getClass().getSimpleName(), e);
    }
  }

  /** A record class's keys (kebab names), in component order: the keys of {@link #values}. */
  public static java.util.List<String> keys(Class<? extends Record> type) {
    RecordShape shape = RecordShape.of(type);
    java.util.List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < shape.size(); i++) {
      out.add(shape.key(i));
    }
    return java.util.List.copyOf(out);
  }

  /** A record's values by key (kebab name), in component order; absent keys are null. */
  public static java.util.Map<String, Object> values(Record record) {
    java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
    RecordShape shape = RecordShape.of(record.getClass());
    for (int i = 0; i < shape.size(); i++) {
      out.put(shape.key(i), shape.get(i, record));
    }
    return out;
  }

  /**
   * A record of {@code type} whose every key takes its value from {@code values} (by kebab name; a
   * key not there is null): how a record is copied with some keys changed, or built from another
   * record's keys, without listing its components.
   */
  public static <R extends Record> R build(Class<R> type, java.util.Map<String, ?> values) {
    RecordShape shape = RecordShape.of(type);
    Object[] args = new Object[shape.size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = values.get(shape.key(i));
    }
    try {
      return shape.construct(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
    }
  }

  /**
   * Adds a problem at {@code at/KEY} for each of the given keys (kebab names; none: every key)
   * whose number breaks its declared bounds ({@link Keys#checkBounds}).
   */
  public static void checkBounds(Problems p, String at, Record record, String... keys) {
    Keys.checkBounds(p, at, record, keys);
  }

  private static RecordComponent component(Class<?> type, String key) {
    RecordShape shape = RecordShape.of(type);
    int i = shape.indexOfKey(key);
    if (i >= 0) {
      return shape.component(i);
    }
    throw new IllegalArgumentException(type.getSimpleName() + " has no key '" + key + "'");
  }

  /**
   * A default's JSON text as the component's type. A default that is a number, a string, a boolean
   * or an enum constant is parsed once and shared (it is immutable); any other is converted anew
   * from its cached tree, so that no two records share a mutable value.
   */
  private static Object value(RecordComponent c, String json) {
    String key = c.getGenericType().getTypeName() + "\u0000" + json;
    Object cached = DEFAULTS.get(key);
    if (cached != null && !(cached instanceof JsonNode)) {
      return cached;
    }
    try {
      JsonNode tree = cached != null ? (JsonNode) cached : MAPPER.readTree(json);
      Object v =
          MAPPER.convertValue(tree, MAPPER.getTypeFactory().constructType(c.getGenericType()));
      boolean immutable =
          v instanceof Number || v instanceof String || v instanceof Boolean || v instanceof Enum;
      if (cached == null) {
        DEFAULTS.putIfAbsent(key, immutable ? v : tree);
      }
      return v;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("bad default of " + c + ": " + json, e);
    }
  }
}
