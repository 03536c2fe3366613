package ouroboros.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import ouroboros.agents.crawl.CrawlPolicies;
import ouroboros.agents.pipeline.Regime;
import ouroboros.sim.testing.Repo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps {@code scenarios/scenario.schema.json} honest. The schema is what editors use
 * (yaml-language-server) to complete and check scenario files; {@link ScenarioLoader} and
 * {@link ScenarioValidator} are what the simulator uses. These tests check that every example
 * scenario passes both and points its editor at the schema, that the schema's keys, enums and
 * defaults are the records', the registries' and {@link Defaults}' own, and that the schema
 * rejects bad documents that the loader rejects too.
 */
class ScenarioSchemaTest {
  private static final Pattern SCHEMA_COMMENT =
      Pattern.compile("# yaml-language-server: \\$schema=(\\S+)");
  private static final PropertyNamingStrategies.KebabCaseStrategy KEBAB =
      new PropertyNamingStrategies.KebabCaseStrategy();
  private static final ObjectMapper YAML = Yaml.mapper();

  /** A small valid scenario that each invalid case changes in one place. */
  private static final String VALID = """
      name: tiny
      ticks: 3
      domain: {type: gaussian, mean: [0.0], variance: [1.0]}
      web: {retention: 2}
      engine: {phase-timeout-seconds: 5}
      humans:
        - {id: people, publish-rate: 2}
      models:
        - id: lab
          regime: replace
          scrape: 10
          publish-rate: 4
          fresh-human-fraction: 0.5
          sampling: {temperature: 1.0}
      """;

