package ouroboros.sim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import ouroboros.sim.engine.EngineLimits;
import ouroboros.sim.report.ReportDefaults;
import ouroboros.sim.scenario.check.ScenarioError;
import ouroboros.sim.scenario.check.ScenarioException;
import ouroboros.sim.scenario.check.ScenarioValidator;
import ouroboros.sim.scenario.check.Suggest;
import ouroboros.sim.scenario.load.PathKind;
import ouroboros.sim.scenario.load.ScenarioLoader;
import ouroboros.sim.scenario.load.YamlDocument;
import ouroboros.sim.scenario.path.PathResolver;
import ouroboros.sim.scenario.path.ScenarioPath;

/**
 * A sweep file, read and checked on its own: its keys, its shape and the syntax of its paths.
 * Whether each path addresses something in the base scenario, and whether each value fits there, is
 * {@link SweepPlan}'s business.
 *
 * <pre>
 * base: ../quickstart.yaml      # the base scenario, relative to this file
 * name: fresh-data              # names the default output directory
 * replicates: 3                 # runs per cell (default 1)
 * engine-threads: 1             # dispatcher threads per run (default: 1 when runs go in parallel)
 * grid:                         # or zip: (lists of equal length) or list: (one mapping per cell)
 *   models[*].fresh-human-fraction: [0.0, 0.1, 0.2]
 *   models[*].regime: [replace, accumulate]
 * report: {metric: diversity-ratio, definition: d5}   # what its report shows (optional)
 * </pre>
 *
 * @param doc the file as read, with positions
 * @param base the base scenario's path
 * @param name the sweep's name
 * @param replicates runs per cell
 * @param engineThreads dispatcher threads per run, or null for the default
 * @param shape grid, zip or list
 * @param columns every path the file sets, in the order the file first names them
 * @param cells the cells, in order
 * @param report what the report shows unless its command line says otherwise
 */
