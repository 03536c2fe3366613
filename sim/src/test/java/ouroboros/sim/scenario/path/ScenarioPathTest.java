package ouroboros.sim.scenario.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.scenario.load.Yaml;

/** Path syntax, and how paths find their places in a tree under a schema, without runs. */
class ScenarioPathTest {
  /**
   * A schema with a list of pipeline stages, the shape the mitigation pipeline will give models,
   * and a condition on a discriminating key, the way the domain's type picks its keys.
   */
  private static final String SCHEMA =
      """
      {"type": "object", "additionalProperties": false,
       "properties": {
         "kind": {"enum": ["a", "b"]},
         "settings": {"type": "object", "properties": {"common": {"type": "number"}}},
         "models": {"type": "array", "items": {"$ref": "#/definitions/model"}}},
       "allOf": [
         {"if": {"properties": {"kind": {"const": "a"}}},
          "then": {"properties": {"settings": {"properties": {"only-a": {"type": "number"}}}}}}],
       "definitions": {
         "model": {"type": "object", "properties": {
           "id": {"type": "string"},
           "pipeline": {"type": "array", "items": {"$ref": "#/definitions/stage"}}}},
         "stage": {"type": "object", "properties": {
           "stage": {"type": "string"}, "tpr": {"type": "number"}}}}}
      """;

  private static final String TREE =
      """
      kind: a
      models:
        - id: lab-a
          pipeline:
            - {stage: dedup}
            - {stage: watermark-filter, tpr: 0.5}
        - id: lab-b
          pipeline:
            - {stage: watermark-filter}
      """;

  @TempDir Path tmp;

  @Test
  void parse_keysAndSelectors() {
    assertEquals(
        List.of(
            new ScenarioPath.Key("models"),
            new ScenarioPath.Named("lab-a"),
            new ScenarioPath.Key("pipeline"),
            new ScenarioPath.Named("watermark-filter"),
            new ScenarioPath.Key("tpr")),
        ScenarioPath.parse("models[lab-a].pipeline[watermark-filter].tpr").segments());
    assertEquals(
        List.of(
            new ScenarioPath.Key("domain"),
            new ScenarioPath.Key("covariance"),
            new ScenarioPath.Index(1),
            new ScenarioPath.Index(0)),
        ScenarioPath.parse("domain.covariance[1][0]").segments());
    assertEquals(
        List.of(
            new ScenarioPath.Key("models"), new ScenarioPath.All(), new ScenarioPath.Key("regime")),
        ScenarioPath.parse("models[*].regime").segments());
    assertEquals(
        "an empty selector [] at character 7",
        assertThrows(IllegalArgumentException.class, () -> ScenarioPath.parse("models[]"))
            .getMessage());
    assertEquals(
        "'.' where a key should start, at character 8",
        assertThrows(IllegalArgumentException.class, () -> ScenarioPath.parse("models..x"))
            .getMessage());
    assertEquals(
        "'x' after a key or selector, at character 10",
        assertThrows(IllegalArgumentException.class, () -> ScenarioPath.parse("models[0]x"))
            .getMessage());
    assertEquals(
        "a path that ends without a key",
        assertThrows(IllegalArgumentException.class, () -> ScenarioPath.parse("seed."))
            .getMessage());
  }

  @Test
  void resolve_namedSelector_byIdThenByStage() throws Exception {
    ObjectNode tree = tree();
    List<PathResolver.Target> targets =
        resolver().resolve(ScenarioPath.parse("models[*].pipeline[watermark-filter].tpr"), tree);
    assertEquals(
        List.of("/models/0/pipeline/1/tpr", "/models/1/pipeline/0/tpr"),
        targets.stream().map(PathResolver.Target::pointer).toList());
    targets.forEach(t -> t.set(Yaml.json().getNodeFactory().numberNode(0.9)));
    assertEquals(0.9, tree.at("/models/1/pipeline/0/tpr").asDouble(), "the key is created");
    assertEquals(
        "/models/1/pipeline/0/tpr",
        resolver()
            .resolve(ScenarioPath.parse("models[lab-b].pipeline[0].tpr"), tree)
            .get(0)
            .pointer());
  }

  @Test
  void resolve_unknownStage_suggestsNearName() {
    PathResolver.PathException e =
        assertThrows(
            PathResolver.PathException.class,
            () ->
                resolver()
                    .resolve(
                        ScenarioPath.parse("models[lab-a].pipeline[watermark-filtr].tpr"), tree()));
    assertEquals(
        "no entry with id or stage 'watermark-filtr' in models[lab-a].pipeline", e.found());
    assertEquals(
        "one of [dedup, watermark-filter] (did you mean 'watermark-filter'?)", e.expected());
  }

  @Test
  void resolve_conditionalKeys_followTheDiscriminator() throws Exception {
    ObjectNode a = tree();
    resolver().resolve(ScenarioPath.parse("settings.only-a"), a).get(0).set(TextNode.valueOf("x"));
    assertEquals("x", a.at("/settings/only-a").asText(), "an absent mapping is created");
    ObjectNode b = tree();
    b.put("kind", "b");
    PathResolver.PathException e =
        assertThrows(
            PathResolver.PathException.class,
            () -> resolver().resolve(ScenarioPath.parse("settings.only-a"), b));
    assertEquals("unknown key 'only-a' in settings", e.found());
    assertEquals("one of [common]", e.expected());
  }

  private static PathResolver resolver() throws Exception {
    JsonNode schema = Yaml.json().readTree(SCHEMA);
    return new PathResolver(ScenarioSchema.of(schema));
  }

  private static ObjectNode tree() throws Exception {
    return (ObjectNode) Yaml.mapper().readTree(TREE);
  }
}
