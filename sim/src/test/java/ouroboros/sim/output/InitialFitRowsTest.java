package ouroboros.sim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import ouroboros.sim.scenario.load.Yaml;

/**
 * Generation 1 of a model with {@code initial: fit-truth} (fitted before tick 0 on fresh truth
 * items) has its rows in metrics.csv, at tick -1, before tick 0's; a model that starts as the truth
 * (generation 0) has none there, and the summary still holds the latest generation.
 */
class InitialFitRowsTest {
  private static final String SCENARIO =
      """
      name: first-fit
      seed: 11
      ticks: 4
      domain: {type: gaussian}
      web: {retention: 1}
      sites: [{id: a}, {id: b}]
      models:
        - {id: fitted, initial: fit-truth, scrape: 40, publish-rate: 40, regime: replace,
           site: a, crawl: {sites: [a]}}
        - {id: perfect, initial: truth, scrape: 40, publish-rate: 40, regime: replace,
           site: b, crawl: {sites: [b]}}
      """;

  @TempDir Path tmp;

  @Test
  void run_fitTruth_generationOneAtTickMinusOne() throws Exception {
    Path scenario = Files.writeString(tmp.resolve("s.yaml"), SCENARIO);
    Path out = tmp.resolve("run");
    run("run", scenario.toString(), "--out", out.toString(), "--quiet");
    List<String[]> rows = rows(out.resolve("metrics.csv"));

    List<String[]> first = rows.stream().filter(f -> f[0].equals("-1")).toList();
    assertTrue(first.size() > 10, "rows at tick -1: " + first.size());
    assertEquals(first, rows.subList(0, first.size()), "tick -1 comes first");
    for (String[] f : first) {
      assertEquals("fitted", f[1], "only the fit-truth model has rows before tick 0");
      assertEquals("1", f[2], "generation 1");
    }
    Map<String, Double> g1 = values(rows, "-1", "fitted");
    Map<String, Double> g2 = values(rows, "0", "fitted");
    assertEquals(1.0, g1.get("generation"));
    assertEquals(2.0, g2.get("generation"));
    assertEquals(0.0, g1.get("scraped"), "nothing scraped: fresh truth items");
    assertEquals(1.0, g1.get("train-human-share"));
    assertEquals(40.0, g1.get("train-size"));
    assertEquals(1.0, g1.get("d1-risk-ratio"), "definition 1 compares with generation 1");
    double risk1 = g1.get("population-risk");
    double recovered = g2.get("population-risk") / g2.get("d1-risk-ratio");
    assertTrue(risk1 > 0, "risk " + risk1);
    assertEquals(recovered, risk1, 1e-12 * risk1, "risk_1 = risk_2 / d1-risk-ratio");
    assertEquals(g1.get("diversity-ratio"), g1.get("d5-diversity-ratio"));

    // The summary holds the latest generation, which the last tick's rows show.
    JsonNode summary = Yaml.json().readTree(out.resolve("summary.json").toFile());
    Map<String, Double> last = values(rows, "3", "fitted");
    for (JsonNode m : summary.path("models")) {
      if (m.path("id").asText().equals("fitted")) {
        assertEquals(5, m.path("generation").asInt(), m.toString());
        assertEquals(
            last.get("population-risk"), m.path("metrics").path("population-risk").asDouble());
      } else {
        assertEquals(4, m.path("generation").asInt(), "the truth is generation 0: " + m);
      }
    }
  }

  @Test
  void run_fitTruthModelThatHasNotRetrained_summaryHoldsGenerationOne() throws Exception {
    // QA, stop 32: such a model showed generation 0 and no values in summary.json.
    Path scenario =
        Files.writeString(
            tmp.resolve("late.yaml"),
            SCENARIO.replace(
                "site: a, crawl", "retrain-every: 10, first-retrain: 9, site: a, crawl"));
    assertTrue(Files.readString(scenario).contains("first-retrain: 9"));
    Path out = tmp.resolve("late");
    run("run", scenario.toString(), "--out", out.toString(), "--quiet");
    List<String[]> rows = rows(out.resolve("metrics.csv"));
    Map<String, Double> g1 = values(rows, "-1", "fitted");
    assertTrue(
        rows.stream().noneMatch(f -> f[1].equals("fitted") && !f[0].equals("-1")),
        "no retrain in the run's 4 ticks");
    JsonNode summary = Yaml.json().readTree(out.resolve("summary.json").toFile());
    JsonNode fitted = null;
    for (JsonNode m : summary.path("models")) {
      if (m.path("id").asText().equals("fitted")) {
        fitted = m;
      }
    }
    assertEquals(1, fitted.path("generation").asInt(), String.valueOf(fitted));
    assertEquals(-1, fitted.path("last-retrain").asInt(), String.valueOf(fitted));
    assertEquals(
        g1.get("population-risk"), fitted.path("metrics").path("population-risk").asDouble());
    assertEquals(4, summary.path("ticks-completed").asInt(), summary.toString());
  }

  @Test
  void sweep_fitTruth_ticksTableHasTickMinusOne() throws Exception {
    Files.writeString(tmp.resolve("base.yaml"), SCENARIO);
    Path sweep =
        Files.writeString(
            tmp.resolve("sweep.yaml"),
            "base: base.yaml\nname: first-fit-sweep\nreplicates: 2\n"
                + "grid:\n  models[fitted].scrape: [30, 40]\n");
    Path out = tmp.resolve("sweep");
    run("sweep", sweep.toString(), "--out", out.toString(), "--quiet");
    assertTrue(Files.exists(out.resolve("report.html")), "the report reads tick -1 rows");
    List<String[]> ticks = rows(out.resolve("sweep-ticks.csv"));
    // cell,models[fitted].scrape,tick,model,metric,n,mean,...
    for (String cell : List.of("0", "1")) {
      String[] risk =
          ticks.stream()
              .filter(
                  f ->
                      f[0].equals(cell)
                          && f[2].equals("-1")
                          && f[3].equals("fitted")
                          && f[4].equals("population-risk"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no tick -1 row in cell " + cell));
      assertEquals("2", risk[5], "both replicates");
      double mean = 0;
      for (int r = 0; r < 2; r++) {
        Path metrics = out.resolve("runs/c" + cell + "-r" + r + "/metrics.csv");
        mean += values(rows(metrics), "-1", "fitted").get("population-risk") / 2;
      }
      assertEquals(mean, Double.parseDouble(risk[6]), 1e-12 * mean);
      assertTrue(
          ticks.stream().noneMatch(f -> f[2].equals("-1") && f[3].equals("perfect")),
          "no generation-1 row for a model that starts as the truth");
    }
  }

  /** Runs the command line in-process and checks that it succeeded. */
  private static void run(String... args) {
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertEquals(0, code, err.toString());
  }

  /** A CSV file's rows, header excluded, split on commas. */
  private static List<String[]> rows(Path csv) throws Exception {
    List<String[]> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(csv);
    for (String line : lines.subList(1, lines.size())) {
      rows.add(line.split(",", -1));
    }
    return rows;
  }

  /** One model's metrics.csv values at one tick, by metric. */
  private static Map<String, Double> values(List<String[]> rows, String tick, String agent) {
    Map<String, Double> m = new HashMap<>();
    for (String[] f : rows) {
      if (f[0].equals(tick) && f[1].equals(agent)) {
        m.put(f[3], f[4].equals("NA") ? Double.NaN : Double.parseDouble(f[4]));
      }
    }
    return m;
  }
}
