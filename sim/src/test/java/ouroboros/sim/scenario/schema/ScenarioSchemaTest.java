package ouroboros.sim.scenario.schema;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import ouroboros.agents.crawl.CrawlPolicies;
import ouroboros.sim.scenario.Plugins;
import ouroboros.sim.scenario.check.ScenarioException;
import ouroboros.sim.scenario.check.ScenarioValidator;
import ouroboros.sim.scenario.crawl.CrawlSpec;
import ouroboros.sim.scenario.load.ScenarioLoader;
import ouroboros.sim.scenario.load.Yaml;
import ouroboros.sim.testing.Repo;

/**
 * Keeps {@code scenarios/scenario.schema.json} honest. The schema is what editors use
 * (yaml-language-server) to complete and check scenario files; {@link ScenarioLoader} and {@link
 * ScenarioValidator} are what the simulator uses. These tests check that every example scenario
 * passes both and points its editor at the schema, that the checked-in schema is the one {@link
 * SchemaGenerator} writes from the declarations (so its keys, enums and defaults are the records'
 * and the registries' own), and that the schema rejects bad documents that the loader rejects too.
 */
class ScenarioSchemaTest {
  private static final Pattern SCHEMA_COMMENT =
      Pattern.compile("# yaml-language-server: \\$schema=(\\S+)");
  private static final ObjectMapper YAML = Yaml.mapper();

