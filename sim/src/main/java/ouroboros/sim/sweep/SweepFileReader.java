package ouroboros.sim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import ouroboros.sim.engine.EngineLimits;
import ouroboros.sim.report.ReportDefaults;
import ouroboros.sim.scenario.check.ScenarioError;
import ouroboros.sim.scenario.check.ScenarioValidator;
import ouroboros.sim.scenario.check.Suggest;
import ouroboros.sim.scenario.load.PathKind;
import ouroboros.sim.scenario.load.ScenarioLoader;
import ouroboros.sim.scenario.load.YamlDocument;
import ouroboros.sim.scenario.path.PathResolver;
import ouroboros.sim.scenario.path.ScenarioPath;
import ouroboros.sim.sweep.SweepFile.Cell;
import ouroboros.sim.sweep.SweepFile.Shape;

/**
 * The reading of one sweep file, collecting its errors: its keys, base, name and counts here, its
 * cells in {@link SweepCells}.
 */
final class SweepFileReader {
  private final YamlDocument doc;
  private final Path file;
  private final List<ScenarioError> errors = new ArrayList<>();
  private final SweepCells cellReader;
  private final Map<String, ScenarioPath> columns;

  SweepFileReader(YamlDocument doc, Path file) {
    this.doc = doc;
    this.file = file;
    this.cellReader = new SweepCells(doc, errors);
    this.columns = cellReader.columns();
  }

  /** The errors found so far. */
  List<ScenarioError> errors() {
    return errors;
  }

  /** The sweep, or null when it cannot be built; errors go to {@link #errors}. */
  SweepFile read() {
    JsonNode root = doc.tree();
    if (!root.isObject()) {
      error(
          "",
          "",
          ScenarioLoader.describeRoot(root),
          "a YAML mapping with 'base' and one of 'grid', 'zip' or 'list'");
      return null;
    }
    Iterator<String> names = root.fieldNames();
    while (names.hasNext()) {
      String k = names.next();
      if (!SweepFile.KEYS.contains(k)) {
        errors.add(
            doc.errorAtKey(
                "/" + SweepFile.escape(k),
                "",
                "unknown key '" + k + "'",
                "one of " + SweepFile.KEYS + Suggest.didYouMean(k, SweepFile.KEYS)));
      }
    }
    Path base = null;
    JsonNode b = root.get("base");
    if (b == null || !b.isTextual() || b.asText().isBlank()) {
      error(
          "/base",
          "base",
          b == null ? "nothing" : PathResolver.describe(b),
          "the required key 'base': the path of the base scenario, relative to this file");
    } else {
      Path dir = file.getParent();
      base = (dir == null ? Path.of(b.asText()) : dir.resolve(b.asText())).normalize();
      if (!java.nio.file.Files.isRegularFile(base)) {
        error(
            "/base",
            "base",
            "'"
                + b.asText()
                + "', but "
                + base
                + " is "
                + (java.nio.file.Files.exists(base) ? PathKind.of(base) : "no file"),
            "the path of the base scenario, relative to this file");
        base = null;
      }
    }
    String name = SweepFile.defaultName(file);
    JsonNode n = root.get("name");
    if (n != null) {
      if (n.isTextual() && n.asText().matches("[A-Za-z0-9._-]+")) {
        name = n.asText();
      } else {
        error(
            "/name",
            "name",
            PathResolver.describe(n),
            "a name of letters, digits, '.', '_' or '-'");
      }
      if (name.length() > ScenarioValidator.MAX_NAME) {
        error(
            "/name",
            "name",
            "a name of " + name.length() + " characters",
            "a name of at most "
                + ScenarioValidator.MAX_NAME
                + " characters, so that the sweep directory's name fits in the 255 bytes a"
                + " file name may have");
      }
    }
    JsonNode description = root.get("description");
    if (description != null && !description.isTextual()) {
      error("/description", "description", PathResolver.describe(description), "free text");
    }
    int replicates = whole(root, "replicates", 1, SweepFile.MAX_REPLICATES);
    Integer engineThreads =
        root.has("engine-threads")
            ? whole(root, "engine-threads", 1, EngineLimits.MAX_THREADS)
            : null;
    List<String> shapes = new ArrayList<>();
    for (Shape s : SweepFile.Shape.values()) {
      if (root.has(s.key())) {
        shapes.add(s.key());
      }
    }
    if (shapes.size() != 1) {
      error(
          shapes.isEmpty() ? "" : "/" + shapes.get(1),
          "",
          shapes.isEmpty()
              ? "no 'grid', 'zip' or 'list'"
              : "both '" + shapes.get(0) + "' and '" + shapes.get(1) + "'",
          "exactly one of 'grid' (every combination of values), 'zip' (the i-th value of"
              + " every path together) or 'list' (one mapping of paths to values per cell)");
      return null;
    }
    Shape shape = SweepFile.Shape.valueOf(shapes.get(0).toUpperCase(java.util.Locale.ROOT));
    List<Cell> cells =
        switch (shape) {
          case GRID -> cellReader.grid(root.get("grid"));
          case ZIP -> cellReader.zip(root.get("zip"));
          case LIST -> cellReader.list(root.get("list"));
        };
    ReportDefaults report = report(root.get("report"));
    if (cells != null && errors.isEmpty()) {
      checkPredicted(report, cells);
    }
    if (cells != null && (long) cells.size() * replicates > SweepFile.MAX_RUNS) {
      error(
          "/replicates",
          "replicates",
          SweepFile.plural(cells.size(), "cell")
              + " x "
              + SweepFile.plural(replicates, "replicate")
              + " = "
              + (long) cells.size() * replicates
              + " runs",
          "at most " + SweepFile.MAX_RUNS + " runs in one sweep");
    }
    if (base == null || cells == null || !errors.isEmpty()) {
      return null;
    }
    return new SweepFile(
        doc,
        base,
        name,
        replicates,
        engineThreads,
        shape,
        List.copyOf(columns.values()),
        cells,
        report);
  }

