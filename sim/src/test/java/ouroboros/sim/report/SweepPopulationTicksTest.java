package ouroboros.sim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.cli.Main;

/**
 * A sweep report of runs that aggregate per population, with several populations: risk and
 * diversity over ticks are drawn per population, each over that population's kept models (QA: the
 * two charts averaged every kept model of every population together).
 */
class SweepPopulationTicksTest {
  @TempDir Path tmp;

  private static final String BASE =
      """
      name: pops
      seed: 5
      ticks: 4
      domain: {type: gaussian, dimensions: 1, mean: [0.0], variance: [1.0]}
      humans:
        - {id: people, publish-rate: 20}
      output: {per-model-rows: sample, sample-size: 6}
      models:
        - {id: solo, regime: replace, initial: truth, scrape: 20, publish-rate: 10}
      populations:
        - {id: labs, kind: model, count: 3, id-pattern: "lab-{i}", template: {regime: replace,
           initial: truth, scrape: 20, publish-rate: 10}}
        - {id: banks, kind: model, count: 3, id-pattern: "bank-{i}", template: {regime: accumulate,
           initial: truth, scrape: 20, publish-rate: 10}}
      """;

  @Test
  void severalPopulations_oneChartPairPerPopulation_overItsOwnKeptModels() throws Exception {
    Files.writeString(tmp.resolve("base.yaml"), BASE);
    Path sweep =
        Files.writeString(
            tmp.resolve("sweep.yaml"),
            "base: base.yaml\nreplicates: 2\ngrid:\n  humans[people].publish-rate: [10, 40]\n");
    Path out = tmp.resolve("out");
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"sweep", sweep.toString(), "--quiet", "--out", out.toString()},
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(0, code, err.toString());
    SweepDir s = SweepDir.load(out, SweepReport.METRICS);
    List<String> populations = s.populations();
    assertEquals(3, populations.size(), populations.toString());
    Map<String, Map<String, String>> groups = SweepPopulationTicks.groups(s);
    assertNotNull(groups);
    String html = Files.readString(out.resolve("report.html"));
    for (int k = 0; k < populations.size(); k++) {
      assertTrue(html.contains("id=\"chart-population-risk-population-" + k + "\""), html);
      assertTrue(
          html.contains("mean over the kept models of " + populations.get(k) + "\""),
          populations.get(k));
    }
    assertFalse(html.contains("id=\"chart-population-risk-models\""), "no pooled chart");
    for (List<RunDir> runs : s.runs().values()) {
      for (RunDir r : runs) {
        Map<String, String> of = groups.get(r.dir().toString());
        for (String m : r.metrics().models()) {
          String expected = m.startsWith("lab-") ? "labs" : m.startsWith("bank-") ? "banks" : null;
          assertEquals(expected == null ? "models" : expected, SweepPopulationTicks.group(of, m));
        }
        // The labs' line: at each tick, the mean over the kept labs alone.
        Series labs =
            SweepPopulationTicks.meanOverModels(
                r, "population-risk", m -> "labs".equals(SweepPopulationTicks.group(of, m)));
        List<String> kept =
            r.metrics().models().stream().filter(m -> m.startsWith("lab-")).toList();
        if (kept.isEmpty()) {
          assertEquals(null, labs);
          continue;
        }
        for (int i = 0; i < labs.size(); i++) {
          double sum = 0;
          int n = 0;
          for (String m : kept) {
            Series x = r.metrics().get(m, "population-risk");
            for (int j = 0; j < x.size(); j++) {
              if (x.tick(j) == labs.tick(i) && !Double.isNaN(x.value(j))) {
                sum += x.value(j);
                n++;
              }
            }
          }
          assertEquals(sum / n, labs.value(i), 1e-12, r.dir() + " tick " + labs.tick(i));
        }
      }
    }
  }

  @Test
  void group_ofACopy_isItsModels() {
    Map<String, String> of = Map.of("lab-0", "labs", "x.c", "models");
    assertEquals("labs", SweepPopulationTicks.group(of, "lab-0.c3"));
    assertEquals("models", SweepPopulationTicks.group(of, "x.c"));
    assertEquals(null, SweepPopulationTicks.group(of, "lab-0.cx"));
  }

  private static RunDir run(MetricsFile metrics) {
    return new RunDir(
        java.nio.file.Path.of("run"),
        "s",
        "",
        "gaussian",
        1,
        4,
        4,
        true,
        null,
        List.of(),
        metrics,
        Double.NaN,
        List.of(),
        null);
  }

  @Test
  void meanOverModels_mixedRetrainCadences_carriesEachModelsLatestValue() {
    // Two models report at even ticks only (retrain-every: 2), one at every tick: at odd ticks the
    // mean is still over all three, not the one that happens to report there.
    MetricsFile f = MetricsFile.empty();
    for (int t = 0; t < 4; t++) {
      if (t % 2 == 0) {
        f.add("s0", "population-risk", t, 10);
        f.add("s1", "population-risk", t, 20);
      }
      f.add("fast", "population-risk", t, 3);
    }
    Series mean = SweepPopulationTicks.meanOverModels(run(f), "population-risk", m -> true);
    assertEquals(4, mean.size());
    for (int k = 0; k < 4; k++) {
      assertEquals(k, mean.tick(k));
      assertEquals((10 + 20 + 3) / 3.0, mean.value(k), 1e-12, "mean at tick " + k);
    }
  }

  @Test
  void meanOverModels_modelBeforeItsFirstRowAndNa_leftOut_infinityKept() {
    MetricsFile f = MetricsFile.empty();
    f.add("a", "population-risk", 0, 1);
    f.add("a", "population-risk", 1, Double.NaN);
    f.add("a", "population-risk", 2, Double.POSITIVE_INFINITY);
    f.add("b", "population-risk", 1, 5);
    Series mean = SweepPopulationTicks.meanOverModels(run(f), "population-risk", m -> true);
    assertEquals(3, mean.size());
    assertEquals(1, mean.value(0));
    assertEquals(5, mean.value(1));
    assertEquals(Double.POSITIVE_INFINITY, mean.value(2));
    assertEquals(null, SweepPopulationTicks.meanOverModels(run(f), "diversity-ratio", m -> true));
  }
}
