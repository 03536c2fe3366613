package ouroboros.sim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.output.CsvFields;
import ouroboros.sim.output.MetricRow;
import ouroboros.sim.scenario.load.Yaml;

/**
 * The sweep tables and report of runs that aggregate per population (summary.json's {@code
 * populations}): each run's populations are rows {@code population:<id>} with the population's
 * means, and the report charts and tabulates per population, not per model. QA: a sweep of a
 * scenario with {@code per-model-rows: none} wrote tables with headers only and no report; one of
 * 1,001 models drew two charts per model (143 MB, 2 min 18 s).
 */
class PopulationSweepTablesTest {
  private static final String BASE =
      """
      name: pop
      seed: 3
      ticks: 6
      domain: {type: gaussian, dimensions: 1, mean: [0.0], variance: [1.0]}
      humans:
        - {id: h, publish-rate: 100}
      populations:
        - id: labs
          kind: model
          count: 8
          id-pattern: "lab-{i}"
          template: {regime: replace, scrape: 10, publish-rate: 0, retrain-every: 2}
      output: ROWS
      """;

  private static final String SWEEP =
      """
      base: base.yaml
      replicates: 2
      grid:
        populations[labs].template.scrape: [10, 20]
      """;

  @TempDir Path tmp;

  private Path sweep(String rows) throws Exception {
    Sweeps.write(tmp, "base.yaml", BASE.replace("ROWS", rows));
    Path file = Sweeps.write(tmp, "sweep.yaml", SWEEP);
    Path out = tmp.resolve("out");
    Sweeps.Result r =
        Sweeps.run("sweep", file.toString(), "--out", out.toString(), "--parallel", "1");
    assertEquals(0, r.code(), r.stderr());
    assertFalse(r.stderr().contains("could not write the report"), r.stderr());
    assertTrue(r.stdout().contains("population:labs"), r.stdout());
    return out;
  }

  /** sweep.csv's rows: {cell, replicate, model, metric, value}. */
  private static List<List<String>> rows(Path out) throws Exception {
    List<String> lines = Files.readAllLines(out.resolve("sweep.csv"));
    List<String> header = CsvFields.split(lines.get(0));
    int model = header.indexOf("model");
    List<List<String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> f = CsvFields.split(line);
      rows.add(List.of(f.get(0), f.get(1), f.get(model), f.get(model + 1), f.get(model + 2)));
    }
    return rows;
  }

  @Test
  void noModelRows_tablesCarryEachRunsPopulationMeans_andTheReportIsWritten() throws Exception {
    Path out = sweep("{per-model-rows: none}");
    List<List<String>> rows = rows(out);
    for (int c = 0; c < 2; c++) {
      for (int r = 0; r < 2; r++) {
        JsonNode pop =
            Yaml.json()
                .readTree(SweepTables.runDir(out, c, r).resolve("summary.json").toFile())
                .path("populations")
                .get(0);
        List<String> expected = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = pop.path("metrics").fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          JsonNode mean = e.getValue().path("mean");
          expected.add(
              e.getKey() + "=" + MetricRow.format(mean.isNull() ? Double.NaN : mean.asDouble()));
        }
        String cell = Integer.toString(c);
        String rep = Integer.toString(r);
        List<String> found =
            rows.stream()
                .filter(f -> f.get(0).equals(cell) && f.get(1).equals(rep))
                .map(f -> f.get(2) + ":" + f.get(3) + "=" + f.get(4))
                .toList();
        assertEquals(
            expected.stream().sorted().map(e -> "population:labs:" + e).toList(),
            found,
            "c" + c + "-r" + r);
      }
    }
    String summary = Files.readString(out.resolve("summary.csv"));
    assertTrue(summary.contains("\n0,10,population:labs,population-risk,2,"), summary);
    assertTrue(summary.contains("\n1,20,population:labs,population-risk,2,"), summary);
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("population:labs"), "the population's rows in the report");
    assertTrue(html.contains("keep no model&#39;s rows in metrics.csv"), "why nothing over ticks");
  }

  @Test
  void sample_keepsTheSampledRows_andTheReportChartsPerPopulation() throws Exception {
    Path out = sweep("{per-model-rows: sample, sample-size: 3}");
    List<List<String>> rows = rows(out);
    for (int c = 0; c < 2; c++) {
      for (int r = 0; r < 2; r++) {
        JsonNode summary =
            Yaml.json().readTree(SweepTables.runDir(out, c, r).resolve("summary.json").toFile());
        TreeSet<String> expected = new TreeSet<>(List.of("population:labs"));
        summary.path("models").forEach(m -> expected.add(m.path("id").asText()));
        assertEquals(3 + 1, expected.size(), "three sampled models and the population");
        String cell = Integer.toString(c);
        String rep = Integer.toString(r);
        TreeSet<String> found = new TreeSet<>();
        rows.stream()
            .filter(f -> f.get(0).equals(cell) && f.get(1).equals(rep))
            .forEach(f -> found.add(f.get(2)));
        assertEquals(expected, found, "c" + c + "-r" + r);
      }
    }
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("id=\"chart-population-risk-models\""), "one risk chart in all");
    assertFalse(html.contains("id=\"chart-population-risk-0\""), "no risk chart per model");
    assertFalse(html.contains(">lab-"), "no table row per sampled model");
  }
}
