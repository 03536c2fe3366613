package ouroboros.sim.scenario.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ouroboros.sim.scenario.check.Problems;
import ouroboros.sim.scenario.check.Suggest;

/**
 * Finds the places a {@link ScenarioPath} addresses in a scenario's YAML tree, and sets a value
 * there; sweeps, timeline {@code set} events and {@code run --set} all use it. A key must be one
 * the scenario schema allows at that place; a mapping that the tree leaves out is created when the
 * schema has it, so {@code models[*].sampling.temperature} works on models without a {@code
 * sampling} key. Selectors pick entries of lists that exist; a selector by name or {@code [*]} may
 * pick several, so one path may address several places ({@link #SELECT_BY}).
 */
public final class PathResolver {
  /**
   * The fields a named selector matches, in order: the entries whose first field equals the name,
   * or failing that the second's, and so on. A name may pick several entries.
   */
  static final List<String> SELECT_BY = List.of("id", "stage");

  /**
   * One place a path addresses: a key of a mapping or an index of a list.
   *
   * @param parent the mapping or list
   * @param key the key, when the parent is a mapping
   * @param index the index, when the parent is a list
   * @param pointer the place as a JSON Pointer, such as {@code /models/0/regime}
   */
  public record Target(JsonNode parent, String key, int index, String pointer) {
    /** Sets the place to a copy of {@code value} (an empty value when null). */
    public void set(JsonNode value) {
      JsonNode copy = value == null ? NullNode.getInstance() : value.deepCopy();
      if (parent instanceof ObjectNode o) {
        o.set(key, copy);
      } else {
        ((ArrayNode) parent).set(index, copy);
      }
    }
  }

  /**
   * A path that addresses nothing: what was found and what was expected, as in a scenario error.
   */
  public static final class PathException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String found;
    private final String expected;

    PathException(String found, String expected) {
      super("found " + found + ", expected " + expected);
      this.found = found;
      this.expected = expected;
    }

    /** What the path met. */
    public String found() {
      return found;
    }

