package ouroboros.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ouroboros.agents.crawl.CrawlPolicies;
import ouroboros.agents.pipeline.Regime;
import ouroboros.sim.output.Metric;
import ouroboros.sim.output.MetricCatalogue;
import ouroboros.sim.testing.Repo;

/**
 * Issue 12: {@code ouroboros list KIND} and {@code describe NAME} print what is registered, with
 * each key, its default and its meaning, read from the registries; an unknown kind or name is bad
 * input with a did-you-mean. The expected names come from the checked-in schema file, the agents'
 * registries and the metric catalogue, not from the code under test.
 */
class ListDescribeCommandTest {
  private static JsonNode schema() throws Exception {
    return new ObjectMapper()
        .readTree(Repo.root().resolve("scenarios/scenario.schema.json").toFile());
  }

  /** The names the list prints: lines that start in column 0, up to " (". */
  private static List<String> names(String out) {
    return out.lines()
        .filter(l -> !l.isEmpty() && !l.startsWith(" "))
        .map(l -> l.substring(0, l.indexOf(" (")))
        .toList();
  }

  @Test
  void list_domains_everyDomainTypeWithItsKeysAndDefaults() throws Exception {
    CliHelpTest.Result r = CliHelpTest.run("list", "domains");
    assertEquals(0, r.code(), r.err());
    List<String> expected = new ArrayList<>();
    schema().at("/definitions/domain/properties/type/enum").forEach(n -> expected.add(n.asText()));
    assertEquals(expected, names(r.out()));
    // A key, its default and its doc, from the @Key declaration on GaussianSpec.
    assertTrue(r.out().contains("    domain.dimensions (integer, default 1)\n"), r.out());
    assertTrue(r.out().contains("        The dimension d."), r.out());
    // The model keys each domain reads.
    assertTrue(r.out().contains("    estimator.variance (one of mle|unbiased, default \"mle\")"));
  }

  @Test
  void list_stages_everyStage() throws Exception {
    CliHelpTest.Result r = CliHelpTest.run("list", "stages");
    assertEquals(0, r.code(), r.err());
    List<String> expected = new ArrayList<>();
    schema()
        .get("definitions")
        .fieldNames()
        .forEachRemaining(
            d -> {
              if (d.startsWith("stage-")) {
                expected.add(d.substring(6));
              }
            });
    assertEquals(expected, names(r.out()));
    assertTrue(r.out().contains("    resolution (number, default 0.0)\n"), r.out());
  }

  @Test
  void list_crawlPolicies_everyPolicyWithItsOwnKeysOnly() {
    CliHelpTest.Result r = CliHelpTest.run("list", "crawl-policies");
    assertEquals(0, r.code(), r.err());
    assertEquals(CrawlPolicies.crawlNames(), names(r.out()).stream().sorted().toList());
    for (Registry.Entry e : Registry.entries("crawl-policies")) {
      assertFalse(e.meaning().isEmpty(), e.name());
      List<String> keys = e.keys().stream().map(Registry.KeyDoc::name).toList();
      assertEquals(
          switch (e.name()) {
            case "site-mix" -> List.of("crawl.sites", "crawl.weights");
            case "recent" -> List.of("crawl.sites", "crawl.window");
            case "popular" -> List.of("crawl.sites", "crawl.exponent");
            default -> List.of("crawl.sites");
          },
          keys,
          e.name());
    }
  }

  @Test
  void list_regimes_everyRegimeWithAMeaning() {
    CliHelpTest.Result r = CliHelpTest.run("list", "regimes");
    assertEquals(0, r.code(), r.err());
    assertEquals(Regime.keys(), names(r.out()));
    Registry.entries("regimes").forEach(e -> assertFalse(e.meaning().isEmpty(), e.name()));
    assertTrue(r.out().contains("    window (integer, default 10)"), r.out());
  }

  @Test
  void list_metrics_everyCatalogueMetric() {
    CliHelpTest.Result r = CliHelpTest.run("list", "metrics");
    assertEquals(0, r.code(), r.err());
    List<String> printed =
        r.out().lines().filter(l -> !l.startsWith(" ")).map(l -> l.split(" ")[0]).toList();
    assertEquals(MetricCatalogue.all().stream().map(Metric::name).toList(), printed);
  }

  @Test
  void describe_knownNames_printThatEntry() {
    CliHelpTest.Result r = CliHelpTest.run("describe", "dedup");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("dedup (stage)\n    Dedup: drops"), r.out());
    // A metric by a concrete name: its family.
    r = CliHelpTest.run("describe", "pipeline-1-dedup-kept");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("pipeline-K-STAGE-kept (metric)\n"), r.out());
  }

  @Test
  void describe_unknownName_didYouMeanExitTwo() {
    CliHelpTest.Result r = CliHelpTest.run("describe", "gausian");
    assertEquals(Main.BAD_INPUT, r.code());
    assertEquals("", r.out());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().startsWith("error: NAME: found 'gausian', expected a registered"), r.err());
    assertTrue(r.err().strip().endsWith("(did you mean 'gaussian'?)"), r.err());
  }

  @Test
  void list_unknownKind_didYouMeanExitTwo() {
    CliHelpTest.Result r = CliHelpTest.run("list", "domain");
    assertEquals(Main.BAD_INPUT, r.code());
    assertTrue(r.err().strip().endsWith("(did you mean 'domains'?)"), r.err());
  }

  @Test
  void describe_aRecordKey_printsTheRecordsKeysIndented() {
    // QA: 'describe watermark-filter' printed 'z-score (z-score)' and an empty line.
    CliHelpTest.Result r = CliHelpTest.run("describe", "watermark-filter");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("    z-score (z-score)\n        The z-score detector"), r.out());
    for (String k : List.of("gamma", "threshold", "tokens")) {
      assertTrue(r.out().contains("\n        z-score." + k + " ("), r.out());
    }
    assertTrue(r.out().contains("            Green-list share"), r.out());
  }

  @Test
  void describe_scenarioBlocks_andSourcesPointsToTrainsOn() {
    // QA: 'describe laundering' and 'describe watermark' exited 2 with no suggestion, and
    // 'describe sources' too, though topology.md called it a registered policy.
    CliHelpTest.Result w = CliHelpTest.run("describe", "watermark");
    assertEquals(0, w.code(), w.err());
    assertTrue(w.out().startsWith("watermark (scenario block)\n"), w.out());
    assertTrue(w.out().contains("    rate (number, required)\n"), w.out());
    CliHelpTest.Result l = CliHelpTest.run("describe", "laundering");
    assertEquals(0, l.code(), l.err());
    assertTrue(l.out().contains("humans[].laundering"), l.out());
    assertTrue(l.out().contains("    strip (number, default 1.0)\n"), l.out());
    CliHelpTest.Result s = CliHelpTest.run("describe", "sources");
    assertEquals(Main.BAD_INPUT, s.code());
    assertTrue(s.err().contains("see 'ouroboros describe trains-on'"), s.err());
    assertFalse(names(CliHelpTest.run("list", "crawl-policies").out()).contains("sources"));
  }
}
