package ouroboros.sim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import ouroboros.sim.testing.Repo;

/**
 * The metric catalogue: the metrics table of docs/metrics.md is generated from it, and it knows
 * every name.
 */
class MetricCatalogueTest {

  @Test
  void docs_metricsTable_isGeneratedFromTheCatalogue() throws Exception {
    String page = Files.readString(Repo.root().resolve("docs/metrics.md"));
    String table = MetricCatalogue.markdownTable();
    assertTrue(
        page.contains("\n" + table + "\n"),
        "docs/metrics.md's metrics table is stale:"
            + " replace it (from '| metric | agent |' to the line before"
            + " '## The eight meanings of collapse')"
            + " with MetricCatalogue.markdownTable():\n"
            + table);
  }

  @Test
  void goldenRun_everyMetricName_isInTheCatalogue() throws Exception {
    Path csv = Repo.root().resolve("sim/src/test/resources/golden/small.metrics.csv");
    Set<String> names =
        Files.readAllLines(csv).stream()
            .skip(1)
            .map(l -> l.split(",")[3])
            .collect(Collectors.toCollection(TreeSet::new));
    assertTrue(names.size() > 10, "the golden run writes metrics: " + names);
    for (String n : names) {
      assertTrue(MetricCatalogue.parse(n).isPresent(), n + " is not in the catalogue");
    }
  }

  @Test
  void family_nameAndParse_roundTrip() {
    Metric fp = MetricCatalogue.PIPELINE_ERRORS.get(0);
    String name = fp.name(2, "watermark-filter");
    assertEquals("pipeline-2-watermark-filter-false-positives", name);
    Metric.Parsed p = MetricCatalogue.parse(name).orElseThrow();
    assertEquals(fp, p.metric());
    assertEquals(List.of("2", "watermark-filter"), p.parts());

    String site = WebMetrics.SITE_ITEMS.get(1).name("a-new");
    assertEquals("site-a-new-new-items", site);
    assertEquals(WebMetrics.SITE_ITEMS.get(1), MetricCatalogue.parse(site).orElseThrow().metric());
    assertEquals(List.of("a-new"), MetricCatalogue.parse(site).orElseThrow().parts());
    assertEquals(List.of("3"), MetricCatalogue.parse("community-3-share").orElseThrow().parts());
    assertTrue(MetricCatalogue.parse("community-x-share").isEmpty(), "C is a number");
    assertTrue(MetricCatalogue.parse("no-such-metric").isEmpty());
  }

  @Test
  void catalogue_namesAreUnique() {
    List<String> names = MetricCatalogue.all().stream().map(Metric::name).toList();
    assertEquals(names.size(), new TreeSet<>(names).size(), "duplicate names: " + names);
  }
}
