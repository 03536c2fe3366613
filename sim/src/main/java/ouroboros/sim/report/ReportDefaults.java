package ouroboros.sim.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *   model: lab                    # the model it shows, or population:labs (runs that aggregate)
 *   definition: d5                # the definition whose verdict share draws the boundary
 *   facet: humans[people].laundering.share   # 3 swept paths: one heatmap per value of this one
 *   predicted:                    # a predicted boundary, drawn dashed over the collapse map:
 *     "0.0": [null, 0.67, 0.45]   # per facet value (or a bare list with 2 swept paths), the
 *     "0.2": [null, null, 0.71]   # value of y at each value of x; null: beyond y's largest value
 * </pre>
 *
 * @param metric the metric, or null
 * @param model the model, or null
 * @param definition the definition, 1 to 8, or null
 * @param facet the swept path whose values get one heatmap each, as the sweep file writes it, or
 *     null
 * @param predicted the predicted boundary: per value of the faceted path ("" with two swept paths),
 *     the value of y at each value of x, null where it lies beyond y's largest value; empty when
 *     the sweep declares none
 */
public record ReportDefaults(
    String metric,
    String model,
    Integer definition,
    String facet,
    Map<String, List<Double>> predicted) {
  /** Without a predicted boundary. */
  public ReportDefaults(String metric, String model, Integer definition, String facet) {
    this(metric, model, definition, facet, Map.of());
  }

  /** Copies the predicted boundary (its lists may hold nulls). */
  public ReportDefaults {
    Map<String, List<Double>> copy = new LinkedHashMap<>();
    predicted.forEach((k, v) -> copy.put(k, Collections.unmodifiableList(new ArrayList<>(v))));
    predicted = Collections.unmodifiableMap(copy);
  }

  /** The keys of {@code report:}. */
  public static final List<String> KEYS =
      List.of("metric", "model", "definition", "facet", "predicted");

  /** Nothing chosen. */
  public static final ReportDefaults NONE = new ReportDefaults(null, null, null, null, Map.of());

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
    String model =
        text(report, "model", "a model's id or a population's rows, population:<id>", problems);
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
    return new ReportDefaults(metric, model, definition, facet, predicted(report, problems));
  }

  /** The {@code predicted} key: a list of numbers or nulls, or a mapping of such lists. */
  private static Map<String, List<Double>> predicted(JsonNode report, List<Problem> problems) {
    JsonNode v = report.get("predicted");
    Map<String, List<Double>> out = new LinkedHashMap<>();
    if (v == null) {
      return out;
    }
    String expected =
        "a list of numbers or nulls (y at each x), or a mapping from the facet's values to such lists";
    if (v.isArray()) {
      List<Double> l = numbers(v);
      if (l == null) {
        problems.add(new Problem("predicted", describe(v), expected));
      } else {
        out.put("", l);
      }
      return out;
    }
    if (!v.isObject()) {
      problems.add(new Problem("predicted", describe(v), expected));
      return out;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = v.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      List<Double> l = e.getValue().isArray() ? numbers(e.getValue()) : null;
      if (l == null) {
        problems.add(new Problem("predicted." + e.getKey(), describe(e.getValue()), expected));
      } else {
        out.put(e.getKey(), l);
      }
    }
    return out;
  }

  /** A list's numbers, null for its nulls; null when an element is neither. */
  private static List<Double> numbers(JsonNode list) {
    List<Double> out = new ArrayList<>();
    for (JsonNode n : list) {
      if (n.isNull()) {
        out.add(null);
      } else if (n.isNumber()) {
        out.add(n.asDouble());
      } else {
        return null;
      }
    }
    return out;
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
