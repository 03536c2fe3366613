package ouroboros.sim.scenario.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The schema of a population template's values. The loader takes {@code {draw: ...}} or {@code
 * {cycle: [...]}} in place of any value of a template, at any depth ({@code crawl: {weights: {draw:
 * {dirichlet: [1, 2]}}}}, {@code publish-to: {web: {cycle: [0.2, 0.8]}}}), so each value schema
 * becomes "this, or a population value", down through properties, list items and the definitions
 * they refer to. A referenced definition {@code X} gets a template copy {@code template-X}, written
 * once; the scenario's own definitions are left as they are.
 */
final class TemplateSchema {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String DEFS = "#/definitions/";
  private static final String VALUE = "population-value";

  /** The name of a definition's template copy is this, then the definition's name. */
  static final String PREFIX = "template-";

  /** Keywords whose value is one subschema of a value of the same place. */
  private static final List<String> SAME_PLACE = List.of("then", "else");

  /** Keywords whose value is a list of subschemas of a value of the same place. */
  private static final List<String> SAME_PLACE_LISTS = List.of("allOf", "anyOf", "oneOf");

  private final ObjectNode definitions;

  private TemplateSchema(ObjectNode definitions) {
    this.definitions = definitions;
  }

  /**
   * The schema of one template key whose fixed value has schema {@code fixed}: that schema made
   * template-wide, or a population value. Adds the template copies it refers to to {@code
   * definitions}.
   */
  static ObjectNode key(JsonNode fixed, ObjectNode definitions) {
    return new TemplateSchema(definitions).value(fixed);
  }

  /** A value: the template form of {@code schema}, or a population value; keeps a description. */
  private ObjectNode value(JsonNode schema) {
    ObjectNode out = F.objectNode();
    JsonNode described = schema;
    if (schema.has("$ref") && schema.get("$ref").asText().startsWith(DEFS)) {
      described = definitions.path(schema.get("$ref").asText().substring(DEFS.length()));
    }
    if (described.has("description")) {
      out.set("description", described.get("description"));
    }
    out.putArray("anyOf").add(body(schema)).addObject().put("$ref", DEFS + VALUE);
    return out;
  }

  /**
   * {@code schema} with every value below it made template-wide: a reference points at the
   * definition's template copy; properties, list items and map values take population values.
   */
  private JsonNode body(JsonNode schema) {
    if (!schema.isObject()) {
      return schema;
    }
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      if (!ref.startsWith(DEFS) || ref.equals(DEFS + VALUE)) {
        return schema;
      }
      return F.objectNode().put("$ref", DEFS + copy(ref.substring(DEFS.length())));
    }
    ObjectNode out = ((ObjectNode) schema).deepCopy();
    for (Map.Entry<String, JsonNode> e : iterable(schema)) {
      String k = e.getKey();
      JsonNode v = e.getValue();
      if ((k.equals("properties") || k.equals("patternProperties")) && v.isObject()) {
        ObjectNode props = F.objectNode();
        for (Map.Entry<String, JsonNode> p : iterable(v)) {
          props.set(p.getKey(), value(p.getValue()));
        }
        out.set(k, props);
      } else if ((k.equals("items") || k.equals("additionalProperties")) && v.isObject()) {
        out.set(k, value(v));
      } else if (k.equals("items") && v.isArray()) {
        ArrayNode items = F.arrayNode();
        v.forEach(i -> items.add(value(i)));
        out.set(k, items);
      } else if (SAME_PLACE.contains(k)) {
        out.set(k, body(v));
      } else if (SAME_PLACE_LISTS.contains(k) && v.isArray()) {
        ArrayNode all = F.arrayNode();
        v.forEach(s -> all.add(body(s)));
        out.set(k, all);
      }
    }
    return out;
  }

  /** The name of the template copy of definition {@code name}, written on first use. */
  private String copy(String name) {
    String copy = PREFIX + name;
    if (!definitions.has(copy)) {
      JsonNode original = definitions.get(name);
      if (original == null) {
        throw new IllegalStateException("the schema refers to no definition " + name);
      }
      definitions.set(copy, F.objectNode()); // holds the place against recursion
      definitions.set(copy, body(original));
    }
    return copy;
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    return node::fields;
  }
}
