package ouroboros.sim.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ouroboros.agents.model.RetrainReport;
import ouroboros.agents.pipeline.StageReport;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.engine.World;
import ouroboros.sim.engine.Worlds;
import ouroboros.sim.scenario.Plugins;
import ouroboros.sim.scenario.stage.Stages;
import ouroboros.sim.testing.EngineTest;
import ouroboros.sim.testing.Repo;

/**
 * Every registered stage works in every registered domain, including domains and stages added
 * later: for each domain type (its domain block taken from an example scenario under {@code
 * scenarios/}, which every domain must have) a short run with a watermarking writer, a laundering
 * and signing human source, and a reader whose pipeline holds every stage in the registry. The run
 * must complete without fit failures and the stage counts must chain.
 */
@Tag("slow")
class StagesEveryDomainTest extends EngineTest {
  private static final ObjectMapper YAML = ouroboros.sim.scenario.load.Yaml.mapper();

  /** One example domain block per type, from the scenario files. */
  static Stream<String> domainTypes() {
    return Plugins.domainTypes().stream();
  }

  private static Map<String, JsonNode> examples() throws IOException {
    Map<String, JsonNode> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(Repo.root().resolve("scenarios"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        JsonNode domain = YAML.readTree(f.toFile()).path("domain");
        if (domain.has("type")) {
          out.putIfAbsent(domain.get("type").asText(), domain);
        }
      }
    }
    return out;
  }

  /** Every stage in the registry, with parameters that let items through. */
  private static String everyStage() {
    Map<String, String> params =
        Map.of(
            "watermark-filter", "tpr: 0.9, fpr: 0.05",
            "ai-detector", "tpr: 0.5, fpr: 0.05, depth-decay: 0.9",
            "provenance", "mode: weight, weight: 2.0",
            "human-anchor", "reserve: 50, fraction: 0.2",
            "verification", "keep: 0.8, noise: 1.0",
            "dedup", "resolution: 0.0",
            "weighting", "real-share: 0.618");
    List<String> stages = new ArrayList<>();
    for (String name : Stages.names()) {
      String p = params.get(name);
      assertNotNull(p, "give the new stage '" + name + "' parameters in this test");
      stages.add("{stage: " + name + ", " + p + "}");
    }
    return String.join(", ", stages);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("domainTypes")
  void everyStage_runsInDomain_countsChain(String type) throws IOException {
    JsonNode domain = examples().get(type);
    assertNotNull(domain, "no example scenario under scenarios/ has a " + type + " domain");
    String yaml =
        """
        name: every-stage
        ticks: 5
        domain: %s
        web: {retention: 2}
        collapse: {baseline-cap: 0}
        sites: [{id: forum}, {id: blog}]
        humans:
          - {id: people, publish-rate: 60, site: forum, signed: 0.5,
             laundering: {share: 0.2}}
        models:
          - {id: writer, regime: replace, initial: fit-truth, scrape: 60, publish-rate: 60,
             site: blog, watermark: {rate: 0.7}}
          - {id: reader, regime: accumulate-subsample, initial: fit-truth, scrape: 80,
             publish-rate: 10, site: blog, pipeline: [%s]}
        """
            .formatted(new ObjectMapper().writeValueAsString(domain), everyStage());
    World world = Worlds.of(yaml, 3L);
    List<RetrainReport> reader = new ArrayList<>();
    RunOutcome outcome =
        sim.run(
            world,
            r ->
                r.reports().stream().filter(rep -> rep.id().equals("reader")).forEach(reader::add));
    assertTrue(outcome.completed(), outcome.failure());
    assertEquals(5, reader.size());
    for (RetrainReport rep : reader) {
      assertEquals(0, rep.fitFailures(), type + ": " + rep.failure());
      List<StageReport> st = rep.stages();
      assertEquals(Stages.names(), st.stream().map(StageReport::stage).toList());
      assertEquals(rep.scraped(), st.get(0).in());
      for (int k = 1; k < st.size(); k++) {
        assertEquals(st.get(k - 1).out(), st.get(k).in(), type + ": stage " + (k + 1));
      }
      assertTrue(st.get(st.size() - 1).out() > 0, type + ": something reaches the fit");
    }
  }
}
