package ouroboros.sim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import ouroboros.sim.scenario.check.ScenarioError;
import ouroboros.sim.scenario.check.ScenarioException;
import ouroboros.sim.scenario.load.Locations;
import ouroboros.sim.scenario.load.ScenarioLoader;
import ouroboros.sim.scenario.load.YamlDocument;
import ouroboros.sim.scenario.path.PathResolver;
import ouroboros.sim.scenario.path.ScenarioPath;
import ouroboros.sim.scenario.path.ScenarioSchema;
import ouroboros.sim.scenario.spec.Scenario;

/**
 * A sweep checked against its base scenario, before any run starts: every path must address
 * something (a key the scenario schema allows, a list entry that exists), and every cell, the base
 * with the cell's values applied to its YAML tree, must pass the scenario loader. An error caused
 * by a value names the sweep file and the line of that value, with the path as the sweep file
 * writes it; an error the base scenario has on its own names the base file.
 */
public final class SweepPlan {
  private final SweepFile sweep;
  private final List<Scenario> scenarios;

  private SweepPlan(SweepFile sweep, List<Scenario> scenarios) {
    this.sweep = sweep;
    this.scenarios = List.copyOf(scenarios);
  }

  /** The sweep file. */
  public SweepFile sweep() {
    return sweep;
  }

  /** Each cell's resolved scenario, by cell index; its seed is null when neither sets one. */
  public List<Scenario> scenarios() {
    return scenarios;
  }

  /** Whether some cell has no seed, so that the sweep must draw a base seed. */
  public boolean needsSeed() {
    return scenarios.stream().anyMatch(s -> s.seed() == null);
  }

  /** The seed of a cell: its scenario's, or else {@code drawn}. */
  public long cellSeed(int cell, long drawn) {
    Long seed = scenarios.get(cell).seed();
    return seed != null ? seed : drawn;
  }

  /** Checks every path and every cell; throws with every problem found. */
  public static SweepPlan check(SweepFile sweep) throws ScenarioException {
    ScenarioLoader loader = new ScenarioLoader();
    YamlDocument base = loader.read(sweep.base(), "scenario");
    if (!(base.tree() instanceof ObjectNode baseTree)) {
      throw new ScenarioException(
          List.of(
              base.errorAt(
                  "",
                  "",
                  ScenarioLoader.describeRoot(base.tree()),
                  "a YAML mapping of scenario keys such as 'name', 'ticks' and 'domain'")));
    }
    List<ScenarioError> baseErrors;
    try {
      loader.load(sweep.base());
      baseErrors = List.of();
    } catch (ScenarioException e) {
      baseErrors = e.errors();
    }
    PathResolver resolver = new PathResolver(ScenarioSchema.shared());
    Map<String, ScenarioError> errors = new LinkedHashMap<>();
    Set<ScenarioPath> bad = checkPaths(sweep, baseTree, resolver, errors);
    List<Scenario> scenarios = new ArrayList<>();
    for (SweepFile.Cell cell : sweep.cells()) {
      Scenario s =
          checkCell(sweep, cell, bad, baseTree, base.name(), loader, resolver, baseErrors, errors);
      scenarios.add(s);
    }
    ScenarioError model = ReportModelCheck.check(sweep, scenarios);
    if (model != null) {
      add(errors, model);
    }
    if (!errors.isEmpty()) {
      throw new ScenarioException(inFileOrder(sweep, errors));
    }
    return new SweepPlan(sweep, scenarios);
  }

  /**
   * Checks that every path addresses something in the base, with errors at the path's first key;
   * returns the paths that do not.
   */
  private static Set<ScenarioPath> checkPaths(
      SweepFile sweep,
      ObjectNode baseTree,
      PathResolver resolver,
      Map<String, ScenarioError> errors) {
    Set<ScenarioPath> bad = new HashSet<>();
    java.util.TreeMap<String, ScenarioPath> setBy = new java.util.TreeMap<>();
    for (ScenarioPath path : sweep.columns()) {
      try {
        for (PathResolver.Target t : resolver.resolve(path, baseTree.deepCopy())) {
          ScenarioPath other = overlapping(setBy, t.pointer());
          if (other != null && !other.equals(path)) {
            bad.add(path);
            add(
                errors,
                sweep
                    .doc()
                    .errorAtKey(
                        keyOf(sweep, path),
                        path.text(),
                        path.text()
                            + ", which sets "
                            + Locations.display(t.pointer())
                            + " as "
                            + other.text()
                            + " does",
                        "paths that each set keys of their own: with two values for one key, the"
                            + " last one set wins and the cell's label names the other"));
            break;
          }
          setBy.putIfAbsent(t.pointer(), path);
        }
      } catch (PathResolver.PathException e) {
        bad.add(path);
        add(
            errors,
            sweep.doc().errorAtKey(keyOf(sweep, path), path.text(), e.found(), e.expected()));
      }
    }
    return bad;
  }

  /**
   * The path that set {@code pointer}, a key around it or a key inside it; null if none. Looked up
   * by the pointer's prefixes and its first descendant in sort order, not by a scan of every key
   * set so far: {@code models[*]} over a hand-listed population sets a key per model.
   */
  private static ScenarioPath overlapping(
      java.util.TreeMap<String, ScenarioPath> setBy, String pointer) {
    for (int i = pointer.indexOf('/', 1); i > 0; i = pointer.indexOf('/', i + 1)) {
      ScenarioPath around = setBy.get(pointer.substring(0, i));
      if (around != null) {
        return around;
      }
    }
    if (setBy.containsKey(pointer)) {
      return setBy.get(pointer);
    }
    String inside = setBy.ceilingKey(pointer + "/");
    return inside != null && inside.startsWith(pointer + "/") ? setBy.get(inside) : null;
  }

