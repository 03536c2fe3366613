package ouroboros.sim.scenario.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import ouroboros.sim.scenario.check.Problems;
import ouroboros.sim.scenario.check.Suggest;
import ouroboros.sim.scenario.load.Resolution;
import ouroboros.sim.scenario.load.ScenarioLoader;
import ouroboros.sim.scenario.load.Yaml;
import ouroboros.sim.scenario.spec.EventSpec;
import ouroboros.sim.scenario.spec.ModelSpec;
import ouroboros.sim.scenario.spec.Scenario;
import ouroboros.sim.scenario.spec.SiteSpec;

/**
 * The paths of {@code set} events and what they do to a model. A path is a {@link ScenarioPath},
 * the grammar of sweep paths and {@code run --set}, that names one agent by id and one of its
 * run-time settings, {@code models[ID].KEY...} or {@code humans[ID].publish-rate}; the settable
 * keys are listed in {@link #SETTABLE}. Setting a value resolves the path with the same {@link
 * PathResolver} on the model's spec as a YAML tree and binds it again, so a value is checked
 * exactly as in a scenario file.
 */
public final class Timelines {
  /**
   * What a {@code set} path may change, after {@code models[ID].}: the first key of the rest of the
   * path. {@code crawl} and {@code sampling} take any of their keys, {@code pipeline[S]} any key of
   * stage S (by its name, or by its index).
   */
  public static final List<String> SETTABLE =
      List.of("publish-rate", "scrape", "fresh-human-fraction", "crawl", "sampling", "pipeline");

  /** What a {@code set} path may change after {@code humans[ID].}. */
  public static final List<String> HUMAN_SETTABLE = List.of("publish-rate");

  /** A path's shape, for messages. */
  public static final String PATH_SHAPE =
      "a path models[ID].KEY or humans[ID].publish-rate, KEY one of " + SETTABLE;

  private static final ObjectMapper MAPPER = Yaml.mapper();

  /** The resolver, made when a first {@code set} is applied (the schema is read then). */
  private static final class Resolver {
    static final PathResolver INSTANCE = new PathResolver(ScenarioSchema.shared(), "the scenario");
  }

  private Timelines() {}

  /**
   * A parsed path.
   *
   * @param list {@code models} or {@code humans}
   * @param id the agent's id
   * @param keys the rest of the path: keys, each with an optional selector (null when absent)
   * @param path the whole path, parsed
   */
  public record Target(String list, String id, List<String[]> keys, ScenarioPath path) {
    /** The first key after the agent. */
    public String first() {
      return keys.get(0)[0];
    }
  }

  /** A value or path that cannot be applied: what was found and what was expected. */
  public static final class SetException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String found;
    private final String expected;
    private final boolean inPath;

    SetException(String found, String expected) {
      this(found, expected, false);
    }

    SetException(String found, String expected, boolean inPath) {
      super("found " + found + ", expected " + expected);
      this.found = found;
      this.expected = expected;
      this.inPath = inPath;
    }

    /** Whether the path is at fault, rather than the value. */
    public boolean inPath() {
      return inPath;
    }

    /** What was found. */
    public String found() {
      return found;
    }