    /** What would have been valid. */
    public String expected() {
      return expected;
    }
  }

  /** A place being walked: a node, its schemas and its pointer. */
  private record At(JsonNode node, List<JsonNode> schemas, String pointer) {}

  private final ScenarioSchema schema;
  private final String tree;

  /** A resolver for sweeps, whose paths go into a base scenario. */
  public PathResolver(ScenarioSchema schema) {
    this(schema, "the base scenario");
  }

  /** A resolver whose messages call the tree it walks {@code tree}, such as "the scenario". */
  public PathResolver(ScenarioSchema schema, String tree) {
    this.schema = schema;
    this.tree = tree;
  }

  /** The agent list each kind of population adds its members to. */
  private static final Map<String, String> MEMBERS_OF =
      Map.of("models", "model", "humans", "human", "sites", "site");

  /**
   * Every place {@code path} addresses in {@code root}, creating absent mappings on the way. A path
   * into every entry of {@code models}, {@code humans} or {@code sites} ({@code models[*].KEY...})
   * also addresses the template of each population of that kind ({@code
   * populations[i].template.KEY...}), since its members are such entries once expanded; the list
   * itself may then be absent.
   */
  public List<Target> resolve(ScenarioPath path, ObjectNode root) throws PathException {
    List<ScenarioPath> templates = templatePaths(path, root);
    if (templates.isEmpty()) {
      try {
        return walk(path, root);
      } catch (PathException e) {
        throw withPopulations(e, path, root);
      }
    }
    List<Target> out = new ArrayList<>();
    JsonNode listed = root.get(((ScenarioPath.Key) path.segments().get(0)).name());
    if (listed != null && !listed.isEmpty()) {
      out.addAll(walk(path, root));
    }
    for (ScenarioPath t : templates) {
      out.addAll(walk(t, root));
    }
    return out;
  }

  /**
   * For {@code models[*].KEY...} (or humans, sites), the same keys under the template of each
   * population of that kind in {@code root}; none for any other path.
   */
  private static List<ScenarioPath> templatePaths(ScenarioPath path, ObjectNode root) {
    List<ScenarioPath.Segment> s = path.segments();
    if (s.size() < 3
        || !(s.get(0) instanceof ScenarioPath.Key list)
        || !(s.get(1) instanceof ScenarioPath.All)
        || !MEMBERS_OF.containsKey(list.name())
        || !(root.get("populations") instanceof ArrayNode populations)) {
      return List.of();
    }
    List<ScenarioPath> out = new ArrayList<>();
    for (int i = 0; i < populations.size(); i++) {
      if (MEMBERS_OF.get(list.name()).equals(populations.get(i).path("kind").asText())) {
        List<ScenarioPath.Segment> into = new ArrayList<>();
        into.add(new ScenarioPath.Key("populations"));
        into.add(selector(populations, i));
        into.add(new ScenarioPath.Key("template"));
        into.addAll(s.subList(2, s.size()));
        out.add(new ScenarioPath(path.text(), into));
      }
    }
    return out;
  }

  /**
   * Population {@code i} of {@code populations} by its id, as messages name a population ({@code
   * populations[labs]}), where that id picks it alone; else by its index.
   */
  private static ScenarioPath.Segment selector(ArrayNode populations, int i) {
    String id = populations.get(i).path("id").asText(null);
    if (!populations.get(i).path("id").isTextual()
        || !id.matches("[A-Za-z0-9._-]+")
        || id.chars().allMatch(Character::isDigit)) {
      return new ScenarioPath.Index(i);
    }
    for (int j = 0; j < populations.size(); j++) {
      JsonNode other = populations.get(j);
      if (j != i
          && (id.equals(other.path("id").asText(null))
              || id.equals(other.path("stage").asText(null)))) {
        return new ScenarioPath.Index(i);
      }
    }
    return new ScenarioPath.Named(id);
  }

  /**
   * {@code e}, for a path that names an entry of models, humans or sites, with what to do when the
   * name may be a population member's: its members are no entries of the file's list, and a path
   * reaches them through their template, all at once.
   */
  private static PathException withPopulations(
      PathException e, ScenarioPath path, ObjectNode root) {
    List<ScenarioPath.Segment> s = path.segments();
    if (s.size() < 2
        || !(s.get(0) instanceof ScenarioPath.Key list)
        || !(s.get(1) instanceof ScenarioPath.Named named)
        || !MEMBERS_OF.containsKey(list.name())
        || !(e.found().startsWith("no entry with id")
            || e.found().startsWith("no '" + list.name() + "' in the scenario"))
        || !(root.get("populations") instanceof ArrayNode populations)) {
      return e;
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode p : populations) {
      if (MEMBERS_OF.get(list.name()).equals(p.path("kind").asText()) && p.path("id").isTextual()) {
        ids.add(p.path("id").asText());
      }
    }
    if (ids.isEmpty()) {
      return e;
    }
    return new PathException(
        e.found(),
        e.expected()
            + "; a member of a population ("
            + String.join(", ", ids)
            + ") is set through its population, for all members at once: populations["
            + (ids.contains(named.name()) ? named.name() : ids.get(0))
            + "].template"
            + path.text().substring(path.prefix(1).length())
            + ", or "
            + list.name()
            + "[*]"
            + path.text().substring(path.prefix(1).length())
            + " for every "
            + MEMBERS_OF.get(list.name()));
  }

  /** Every place {@code path} itself addresses in {@code root}. */
  private List<Target> walk(ScenarioPath path, ObjectNode root) throws PathException {
    List<At> here = List.of(new At(root, schema.top(), ""));
    List<ScenarioPath.Segment> segments = path.segments();
    for (int k = 0; k < segments.size(); k++) {
      ScenarioPath.Segment seg = segments.get(k);
      boolean last = k == segments.size() - 1;
      String before = k == 0 ? "the scenario" : path.prefix(k - 1);
      List<At> next = new ArrayList<>();
      List<Target> targets = new ArrayList<>();
      for (At at : here) {
        if (seg instanceof ScenarioPath.Key key) {
          key(at, key.name(), before, last, segments, k, next, targets);
        } else {
          select(at, seg, before, last, next, targets);
        }
      }
      if (last) {
        return targets;
      }
      here = next;
    }
    throw new IllegalStateException("a path with no segments");
  }

  /** Steps into a key of a mapping. */
  private void key(
      At at,
      String name,
      String before,
      boolean last,
      List<ScenarioPath.Segment> segments,
      int k,
      List<At> next,
      List<Target> targets)
      throws PathException {
    if (!(at.node() instanceof ObjectNode object)) {
      throw new PathException(
          describe(at.node()) + " at " + before, "a mapping with the key '" + name + "'");
    }
    List<JsonNode> here = at.schemas();
    Set<String> keys = schema.keys(here, object);
    if (!keys.contains(name) && drawnOrCycled(at.pointer(), object)) {
      // A template's {draw: ...} or {cycle: [...]} where the key's own schema has no keys (QA,
      // stop 34: --set 'populations[labs].template.crawl.weights.draw.choice=...' was refused).
      here = schema.populationValue();
      keys = schema.keys(here, object);
    }
    if (!keys.contains(name)) {
      throw new PathException(
          "unknown key '" + name + "' in " + before,
          (keys.isEmpty()
              ? "no key: " + before + " takes a plain value"
              : "one of " + keys + Suggest.didYouMean(name, keys)));
    }
    List<JsonNode> schemas = schema.property(here, object, name);
    String pointer = at.pointer() + "/" + name.replace("~", "~0").replace("/", "~1");
    if (last) {
      targets.add(new Target(object, name, -1, pointer));
      return;
    }
    JsonNode child = object.get(name);
    if (child == null || child.isNull()) {
      boolean selects = !(segments.get(k + 1) instanceof ScenarioPath.Key);
      if (selects || !schema.isMapping(schemas)) {
        throw new PathException(
            "no '" + name + "' in " + before + (before.equals(tree) ? "" : " of " + tree),
            selects ? "a list to select from: " + tree + " must have '" + name + "'" : "a mapping");
      }
      child = object.putObject(name);
    }
    next.add(new At(child, schemas, pointer));
  }

  /**
   * Whether {@code node}, at {@code pointer}, is a value drawn or cycled in a population template.
   */
  private static boolean drawnOrCycled(String pointer, ObjectNode node) {
    return pointer.matches("/populations/[0-9]+/template/.+")
        && node.size() == 1
        && (node.has("draw") || node.has("cycle"));
  }

  /** Steps into the entries of a list that a selector picks. */
  private void select(
      At at,
      ScenarioPath.Segment seg,
      String before,
      boolean last,
      List<At> next,
      List<Target> targets)
      throws PathException {
    if (!(at.node() instanceof ArrayNode list)) {
      throw new PathException(
          describe(at.node()) + " at " + before,
          schema.isList(at.schemas())
              ? "a list to select from"
              : "no selector: " + before + " is not a list");
    }
    List<JsonNode> items = schema.items(at.schemas(), list);
    List<Integer> picked = new ArrayList<>();
    if (seg instanceof ScenarioPath.All) {
      if (list.isEmpty()) {
        throw new PathException("an empty list at " + before, "at least one entry to set");
      }
      for (int i = 0; i < list.size(); i++) {
        picked.add(i);
      }
    } else if (seg instanceof ScenarioPath.Index index) {
      if (index.index() >= list.size()) {
        throw new PathException(
            "the index "
                + index.index()
                + " in "
                + before
                + ", which has "
                + list.size()
                + (list.size() == 1 ? " entry" : " entries"),
            "an index from 0 to " + (list.size() - 1));
      }
      picked.add(index.index());
    } else {
      String name = ((ScenarioPath.Named) seg).name();
      for (String field : SELECT_BY) {
        for (int i = 0; i < list.size(); i++) {
          if (name.equals(list.get(i).path(field).asText(null))) {
            picked.add(i);
          }
        }
        if (!picked.isEmpty()) {
          break;
        }
      }
      if (picked.isEmpty()) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode entry : list) {
          String id = entry.path("id").asText(entry.path("stage").asText(null));
          if (id != null) {
            names.add(id);
          }
        }
        throw new PathException(
            "no entry with id or stage '" + name + "' in " + before,
            names.isEmpty()
                ? "an index such as [0], since its entries have no id"
                : "one of " + Suggest.list(names) + Suggest.didYouMean(name, names));
      }
      if (picked.size() > 1) {
        // Two stages of one kind in a pipeline: setting both silently was a surprise (QA, stop 34).
        List<String> each = picked.stream().map(i -> before + "[" + i + "]").toList();
        throw new PathException(
            picked.size() + " entries named '" + name + "' in " + before + " (at " + picked + ")",
            "a selector that picks one: address each by its index, " + String.join(" or ", each));
      }
    }
    for (int i : picked) {
      String pointer = at.pointer() + "/" + i;
      if (last) {
        targets.add(new Target(list, null, i, pointer));
      } else {
        next.add(new At(list.get(i), items, pointer));
      }
    }
  }

  /** How a node reads in a message. */
  public static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return node.isEmpty() ? "an empty list" : "a list";
    }
    if (node.isNull()) {
      return "an empty value";
    }
    if (node.isTextual()) {
      return Problems.describe(node.asText());
    }
    return (node.isBoolean() ? "the boolean " : "the number ") + node.asText();
  }
}
