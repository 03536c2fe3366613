package ouroboros.sim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import ouroboros.sim.output.Meter;
import ouroboros.sim.output.MeterCatalogue;
import ouroboros.sim.testing.Repo;

/**
 * The dashboards' JSON (issue 12): each declares its datasources as import inputs ({@code
 * __inputs}, used as {@code ${DS_PROMETHEUS}}) so that it imports into an existing Grafana, has a
 * {@code $run} variable that every PromQL selector filters on so that two runs in one Prometheus do
 * not merge, reads the confusion matrix as exact cumulative counts, and gives a panel that shows
 * meters of one kind the unit the catalogue declares for them (human ancestry a probability, depth
 * a number of generations).
 */
class GrafanaDashboardsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A meter in PromQL, and the selector after it when there is one. */
  private static final Pattern SELECTOR =
      Pattern.compile("(?<![A-Za-z0-9_:])((?:ouroboros_|jvm_|process_)[A-Za-z0-9_:]*)(\\{[^}]*})?");

  private static final String RUN = "run=\"$run\"";

  /** Every dashboard file, parsed, with its name. */
  private static List<Object[]> dashboards() throws IOException {
    List<Object[]> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(Repo.root().resolve("grafana/dashboards"))) {
      for (Path p : s.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        out.add(new Object[] {p.getFileName().toString(), JSON.readTree(p.toFile())});
      }
    }
    assertEquals(5, out.size(), "dashboards");
    return out;
  }

  /** The panels, with those nested in rows. */
  private static List<JsonNode> panels(JsonNode d) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode p : d.path("panels")) {
      out.add(p);
      p.path("panels").forEach(out::add);
    }
    return out;
  }

  @Test
  void everyDashboard_declaresItsDatasourcesAsInputs_andUsesOnlyThem() throws IOException {
    for (Object[] f : dashboards()) {
      JsonNode d = (JsonNode) f[1];
      Set<String> inputs = new TreeSet<>();
      for (JsonNode in : d.path("__inputs")) {
        assertEquals("datasource", in.path("type").asText(), f[0] + ": input " + in);
        assertFalse(in.path("pluginId").asText().isBlank(), f[0] + ": input without pluginId");
        inputs.add("${" + in.path("name").asText() + "}");
      }
      assertTrue(inputs.contains("${DS_PROMETHEUS}"), f[0] + ": no DS_PROMETHEUS input: " + inputs);
      Set<String> variables = new TreeSet<>();
      for (JsonNode v : d.path("templating").path("list")) {
        if (v.path("type").asText().equals("datasource")) {
          variables.add("${" + v.path("name").asText() + "}");
        }
      }
      assertEquals(
          inputs,
          variables,
          f[0] + ": each input is also a datasource variable, so that a provisioned copy resolves");
      List<String> uids = new ArrayList<>();
      collectUids(d, uids);
      assertFalse(uids.isEmpty(), f[0] + ": no datasource");
      for (String uid : uids) {
        assertTrue(inputs.contains(uid), f[0] + ": datasource uid " + uid + " is not an input");
      }
    }
  }

  @Test
  void everyDashboard_hasARunVariable_andEveryQueryFiltersOnIt() throws IOException {
    for (Object[] f : dashboards()) {
      JsonNode d = (JsonNode) f[1];
      Optional<JsonNode> run = Optional.empty();
      for (JsonNode v : d.path("templating").path("list")) {
        if (v.path("name").asText().equals("run")) {
          run = Optional.of(v);
        }
      }
      assertTrue(run.isPresent(), f[0] + ": no $run variable");
      String q = run.get().path("query").path("query").asText(run.get().path("query").asText());
      assertTrue(q.matches("label_values\\(\\w+, run\\)"), f[0] + ": $run's query " + q);
      assertFalse(run.get().path("includeAll").asBoolean(), f[0] + ": $run must be one run");
      List<String> problems = new ArrayList<>();
      int selectors = 0;
      for (String expr : exprs(d)) {
        Matcher m = SELECTOR.matcher(expr);
        while (m.find()) {
          selectors++;
          if (m.group(2) == null || !m.group(2).contains(RUN)) {
            problems.add(m.group() + " does not filter on " + RUN + ", in: " + expr);
          }
        }
      }
      assertTrue(selectors > 0, f[0] + ": no selector");
      assertTrue(problems.isEmpty(), f[0] + ":\n  " + String.join("\n  ", problems));
    }
  }

  @Test
  void confusionMatrix_readsExactCumulativeCounts_notIncreaseOverTheRange() throws IOException {
    int panels = 0;
    for (Object[] f : dashboards()) {
      for (JsonNode p : panels((JsonNode) f[1])) {
        if (!p.path("title").asText().toLowerCase().contains("confusion")) {
          continue;
        }
        panels++;
        for (JsonNode t : p.path("targets")) {
          String expr = t.path("expr").asText();
          assertTrue(expr.contains("ouroboros_pipeline_"), f[0] + ": " + expr);
          for (String fn : List.of("increase(", "rate(", "delta(", "_over_time(")) {
            assertFalse(expr.contains(fn), f[0] + ": the confusion matrix uses " + fn + expr);
          }
          assertTrue(t.path("instant").asBoolean(), f[0] + ": an instant query: " + expr);
        }
      }
    }
    assertEquals(1, panels, "confusion-matrix panels");
  }

  @Test
  void panelsOfMetersWithACataloguedUnit_useThatUnit() throws IOException {
    int checked = 0;
    List<String> problems = new ArrayList<>();
    for (Object[] f : dashboards()) {
      for (JsonNode p : panels((JsonNode) f[1])) {
        Set<String> units = new TreeSet<>();
        boolean all = true;
        boolean any = false;
        for (JsonNode t : p.path("targets")) {
          Matcher m = SELECTOR.matcher(t.path("expr").asText());
          while (m.find()) {
            any = true;
            Optional<Meter> meter = MeterCatalogue.bySeriesName(m.group(1));
            if (meter.isEmpty() || meter.get().panelUnit() == null) {
              all = false;
            } else {
              units.add(meter.get().panelUnit());
            }
          }
        }
        if (any && all && units.size() == 1) {
          checked++;
          String unit = p.path("fieldConfig").path("defaults").path("unit").asText(null);
          if (!units.contains(unit)) {
            problems.add(f[0] + ", '" + p.path("title").asText() + "': " + unit + ", not " + units);
          }
        }
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
    assertTrue(checked >= 4, "panels checked: " + checked);
  }

  @Test
  void ancestryAndDepthPanels_haveTheirUnits() throws IOException {
    int found = 0;
    for (Object[] f : dashboards()) {
      for (JsonNode p : panels((JsonNode) f[1])) {
        String title = p.path("title").asText().toLowerCase();
        String unit = p.path("fieldConfig").path("defaults").path("unit").asText("");
        if (p.path("type").asText().equals("timeseries") && title.contains("ancestry")) {
          found++;
          assertEquals("percentunit", unit, f[0] + ": " + title);
        } else if (p.path("type").asText().equals("timeseries") && title.contains("depth")) {
          found++;
          assertEquals("suffix: gen", unit, f[0] + ": " + title);
        }
      }
    }
    assertTrue(found >= 3, "ancestry and depth panels: " + found);
  }

  /** Every PromQL text of a dashboard: its panels' queries and its query variables'. */
  private static List<String> exprs(JsonNode d) {
    List<String> out = new ArrayList<>();
    for (JsonNode p : panels(d)) {
      for (JsonNode t : p.path("targets")) {
        if (t.has("expr")) {
          out.add(t.path("expr").asText());
        }
      }
    }
    for (JsonNode v : d.path("templating").path("list")) {
      if (v.path("type").asText().equals("query") && !v.path("name").asText().equals("run")) {
        out.add(v.path("query").path("query").asText(v.path("query").asText()));
      }
    }
    return out;
  }

  /** Every datasource uid referenced anywhere in a dashboard. */
  private static void collectUids(JsonNode node, List<String> out) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              e -> {
                if (e.getKey().equals("datasource") && e.getValue().has("uid")) {
                  out.add(e.getValue().path("uid").asText());
                }
                collectUids(e.getValue(), out);
              });
    } else if (node.isArray()) {
      node.forEach(n -> collectUids(n, out));
    }
  }
}
