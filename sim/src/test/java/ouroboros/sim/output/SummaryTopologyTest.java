package ouroboros.sim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.cli.Main;

/**
 * summary.json has the interaction graph's metrics of each model (human-ancestry, training-depth,
 * predicted-collapse) beside its own, with the values of its last retrain's rows in metrics.csv,
 * and aggregates them per population when it aggregates.
 */
class SummaryTopologyTest {
  private static final List<String> TOPOLOGY =
      List.of("human-ancestry", "training-depth", "predicted-collapse");

  private static final String SCENARIO =
      """
      name: topo
      seed: 3
      ticks: 12
      domain: {type: gaussian, dimensions: 1, mean: [0.0], variance: [1.0]}
      web: {retention: 1}
      sites: [{id: forum}, {id: blog}]
      humans:
        - {id: people, publish-rate: 20, site: forum}
      populations:
        - id: labs
          kind: model
          count: 6
          id-pattern: "lab{i}"
          template:
            regime: replace
            initial: truth
            scrape: 20
            publish-rate: 20
            site: blog
            retrain-every: {cycle: [1, 3]}
            crawl: {sites: {cycle: [[blog], [forum, blog]]}}
      """;

  @Test
  void summaryModels_haveTheLastRetrainsTopologyRows(@TempDir Path tmp) throws Exception {
    Path run = run(tmp, SCENARIO, "all");
    Map<String, Map<String, Double>> last = lastRows(run.resolve("metrics.csv"));
    JsonNode models =
        new ObjectMapper().readTree(run.resolve("summary.json").toFile()).get("models");
    assertEquals(6, models.size());
    for (JsonNode m : models) {
      String id = m.get("id").asText();
      for (String metric : TOPOLOGY) {
        assertTrue(m.get("metrics").has(metric), id + " has no " + metric);
        assertEquals(last.get(id).get(metric), m.get("metrics").get(metric).asDouble(), id);
      }
    }
  }

  @Test
  void populationAggregates_countTopologyOverEveryModel(@TempDir Path tmp) throws Exception {
    Path all = run(tmp.resolve("a"), SCENARIO, "all");
    Path none = run(tmp.resolve("n"), SCENARIO, "none");
    Map<String, Map<String, Double>> last = lastRows(all.resolve("metrics.csv"));
    JsonNode pops =
        new ObjectMapper().readTree(none.resolve("summary.json").toFile()).get("populations");
    assertEquals(1, pops.size());
    JsonNode metrics = pops.get(0).get("metrics");
    for (String metric : TOPOLOGY) {
      assertTrue(metrics.has(metric), "no " + metric + " in " + metrics);
      double sum = 0;
      for (Map<String, Double> byMetric : last.values()) {
        sum += byMetric.get(metric);
      }
      assertEquals(6, metrics.get(metric).get("n").asInt(), metric);
      assertEquals(sum / 6, metrics.get(metric).get("mean").asDouble(), 1e-12, metric);
    }
    assertFalse(Files.readString(none.resolve("metrics.csv")).contains("lab0"));
  }

  /**
   * Runs {@code scenario} in this JVM with per-model rows {@code rows} into {@code tmp/run}; the
   * run directory. Also {@link PopulationAggregatesTest}'s.
   */
  static Path run(Path tmp, String scenario, String rows) throws Exception {
    Files.createDirectories(tmp);
    Path file = tmp.resolve("s.yaml");
    Files.writeString(file, scenario + "output: {per-model-rows: " + rows + "}\n");
    Path out = tmp.resolve("run");
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {
              "run", file.toString(), "--quiet", "--no-report", "--out", out.toString()
            },
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true));
    assertEquals(0, code, err.toString());
    return out;
  }

  /** Each model's value of each topology metric in its last row of metrics.csv. */
  private static Map<String, Map<String, Double>> lastRows(Path csv) throws Exception {
    Map<String, Map<String, Double>> last = new HashMap<>();
    List<String> lines = new ArrayList<>(Files.readAllLines(csv));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      if (TOPOLOGY.contains(f[3])) {
        last.computeIfAbsent(f[1], k -> new HashMap<>())
            .put(f[3], f[4].equals("NA") ? Double.NaN : Double.parseDouble(f[4]));
      }
    }
    return last;
  }
}
