package ouroboros.sim.scenario.load;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import ouroboros.agents.spec.Key;
import ouroboros.sim.scenario.spec.EventSpec;

/** How the type a value was to be bound to reads in a message's "expected" part. */
final class ExpectedType {
  private ExpectedType() {}

  /**
   * " from MIN to MAX" for a whole-number type, else "": the type's range narrowed by the key's
   * declared bounds (null: none), so that {@code ticks: 3000000000} reads "from 1 to 2147483647",
   * not from the type's least value.
   */
  static String range(Class<?> type, Key key) {
    long[] b = bounds(type, key);
    return b == null ? "" : " from " + b[0] + " to " + b[1];
  }

  /** {@link #range}'s least and greatest values, or null for a type that is not whole. */
  static long[] bounds(Class<?> type, Key key) {
    double lo;
    double hi;
    if (type == Integer.class || type == int.class) {
      lo = Integer.MIN_VALUE;
      hi = Integer.MAX_VALUE;
    } else if (type == Long.class || type == long.class) {
      lo = Long.MIN_VALUE;
      hi = Long.MAX_VALUE;
    } else {
      return null;
    }
    if (key != null) {
      if (!Double.isNaN(key.min())) {
        lo = Math.max(lo, Math.ceil(key.min()));
      }
      if (!Double.isNaN(key.exclusiveMin())) {
        lo = Math.max(lo, Math.floor(key.exclusiveMin()) + 1);
      }
      if (!Double.isNaN(key.max())) {
        hi = Math.min(hi, Math.floor(key.max()));
      }
      if (!Double.isNaN(key.exclusiveMax())) {
        hi = Math.min(hi, Math.ceil(key.exclusiveMax()) - 1);
      }
    }
    return new long[] {(long) lo, (long) hi};
  }

  /**
   * What a whole-number {@code type} expects of a decimal {@code d} written for it ({@code 1e3}):
   * the type and the key's range, and, for a whole value inside it, that value written without a
   * decimal point or exponent ({@code ticks: 1e10} suggests nothing the key refuses).
   */
  static String wholeFor(double d, Class<?> type, Key key) {
    long[] b = bounds(type, key);
    boolean suggest = d == Math.rint(d) && b != null && d >= b[0] && d <= b[1];
    return of(type)
        + range(type, key)
        + (suggest ? " written without a decimal point or exponent, such as " + (long) d : "");
  }

  /**
   * What a timeline event's tick expects, when a binding failed at one (the last of Jackson's
   * {@code refs}): a tick of the run, whose {@code ticks} the document's {@code tree} gives (null:
   * none), not the range of a Java int; null for any other value.
   */
  static String eventTick(List<JsonMappingException.Reference> refs, JsonNode tree) {
    if (refs.isEmpty()) {
      return null;
    }
    var r = refs.get(refs.size() - 1);
    Object from = r.getFrom();
    Class<?> type = from instanceof Class<?> c ? c : from == null ? null : from.getClass();
    return type == EventSpec.class && "tick".equals(r.getFieldName())
        ? EventSpec.expectedTick(ticks(tree))
        : null;
  }

  /**
   * What a timeline event's tick expects of a decimal {@code d} written for it ({@link
   * #eventTick}), and, for a whole tick inside the run, that tick without a decimal point or
   * exponent.
   */
  static String tickFor(double d, JsonNode tree) {
    Integer ticks = ticks(tree);
    boolean suggest =
        d == Math.rint(d)
            && d >= 0
            && d < (ticks != null && ticks >= 1 ? ticks : Integer.MAX_VALUE);
    return EventSpec.expectedTick(ticks)
        + (suggest ? ", written without a decimal point or exponent, such as " + (long) d : "");
  }

  /**
   * {@code tick} ({@link #eventTick}) when there is one and the {@code value} found is no base-60
   * text (whose own wording {@code otherwise} is), else {@code otherwise}.
   */
  static String or(String tick, Object value, String otherwise) {
    boolean base60 = value instanceof String text && Sexagesimal.is(text);
    return tick != null && !base60 ? tick : otherwise;
  }

  /** The whole number of ticks a document's tree gives, or null for none. */
  private static Integer ticks(JsonNode tree) {
    return tree != null && tree.path("ticks").isInt() ? tree.path("ticks").intValue() : null;
  }

  /**
   * The declared facts ({@link Key}) of the record component a binding failed at, the last of
   * Jackson's {@code refs}; null when the value is not a record's component or it declares none.
   */
  static Key keyAt(List<com.fasterxml.jackson.databind.JsonMappingException.Reference> refs) {
    if (refs.isEmpty()) {
      return null;
    }
    var r = refs.get(refs.size() - 1);
    Object from = r.getFrom();
    Class<?> type = from instanceof Class<?> c ? c : from == null ? null : from.getClass();
    if (type == null || !type.isRecord() || r.getFieldName() == null) {
      return null;
    }
    ouroboros.agents.spec.RecordShape shape = ouroboros.agents.spec.RecordShape.of(type);
    int i = shape.indexOfKey(r.getFieldName());
    return i < 0 ? null : shape.declared(i);
  }

  /** Whether {@code type} takes whole numbers only. */
  static boolean whole(Class<?> type) {
    return type == Integer.class || type == int.class || type == Long.class || type == long.class;
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
