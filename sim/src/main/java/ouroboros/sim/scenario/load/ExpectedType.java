package ouroboros.sim.scenario.load;

import java.util.List;
import java.util.Map;

/** How the type a value was to be bound to reads in a message's "expected" part. */
final class ExpectedType {
  private ExpectedType() {}

  /** " from MIN to MAX" for a whole-number type, else "". */
  static String range(Class<?> type) {
    if (type == Integer.class || type == int.class) {
      return " from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
    }
    if (type == Long.class || type == long.class) {
      return " from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
    }
    return "";
  }

  /** How a target type reads in a message. */
  static String of(Class<?> type) {
    if (type == null) {
      return "a value of another type";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == String.class) {
      return "a text value";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (type.isRecord() || Map.class.isAssignableFrom(type) || type.isInterface()) {
      return "a mapping";
    }
    return "a value of type " + type.getSimpleName();
  }

  /**
   * What a binding of {@code value} to {@code type} expects: for a base-60 text bound to a number,
   * that number written without ':'; otherwise the type's name ({@link #of}).
   */
  static String instead(Object value, Class<?> type) {
    boolean whole = type == Integer.class || type == int.class || type == Long.class;
    boolean number = whole || type == long.class || type == Double.class || type == double.class;
    if (number && value instanceof String text && Sexagesimal.is(text)) {
      return Sexagesimal.expected(text, whole || type == long.class);
    }
    return of(type);
  }
}