  /** Where the file writes a path: its key in a grid, its first value's key in a list. */
  private static String keyOf(SweepFile sweep, ScenarioPath path) {
    String pointer = firstPointer(sweep, path);
    return sweep.shape() == SweepFile.Shape.LIST
        ? pointer
        : pointer.substring(0, pointer.lastIndexOf('/'));
  }

  /** The pointer of the first value the file gives a path. */
  private static String firstPointer(SweepFile sweep, ScenarioPath path) {
    for (SweepFile.Cell cell : sweep.cells()) {
      for (SweepFile.Assignment a : cell.assignments()) {
        if (a.path().equals(path)) {
          return a.pointer();
        }
      }
    }
    throw new IllegalStateException("no value for " + path);
  }

  /** One place an assignment set, to trace errors back to the value. */
  private record Placed(SweepFile.Assignment assignment, String display) {}

  /**
   * A cell's resolved scenario, or null with its errors added. Values of paths already found {@code
   * bad} are left out, so that the other values' problems are reported too.
   */
  private static Scenario checkCell(
      SweepFile sweep,
      SweepFile.Cell cell,
      Set<ScenarioPath> bad,
      ObjectNode baseTree,
      String baseName,
      ScenarioLoader loader,
      PathResolver resolver,
      List<ScenarioError> baseErrors,
      Map<String, ScenarioError> errors) {
    ObjectNode tree = baseTree.deepCopy();
    List<Placed> placed = new ArrayList<>();
    for (SweepFile.Assignment a : cell.assignments()) {
      if (bad.contains(a.path())) {
        continue;
      }
      try {
        for (PathResolver.Target t : resolver.resolve(a.path(), tree)) {
          t.set(a.value());
          placed.add(new Placed(a, Locations.display(t.pointer())));
        }
      } catch (PathResolver.PathException e) {
        add(
            errors,
            sweep
                .doc()
                .errorAt(
                    a.pointer(),
                    a.path().text(),
                    e.found(),
                    e.expected() + " (in cell " + cell.index() + ", after its other values)"));
        return null;
      }
    }
    try {
      return loader.parse(baseName, tree);
    } catch (ScenarioException e) {
      for (ScenarioError error : e.errors()) {
        add(errors, trace(sweep, cell, error, placed, baseErrors));
      }
      return null;
    }
  }

  /** Places a cell's error: at the value that caused it, in the base, or at the cell. */
  private static ScenarioError trace(
      SweepFile sweep,
      SweepFile.Cell cell,
      ScenarioError error,
      List<Placed> placed,
      List<ScenarioError> baseErrors) {
    String path = error.path();
    for (int i = placed.size() - 1; i >= 0; i--) {
      Placed p = placed.get(i);
      String d = p.display();
      if (path.equals(d) || path.startsWith(d + ".") || path.startsWith(d + "[")) {
        String rest = path.substring(d.length());
        return sweep
            .doc()
            .errorAt(
                p.assignment().pointer() + pointer(rest),
                p.assignment().path().text() + rest,
                error.found(),
                error.expected());
      }
    }
    for (ScenarioError b : baseErrors) {
      if (b.path().equals(path)
          && b.found().equals(error.found())
          && b.expected().equals(error.expected())) {
        return b;
      }
    }
    // A problem of the combination, such as a value that another key now contradicts.
    SweepFile.Assignment first = cell.assignments().get(0);
    return sweep
        .doc()
        .errorAt(
            first.pointer(),
            path,
            error.found() + " (in cell " + cell.index() + ", where " + describe(cell) + ")",
            error.expected());
  }

  /** A displayed path's tail, such as {@code .sites[1]}, as a JSON Pointer's: {@code /sites/1}. */
  static String pointer(String displayed) {
    StringBuilder b = new StringBuilder();
    for (String part : displayed.split("[.\\[\\]]")) {
      if (!part.isEmpty()) {
        b.append('/').append(SweepFile.escape(part));
      }
    }
    return b.toString();
  }

  /** "path = value, path = value". */
  static String describe(SweepFile.Cell cell) {
    StringJoiner j = new StringJoiner(", ");
    for (SweepFile.Assignment a : cell.assignments()) {
      j.add(a.path().text() + " = " + text(a.value()));
    }
    return j.toString();
  }

  /** A value as one line of text: scalars as written, lists and mappings as flow JSON. */
  static String text(JsonNode value) {
    return value.isValueNode() ? value.asText() : value.toString();
  }

  /** The errors of the sweep file first, by line and column, then those of the base. */
  private static List<ScenarioError> inFileOrder(
      SweepFile sweep, Map<String, ScenarioError> errors) {
    List<ScenarioError> out = new ArrayList<>(errors.values());
    out.sort(
        Comparator.comparing((ScenarioError e) -> !e.file().equals(sweep.doc().name()))
            .thenComparingInt(ScenarioError::line)
            .thenComparingInt(ScenarioError::column));
    return out;
  }

  /** Adds an error once. */
  private static void add(Map<String, ScenarioError> errors, ScenarioError error) {
    errors.putIfAbsent(Objects.requireNonNull(error).message(), error);
  }
}
