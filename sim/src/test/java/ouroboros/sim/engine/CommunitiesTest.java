package ouroboros.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.cli.Main;

/**
 * Human communities: each human source draws from one community's sub-distribution, and the summary
 * sets each community's share of a model's output beside its share of human output.
 */
class CommunitiesTest {
  @TempDir Path tmp;

  @Test
  void summary_topKModel_losesMinorityCommunityHumansKeepIt() throws Exception {
    Path scenario = tmp.resolve("communities.yaml");
    Files.writeString(
        scenario,
        """
        name: communities
        seed: 3
        ticks: 10
        domain: {type: categorical, categories: 10, zipf-exponent: 1.0,
                 communities: [[0, 4], [5, 9]]}
        humans:
          - {id: majority, publish-rate: 90, community: 0}
          - {id: minority, publish-rate: 10, community: 1}
        models:
          - {id: plain, regime: accumulate, scrape: 200, publish-rate: 100}
          - {id: truncating, regime: replace, scrape: 200, publish-rate: 100,
             sampling: {top-k: 5}}
        """);
    Path out = tmp.resolve("run");
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"run", scenario.toString(), "--quiet", "--out", out.toString()},
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(0, code, err.toString());
    JsonNode models =
        new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("models");
    for (JsonNode m : models) {
      JsonNode c = m.get("communities");
      assertEquals(2, c.size(), m.toString());
      assertEquals(0.9, c.get(0).get("human-share").asDouble(), 1e-12, "by publish rate");
      assertEquals(0.1, c.get(1).get("human-share").asDouble(), 1e-12, "by publish rate");
    }
    // The minority posts categories 5-9; top-k 5 keeps only the five most likely, which are the
    // majority's, so the truncating model's output has no minority at all.
    assertEquals(0.0, models.get(1).get("communities").get(1).get("model-share").asDouble());
    // Without truncation the share is estimated on 1,000 draws: the scrape is 10% minority, with
    // binomial sd sqrt(0.1*0.9/200) = 0.021 per scrape; 0.03 to 0.2 is a wide band (false-failure
    // rate below 1e-4).
    double plain = models.get(0).get("communities").get(1).get("model-share").asDouble();
    assertTrue(plain > 0.03 && plain < 0.2, "plain model's minority share " + plain);
    String csv = Files.readString(out.resolve("metrics.csv"));
    assertTrue(csv.contains(",truncating,10,community-1-share,0\n"), "metrics.csv rows");
  }
}
