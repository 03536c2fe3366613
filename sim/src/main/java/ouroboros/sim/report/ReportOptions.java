package ouroboros.sim.report;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ouroboros.agents.domain.Metrics;

/**
 * What a report shows where there is a choice. Only a sweep's collapse map uses the metric, the
 * model, the definition and the facet; a run's report shows every model. A choice left null falls
 * to the sweep file's {@code report:} key ({@link ReportDefaults}), then to the built-in default.
 *
 * @param metric the metric the heatmap colours, a name of {@code metrics.csv}, or null
 * @param model the model whose values the heatmap shows, or null (the sweep's first in name order)
 * @param definition the definition (1 to 8) whose verdict share draws the collapse boundary, or
 *     null (3)
 * @param facet for a sweep of three paths, the path that gets one heatmap per value, or null (the
 *     last path)
 * @param out the file to write, or null for {@code report.html} in the directory
 */
public record ReportOptions(
    String metric, String model, Integer definition, String facet, Path out) {
  /** The default metric. */
  public static final String DEFAULT_METRIC = Metrics.POPULATION_RISK;

  /**
   * The default definition: 3, asymptotically diverging risk, the one that separates a risk that
   * keeps growing (the collapse of Shumailov et al. 2024) from one that stays bounded.
   */
  public static final int DEFAULT_DEFINITION = 3;

  private static final Pattern DEFINITION = Pattern.compile("[dD]?([1-8])");

  /** Checks the values. */
  public ReportOptions {
    if (metric != null && metric.isBlank()) {
      throw new IllegalArgumentException(
          "--metric: found '" + metric + "', expected a metric name such as " + DEFAULT_METRIC);
    }
    if (definition != null && (definition < 1 || definition > 8)) {
      throw new IllegalArgumentException(
          "--definition: found " + definition + ", expected d1 to d8");
    }
    if (facet != null && facet.isBlank()) {
      throw new IllegalArgumentException(
          "--facet: found '" + facet + "', expected one of the swept paths");
    }
  }

  /** A metric, a model, a definition and a file, with the default facet. */
  public ReportOptions(String metric, String model, int definition, Path out) {
    this(metric, model, Integer.valueOf(definition), null, out);
  }

  /** Nothing chosen: the sweep file's choices, else the defaults; DIR/report.html. */
  public static ReportOptions defaults() {
    return new ReportOptions(null, null, (Integer) null, null, null);
  }

  /** These choices, each one left null taken from {@code file}. */
  ReportOptions over(ReportDefaults file) {
    return new ReportOptions(
        metric != null ? metric : file.metric(),
        model != null ? model : file.model(),
        definition != null ? definition : file.definition(),
        facet != null ? facet : file.facet(),
        out);
  }

  /** The metric, or the default. */
  String metricOrDefault() {
    return metric != null ? metric : DEFAULT_METRIC;
  }

  /** The definition, or the default. */
  int definitionOrDefault() {
    return definition != null ? definition : DEFAULT_DEFINITION;
  }

  /** Parses a definition written {@code d3}, {@code D3} or {@code 3}. */
  public static int parseDefinition(String s) {
    Matcher m = DEFINITION.matcher(s == null ? "" : s.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "--definition: found '" + s + "', expected d1 to d8 (or 1 to 8)");
    }
    return Integer.parseInt(m.group(1));
  }
}
