package ouroboros.sim.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grafana's variable substitution in PromQL, as the Prometheus datasource does it before sending a
 * query: its global variables ({@code $__interval}, {@code $__rate_interval}, {@code $__range} and
 * their {@code _ms} and {@code _s} forms) and a dashboard's template variables, each given a real
 * value by running its own query against Prometheus ({@code label_values}) and taking the first
 * value in sorted order, as a dashboard opened without a saved choice does.
 */
final class GrafanaTemplating {
  /** {@code ${name}}, {@code ${name:format}}, {@code [[name]]} or {@code $name}. */
  private static final Pattern REFERENCE =
      Pattern.compile("\\$\\{(\\w+)(?::[^}]*)?}|\\[\\[(\\w+)(?::[^\\]]*)?]]|\\$(\\w+)");

  private static final Pattern LABEL_VALUES_OF_SERIES =
      Pattern.compile("\\s*label_values\\((.+),\\s*(\\w+)\\s*\\)\\s*");
  private static final Pattern LABEL_VALUES =
      Pattern.compile("\\s*label_values\\(\\s*(\\w+)\\s*\\)\\s*");

  private GrafanaTemplating() {}

  /**
   * The global variables for a dashboard range of {@code range}, with Prometheus scraping every
   * {@code scrape}, and a query step ({@code $__interval}) of {@code step}. As in Grafana, {@code
   * $__rate_interval} is the larger of the step plus the scrape interval and four scrape intervals.
   */
  static Map<String, String> globals(Duration range, Duration scrape, Duration step) {
    Duration rate =
        step.plus(scrape).compareTo(scrape.multipliedBy(4)) > 0
            ? step.plus(scrape)
            : scrape.multipliedBy(4);
    long now = System.currentTimeMillis();
    Map<String, String> v = new LinkedHashMap<>();
    v.put("__interval", step.toMillis() + "ms");
    v.put("__interval_ms", Long.toString(step.toMillis()));
    v.put("__rate_interval", rate.toMillis() + "ms");
    v.put("__rate_interval_ms", Long.toString(rate.toMillis()));
    v.put("__range", range.toSeconds() + "s");
    v.put("__range_s", Long.toString(range.toSeconds()));
    v.put("__range_ms", Long.toString(range.toMillis()));
    v.put("__from", Long.toString(now - range.toMillis()));
    v.put("__to", Long.toString(now));
    return v;
  }

  /**
   * {@code text} with every variable reference replaced by its value in {@code values}.
   *
   * @throws IllegalArgumentException naming a variable that has no value
   */
  static String substitute(String text, Map<String, String> values) {
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      String value = values.get(name);
      if (value == null) {
        throw new IllegalArgumentException("no value for the variable $" + name + " in: " + text);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * The values of a dashboard's variables, in their order (a variable's query may use those before
   * it), after {@code globals}.
   *
   * @throws IllegalArgumentException naming a variable of a type or query this does not know, or
   *     one whose query finds no value
   */
  static Map<String, String> resolve(
      List<DashboardQueries.Variable> variables,
      Map<String, String> globals,
      PrometheusProcess prometheus,
      Duration range)
      throws IOException {
    Map<String, String> values = new LinkedHashMap<>(globals);
    for (DashboardQueries.Variable v : variables) {
      List<String> options =
          switch (v.type()) {
            case "query" -> queryValues(substitute(v.query(), values), prometheus, range);
            case "custom", "interval" -> List.of(v.query().split("\\s*,\\s*"));
            case "constant", "textbox" -> List.of(v.query());
            case "datasource" ->
                List.of(
                    v.query().equals("prometheus")
                        ? PrometheusIntegrationTest.PROMETHEUS_UID
                        : PrometheusIntegrationTest.INFINITY_UID);
            default ->
                throw new IllegalArgumentException(
                    "variable $" + v.name() + ": unknown type " + v.type());
          };
      List<String> kept = filter(options, v.regex());
      if (kept.isEmpty() || kept.get(0).isBlank()) {
        throw new IllegalArgumentException(
            "variable $"
                + v.name()
                + " ("
                + v.query()
                + ") has no value"
                + (v.regex().isEmpty() ? "" : " matching " + v.regex()));
      }
      values.put(v.name(), kept.get(0));
    }
    return values;
  }

  /** The values a Prometheus variable query finds, sorted. */
  private static List<String> queryValues(
      String query, PrometheusProcess prometheus, Duration range) throws IOException {
    TreeSet<String> found = new TreeSet<>();
    Matcher byName = LABEL_VALUES.matcher(query);
    Matcher bySeries = LABEL_VALUES_OF_SERIES.matcher(query);
    if (byName.matches()) {
      prometheus
          .labelValues(byName.group(1), range)
          .path("data")
          .forEach(n -> found.add(n.asText()));
    } else if (bySeries.matches()) {
      for (JsonNode series : prometheus.series(bySeries.group(1).strip(), range).path("data")) {
        JsonNode value = series.path(bySeries.group(2));
        if (value.isTextual()) {
          found.add(value.asText());
        }
      }
    } else {
      throw new IllegalArgumentException(
          "a variable query this test cannot run: "
              + query
              + " (only label_values(label) and label_values(selector, label))");
    }
    return new ArrayList<>(found);
  }

  /** The options a variable's regex ({@code /re/}) keeps, as their first group if it has one. */
  private static List<String> filter(List<String> options, String regex) {
    if (regex.isEmpty()) {
      return options;
    }
    Pattern p =
        Pattern.compile(
            regex.startsWith("/") && regex.lastIndexOf('/') > 0
                ? regex.substring(1, regex.lastIndexOf('/'))
                : regex);
    List<String> kept = new ArrayList<>();
    for (String o : options) {
      Matcher m = p.matcher(o);
      if (m.find()) {
        kept.add(m.groupCount() > 0 && m.group(1) != null ? m.group(1) : o);
      }
    }
    return kept;
  }
}