public record SweepFile(
    YamlDocument doc,
    Path base,
    String name,
    int replicates,
    Integer engineThreads,
    Shape shape,
    List<ScenarioPath> columns,
    List<Cell> cells,
    ReportDefaults report) {

  /** How the values form cells. */
  public enum Shape {
    /** The cartesian product of each path's values, the file's first key slowest. */
    GRID,
    /** The i-th cell takes the i-th value of every path. */
    ZIP,
    /** One cell per mapping of paths to values. */
    LIST;

    /** The key in the file. */
    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One value a cell gives one path.
   *
   * @param path the path
   * @param value the value, a YAML tree
   * @param pointer where the value is in the sweep file, as a JSON Pointer
   */
  public record Assignment(ScenarioPath path, JsonNode value, String pointer) {}

  /**
   * One cell of the sweep: a variation of the base scenario.
   *
   * @param index 0-based, in the order the shape gives
   * @param assignments its values, in the file's order of paths
   */
  public record Cell(int index, List<Assignment> assignments) {
    /** The value this cell gives a path, or null when it leaves the path at the base's value. */
    public JsonNode valueOf(ScenarioPath path) {
      for (Assignment a : assignments) {
        if (a.path().equals(path)) {
          return a.value();
        }
      }
      return null;
    }
  }

  /** The most cells a sweep may have. */
  static final int MAX_CELLS = 100_000;

  /** The most replicates of one cell. */
  static final int MAX_REPLICATES = 10_000;

  /** The most runs (cells times replicates) a sweep may have. */
  static final int MAX_RUNS = 1_000_000;

  private static final List<String> KEYS =
      List.of(
          "base",
          "name",
          "description",
          "replicates",
          "engine-threads",
          "grid",
          "zip",
          "list",
          "report");

  /** Checks the references. */
  public SweepFile {
    Objects.requireNonNull(doc, "doc");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(report, "report");
    columns = List.copyOf(columns);
    cells = List.copyOf(cells);
  }

  /** Reads and checks a sweep file; every problem is reported, as for a scenario. */
  public static SweepFile read(Path file) throws ScenarioException {
    YamlDocument doc = new ScenarioLoader().read(file, "sweep");
    Reader r = new Reader(doc, file);
    SweepFile sweep = r.read();
    if (!r.errors.isEmpty()) {
      throw new ScenarioException(r.errors);
    }
    return sweep;
  }

  /** The reading of one file, collecting its errors. */
  private static final class Reader {
    private final YamlDocument doc;
    private final Path file;
    private final List<ScenarioError> errors = new ArrayList<>();
    private final Map<String, ScenarioPath> columns = new LinkedHashMap<>();

    Reader(YamlDocument doc, Path file) {
      this.doc = doc;
      this.file = file;
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
        if (!KEYS.contains(k)) {
          errors.add(
              doc.errorAtKey(
                  "/" + escape(k),
                  "",
                  "unknown key '" + k + "'",
                  "one of " + KEYS + Suggest.didYouMean(k, KEYS)));
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
      String name = defaultName(file);
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
      int replicates = whole(root, "replicates", 1, MAX_REPLICATES);
      Integer engineThreads =
          root.has("engine-threads")
              ? whole(root, "engine-threads", 1, EngineLimits.MAX_THREADS)
              : null;
      List<String> shapes = new ArrayList<>();
      for (Shape s : Shape.values()) {
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
      Shape shape = Shape.valueOf(shapes.get(0).toUpperCase(java.util.Locale.ROOT));
      List<Cell> cells =
          switch (shape) {
            case GRID -> grid(root.get("grid"));
            case ZIP -> zip(root.get("zip"));
            case LIST -> list(root.get("list"));
          };
      ReportDefaults report = report(root.get("report"));
      if (cells != null && (long) cells.size() * replicates > MAX_RUNS) {
        error(
            "/replicates",
            "replicates",
            plural(cells.size(), "cell")
                + " x "
                + plural(replicates, "replicate")
                + " = "
                + (long) cells.size() * replicates
                + " runs",
            "at most " + MAX_RUNS + " runs in one sweep");
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
        String pointer = p.key().isEmpty() ? "/report" : "/report/" + escape(p.key());
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
              "a facet in a sweep of " + plural(columns.size(), "path"),
              "a sweep of three paths: the report draws one"
                  + " heatmap of the other two per value of the facet");
        }
      }
      return report;
    }

    /** {@code grid:} every combination, the last path fastest. */
    private List<Cell> grid(JsonNode grid) {
      Map<String, List<JsonNode>> values = lists(grid, "grid");
      if (values == null) {
        return null;
      }
      long count = 1;
      for (List<JsonNode> v : values.values()) {
        count *= v.size();
        if (count > MAX_CELLS) {
          error(
              "/grid",
              "grid",
              "more than " + MAX_CELLS + " combinations",
              "at most " + MAX_CELLS + " cells");
          return null;
        }
      }
      List<String> keys = List.copyOf(values.keySet());
      List<Cell> cells = new ArrayList<>();
      int[] digit = new int[keys.size()];
      for (int c = 0; c < count; c++) {
        List<Assignment> as = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
          String key = keys.get(k);
          as.add(
              new Assignment(
                  columns.get(key),
                  values.get(key).get(digit[k]),
                  "/grid/" + escape(key) + "/" + digit[k]));
        }
        cells.add(new Cell(c, as));
        for (int k = keys.size() - 1; k >= 0; k--) {
          if (++digit[k] < values.get(keys.get(k)).size()) {
            break;
          }
          digit[k] = 0;
        }
      }
      return cells;
    }

    /** {@code zip:} the i-th value of every path together. */
    private List<Cell> zip(JsonNode zip) {
      Map<String, List<JsonNode>> values = lists(zip, "zip");
      if (values == null) {
        return null;
      }
      String first = values.keySet().iterator().next();
      int size = values.get(first).size();
      for (Map.Entry<String, List<JsonNode>> e : values.entrySet()) {
        if (e.getValue().size() != size) {
          error(
              "/zip/" + escape(e.getKey()),
              e.getKey(),
              "a list of " + plural(e.getValue().size(), "value"),
              plural(size, "value")
                  + ", as many as "
                  + first
                  + " has: zip takes the i-th value"
                  + " of every path together");
        }
      }
      if (!errors.isEmpty()) {
        return null;
      }
      List<Cell> cells = new ArrayList<>();
      for (int c = 0; c < size; c++) {
        List<Assignment> as = new ArrayList<>();
        for (Map.Entry<String, List<JsonNode>> e : values.entrySet()) {
          as.add(
              new Assignment(
                  columns.get(e.getKey()),
                  e.getValue().get(c),
                  "/zip/" + escape(e.getKey()) + "/" + c));
        }
        cells.add(new Cell(c, as));
      }
      return cells;
    }

    /** {@code list:} one mapping of paths to values per cell. */
    private List<Cell> list(JsonNode list) {
      if (!list.isArray() || list.isEmpty()) {
        error(
            "/list",
            "list",
            PathResolver.describe(list),
            "a list of cells, each a mapping of paths to values, such as"
                + " [{\"models[*].regime\": replace}, {\"models[*].regime\": accumulate}]");
        return null;
      }
      if (list.size() > MAX_CELLS) {
        error("/list", "list", list.size() + " cells", "at most " + MAX_CELLS + " cells");
        return null;
      }
      List<Cell> cells = new ArrayList<>();
      for (int c = 0; c < list.size(); c++) {
        JsonNode entry = list.get(c);
        String at = "/list/" + c;
        if (!entry.isObject() || entry.isEmpty()) {
          error(
              at,
              "list[" + c + "]",
              PathResolver.describe(entry),
              "a mapping of paths to values, such as {\"models[*].regime\": replace}");
          continue;
        }
        List<Assignment> as = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = entry.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> f = fields.next();
          ScenarioPath path = column(at + "/" + escape(f.getKey()), f.getKey());
          if (path != null) {
            as.add(new Assignment(path, f.getValue(), at + "/" + escape(f.getKey())));
          }
        }
        cells.add(new Cell(c, as));
      }
      return cells;
    }

    /** A mapping of paths to non-empty lists of values, in file order; null on errors. */
    private Map<String, List<JsonNode>> lists(JsonNode node, String key) {
      if (!node.isObject() || node.isEmpty()) {
        error(
            "/" + key,
            key,
            PathResolver.describe(node),
            "a mapping of paths to lists of"
                + " values, such as {\"models[*].regime\": [replace, accumulate]}");
        return null;
      }
      Map<String, List<JsonNode>> out = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        String at = "/" + key + "/" + escape(f.getKey());
        ScenarioPath path = column(at, f.getKey());
        JsonNode v = f.getValue();
        if (!v.isArray() || v.isEmpty()) {
          error(
              at,
              f.getKey(),
              PathResolver.describe(v),
              "a non-empty list of values for this"
                  + " path, such as ["
                  + (v.isValueNode() && !v.isNull() ? v.asText() + ", ..." : "a, b")
                  + "]");
          continue;
        }
        if (path != null) {
          List<JsonNode> values = new ArrayList<>();
          v.forEach(values::add);
          out.put(f.getKey(), values);
        }
      }
      return errors.isEmpty() ? out : null;
    }

    /** The parsed path of a key, registered as a column; null (and an error) when malformed. */
    private ScenarioPath column(String pointer, String text) {
      ScenarioPath known = columns.get(text);
      if (known != null) {
        return known;
      }
      try {
        ScenarioPath path = ScenarioPath.parse(text);
        columns.put(text, path);
        return path;
      } catch (IllegalArgumentException e) {
        errors.add(doc.errorAtKey(pointer, text, e.getMessage(), ScenarioPath.EXPECTED));
        return null;
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
        error(
            "/" + key, key, PathResolver.describe(v), "a whole number from " + min + " to " + max);
        return 1;
      }
      return v.asInt();
    }

    /** An error at a value of the file. */
    private void error(String pointer, String path, String found, String expected) {
      errors.add(doc.errorAt(pointer, path, found, expected));
    }
  }

  /** The file's name without {@code .yaml} or {@code .yml}. */
  private static String defaultName(Path file) {
    String n = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    return n.matches("[A-Za-z0-9._-]+") ? n : "sweep";
  }

  /** A key as a JSON Pointer segment. */
  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /** "1 value", "2 values". */
  static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
