package ouroboros.sim.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import ouroboros.sim.scenario.check.Problems;
import ouroboros.sim.scenario.check.Suggest;

/**
 * What a sweep file asks its report to show, under its {@code report:} key; the command line's
 * options win over it, and it wins over the built-in defaults ({@link ReportOptions}). Any key may
 * be left out.
 *
 * <pre>
 * report:
 *   metric: variance-ratio        # the metric the collapse map colours
 *   model: lab                    # the model it shows
 *   definition: d5                # the definition whose verdict share draws the boundary
 *   facet: humans[people].laundering.share   # 3 swept paths: one heatmap per value of this one
 * </pre>
 *
 * @param metric the metric, or null
 * @param model the model, or null
 * @param definition the definition, 1 to 8, or null
 * @param facet the swept path whose values get one heatmap each, as the sweep file writes it, or
 *     null
 */
public record ReportDefaults(String metric, String model, Integer definition, String facet) {
  /** The keys of {@code report:}. */
  public static final List<String> KEYS = List.of("metric", "model", "definition", "facet");

  /** Nothing chosen. */
  public static final ReportDefaults NONE = new ReportDefaults(null, null, null, null);

  /**
   * A problem with the {@code report:} mapping.
   *
   * @param key the key at fault, or "" for the mapping itself
   * @param found what was found
   * @param expected what was expected
   */
  public record Problem(String key, String found, String expected) {}

  /**
   * Reads a {@code report:} mapping (null: none); each problem is added to {@code problems} and its
   * key left unset.
   */
  public static ReportDefaults read(JsonNode report, List<Problem> problems) {
    if (report == null || report.isNull()) {
      return NONE;
    }
    if (!report.isObject()) {
      problems.add(new Problem("", describe(report), "a mapping with any of " + KEYS));
      return NONE;
    }
    Iterator<String> names = report.fieldNames();
    while (names.hasNext()) {
      String k = names.next();
      if (!KEYS.contains(k)) {
        problems.add(
            new Problem(
                k, "unknown key '" + k + "'", "one of " + KEYS + Suggest.didYouMean(k, KEYS)));
      }
    }
    String metric =
        text(report, "metric", "a metric of sweep.csv, such as variance-ratio", problems);
    String model = text(report, "model", "a model's id", problems);
    String facet =
        text(report, "facet", "one of the swept paths, as the sweep file writes it", problems);
    Integer definition = null;
    JsonNode d = report.get("definition");
    if (d != null) {
      try {
        definition = ReportOptions.parseDefinition(d.isValueNode() ? d.asText() : null);
      } catch (IllegalArgumentException e) {
        problems.add(new Problem("definition", describe(d), "d1 to d8 (or 1 to 8)"));
      }
    }
    return new ReportDefaults(metric, model, definition, facet);
  }

  /** The text under {@code key}, or null (absent, or not text: a problem). */
  private static String text(JsonNode report, String key, String expected, List<Problem> problems) {
    JsonNode v = report.get(key);
    if (v == null) {
      return null;
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      problems.add(new Problem(key, describe(v), expected));
      return null;
    }
    return v.asText();
  }

  /** A value as an error message names it, as the sweep file's other messages do. */
  private static String describe(JsonNode v) {
    if (v.isObject()) {
      return "a mapping";
    }
    if (v.isArray()) {
      return v.isEmpty() ? "an empty list" : "a list";
    }
    if (v.isNull()) {
      return "an empty value";
    }
    if (v.isTextual()) {
      return Problems.describe(v.asText());
    }
    return (v.isBoolean() ? "the boolean " : "the number ") + v.asText();
  }

  /** The problems as one line each: {@code report.KEY: found ..., expected ...}. */
  static String lines(List<Problem> problems) {
    List<String> out = new ArrayList<>();
    for (Problem p : problems) {
      out.add(
          "report"
              + (p.key().isEmpty() ? "" : "." + p.key())
              + ": found "
              + p.found()
              + ", expected "
              + p.expected());
    }
    return String.join("; ", out);
  }
}