  /** A small valid scenario that each invalid case changes in one place. */
  private static final String VALID =
      """
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

  /** A population of models with one more template key, KEY, to append to VALID. */
  private static final String POPULATION =
      """
      populations:
        - {id: blogs, kind: site, count: 2, id-pattern: "b{i}"}
        - id: labs
          kind: model
          count: 2
          id-pattern: "m{i}"
          template: {regime: replace, scrape: 10, publish-rate: 4, KEY}
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
    JsonSchema meta =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
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
    assertTrue(
        m.matches(),
        () -> name + " does not start with '# yaml-language-server: $schema=': " + first);
    Path target = file.getParent().resolve(m.group(1));
    assertTrue(
        Files.exists(target) && Files.isSameFile(target, schemaFile),
        () -> name + " points at " + target + ", not at " + schemaFile);
  }

  @Test
  void schema_checkedIn_isTheGeneratedOne() throws IOException {
    String checkedIn = Files.readString(schemaFile);
    assertEquals(
        SchemaGenerator.text(),
        checkedIn,
        "scenarios/scenario.schema.json is stale: "
            + "regenerate it with 'java -cp sim/target/ouroboros-sim.jar "
            + "ouroboros.sim.scenario.schema.SchemaGenerator scenarios/scenario.schema.json'");
  }

  @Test
  void crawlRegistry_matchesTheAgentsFactories() {
    assertTrue(
        CrawlSpec.names().containsAll(CrawlPolicies.crawlNames()),
        "each crawl policy of ouroboros.agents.crawl has its line in Plugins");
    Plugins.crawls()
        .forEach(
            (name, type) ->
                assertEquals(
                    name,
                    new CrawlSpec(name, List.of("web"), Map.of("weights", List.of(1.0)))
                        .resolve(List.of("web"))
                        .create(0, new int[] {0})
                        .name(),
                    name + " has no factory"));
  }

  @Test
  void schema_everyProperty_hasDescription() {
    assertNotNull(schemaNode.get("title"), "the schema needs a title");
    assertNotNull(schemaNode.get("description"), "the schema needs a description");
    List<String> pointers = new ArrayList<>(List.of(""));
    schemaNode
        .get("definitions")
        .fieldNames()
        .forEachRemaining(d -> pointers.add("/definitions/" + d));
    for (String at : pointers) {
      schemaNode
          .at(at + "/properties")
          .fields()
          .forEachRemaining(
              p -> {
                JsonNode prop = p.getValue();
                JsonNode described =
                    prop.has("$ref") ? schemaNode.at(prop.get("$ref").asText().substring(1)) : prop;
                assertTrue(
                    described.hasNonNull("description"),
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

  /**
   * The loader takes {@code {draw: ...}} and {@code {cycle: [...]}} at any depth of a population
   * template; so does the schema (left, stop 34: only at a template's own keys).
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "crawl: {policy: site-mix, sites: [b0, b1], weights: {draw: {dirichlet: [1, 2]}}}",
        "crawl: {policy: site-mix, sites: [b0, b1], weights: [{draw: {uniform: [1, 2]}}, 1]}",
        "publish-to: {b0: {cycle: [0.2, 0.8]}, b1: {cycle: [0.8, 0.2]}}",
        "sampling: {temperature: {draw: {uniform: [0.5, 1.5]}}}",
        "pipeline: [{stage: dedup, resolution: {cycle: [0, 0.5]}}]"
      })
  void schema_nestedTemplateValue_isAccepted(String key) throws Exception {
    String text = VALID + POPULATION.replace("KEY", key);
    Set<ValidationMessage> errors = schema.validate(YAML.readTree(text));
    assertTrue(errors.isEmpty(), () -> "the schema rejects " + key + ": " + errors);
    assertNotNull(new ScenarioLoader().parse("nested", text));
  }

  @Test
  void schema_badNestedTemplateValue_isRejected() throws Exception {
    String key = "crawl: {policy: site-mix, sites: [b0, b1], weights: {draw: {unifrom: [1]}}}";
    String text = VALID + POPULATION.replace("KEY", key);
    Set<ValidationMessage> errors = schema.validate(YAML.readTree(text));
    assertFalse(errors.isEmpty(), "the schema accepts a misspelt distribution inside a template");
    assertThrows(ScenarioException.class, () -> new ScenarioLoader().parse("nested", text));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidDocuments")
  void schema_invalidDocument_isRejected(String what, String text, String where)
      throws IOException {
    Set<ValidationMessage> errors = schema.validate(YAML.readTree(text));
    assertFalse(errors.isEmpty(), () -> "the schema accepts " + what);
    assertTrue(
        errors.toString().contains(where),
        () -> "the schema rejects " + what + " but not at " + where + ": " + errors);
    assertThrows(
        ScenarioException.class,
        () -> new ScenarioLoader().parse(what, text),
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
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> !p.startsWith(sweeps))
              .filter(p -> p.getFileName().toString().endsWith(".yaml"))
              .sorted()
              .toList();
    }
    assertFalse(files.isEmpty(), "no example scenarios under " + dir);
    return files.stream().map(p -> Arguments.of(dir.relativize(p).toString(), p));
  }

  /** The base document broken in one way each: (what, text, where the schema should object). */
  static Stream<Arguments> invalidDocuments() {
    return Stream.of(
        broken("an unknown key", "scrape: 10", "scrape: 10\n    scrap: 10", "scrap"),
        broken("a negative scrape", "scrape: 10", "scrape: -1", "scrape"),
        // QA, stop 33: the schema took any non-blank id; the validator holds ids to these.
        broken("a model id with a space", "- id: lab", "- id: lab one", "id"),
        broken("a human id with a slash", "{id: people,", "{id: peo/ple,", "id"),
        broken("an unknown regime", "regime: replace", "regime: replaec", "regime"),
        broken(
            "fresh-human-fraction 1.5", "fraction: 0.5", "fraction: 1.5", "fresh-human-fraction"),
        broken("ticks 0", "ticks: 3", "ticks: 0", "ticks"),
        broken("retention 0", "retention: 2", "retention: 0", "retention"),
        broken("retention 'some'", "retention: 2", "retention: some", "retention"),
        broken("temperature 0", "temperature: 1.0", "temperature: 0", "temperature"),
        broken("phase-timeout-seconds 0", "seconds: 5", "seconds: 0", "phase-timeout-seconds"),
        broken("an unknown domain type", "type: gaussian", "type: gausian", "type"),
        broken(
            "variance and covariance",
            "variance: [1.0]",
            "variance: [1.0], covariance: [[1.0]]",
            "domain"),
        broken("a missing name", "name: tiny\n", "", "name"),
        broken(
            "top-k in a gaussian domain",
            "{temperature: 1.0}",
            "{temperature: 1.0, top-k: 5}",
            "top-k"),
        broken(
            "order in a gaussian domain",
            "publish-rate: 4",
            "publish-rate: 4\n    estimator: {order: 2}",
            "order"),
        broken(
            "a negative site weight",
            "engine:",
            "sites: [{id: web, weight: -1}]\nengine:",
            "weight"),
        broken(
            "a population named models",
            "engine:",
            "populations: [{id: models, kind: model, count: 1, id-pattern: m,"
                + " template: {regime: replace, scrape: 1, publish-rate: 1}}]\nengine:",
            "populations[0].id"),
        broken(
            "a mix share above 1",
            "{id: people, publish-rate: 2}",
            "{id: people, publish-rate: 2, publish-to: {web: 1.5}}",
            "publish-to"),
        broken(
            "an unknown event kind",
            "humans:",
            "timeline: [{tick: 1, launch: lab}]\nhumans:",
            "launch"),
        broken(
            "an event with two kinds",
            "humans:",
            "timeline: [{tick: 1, retire: lab, humans: {id: people, publish-rate: 1}}]\nhumans:",
            "timeline"),
        broken(
            "an ai-share of 1",
            "humans:",
            "ai-share: [{site: web, points: [[0, 1.0]]}]\nhumans:",
            "points"),
        broken(
            "a window for the uniform crawl",
            "publish-rate: 4",
            "publish-rate: 4\n    crawl: {policy: uniform, window: 3}",
            "crawl"),
        broken(
            "site-mix without weights",
            "publish-rate: 4",
            "publish-rate: 4\n    crawl: {policy: site-mix}",
            "crawl"),
        broken(
            "crawl policy 'sources'",
            "publish-rate: 4",
            "publish-rate: 4\n    crawl: {policy: sources}",
            "policy"),
        broken(
            "trains-on with fresh-human-fraction",
            "publish-rate: 4",
            "publish-rate: 4\n    trains-on: [{source: people}]",
            "models"),
        broken(
            "human-share without trains-on",
            "publish-rate: 4",
            "publish-rate: 4\n    human-share: 0.5",
            "models"),
        broken(
            "a negative trains-on weight",
            "fresh-human-fraction: 0.5",
            "trains-on: [{source: people, weight: -1}]",
            "weight"));
  }

  /** One invalid case: VALID with {@code from} replaced by {@code to}. */
  private static Arguments broken(String what, String from, String to, String where) {
    assertTrue(VALID.contains(from), "the base document has no '" + from + "'");
    return Arguments.of(what, VALID.replace(from, to), where);
  }
}
