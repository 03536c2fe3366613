package ouroboros.sim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.cli.Main;
import ouroboros.sim.scenario.load.Yaml;

/**
 * The report of a run that keeps some or none of its models' rows: the header counts every model,
 * and with none kept the model-by-model sections give way to one note (QA, stop 32: the header said
 * "0 models" and the tables and charts were empty).
 */
class ReportPopulationsTest {
  @TempDir Path tmp;

  private static final String SCENARIO =
      """
      name: kept
      seed: 7
      ticks: 12
      domain: {type: gaussian, dimensions: 1, mean: [0.0], variance: [1.0]}
      output: {per-model-rows: ROWS, sample-size: 4}
      populations:
        - {id: people, kind: human, count: 2, id-pattern: "h{i}", template: {publish-rate: 50}}
        - {id: labs, kind: model, count: 12, id-pattern: "m{i}", template: {regime: replace,
           initial: truth, scrape: 50, publish-rate: 50, retrain-every: 5, first-retrain: 4}}
        - {id: late, kind: model, count: 3, id-pattern: "z{i}", template: {regime: replace,
           initial: truth, scrape: 50, publish-rate: 50, retrain-every: 5, first-retrain: 40}}
      """;

  private String report(String rows) throws Exception {
    Path file = Files.writeString(tmp.resolve(rows + ".yaml"), SCENARIO.replace("ROWS", rows));
    Path out = tmp.resolve(rows);
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"run", file.toString(), "--quiet", "--out", out.toString()},
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(0, code, err.toString());
    return Files.readString(out.resolve("report.html"));
  }

  @Test
  void none_countsEveryModel_andSaysWhyThereIsNoTableModelByModel() throws Exception {
    String html = report("none");
    assertTrue(html.contains(", 15 models (0 with rows of their own)"), html);
    assertTrue(html.contains("This run keeps no model&#39;s rows"), html);
    assertFalse(html.contains("id=\"summary\""), "no Final values section");
    assertFalse(html.contains("id=\"verdicts\""), "no verdicts section");
    assertTrue(html.contains("id=\"populations\""));
    assertTrue(html.contains("id=\"web\""));
  }

  @Test
  void sample_countsEveryModelAndTheKept() throws Exception {
    String html = report("sample");
    // Per definition, yes + no + n/a is every model of the population, those that have not
    // retrained yet as n/a (QA, stop 32: they were left out, and a population where none had
    // retrained had no verdicts at all).
    JsonNode summary = Yaml.json().readTree(tmp.resolve("sample/summary.json").toFile());
    int populations = 0;
    for (JsonNode p : summary.path("populations")) {
      populations++;
      for (int d = 1; d <= 8; d++) {
        JsonNode v = p.path("verdicts").path("d" + d);
        assertEquals(
            p.path("models").asInt(),
            v.path("yes").asInt() + v.path("no").asInt() + v.path("n/a").asInt(),
            p.path("id").asText() + " d" + d + ": " + v);
      }
    }
    assertEquals(2, populations, summary.toString());
    assertTrue(html.contains(", 15 models (4 with rows of their own)"), html);
    assertTrue(html.contains("id=\"summary\""));
  }
}
