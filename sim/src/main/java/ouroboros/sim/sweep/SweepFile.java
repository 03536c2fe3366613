package ouroboros.sim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import ouroboros.sim.report.ReportDefaults;
import ouroboros.sim.scenario.check.ScenarioException;
import ouroboros.sim.scenario.check.ScenarioValidator;
import ouroboros.sim.scenario.load.ScenarioLoader;
import ouroboros.sim.scenario.load.YamlDocument;
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

  static final List<String> KEYS =
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
    SweepFileReader r = new SweepFileReader(doc, file);
    SweepFile sweep = r.read();
    if (!r.errors().isEmpty()) {
      throw new ScenarioException(r.errors());
    }
    return sweep;
  }

  /**
   * The file's name without {@code .yaml} or {@code .yml}, as a name may be written: each run of
   * characters a name may not have (a space, a letter outside ASCII) becomes one '-', and '-' is
   * trimmed from both ends ({@code fresh data.yaml} gives {@code fresh-data}); at most {@link
   * ScenarioValidator#MAX_NAME} characters; {@code sweep} when nothing is left.
   */
  static String defaultName(Path file) {
    String n =
        file.getFileName()
            .toString()
            .replaceFirst("\\.ya?ml$", "")
            .replaceAll("[^A-Za-z0-9._-]+", "-")
            .replaceAll("^-+|-+$", "");
    n = n.substring(0, Math.min(n.length(), ScenarioValidator.MAX_NAME));
    return n.isEmpty() ? "sweep" : n;
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