  private static Path schemaFile;
  private static JsonNode schemaNode;
  private static JsonSchema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    schemaFile = Repo.scenario("scenario.schema.json");
    schemaNode = Yaml.json().readTree(schemaFile.toFile());
    schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaNode);
  }

  @Test
  void schema_againstDraft07MetaSchema_isValid() {
    JsonSchema meta = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
        .getSchema(SchemaLocation.of("http://json-schema.org/draft-07/schema"));
    Set<ValidationMessage> errors = meta.validate(schemaNode);
    assertTrue(errors.isEmpty(), () -> "scenario.schema.json is not a valid schema: " + errors);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void schema_everyExample_validates(String name, Path file) throws IOException {
    Set<ValidationMessage> errors = schema.validate(YAML.readTree(file.toFile()));
    assertTrue(errors.isEmpty(), () -> name + " does not match the schema: " + errors);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void loader_everyExample_loads(String name, Path file) {
    assertDoesNotThrow(() -> new ScenarioLoader().load(file), name + " is rejected by the loader");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void example_firstLine_pointsAtSchema(String name, Path file) throws IOException {
    String first = Files.readAllLines(file).stream().findFirst().orElse("");
    Matcher m = SCHEMA_COMMENT.matcher(first);
    assertTrue(m.matches(), () -> name + " does not start with '# yaml-language-server: $schema=': "
        + first);
    Path target = file.getParent().resolve(m.group(1));
    assertTrue(Files.exists(target) && Files.isSameFile(target, schemaFile),
        () -> name + " points at " + target + ", not at " + schemaFile);
  }

  @Test
  void schema_recordsAndObjects_haveTheSameKeys() {
    for (Map.Entry<Class<?>, String> e : schemaObjects().entrySet()) {
      JsonNode object = schemaNode.at(e.getValue());
      Set<String> expected = Arrays.stream(e.getKey().getRecordComponents())
          .map(c -> KEBAB.translate(c.getName()))
          .collect(Collectors.toCollection(TreeSet::new));
      if (DomainSpec.class.isAssignableFrom(e.getKey())) {
        expected.add("type");
      }
      if (StageSpec.class.isAssignableFrom(e.getKey())) {
        expected.add("stage");
      }
      Set<String> actual = new TreeSet<>();
      object.path("properties").fieldNames().forEachRemaining(actual::add);
      assertEquals(expected, actual, e.getKey().getSimpleName() + " vs " + e.getValue());
      assertFalse(object.path("additionalProperties").asBoolean(true),
          e.getValue() + " must set additionalProperties: false");
    }
  }

  @Test
  void schema_everyDomainType_hasItsRule() {
    for (JsonSubTypes.Type t : domainTypes()) {
      JsonNode rule = null;
      for (JsonNode r : schemaNode.path("allOf")) {
        if (t.name().equals(r.at("/if/properties/domain/properties/type/const").asText())) {
          rule = r.get("then");
        }
      }
      assertNotNull(rule, () -> "no allOf rule at the top of the schema for domain " + t.name());
      assertEquals("#/definitions/domain-" + t.name(), rule.at("/properties/domain/$ref").asText());
      DomainSpec blank = blank(t.value());
      String items = "/properties/models/items/properties/";
      assertEquals(blank.samplingKeys(), strings(rule, items + "sampling/propertyNames/enum"),
          t.name() + " sampling keys");
      assertEquals(blank.estimatorKeys(), strings(rule, items + "estimator/propertyNames/enum"),
          t.name() + " estimator keys");
    }
  }

  @Test
  void schema_enums_matchRegistries() {
    assertEquals(Regime.keys(), strings("/definitions/model/properties/regime/enum"));
    assertEquals(ScenarioValidator.INITIALS, strings("/definitions/model/properties/initial/enum"));
    assertEquals(ReleaseSpec.INITIALS, strings("/definitions/release/properties/initial/enum"));
    assertEquals(ScenarioValidator.VARIANCES,
        strings("/definitions/estimator/properties/variance/enum"));
    assertEquals(ScenarioValidator.SMOOTHINGS,
        strings("/definitions/estimator/properties/smoothing/enum"));
    assertEquals(CrawlPolicies.crawlNames(),
        strings("/definitions/crawl/properties/policy/enum"));
    assertEquals(CrawlPolicies.crawlNames(), List.copyOf(CrawlSpec.KEYS.keySet()),
        "each crawl policy lists its keys");
    assertEquals(Stages.names(), strings("/definitions/stage/properties/stage/enum"));
    assertEquals(ProvenanceSpec.MODES,
        strings("/definitions/stage-provenance/properties/mode/enum"));
    assertEquals(domainTypes().stream().map(JsonSubTypes.Type::name).toList(),
        strings("/definitions/domain/properties/type/enum"));
    assertEquals(OutputSpec.PER_MODEL_ROWS,
        strings("/definitions/output/properties/per-model-rows/enum"));
  }

  @Test
  void schema_defaults_matchDefaultsClass() {
    assertEquals(Defaults.RETENTION.value(),
        schemaNode.at("/definitions/retention/default").asText());
    assertEquals(Defaults.SITE, schemaNode.at("/properties/sites/default/0/id").asText());
    assertEquals(Defaults.SITE_WEIGHT, number("/definitions/site/properties/weight/default"));
    assertEquals(Defaults.SITE_ATTACHMENT,
        number("/definitions/site/properties/attachment/default"));
    assertEquals(Defaults.RELEASE_INITIAL,
        schemaNode.at("/definitions/release/properties/initial/default").asText());
    assertEquals(Defaults.PHASE_TIMEOUT_SECONDS,
        number("/definitions/engine/properties/phase-timeout-seconds/default"));
    String model = "/definitions/model/properties/";
    assertEquals(Defaults.RETRAIN_EVERY, number(model + "retrain-every/default"));
    assertEquals(Defaults.FIRST_RETRAIN, number(model + "first-retrain/default"));
    assertEquals(Defaults.WINDOW, number(model + "window/default"));
    assertEquals(Defaults.FRESH_HUMAN_FRACTION, number(model + "fresh-human-fraction/default"));
    assertEquals(Defaults.INITIAL, schemaNode.at(model + "initial/default").asText());
    assertEquals(Defaults.CRAWL_POLICY,
        schemaNode.at("/definitions/crawl/properties/policy/default").asText());
    assertEquals(Defaults.CRAWL_WINDOW, number("/definitions/crawl/properties/window/default"));
    assertEquals(Defaults.CRAWL_EXPONENT,
        number("/definitions/crawl/properties/exponent/default"));
    assertEquals(Defaults.HUMAN_SHARE, number(model + "human-share/default"));
    assertEquals(Defaults.TRAINS_ON_WEIGHT,
        number("/definitions/trains-on/properties/weight/default"));
    String sampling = "/definitions/sampling/properties/";
    assertEquals(Defaults.TEMPERATURE, number(sampling + "temperature/default"));
    assertEquals(Defaults.TOP_K, number(sampling + "top-k/default"));
    assertEquals(Defaults.TOP_P, number(sampling + "top-p/default"));
    String estimator = "/definitions/estimator/properties/";
    assertEquals(Defaults.VARIANCE, schemaNode.at(estimator + "variance/default").asText());
    assertEquals(Defaults.SMOOTHING, schemaNode.at(estimator + "smoothing/default").asText());
    assertEquals(Defaults.ALPHA, number(estimator + "alpha/default"));
    assertEquals(Defaults.ORDER, number(estimator + "order/default"));
    assertEquals(Defaults.RIDGE, number(estimator + "ridge/default"));
    assertEquals(Defaults.COMPONENTS, number(estimator + "components/default"));
    assertEquals(Defaults.PER_MODEL_ROWS,
        schemaNode.at("/definitions/output/properties/per-model-rows/default").asText());
    assertEquals(Defaults.SAMPLE_SIZE,
        number("/definitions/output/properties/sample-size/default"));
  }

  @Test
  void schema_everyProperty_hasDescription() {
    assertNotNull(schemaNode.get("title"), "the schema needs a title");
    assertNotNull(schemaNode.get("description"), "the schema needs a description");
    List<String> pointers = new ArrayList<>(List.of(""));
    schemaNode.get("definitions").fieldNames()
        .forEachRemaining(d -> pointers.add("/definitions/" + d));
    for (String at : pointers) {
      schemaNode.at(at + "/properties").fields().forEachRemaining(p -> {
        JsonNode prop = p.getValue();
        JsonNode described = prop.has("$ref")
            ? schemaNode.at(prop.get("$ref").asText().substring(1)) : prop;
        assertTrue(described.hasNonNull("description"),
            () -> at + "/properties/" + p.getKey() + " has no description");
      });
    }
  }

  @Test
  void schema_validDocument_isAccepted() throws Exception {
    Set<ValidationMessage> errors = schema.validate(YAML.readTree(VALID));
    assertTrue(errors.isEmpty(), () -> "the valid base document is rejected: " + errors);
    assertNotNull(new ScenarioLoader().parse("valid", VALID));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidDocuments")
  void schema_invalidDocument_isRejected(String what, String text, String where)
      throws IOException {
    Set<ValidationMessage> errors = schema.validate(YAML.readTree(text));
    assertFalse(errors.isEmpty(), () -> "the schema accepts " + what);
    assertTrue(errors.toString().contains(where),
        () -> "the schema rejects " + what + " but not at " + where + ": " + errors);
    assertThrows(ScenarioException.class, () -> new ScenarioLoader().parse(what, text),
        () -> "the schema rejects " + what + " but the loader accepts it");
  }

  /**
   * Every scenario YAML file under scenarios/, as (relative name, path). Sweep files, under
   * scenarios/sweeps/, are not scenarios: SweepExamplesTest checks them.
   */
  static Stream<Arguments> examples() throws IOException {
    Path dir = Repo.root().resolve("scenarios");
    Path sweeps = dir.resolve("sweeps");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile)
          .filter(p -> !p.startsWith(sweeps))
          .filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
    }
    assertFalse(files.isEmpty(), "no example scenarios under " + dir);
    return files.stream().map(p -> Arguments.of(dir.relativize(p).toString(), p));
  }

  /** The base document broken in one way each: (what, text, where the schema should object). */
  static Stream<Arguments> invalidDocuments() {
    return Stream.of(
        broken("an unknown key", "scrape: 10", "scrape: 10\n    scrap: 10", "scrap"),
        broken("a negative scrape", "scrape: 10", "scrape: -1", "scrape"),
        broken("an unknown regime", "regime: replace", "regime: replaec", "regime"),
        broken("fresh-human-fraction 1.5", "fraction: 0.5", "fraction: 1.5",
            "fresh-human-fraction"),
        broken("ticks 0", "ticks: 3", "ticks: 0", "ticks"),
        broken("retention 0", "retention: 2", "retention: 0", "retention"),
        broken("retention 'some'", "retention: 2", "retention: some", "retention"),
        broken("temperature 0", "temperature: 1.0", "temperature: 0", "temperature"),
        broken("phase-timeout-seconds 0", "seconds: 5", "seconds: 0", "phase-timeout-seconds"),
        broken("an unknown domain type", "type: gaussian", "type: gausian", "type"),
        broken("variance and covariance", "variance: [1.0]", "variance: [1.0], covariance: [[1.0]]",
            "domain"),
        broken("a missing name", "name: tiny\n", "", "name"),
        broken("top-k in a gaussian domain", "{temperature: 1.0}", "{temperature: 1.0, top-k: 5}",
            "top-k"),
        broken("order in a gaussian domain", "publish-rate: 4",
            "publish-rate: 4\n    estimator: {order: 2}", "order"),
        broken("a negative site weight", "engine:", "sites: [{id: web, weight: -1}]\nengine:",
            "weight"),
        broken("a mix share above 1", "{id: people, publish-rate: 2}",
            "{id: people, publish-rate: 2, publish-to: {web: 1.5}}", "publish-to"),
        broken("an unknown event kind", "humans:", "timeline: [{tick: 1, launch: lab}]\nhumans:",
            "launch"),
        broken("an event with two kinds", "humans:",
            "timeline: [{tick: 1, retire: lab, humans: {id: people, publish-rate: 1}}]\nhumans:",
            "timeline"),
        broken("an ai-share of 1", "humans:",
            "ai-share: [{site: web, points: [[0, 1.0]]}]\nhumans:", "points"),
        broken("a window for the uniform crawl", "publish-rate: 4",
            "publish-rate: 4\n    crawl: {policy: uniform, window: 3}", "crawl"),
        broken("site-mix without weights", "publish-rate: 4",
            "publish-rate: 4\n    crawl: {policy: site-mix}", "crawl"),
        broken("crawl policy 'sources'", "publish-rate: 4",
            "publish-rate: 4\n    crawl: {policy: sources}", "policy"),
        broken("trains-on with fresh-human-fraction", "publish-rate: 4",
            "publish-rate: 4\n    trains-on: [{source: people}]", "models"),
        broken("human-share without trains-on", "publish-rate: 4",
            "publish-rate: 4\n    human-share: 0.5", "models"),
        broken("a negative trains-on weight", "fresh-human-fraction: 0.5",
            "trains-on: [{source: people, weight: -1}]", "weight"));
  }

  /** One invalid case: VALID with {@code from} replaced by {@code to}. */
  private static Arguments broken(String what, String from, String to, String where) {
    assertTrue(VALID.contains(from), "the base document has no '" + from + "'");
    return Arguments.of(what, VALID.replace(from, to), where);
  }

  /** Each record bound from a scenario file, and the JSON Pointer of its schema object. */
  private static Map<Class<?>, String> schemaObjects() {
    Map<Class<?>, String> m = new LinkedHashMap<>();
    m.put(Scenario.class, "");
    for (JsonSubTypes.Type t : domainTypes()) {
      m.put(t.value(), "/definitions/domain-" + t.name());
    }
    m.put(WebSpec.class, "/definitions/web");
    m.put(SiteSpec.class, "/definitions/site");
    m.put(EngineSpec.class, "/definitions/engine");
    m.put(HumanSpec.class, "/definitions/human");
    m.put(ModelSpec.class, "/definitions/model");
    m.put(CrawlSpec.class, "/definitions/crawl");
    m.put(TrainsOnSpec.class, "/definitions/trains-on");
    m.put(SamplingSpec.class, "/definitions/sampling");
    m.put(EstimatorSpec.class, "/definitions/estimator");
    m.put(CollapseSpec.class, "/definitions/collapse");
    m.put(OutputSpec.class, "/definitions/output");
    m.put(WatermarkSpec.class, "/definitions/watermark");
    m.put(LaunderingSpec.class, "/definitions/laundering");
    m.put(ZScoreSpec.class, "/definitions/z-score");
    m.put(EventSpec.class, "/definitions/event");
    m.put(ReleaseSpec.class, "/definitions/release");
    m.put(SetSpec.class, "/definitions/set");
    m.put(PopulationSpec.class, "/definitions/population");
    m.put(AiShareSpec.class, "/definitions/ai-share");
    Stages.classes().forEach((name, spec) -> m.put(spec, "/definitions/stage-" + name));
    return m;
  }

  /** The domain registry: each {@code type} name and its spec record. */
  private static List<JsonSubTypes.Type> domainTypes() {
    return List.of(DomainSpec.class.getAnnotation(JsonSubTypes.class).value());
  }

  /** A domain spec with every component null (or zero), to ask for its keys. */
  private static DomainSpec blank(Class<?> spec) {
    RecordComponent[] components = spec.getRecordComponents();
    Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType)
        .toArray(Class<?>[]::new);
    Object[] args = Arrays.stream(types)
        .map(c -> c.isPrimitive() ? Array.get(Array.newInstance(c, 1), 0) : null).toArray();
    try {
      return (DomainSpec) spec.getDeclaredConstructor(types).newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot build a blank " + spec.getSimpleName(), e);
    }
  }

  /** The strings of a schema array, such as an enum. */
  private static List<String> strings(String pointer) {
    return strings(schemaNode, pointer);
  }

  /** The strings of an array under a schema node. */
  private static List<String> strings(JsonNode root, String pointer) {
    JsonNode node = root.at(pointer);
    assertTrue(node.isArray(), () -> pointer + " is not an array in the schema");
    return StreamSupport.stream(node.spliterator(), false)
        .map(JsonNode::asText).toList();
  }

  /** A number of the schema, such as a default. */
  private static double number(String pointer) {
    JsonNode node = schemaNode.at(pointer);
    assertTrue(node.isNumber(), () -> pointer + " is not a number in the schema");
    return node.asDouble();
  }
}
