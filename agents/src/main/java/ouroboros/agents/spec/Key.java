package ouroboros.agents.spec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The facts of one scenario key, stated once on the record component that binds it: its one line of
 * doc, its bounds, its default and its names. The JSON Schema (the simulator's {@code
 * SchemaGenerator}), the reference tables in the docs ({@code KeyTables}), the bound checks ({@link
 * Keys#checkBounds}) and the defaults ({@code Declared.withDefaults}) all read it. The key's name
 * is the component's name in kebab case; its JSON type follows from the Java type.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Key {
  /** One line of doc (more than one sentence is fine; it is the schema's description). */
  String doc() default "";

  /** The default, as JSON text ({@code 1.0}, {@code "none"}); empty for none. */
  String def() default "";

  /** The least value allowed, inclusive. */
  double min() default Double.NaN;

  /** The greatest value allowed, inclusive. */
  double max() default Double.NaN;

  /** A bound the value must stay above. */
  double exclusiveMin() default Double.NaN;

  /** A bound the value must stay below. */
  double exclusiveMax() default Double.NaN;

  /**
   * What the validator says it expected when a bound fails, such as "a temperature greater than 0";
   * empty for the generic wording ("a whole number of at least 1", "a probability in [0, 1]").
   */
  String expect() default "";

  /**
   * What the validator says it expected when the value is above {@link #max()}; empty for {@link
   * #expect()}.
   */
  String expectMax() default "";

  /** Whether the key must be given. */
  boolean required() default false;

  /** A regular expression a string value must match somewhere. */
  String pattern() default "";

  /**
   * The allowed values of a string key: an enum (its constants in kebab case) or a registry class
   * with a static {@code names()} method.
   */
  Class<?> names() default None.class;

  /** Lists: the fewest entries (-1: no bound). */
  int minItems() default -1;

  /** Lists: the most entries (-1: no bound). */
  int maxItems() default -1;

  /** Lists: whether entries must differ. */
  boolean uniqueItems() default false;

  /** Lists: the schema of one entry as JSON, when its Java type says too little. */
  String items() default "";

  /** A shape declared elsewhere (a {@link Spec} type) that the key's value takes. */
  Class<?> shape() default Void.class;

  /** A JSON Pointer into the schema this key shares its whole schema with, such as a model key. */
  String ref() default "";

  /** More schema keywords, as a JSON object, merged into the key's schema. */
  String schema() default "";

  /** The default of {@link #names()}: no names. */
  enum None {}
}
