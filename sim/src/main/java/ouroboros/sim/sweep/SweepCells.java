package ouroboros.sim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ouroboros.sim.scenario.check.ScenarioError;
import ouroboros.sim.scenario.load.YamlDocument;
import ouroboros.sim.scenario.path.PathResolver;
import ouroboros.sim.scenario.path.ScenarioPath;
import ouroboros.sim.sweep.SweepFile.Assignment;
import ouroboros.sim.sweep.SweepFile.Cell;

/**
 * The cells of a sweep file's {@code grid}, {@code zip} or {@code list}, and the paths they set
 * (its columns, in the order the file first names them). Errors go to the reading's list.
 */
final class SweepCells {
  private final YamlDocument doc;
  private final List<ScenarioError> errors;
  private final Map<String, ScenarioPath> columns = new LinkedHashMap<>();

  SweepCells(YamlDocument doc, List<ScenarioError> errors) {
    this.doc = doc;
    this.errors = errors;
  }

  /** The paths set so far, by their text in the file, in the order the file first names them. */
  Map<String, ScenarioPath> columns() {
    return columns;
  }

  /** {@code grid:} every combination, the last path fastest. */
  List<Cell> grid(JsonNode grid) {
    Map<String, List<JsonNode>> values = lists(grid, "grid");
    if (values == null) {
      return null;
    }
    long count = 1;
    for (List<JsonNode> v : values.values()) {
      count *= v.size();
      if (count > SweepFile.MAX_CELLS) {
        error(
            "/grid",
            "grid",
            "more than " + SweepFile.MAX_CELLS + " combinations",
            "at most " + SweepFile.MAX_CELLS + " cells");
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
                "/grid/" + SweepFile.escape(key) + "/" + digit[k]));
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
  List<Cell> zip(JsonNode zip) {
    Map<String, List<JsonNode>> values = lists(zip, "zip");
    if (values == null) {
      return null;
    }
    String first = values.keySet().iterator().next();
    int size = values.get(first).size();
    for (Map.Entry<String, List<JsonNode>> e : values.entrySet()) {
      if (e.getValue().size() != size) {
        error(
            "/zip/" + SweepFile.escape(e.getKey()),
            e.getKey(),
            "a list of " + SweepFile.plural(e.getValue().size(), "value"),
            SweepFile.plural(size, "value")
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
                "/zip/" + SweepFile.escape(e.getKey()) + "/" + c));
      }
      cells.add(new Cell(c, as));
    }
    return cells;
  }

  /** {@code list:} one mapping of paths to values per cell. */
  List<Cell> list(JsonNode list) {
    if (!list.isArray() || list.isEmpty()) {
      error(
          "/list",
          "list",
          PathResolver.describe(list),
          "a list of cells, each a mapping of paths to values, such as"
              + " [{\"models[*].regime\": replace}, {\"models[*].regime\": accumulate}]");
      return null;
    }
    if (list.size() > SweepFile.MAX_CELLS) {
      error("/list", "list", list.size() + " cells", "at most " + SweepFile.MAX_CELLS + " cells");
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
            entry.isObject() ? "an empty mapping" : PathResolver.describe(entry),
            "a mapping of paths to values, such as {\"models[*].regime\": replace}");
        continue;
      }
      List<Assignment> as = new ArrayList<>();
      Iterator<Map.Entry<String, JsonNode>> fields = entry.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        ScenarioPath path = column(at + "/" + SweepFile.escape(f.getKey()), f.getKey());
        if (path != null) {
          as.add(new Assignment(path, f.getValue(), at + "/" + SweepFile.escape(f.getKey())));
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
          node.isObject() ? "an empty mapping" : PathResolver.describe(node),
          "a mapping of paths to lists of"
              + " values, such as {\"models[*].regime\": [replace, accumulate]}");
      return null;
    }
    Map<String, List<JsonNode>> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      String at = "/" + key + "/" + SweepFile.escape(f.getKey());
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

  /** An error at a value of the file. */
  private void error(String pointer, String path, String found, String expected) {
    errors.add(doc.errorAt(pointer, path, found, expected));
  }
}