  /**
   * {@code report:} what the report shows; its facet must be one of the paths of a sweep of three
   * paths. The model and the metric are checked later, against the base and the runs.
   */
  private ReportDefaults report(JsonNode node) {
    List<ReportDefaults.Problem> problems = new ArrayList<>();
    ReportDefaults report = ReportDefaults.read(node, problems);
    for (ReportDefaults.Problem p : problems) {
      String pointer = p.key().isEmpty() ? "/report" : "/report/" + SweepFile.escape(p.key());
      String path = p.key().isEmpty() ? "report" : "report." + p.key();
      errors.add(
          p.found().startsWith("unknown key")
              ? doc.errorAtKey(pointer, "report", p.found(), p.expected())
              : doc.errorAt(pointer, path, p.found(), p.expected()));
    }
    String facet = report.facet();
    if (facet != null && errors.isEmpty()) {
      if (!columns.containsKey(facet)) {
        error(
            "/report/facet",
            "report.facet",
            "'" + facet + "'",
            "one of the swept paths "
                + columns.keySet()
                + Suggest.didYouMean(facet, columns.keySet()));
      } else if (columns.size() != 3) {
        error(
            "/report/facet",
            "report.facet",
            "a facet in a sweep of " + SweepFile.plural(columns.size(), "path"),
            "a sweep of three paths: the report draws one"
                + " heatmap of the other two per value of the facet");
      }
    }
    return report;
  }

  /**
   * {@code report.predicted} must be what the collapse map draws: a sweep of two or three paths;
   * with two, one bare list; with three, a mapping whose keys are values of the faceted path (the
   * chosen one, else the last); and each list one y value per value of the x path (the first swept
   * path that is not the facet). Anything else was cut short or drawn no line, silently.
   */
  private void checkPredicted(ReportDefaults report, List<Cell> cells) {
    if (report.predicted().isEmpty()) {
      return;
    }
    if (columns.size() < 2 || columns.size() > 3) {
      error(
          "/report/predicted",
          "report.predicted",
          "a predicted boundary in a sweep of " + SweepFile.plural(columns.size(), "path"),
          "a sweep of two or three paths: the report draws it over the collapse map's heatmap");
      return;
    }
    List<String> paths = new ArrayList<>(columns.keySet());
    String facet =
        columns.size() == 3 ? (report.facet() != null ? report.facet() : paths.get(2)) : null;
    paths.remove(facet);
    java.util.Set<String> xs = values(cells, paths.get(0));
    java.util.Set<String> facetValues = facet == null ? java.util.Set.of() : values(cells, facet);
    for (Map.Entry<String, List<Double>> e : report.predicted().entrySet()) {
      String key = e.getKey();
      String pointer = "/report/predicted" + (key.isEmpty() ? "" : "/" + SweepFile.escape(key));
      String path = "report.predicted" + (key.isEmpty() ? "" : "." + key);
      if (facet == null && !key.isEmpty()) {
        error(
            "/report/predicted",
            "report.predicted",
            "a mapping in a sweep of two paths",
            "one list of y values (or nulls), one per value of the x path "
                + paths.get(0)
                + ": the report draws one heatmap, with no facet");
        return;
      }
      if (facet != null && key.isEmpty()) {
        error(
            pointer,
            path,
            "a list in a sweep of three paths",
            "a mapping from values of the facet "
                + facet
                + " "
                + facetValues
                + " to lists of y values: the report draws one heatmap per value of the facet");
        return;
      }
      if (facet != null && facetValues.stream().noneMatch(f -> sameValue(f, key))) {
        errors.add(
            doc.errorAtKey(
                pointer,
                path,
                "'" + key + "'",
                "a value of the facet "
                    + facet
                    + ", one of "
                    + facetValues
                    + ": the report draws one heatmap per value of the facet"));
        continue;
      }
      if (e.getValue().size() != xs.size()) {
        error(
            pointer,
            path,
            "a list of " + SweepFile.plural(e.getValue().size(), "value"),
            "one y value (or null) per value of the x path "
                + paths.get(0)
                + ", which has "
                + xs.size());
      }
    }
  }

  /** The distinct values of a swept path over the cells, as sweep.csv writes them. */
  private java.util.Set<String> values(List<Cell> cells, String path) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (Cell c : cells) {
      JsonNode v = c.valueOf(columns.get(path));
      out.add(v == null ? "NA" : SweepPlan.text(v));
    }
    return out;
  }

  /** Whether a key names a value: the same text, or the same number (0.0 and 0, as the report). */
  private static boolean sameValue(String value, String key) {
    try {
      return value.equals(key) || Double.parseDouble(value) == Double.parseDouble(key);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** A whole number from {@code min} to {@code max} under {@code key}, 1 when absent. */
  private int whole(JsonNode root, String key, int min, int max) {
    JsonNode v = root.get(key);
    if (v == null) {
      return 1;
    }
    if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < min) {
      error("/" + key, key, PathResolver.describe(v), "a whole number of at least " + min);
      return 1;
    }
    if (v.asInt() > max) {
      error("/" + key, key, PathResolver.describe(v), "a whole number from " + min + " to " + max);
      return 1;
    }
    return v.asInt();
  }

  /** An error at a value of the file. */
  private void error(String pointer, String path, String found, String expected) {
    errors.add(doc.errorAt(pointer, path, found, expected));
  }
}
