package ouroboros.agents.spec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The facts of one mapping of a scenario file, stated once on the record that binds it: its name in
 * the schema, its doc, and the rules that tie its keys together. Its keys are the record's
 * components, each described by a {@link Key}. A plugin's record (a domain, a stage) is named by
 * its registry entry instead, and {@link #tag()} documents its {@code type} or {@code stage}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Spec {
  /** The schema definition's name, such as {@code model}; empty for a plugin's record. */
  String name() default "";

  /** What the mapping is. */
  String doc();

  /** A plugin's record: the doc of its {@code type} (or {@code stage}) value. */
  String tag() default "";

  /** Rules across keys (JSON Schema keywords such as allOf, oneOf, not), as a JSON object. */
  String rules() default "";

  /** A shape that is not a record (a mix of sites, a retention): its whole schema, as JSON. */
  String schema() default "";
}
