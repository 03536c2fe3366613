package ouroboros.sim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PrunedTree}: the kept paths hold the whole tree's nodes; the others are left out. */
class PrunedTreeTest {
  @TempDir Path dir;

  private static final PrunedTree.Keep KEEP =
      PrunedTree.Keep.of(
          Map.of(
              "name", PrunedTree.Keep.ALL,
              "extra", PrunedTree.Keep.ALL,
              "models",
                  PrunedTree.Keep.of(
                      Map.of(
                          "id",
                          PrunedTree.Keep.ALL,
                          "metrics",
                          PrunedTree.Keep.all("risk", "none")))));

  @Test
  void read_json_keepsNamedPathsWithTheirNodes() throws IOException {
    Path f = dir.resolve("s.json");
    Files.writeString(
        f,
        """
        {"skipped": {"a": [1, {"b": 2}], "c": "x"}, "name": "run",
         "models": [
           {"metrics": {"risk": 0.1, "other": 3, "none": null}, "id": "m0", "big": [[1], [2]]},
           {"id": 7, "metrics": {"risk": "Infinity"}}],
         "extra": {"k": [1.5, true]}, "after": 1}
        """);
    ObjectMapper json = new ObjectMapper();
    JsonNode full = json.readTree(f.toFile());
    JsonNode kept = PrunedTree.read(json, f, KEEP);
    assertEquals(
        json.readTree(
            """
            {"name": "run",
             "models": [{"metrics": {"risk": 0.1, "none": null}, "id": "m0"},
                        {"id": 7, "metrics": {"risk": "Infinity"}}],
             "extra": {"k": [1.5, true]}}
            """),
        kept);
    assertEquals(
        full.path("models").get(0).path("metrics").path("risk"),
        kept.path("models").get(0).path("metrics").path("risk"));
    assertTrue(kept.path("models").get(0).path("metrics").path("none").isNull());
    assertTrue(kept.path("after").isMissingNode());
  }

  @Test
  void read_yaml_keepsNamedPaths_andAnEmptyFileIsMissing() throws IOException {
    Path f = dir.resolve("s.yaml");
    Files.writeString(
        f,
        """
        sites:
        - {id: b0}
        name: run
        models:
        - id: c0
          metrics: {risk: 2, other: [1, 2]}
          crawl: {sites: [b0]}
        extra: 0.5
        """);
    YAMLMapper yaml = new YAMLMapper();
    JsonNode kept = PrunedTree.read(yaml, f, KEEP);
    assertEquals(
        new ObjectMapper()
            .readTree(
                "{\"name\": \"run\", \"models\": [{\"id\": \"c0\", \"metrics\": {\"risk\": 2}}],"
                    + " \"extra\": 0.5}"),
        kept);
    Path empty = dir.resolve("empty.json");
    Files.writeString(empty, "");
    assertTrue(PrunedTree.read(new ObjectMapper(), empty, KEEP).isMissingNode());
  }
}
