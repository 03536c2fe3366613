package ouroboros.sim.scenario.path;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import ouroboros.sim.scenario.load.Yaml;

/**
 * The scenario's JSON Schema ({@code scenarios/scenario.schema.json}, carried in the jar), read to
 * tell which keys a {@link ScenarioPath} may name (in a sweep, a timeline {@code set} or a {@code
 * --set} override): the schema lists every key a scenario may hold, including the optional keys a
 * base scenario leaves out, so a path into an absent optional key is accepted while a misspelt one
 * is not. This is not a validator: values are checked by the scenario loader. It understands what
 * the schema uses to say which keys exist: {@code properties}, {@code items}, {@code $ref}, {@code
 * allOf}, {@code anyOf}, {@code oneOf}, {@code propertyNames} with an {@code enum}, and {@code
 * if}/{@code then}/ {@code else} whose {@code if} tests {@code required}, {@code properties},
 * {@code const} and {@code enum} (how the domain's type picks the domain's keys).
 */
public final class ScenarioSchema {
  /** Where the schema sits on the class path. */
  public static final String RESOURCE = "/ouroboros/sim/scenario/scenario.schema.json";

  private static volatile ScenarioSchema shared;

  private final JsonNode root;

  private ScenarioSchema(JsonNode root) {
    this.root = root;
  }

  /** The schema the jar carries, read once. */
  public static ScenarioSchema shared() {
    ScenarioSchema s = shared;
    if (s == null) {
      s = load();
      shared = s;
    }
    return s;
  }

  /** The schema the jar carries, read anew. */
  public static ScenarioSchema load() {
    try (InputStream in = ScenarioSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the jar has no " + RESOURCE);
      }
      return new ScenarioSchema(Yaml.json().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** A schema given as a tree. */
  public static ScenarioSchema of(JsonNode root) {
    return new ScenarioSchema(root);
  }

  /** The schemas of a whole scenario. */
  /**
   * The schema of a population template's drawn or cycled value ({@code {draw: ...}}, {@code
   * {cycle: [...]}}), for a path into one where the template's schema has only the fixed value's (a
   * list-valued key such as {@code crawl.weights}, whose schema has no keys).
   */
  List<JsonNode> populationValue() {
    return List.of(root.at("/definitions/population-value"));
  }

  List<JsonNode> top() {
    return List.of(root);
  }

  /** The keys a mapping described by {@code schemas} may hold, given the mapping itself. */
  Set<String> keys(List<JsonNode> schemas, JsonNode instance) {
    List<JsonNode> flat = flatten(schemas, instance);
    Set<String> keys = new TreeSet<>();
    for (JsonNode s : flat) {
      s.path("properties").fieldNames().forEachRemaining(keys::add);
    }
    for (JsonNode s : flat) {
      JsonNode allowed = s.path("propertyNames").path("enum");
      if (allowed.isArray()) {
        Set<String> names = new TreeSet<>();
        allowed.forEach(n -> names.add(n.asText()));
        keys.retainAll(names);
      }
    }
    return keys;
  }

  /** The schemas of the value at {@code key} in a mapping described by {@code schemas}. */
  List<JsonNode> property(List<JsonNode> schemas, JsonNode instance, String key) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode s : flatten(schemas, instance)) {
      JsonNode p = s.path("properties").get(key);
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }

  /** The schemas of the entries of a list described by {@code schemas}. */
  List<JsonNode> items(List<JsonNode> schemas, JsonNode instance) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode s : flatten(schemas, instance)) {
      if (s.path("items").isObject()) {
        out.add(s.get("items"));
      }
    }
    return out;
  }

  /** Whether {@code schemas} describe a mapping with keys. */
  boolean isMapping(List<JsonNode> schemas) {
    for (JsonNode s : flatten(schemas, null)) {
      if (s.has("properties") || "object".equals(s.path("type").asText())) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code schemas} describe a list. */
  boolean isList(List<JsonNode> schemas) {
    for (JsonNode s : flatten(schemas, null)) {
      if (s.has("items") || "array".equals(s.path("type").asText())) {
        return true;
      }
    }
    return false;
  }

  /** Every schema that applies to the instance: references followed, conditions decided. */
  private List<JsonNode> flatten(List<JsonNode> schemas, JsonNode instance) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode s : schemas) {
      flatten(s, instance, out, 0);
    }
    return out;
  }

  /** Adds {@code schema} and the sub-schemas that apply with it. */
  private void flatten(JsonNode schema, JsonNode instance, List<JsonNode> out, int depth) {
    if (depth > 32 || schema == null || !schema.isObject()) {
      return;
    }
    JsonNode s = resolve(schema);
    out.add(s);
    for (String combiner : new String[] {"allOf", "anyOf", "oneOf"}) {
      for (JsonNode sub : s.path(combiner)) {
        flatten(sub, instance, out, depth + 1);
      }
    }
    if (s.has("if")) {
      // With no instance to decide on, both branches may apply.
      boolean holds = instance == null || matches(resolve(s.get("if")), instance);
      if (instance == null || holds) {
        flatten(s.get("then"), instance, out, depth + 1);
      }
      if (instance == null || !holds) {
        flatten(s.get("else"), instance, out, depth + 1);
      }
    }
  }

  /** Follows {@code $ref}s to definitions of this schema. */
  private JsonNode resolve(JsonNode schema) {
    JsonNode s = schema;
    for (int i = 0; i < 32 && s.has("$ref"); i++) {
      String ref = s.get("$ref").asText();
      if (!ref.startsWith("#")) {
        throw new IllegalStateException("the scenario schema refers outside itself: " + ref);
      }
      s = root.at(ref.substring(1));
    }
    return s;
  }

  /** Whether an {@code if} schema holds for the instance, for the keywords conditions use. */
  private boolean matches(JsonNode schema, JsonNode instance) {
    if (schema.has("const") && !schema.get("const").equals(instance)) {
      return false;
    }
    if (schema.has("enum")) {
      boolean any = false;
      for (JsonNode v : schema.get("enum")) {
        any |= v.equals(instance);
      }
      if (!any) {
        return false;
      }
    }
    if (instance != null && instance.isObject()) {
      for (JsonNode required : schema.path("required")) {
        if (!instance.has(required.asText())) {
          return false;
        }
      }
      Iterator<String> names = schema.path("properties").fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (instance.has(name)
            && !matches(resolve(schema.get("properties").get(name)), instance.get(name))) {
          return false;
        }
      }
    }
    return true;
  }
}
