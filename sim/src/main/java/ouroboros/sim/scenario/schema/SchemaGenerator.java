package ouroboros.sim.scenario.schema;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import ouroboros.agents.domain.DomainSpec;
import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Spec;
import ouroboros.sim.scenario.Plugins;
import ouroboros.sim.scenario.crawl.CrawlSpec;
import ouroboros.sim.scenario.spec.Names;
import ouroboros.sim.scenario.spec.Scenario;
import ouroboros.sim.scenario.stage.StageSpec;

/**
 * Writes {@code scenarios/scenario.schema.json} from the declarations: the records bound from a
 * scenario file (their {@link Spec} and {@link Key} annotations) and the registry in {@link
 * Plugins}. The file is checked in, for editors; a test fails when it is stale. Run {@code java -cp
 * ouroboros-sim.jar ouroboros.sim.scenario.schema.SchemaGenerator FILE} to rewrite it.
 */
public final class SchemaGenerator {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEFS = "#/definitions/";

  private final ObjectNode definitions = F.objectNode();

  private SchemaGenerator() {}

  /** The scenario schema. */
  public static ObjectNode generate() {
    return new SchemaGenerator().root();
  }

  /** The schema as the text of the checked-in file. */
  public static String text() {
    try {
      DefaultIndenter indent = new DefaultIndenter("  ", "\n");
      DefaultPrettyPrinter printer =
          new DefaultPrettyPrinter() {
            private static final long serialVersionUID = 1L;

            @Override
            public DefaultPrettyPrinter createInstance() {
              return this;
            }

            @Override
            public void writeObjectFieldValueSeparator(JsonGenerator g) throws java.io.IOException {
              g.writeRaw(": ");
            }
          };
      printer.indentArraysWith(indent);
      printer.indentObjectsWith(indent);
      return JSON.writer(printer).writeValueAsString(generate()) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the schema", e);
    }
  }

  /** Writes the schema to the file given, or prints it. */
  public static void main(String[] args) throws java.io.IOException {
    if (args.length == 0) {
      System.out.print(text());
    } else {
      java.nio.file.Files.writeString(java.nio.file.Path.of(args[0]), text());
    }
  }

  private ObjectNode root() {
    ObjectNode root = F.objectNode();
    root.put("$schema", "http://json-schema.org/draft-07/schema#");
    root.put("title", "Ouroboros scenario");
    root.setAll(object(Scenario.class, null, null));
    ArrayNode rules = root.putArray("allOf");
    boolean first = true;
    for (var e : Plugins.domains().entrySet()) {
      ObjectNode rule = rules.addObject();
      if (first) {
        rule.put(
            "$comment",
            "One entry per domain type: the shape of 'domain', and the sampling "
                + "and estimator keys the domain uses.");
        first = false;
      }
      ObjectNode cond = rule.putObject("if");
      cond.putArray("required").add("domain");
      ObjectNode domain = cond.putObject("properties").putObject("domain");
      domain.putArray("required").add("type");
      domain.putObject("properties").putObject("type").put("const", e.getKey());
      ObjectNode then = rule.putObject("then").putObject("properties");
      then.putObject("domain").put("$ref", DEFS + "domain-" + e.getKey());
      DomainSpec blank = blank(e.getValue());
      ObjectNode model = then.putObject("models").putObject("items").putObject("properties");
      allowedKeys(model.putObject("sampling"), blank.samplingKeys());
      allowedKeys(model.putObject("estimator"), blank.estimatorKeys());
    }
    plugins(DomainSpec.class, "type", "domain-", Plugins.domains(), false);
    plugins(StageSpec.class, "stage", "stage-", Plugins.stages(), true);
    populations();
    root.set("definitions", definitions);
    return root;
  }

  /** Only these property names; none at all (an empty enum is not valid JSON Schema) if empty. */
  private static void allowedKeys(ObjectNode object, List<String> keys) {
    if (keys.isEmpty()) {
      object.put("maxProperties", 0);
    } else {
      object.putObject("propertyNames").set("enum", strings(keys));
    }
  }