    /** What was expected. */
    public String expected() {
      return expected;
    }
  }

  /**
   * Parses a path in the grammar of {@link ScenarioPath} and checks that it names one agent and one
   * of its settable keys ({@link #SETTABLE}).
   */
  public static Target parse(String path) throws SetException {
    ScenarioPath parsed;
    try {
      parsed = ScenarioPath.parse(path);
    } catch (IllegalArgumentException e) {
      throw new SetException(Problems.describe(path) + " (" + e.getMessage() + ")", PATH_SHAPE);
    }
    List<ScenarioPath.Segment> segments = parsed.segments();
    String list = segments.get(0) instanceof ScenarioPath.Key k ? k.name() : "";
    String id =
        segments.size() < 2
            ? null
            : segments.get(1) instanceof ScenarioPath.Named n
                ? n.name()
                : segments.get(1) instanceof ScenarioPath.Index i
                    ? String.valueOf(i.index())
                    : null;
    if (!list.equals("models") && !list.equals("humans")
        || id == null
        || segments.size() < 3
        || !(segments.get(2) instanceof ScenarioPath.Key)) {
      throw new SetException(Problems.describe(path), PATH_SHAPE);
    }
    List<String[]> keys = new ArrayList<>();
    for (int k = 2; k < segments.size(); k++) {
      ScenarioPath.Segment seg = segments.get(k);
      if (seg instanceof ScenarioPath.Key key) {
        keys.add(new String[] {key.name(), null});
      } else {
        String[] last = keys.get(keys.size() - 1);
        String select =
            seg instanceof ScenarioPath.Named n
                ? n.name()
                : seg instanceof ScenarioPath.Index i ? String.valueOf(i.index()) : "*";
        if (last[1] != null
            || !(seg instanceof ScenarioPath.Named) && !(seg instanceof ScenarioPath.Index)) {
          throw new SetException(
              "the selector [" + select + "] after '" + last[0] + "[" + last[1] + "]'",
              "one stage, by its name or its index");
        }
        last[1] = select;
      }
    }
    List<String> allowed = list.equals("models") ? SETTABLE : HUMAN_SETTABLE;
    String first = keys.get(0)[0];
    if (!allowed.contains(first)) {
      throw new SetException(
          "'" + first + "', which a timeline cannot change",
          "a settable key of " + list + ", one of " + allowed + Suggest.didYouMean(first, allowed));
    }
    for (int k = 0; k < keys.size(); k++) {
      boolean pipeline = k == 0 && first.equals("pipeline");
      if (keys.get(k)[1] != null && !pipeline) {
        throw new SetException(
            "the selector [" + keys.get(k)[1] + "] after '" + keys.get(k)[0] + "'",
            "a selector only after 'pipeline', such as pipeline[watermark-filter].tpr");
      }
      if (pipeline && (keys.get(k)[1] == null || keys.size() != 2)) {
        throw new SetException(
            Problems.describe(path), "a stage key, as in models[ID].pipeline[STAGE].KEY");
      }
    }
    if (first.equals("pipeline") && keys.get(1)[0].equals("stage")) {
      throw new SetException(
          "'stage', which a timeline cannot change",
          "another key of the stage: a stage's kind is fixed for the run");
    }
    if (keys.size() > 1
        && !first.equals("crawl")
        && !first.equals("sampling")
        && !first.equals("pipeline")) {
      throw new SetException(Problems.describe(path), "nothing after '" + first + "'");
    }
    return new Target(list, id, List.copyOf(keys), parsed);
  }

  /**
   * The model with {@code value} at the path's keys. The path is resolved by the {@link
   * PathResolver} that sweeps and {@code run --set} use, on a tree holding only this model (absent
   * {@code crawl} or {@code sampling} mappings are created); the model then goes through YAML and
   * back, so a value of the wrong type fails as in a scenario file.
   */
  public static ModelSpec set(ModelSpec model, Target target, JsonNode value) throws SetException {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode tree = MAPPER.valueToTree(model);
    root.putArray(target.list()).add(tree);
    if (target.first().equals("pipeline") && !tree.has("pipeline")) {
      throw new SetException(
          "no stage '"
              + target.keys().get(0)[1]
              + "' in "
              + target.list()
              + "["
              + target.id()
              + "].pipeline",
          "a model with a pipeline",
          true);
    }
    try {
      for (PathResolver.Target t : Resolver.INSTANCE.resolve(target.path(), root)) {
        t.set(value);
      }
    } catch (PathResolver.PathException e) {
      throw new SetException(e.found(), e.expected(), true);
    }
    String at = target.list() + "[" + target.id() + "]";
    List<String[]> keys = target.keys();
    for (String[] key : keys.subList(0, keys.size() - 1)) {
      at = at + "." + key[0] + (key[1] == null ? "" : "[" + key[1] + "]");
    }
    try {
      return MAPPER.treeToValue(tree, ModelSpec.class);
    } catch (UnrecognizedPropertyException e) {
      TreeSet<String> known = new TreeSet<>();
      e.getKnownPropertyIds().forEach(x -> known.add(String.valueOf(x)));
      boolean inPath = e.getPath().size() <= keys.size();
      throw new SetException(
          "unknown key '" + e.getPropertyName() + "'" + (inPath ? " in " + at : ""),
          "one of " + known + Suggest.didYouMean(e.getPropertyName(), known),
          inPath);
    } catch (MismatchedInputException e) {
      throw new SetException(describe(value), ScenarioLoader.typeName(e.getTargetType()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new SetException(
          describe(value), "a valid value (" + firstLine(e.getOriginalMessage()) + ")");
    }
  }

  /**
   * The models under {@code models}, then the model of each release in the order the timeline lists
   * them (their agent indices follow the same order). A release whose {@code like} names no model
   * under {@code models} or earlier release, or that has no tick, is left out.
   */
  public static List<ModelSpec> allModels(List<ModelSpec> models, List<EventSpec> timeline) {
    List<ModelSpec> all = new ArrayList<>(models == null ? List.of() : models);
    for (EventSpec e : timeline == null ? List.<EventSpec>of() : timeline) {
      if (e == null || e.release() == null || e.tick() == null) {
        continue;
      }
      ModelSpec like = find(all, e.release().like());
      if (like != null) {
        all.add(e.release().over(like, e.tick()));
      }
    }
    return all;
  }

  /** The model with an id, or null. */
  public static ModelSpec find(List<ModelSpec> models, String id) {
    for (ModelSpec m : models) {
      if (m != null && m.id() != null && m.id().equals(id)) {
        return m;
      }
    }
    return null;
  }

  /**
   * Fills in the defaults again of a model of a resolved scenario changed by a {@code set} (a
   * {@code crawl} mapping set whole may leave out its policy). The sites' ids are listed once for
   * all the models it is applied to, not once per model: a {@code set} on a population of N members
   * over S sites would otherwise cost N x S.
   */
  public static UnaryOperator<ModelSpec> resolver(Scenario resolvedScenario) {
    List<SiteSpec> sites = resolvedScenario.sites();
    List<String> ids = Resolution.ids(sites);
    return changed -> Resolution.model(changed, sites, ids, resolvedScenario.domain());
  }

  /** Indices of events in the order they apply: by tick, then as listed. */
  public static List<Integer> order(List<EventSpec> events) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i) != null && events.get(i).tick() != null) {
        order.add(i);
      }
    }
    order.sort(
        Comparator.comparingInt((Integer i) -> events.get(i).tick()).thenComparingInt(i -> i));
    return order;
  }

  /** How a value reads in a message. */
  public static String describe(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return "nothing";
    }
    if (v.isTextual()) {
      return "the text '" + v.asText() + "'";
    }
    if (v.isNumber()) {
      return "the number " + v.asText();
    }
    if (v.isBoolean()) {
      return "the boolean " + v.asText();
    }
    return v.isArray() ? "a list" : "a mapping";
  }

  /** The first line of a message. */
  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }
}
