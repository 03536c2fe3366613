package ouroboros.sim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A population's statistics in summary.json count each metric over the models that have it: a model
 * whose fits all failed has no risk and is left out of the risk's statistics (it was counted as 0);
 * its verdicts count as n/a, so that yes, no and n/a add up to the models; and a model that has not
 * retrained counts as generation 0, as the models' list gives it (QA, stop 34).
 */
class PopulationAggregatesTest {
  /** lab-0 crawls the web; lab-1 crawls a site nobody publishes to, so every fit of it fails. */
  private static final String SCENARIO =
      """
      name: ffmin
      seed: 3
      ticks: 3
      domain: {type: gaussian, dimensions: 1, mean: [0.0], variance: [1.0]}
      sites: [{id: web}, {id: empty}]
      humans:
        - {id: h, publish-rate: 100, site: web}
      populations:
        - id: labs
          kind: model
          count: 3
          id-pattern: "lab-{i}"
          template:
            regime: replace
            scrape: 10
            publish-rate: 0
            site: web
            first-retrain: {cycle: [0, 0, 5]}
            crawl: {sites: {cycle: [[web], [empty], [web]]}}
      """;

  @Test
  void failedAndUnretrainedModels_leftOutOfMetrics_naVerdicts_generationZero(@TempDir Path tmp)
      throws Exception {
    JsonNode all = summary(tmp.resolve("all"), "all");
    JsonNode lab0 = all.get("models").get(0);
    assertEquals("lab-0", lab0.get("id").asText());
    assertFalse(all.get("models").get(1).get("metrics").has("population-risk"));
    JsonNode pop = summary(tmp.resolve("none"), "none").get("populations").get(0);
    assertEquals(3, pop.get("models").asInt());
    JsonNode risk = pop.get("metrics").get("population-risk");
    assertEquals(1, risk.get("n").asInt(), "lab-0 only: " + risk);
    assertEquals(
        lab0.get("metrics").get("population-risk").asDouble(), risk.get("mean").asDouble());
    for (JsonNode counts : pop.get("verdicts")) {
      assertEquals(
          3,
          counts.get("yes").asInt() + counts.get("no").asInt() + counts.get("n/a").asInt(),
          counts.toString());
    }
    JsonNode generation = pop.get("metrics").get("generation");
    assertEquals(3, generation.get("n").asInt(), generation.toString());
    assertEquals(
        (lab0.get("generation").asInt() + all.get("models").get(1).get("generation").asInt()) / 3.0,
        generation.get("mean").asDouble(),
        1e-12);
  }

  @Test
  void modelWhoseFitsFail_saysWhyInSummaryJson(@TempDir Path tmp) throws Exception {
    // QA, stop 34: a fit failure's reason was in no file; fit-failed 1 said nothing of why.
    JsonNode models = summary(tmp, "all").get("models");
    JsonNode lab1 = models.get(1);
    assertEquals("lab-1", lab1.get("id").asText());
    assertTrue(lab1.get("fit-failures").asInt() > 0);
    String why = lab1.get("last-fit-failure").asText();
    assertTrue(why.startsWith("tick 2: "), why);
    assertTrue(why.length() > "tick 2: ".length(), why);
    assertFalse(models.get(0).has("last-fit-failure"), "lab-0's fits do not fail");
  }

  private static JsonNode summary(Path dir, String rows) throws Exception {
    Path out = SummaryTopologyTest.run(dir, SCENARIO, rows);
    return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
  }
}
