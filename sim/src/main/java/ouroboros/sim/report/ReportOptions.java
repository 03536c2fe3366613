package ouroboros.sim.report;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a report shows where there is a choice. Only a sweep's collapse map uses the metric, the
 * model and the definition; a run's report shows every model.
 *
 * @param metric the metric the heatmap colours, a name of {@code metrics.csv}
 * @param model the model whose values the heatmap shows, or null for the sweep's first model
 * @param definition the definition (1 to 8) whose verdict share draws the collapse boundary
 * @param out the file to write, or null for {@code report.html} in the directory
 */
public record ReportOptions(String metric, String model, int definition, Path out) {
  /** The default metric. */
  public static final String DEFAULT_METRIC = "population-risk";
  /**
   * The default definition: 3, asymptotically diverging risk, the one that separates a risk
   * that keeps growing (the collapse of Shumailov et al. 2024) from one that stays bounded.
   */
  public static final int DEFAULT_DEFINITION = 3;
  private static final Pattern DEFINITION = Pattern.compile("[dD]?([1-8])");

  /** Checks the values. */
  public ReportOptions {
    if (metric == null || metric.isBlank()) {
      throw new IllegalArgumentException("--metric: found '" + metric
          + "', expected a metric name such as " + DEFAULT_METRIC);
    }
    if (definition < 1 || definition > 8) {
      throw new IllegalArgumentException("--definition: found " + definition
          + ", expected d1 to d8");
    }
  }

  /** The defaults: population risk, the first model, definition 3, DIR/report.html. */
  public static ReportOptions defaults() {
    return new ReportOptions(DEFAULT_METRIC, null, DEFAULT_DEFINITION, null);
  }

  /** Parses a definition written {@code d3}, {@code D3} or {@code 3}. */
  public static int parseDefinition(String s) {
    Matcher m = DEFINITION.matcher(s == null ? "" : s.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("--definition: found '" + s
          + "', expected d1 to d8 (or 1 to 8)");
    }
    return Integer.parseInt(m.group(1));
  }
}
