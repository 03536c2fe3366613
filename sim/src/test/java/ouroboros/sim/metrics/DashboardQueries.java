package ouroboros.sim.metrics;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The queries of the Grafana dashboards in {@code grafana/dashboards/}, read from their JSON: one
 * {@link Target} per query of every panel, rows' nested panels included, with the datasource it
 * goes to (its own, else its panel's), and the dashboard's template variables and time range.
 */
final class DashboardQueries {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A relative time such as {@code now-15m}. */
  private static final Pattern NOW_MINUS = Pattern.compile("now-(\\d+)([smhdw])");

  private DashboardQueries() {}

  /**
   * One query of one panel, which is named by its title, type and id (titles may repeat). {@code
   * datasourceUid} is null when neither the query nor its panel names one. A PromQL query has an
   * {@code expr}; an Infinity query has a {@code url} (empty otherwise), a {@code format} (such as
   * {@code node-graph-nodes}) and the {@code columns} it reads (their selectors).
   */
  record Target(
      String panel,
      String refId,
      String datasourceUid,
      String expr,
      boolean instant,
      boolean range,
      String url,
      String format,
      List<String> columns) {
    Target {
      columns = List.copyOf(columns);
    }
  }

  /** A template variable: its name, type, query text (may be empty) and regex (may be empty). */
  record Variable(String name, String type, String query, String regex) {}

  /** A dashboard: its file name, title, default time range, variables and targets. */
  record Dashboard(
      String file,
      String title,
      Duration timeRange,
      List<Variable> variables,
      List<Target> targets) {
    Dashboard {
      requireNonNull(file);
      variables = List.copyOf(variables);
      targets = List.copyOf(targets);
    }
  }

  /** Every {@code *.json} of {@code dir}, in file name order. */
  static List<Dashboard> load(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
    }
    List<Dashboard> out = new ArrayList<>();
    for (Path f : files) {
      out.add(parse(f.getFileName().toString(), JSON.readTree(f.toFile())));
    }
    return out;
  }

  /** One dashboard's JSON. */
  static Dashboard parse(String file, JsonNode d) {
    List<Target> targets = new ArrayList<>();
    collectTargets(d.path("panels"), targets);
    List<Variable> variables = new ArrayList<>();
    for (JsonNode v : d.path("templating").path("list")) {
      JsonNode q = v.path("query");
      String query =
          q.isTextual() ? q.asText() : q.path("query").asText(v.path("definition").asText(""));
      variables.add(
          new Variable(
              v.path("name").asText(), v.path("type").asText(), query, v.path("regex").asText("")));
    }
    return new Dashboard(
        file,
        d.path("title").asText(file),
        timeRange(d.path("time").path("from").asText("now-6h")),
        variables,
        targets);
  }

  /** The targets of {@code panels} and of the panels nested in them (rows), in order. */
  private static void collectTargets(JsonNode panels, List<Target> out) {
    for (JsonNode panel : panels) {
      String title =
          "'"
              + panel.path("title").asText("")
              + "' ("
              + panel.path("type").asText()
              + ", id "
              + panel.path("id").asText("?")
              + ")";
      String panelUid = panel.path("datasource").path("uid").asText(null);
      for (JsonNode t : panel.path("targets")) {
        String uid = t.path("datasource").path("uid").asText(panelUid);
        boolean instant = t.path("instant").asBoolean(false);
        // Grafana runs a range query unless told otherwise; both when both are set.
        boolean range = t.path("range").asBoolean(!instant);
        List<String> columns = new ArrayList<>();
        t.path("columns").forEach(c -> columns.add(c.path("selector").asText()));
        out.add(
            new Target(
                title,
                t.path("refId").asText("?"),
                uid,
                t.path("expr").asText(""),
                instant,
                range,
                t.path("url").asText(""),
                t.path("format").asText(""),
                columns));
      }
      collectTargets(panel.path("panels"), out);
    }
  }

  /** The length of a dashboard's default range, {@code now-N<unit>} to now. */
  static Duration timeRange(String from) {
    Matcher m = NOW_MINUS.matcher(from);
    if (!m.matches()) {
      throw new IllegalArgumentException("time.from is not now-N<unit>: " + from);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> Duration.ofDays(7 * n);
    };
  }
}