  /**
   * The definitions of a {@code populations:} entry: its fixed part from the resource beside {@code
   * Population}, and a template that takes every key of its kind (model, human, site) but {@code
   * id} and {@code population}, each fixed or a {@code population-value}, and so on down through
   * the key's own keys and list items ({@link TemplateSchema}).
   */
  private void populations() {
    JsonNode fixed;
    try (var in =
        ouroboros.sim.scenario.population.Population.class.getResourceAsStream(
            "population-schema.json")) {
      fixed = JSON.readTree(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    ObjectNode entry = fixed.get("population-entry").deepCopy();
    ObjectNode template = (ObjectNode) entry.get("properties").get("template");
    ObjectNode keys = F.objectNode();
    ArrayNode rules = F.arrayNode();
    for (String kind : List.of("model", "human", "site")) {
      ArrayNode names = F.arrayNode();
      definitions
          .get(kind)
          .get("properties")
          .fields()
          .forEachRemaining(
              p -> {
                if (p.getKey().equals("id") || p.getKey().equals("population")) {
                  return;
                }
                names.add(p.getKey());
                if (!keys.has(p.getKey())) {
                  keys.set(p.getKey(), TemplateSchema.key(p.getValue(), definitions));
                }
              });
      ObjectNode rule = rules.addObject();
      ObjectNode cond = rule.putObject("if");
      cond.putObject("properties").putObject("kind").put("const", kind);
      cond.putArray("required").add("kind");
      rule.putObject("then")
          .putObject("properties")
          .putObject("template")
          .putObject("propertyNames")
          .set("enum", names);
    }
    ObjectNode ordered = F.objectNode();
    template
        .fields()
        .forEachRemaining(
            f -> {
              ordered.set(f.getKey(), f.getValue());
              if (f.getKey().equals("type")) {
                ordered.set("properties", keys);
              }
            });
    ((ObjectNode) entry.get("properties")).set("template", ordered);
    entry.set("allOf", rules);
    definitions.set("population-entry", entry);
    definitions.set("population-value", fixed.get("population-value"));
  }

  /** The definition of a plugin kind and of each plugin, keyed by the discriminator. */
  private void plugins(
      Class<?> kind,
      String tag,
      String prefix,
      Map<String, ? extends Class<?>> registry,
      boolean rules) {
    Spec spec = kind.getAnnotation(Spec.class);
    ObjectNode def = F.objectNode();
    def.put("description", spec.doc());
    def.put("type", "object");
    def.putArray("required").add(tag);
    ObjectNode t = def.putObject("properties").putObject(tag);
    t.put("description", spec.tag());
    t.set("enum", strings(List.copyOf(registry.keySet())));
    definitions.set(spec.name(), def);
    ArrayNode all = rules ? def.putArray("allOf") : null;
    for (var e : registry.entrySet()) {
      definitions.set(prefix + e.getKey(), object(e.getValue(), tag, e.getKey()));
      if (all != null) {
        ObjectNode rule = all.addObject();
        rule.putObject("if").putObject("properties").putObject(tag).put("const", e.getKey());
        rule.putObject("then").put("$ref", DEFS + prefix + e.getKey());
      }
    }
  }

  /** The schema of a record's mapping; a plugin's record also gets its tag key. */
  private ObjectNode object(Class<?> type, String tag, String name) {
    Spec spec = type.getAnnotation(Spec.class);
    if (spec == null) {
      throw new IllegalStateException(type + " has no @Spec");
    }
    ObjectNode o = F.objectNode();
    o.put("description", spec.doc());
    o.put("type", "object");
    o.put("additionalProperties", false);
    ArrayNode required = o.putArray("required");
    ObjectNode props = o.putObject("properties");
    if (tag != null) {
      required.add(tag);
      props.putObject(tag).put("description", spec.tag()).put("const", name);
    }
    for (RecordComponent c : CrawlSchema.components(type)) {
      String key = Names.kebab(c.getName());
      Key k = c.getAnnotation(Key.class);
      if (k != null && k.required() && c.getDeclaringRecord() == type) {
        required.add(key);
      }
      props.set(key, property(c, k));
    }
    if (required.isEmpty()) {
      o.remove("required");
    }
    if (type == CrawlSpec.class) {
      o.set("allOf", CrawlSchema.rules());
    }
    merge(o, spec.rules());
    return o;
  }

  /** The schema of one key. */
  private ObjectNode property(RecordComponent c, Key k) {
    if (k != null && !k.ref().isEmpty()) {
      return F.objectNode().put("$ref", k.ref());
    }
    if (k != null && k.shape() != Void.class) {
      return ref(k.shape());
    }
    ObjectNode p = type(c.getGenericType(), k);
    if (k == null || p.has("$ref")) {
      return p;
    }
    ObjectNode out = F.objectNode();
    if (!k.doc().isEmpty()) {
      out.put("description", k.doc());
    }
    out.setAll(p);
    if (k.names() != Key.None.class) {
      out.remove("type");
      out.set("enum", strings(Names.of(k.names())));
    }
    if (!k.pattern().isEmpty()) {
      out.put("pattern", k.pattern());
    }
    number(out, "minimum", k.min());
    number(out, "exclusiveMinimum", k.exclusiveMin());
    number(out, "maximum", k.max());
    number(out, "exclusiveMaximum", k.exclusiveMax());
    if (k.minItems() >= 0) {
      out.put("minItems", k.minItems());
    }
    if (k.maxItems() >= 0) {
      out.put("maxItems", k.maxItems());
    }
    if (k.uniqueItems()) {
      out.put("uniqueItems", true);
    }
    if (!k.items().isEmpty()) {
      out.set("items", parse(k.items()));
    }
    if (!k.def().isEmpty()) {
      out.set("default", parse(k.def()));
    }
    merge(out, k.schema());
    return out;
  }

  /** The schema a Java type gives: a JSON type, or a reference to a record's definition. */
  private ObjectNode type(Type t, Key k) {
    Class<?> raw = t instanceof ParameterizedType pt ? (Class<?>) pt.getRawType() : (Class<?>) t;
    if (raw == String.class) {
      return F.objectNode().put("type", "string");
    } else if (raw == Integer.class || raw == Long.class || raw == int.class) {
      return F.objectNode().put("type", "integer");
    } else if (raw == Double.class || raw == double.class) {
      return F.objectNode().put("type", "number");
    } else if (raw == Boolean.class) {
      return F.objectNode().put("type", "boolean");
    } else if (raw == List.class) {
      ObjectNode a = F.objectNode().put("type", "array");
      if (k == null || k.items().isEmpty()) {
        Type item = ((ParameterizedType) t).getActualTypeArguments()[0];
        a.set("items", type(item, null));
      }
      return a;
    } else if (raw == JsonNode.class || raw == Object.class) {
      return F.objectNode(); // any value
    } else if (raw == Map.class) {
      return F.objectNode().put("type", "object");
    } else if (raw.isAnnotationPresent(Spec.class)) {
      return ref(raw);
    }
    throw new IllegalStateException("no schema for the Java type " + t);
  }

  /** A reference to the definition of a {@link Spec} type, written on first use. */
  private ObjectNode ref(Class<?> type) {
    Spec spec = type.getAnnotation(Spec.class);
    if (!definitions.has(spec.name()) && type != DomainSpec.class && type != StageSpec.class) {
      if (!spec.schema().isEmpty()) {
        ObjectNode d = F.objectNode().put("description", spec.doc());
        merge(d, spec.schema());
        definitions.set(spec.name(), d);
      } else {
        definitions.set(spec.name(), F.objectNode()); // holds the place against recursion
        definitions.set(spec.name(), object(type, null, null));
      }
    }
    return F.objectNode().put("$ref", DEFS + spec.name());
  }

  private static void number(ObjectNode o, String keyword, double v) {
    if (Double.isNaN(v)) {
      return;
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      o.put(keyword, (long) v);
    } else {
      o.put(keyword, v);
    }
  }

  private static void merge(ObjectNode into, String json) {
    if (!json.isBlank()) {
      into.setAll((ObjectNode) parse(json));
    }
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("bad JSON in a scenario declaration: " + json, e);
    }
  }

  static ArrayNode strings(List<String> values) {
    ArrayNode a = F.arrayNode();
    values.forEach(a::add);
    return a;
  }

  /** A domain record with every component null, to ask for the keys it uses. */
  static DomainSpec blank(Class<? extends DomainSpec> spec) {
    RecordComponent[] components = spec.getRecordComponents();
    Class<?>[] types =
        java.util.Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    try {
      return spec.getDeclaredConstructor(types).newInstance(new Object[types.length]);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build a blank " + spec.getSimpleName(), e);
    }
  }
}
