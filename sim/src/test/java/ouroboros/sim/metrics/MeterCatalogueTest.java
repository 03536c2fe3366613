package ouroboros.sim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import ouroboros.sim.output.Meter;
import ouroboros.sim.output.MeterCatalogue;
import ouroboros.sim.testing.Repo;

/**
 * The live meters and the catalogue: what a run's registry exposes is exactly what the catalogue
 * declares (names, help text, base units), and the "Live metrics" table of docs/dashboards.md is
 * generated from it.
 */
class MeterCatalogueTest {
  private static final Pattern HELP = Pattern.compile("^# HELP (\\S+) (.*)$", Pattern.MULTILINE);

  /**
   * The table is MeterCatalogue.markdownTable(), a paragraph of its own: a blank line before and
   * after it, so that no stray line (such as part of this test's own message) is glued to it.
   */
  @Test
  void docs_liveMetricsTable_isGeneratedFromTheCatalogue() throws Exception {
    String page = Files.readString(Repo.root().resolve("docs/dashboards.md"));
    String table = MeterCatalogue.markdownTable();
    assertTrue(
        page.contains("\n\n" + table + "\n"),
        "docs/dashboards.md: found a stale Live metrics table, or lines glued to it; expected"
            + " MeterCatalogue.markdownTable() between blank lines. Replace the table, from its"
            + " header line to its last row, with the lines between the markers below.\n"
            + "-----8<-----\n"
            + table
            + "-----8<-----");
  }

  @Test
  void meters_areDottedLowercase_andOneNameHasOneKindHelpAndLabels() {
    Map<String, Meter> first = new TreeMap<>();
    for (Meter m : MeterCatalogue.all()) {
      if (m.kind() != Meter.Kind.BINDER) {
        assertTrue(m.name().matches("ouroboros(\\.[a-z]+)+"), "not dotted lowercase: " + m.name());
      }
      Meter f = first.putIfAbsent(m.prometheusName(), m);
      if (f != null) {
        assertEquals(f.kind(), m.kind(), m.name());
        assertEquals(f.help(), m.help(), m.name());
        assertEquals(f.labels(), m.labels(), m.name());
        assertTrue(!f.tags().equals(m.tags()), m.name() + " is declared twice with the same tags");
      }
    }
  }

  @Test
  void aServedRegistry_exposesEveryCataloguedMeter_andNoOther_withTheCataloguesHelp()
      throws Exception {
    try (MetricsServer server =
        MetricsServer.start(InetAddress.getLoopbackAddress(), 0, Tags.of("run", "r"))) {
      PrometheusMeterRegistry registry = (PrometheusMeterRegistry) server.registry();
      new EngineMeters(10).bindTo(registry);
      new WebMeters().bindTo(registry);
      new ModelMeters("gaussian", List.of("m0"), List.of("replace"), 1, 10).bindTo(registry);
      PopulationMeters populations = new PopulationMeters("gaussian", List.of("p"), 1);
      populations.bindTo(registry);
      new NodeMetrics(NodeMetrics.LOCAL, 3).bindTo(registry);
      String text = registry.scrape();
      Map<String, String> help = new TreeMap<>();
      Matcher m = HELP.matcher(text);
      while (m.find()) {
        help.put(m.group(1), m.group(2));
      }
      Set<String> expected = new TreeSet<>();
      for (Meter meter : MeterCatalogue.all()) {
        // The pipeline's counters appear at a stage's first report.
        if (!meter.name().startsWith("ouroboros.pipeline.")) {
          expected.add(meter.prometheusName());
        }
      }
      Set<String> ours = new TreeSet<>();
      for (String name : help.keySet()) {
        if (name.startsWith("ouroboros_")) {
          ours.add(name);
          assertTrue(
              MeterCatalogue.bySeriesName(name).isPresent()
                  || MeterCatalogue.bySeriesName(name + "_total").isPresent(),
              name + " is served but not catalogued");
        }
      }
      for (String name : expected) {
        String family = name.endsWith("_total") ? name.substring(0, name.length() - 6) : name;
        assertTrue(
            help.containsKey(family) || help.containsKey(name) || text.contains("\n" + name),
            name + " is catalogued but not served; served: " + ours);
      }
      for (Meter meter : MeterCatalogue.all()) {
        if (meter.kind() == Meter.Kind.BINDER || meter.name().startsWith("ouroboros.pipeline.")) {
          continue;
        }
        String name = meter.prometheusName();
        String family = name.replaceFirst("_total$", "");
        assertEquals(
            meter.help(), help.getOrDefault(name, help.get(family)), "the help text of " + name);
      }
    }
  }

  /**
   * Besides the table's names, a served registry has only the meters of Micrometer's binders, named
   * as Micrometer names them, and the page names every binder bound, since it does not list their
   * meters one by one.
   */
  @Test
  void aServedRegistry_servesBesidesTheTableOnlyTheNamedBindersMeters() throws Exception {
    String page = Files.readString(Repo.root().resolve("docs/dashboards.md"));
    Set<String> documented = new TreeSet<>(MetricsEndpointTest.documentedNames());
    try (MetricsServer server =
        MetricsServer.start(InetAddress.getLoopbackAddress(), 0, Tags.of("run", "r"))) {
      for (String binder : server.binderNames()) {
        assertTrue(
            page.contains("`" + binder + "`"),
            "docs/dashboards.md: found no `" + binder + "`, expected every binder bound named");
      }
      String text = ((PrometheusMeterRegistry) server.registry()).scrape();
      Matcher m = Pattern.compile("(?m)^# TYPE (\\S+) ").matcher(text);
      while (m.find()) {
        String name = m.group(1);
        assertTrue(
            documented.contains(name) || name.matches("(jvm|process|system)_.*"),
            "/metrics: found "
                + name
                + ", expected a name of docs/dashboards.md's table or a binder's (jvm_, process_,"
                + " system_)");
      }
    }
  }
}
