package ouroboros.sim.scenario.compile;

import java.lang.reflect.RecordComponent;
import java.util.Map;
import ouroboros.agents.spec.RecordShape;
import ouroboros.sim.scenario.spec.Names;

/**
 * Compiles a resolved spec record into an engine settings record by component name: each setting
 * takes the value the compiler worked out for it, or else the spec's key of the same name, as it is
 * (a number unboxed, a name parsed to its enum constant). So a key whose setting is a plain copy of
 * it is written in the spec, the settings and the code that reads it, and nowhere else.
 */
final class ByName {
  private ByName() {}

  /**
   * A {@code type} record whose components take their values from {@code compiled} (by component
   * name) or else from the same-named component of {@code spec}.
   */
  static <R extends Record> R compile(Class<R> type, Record spec, Map<String, ?> compiled) {
    RecordShape shape = RecordShape.of(type);
    Object[] args = new Object[shape.size()];
    for (int i = 0; i < args.length; i++) {
      String name = shape.component(i).getName();
      args[i] =
          compiled.containsKey(name)
              ? compiled.get(name)
              : convert(shape.component(i), specValue(spec, name, type));
    }
    try {
      return shape.construct(args);
    } catch (java.lang.reflect.InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
    }
  }

  /** The value of the spec's component {@code name}; a setting with no such key is a bug. */
  private static Object specValue(Record spec, String name, Class<?> type) {
    RecordShape shape = RecordShape.of(spec.getClass());
    int i = shape.indexOfName(name);
    if (i >= 0) {
      return shape.get(i, spec);
    }
    throw new IllegalStateException(
        type.getSimpleName()
            + "."
            + name
            + " is neither compiled nor a key of "
            + spec.getClass().getSimpleName());
  }

  /** A spec value as the setting's type: enums from their kebab names, numbers unboxed. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object convert(RecordComponent c, Object value) {
    Class<?> t = c.getType();
    if (value == null && t.isPrimitive()) {
      throw new IllegalStateException(c + " has no value: declare a default for its key");
    }
    if (t.isEnum() && value instanceof String s) {
      return Names.parse((Class) t, s);
    }
    if (value instanceof Number n) {
      if (t == int.class || t == Integer.class) {
        return n.intValue();
      }
      if (t == long.class || t == Long.class) {
        return n.longValue();
      }
      if (t == double.class || t == Double.class) {
        return n.doubleValue();
      }
    }
    return value;
  }
}
