package ouroboros.sim.scenario.population;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import ouroboros.agents.domain.DomainSpec;
import ouroboros.agents.rng.RngStreams;
import ouroboros.sim.engine.CopyPlan;
import ouroboros.sim.scenario.check.Problems;
import ouroboros.sim.scenario.check.Suggest;
import ouroboros.sim.scenario.load.Yaml;
import ouroboros.sim.scenario.path.Timelines;
import ouroboros.sim.scenario.spec.CopiesSpec;
import ouroboros.sim.scenario.spec.Scenario;
import ouroboros.sim.sweep.Seeds;
import ouroboros.sim.web.WebStore;

/**
 * The {@code copies:} block of a scenario: R independent copies of its world in one run.
 *
 * <p>Copy i (numbered from {@code first}) has the seed {@link Seeds#replicate}(seed, i), the seed a
 * sweep gives its replicate i. Every site, human source and model of the resolved scenario gets the
 * id {@code ID.c<i>} ({@link #id}); every reference to one (a site, publish-to, crawl sites,
 * trains-on, releases, retirements, set and human-rate events, ai-share curves) is renamed with it,
 * and a crawl without sites (every site) gets the copy's own sites, in file order, so that copies
 * never read each other's items. The copy's domain is the file's with the keys of {@code truth}
 * drawn from the copy's seed ({@link #truths}), built from the copy's seed; each agent's random
 * streams are split from the copy's seed and its id without the suffix. So copy i's rows in {@code
 * metrics.csv}, with the suffix removed, do not depend on R or on the other copies, and equal those
 * of a run of copy i alone ({@code count: 1, first: i}); without {@code truth}, they equal those of
 * the file without {@code copies} run with {@code --seed} {@link Seeds#replicate}(seed, i).
 */
public final class Copies {
  /** What separates an id from its copy index. */
  public static final String SUFFIX = CopyPlan.SUFFIX;

  /** Timeline {@code set} paths that name sites or agents, which copies do not rename. */
  private static final List<String> SET_REFERENCES =
      List.of("site", "publish-to", "crawl", "trains-on");

  private Copies() {}

  /** The id of {@code id}'s copy {@code copy}. */
  public static String id(String id, int copy) {
    return CopyPlan.id(id, copy);
  }

  /** The seed of copy {@code copy} of a run with seed {@code seed}. */
  public static long seed(long seed, int copy) {
    return Seeds.replicate(seed, copy);
  }

  /** A scenario with its copies expanded, each copy's domain and seed. */
  public record Expanded(Scenario scenario, List<DomainSpec> domains, long[] seeds, int first) {}

  /**
   * Checks the {@code copies} block of a valid scenario: its {@code truth} template, the keys it
   * names, and the domain every copy draws, with the run's seed. Problems are at {@code
   * /copies/...}; a drawn domain that is not valid names its copy.
   */
  public static void check(Problems p, Scenario s, long seed) {
    CopiesSpec c = s.copies();
    if (c == null || c.count() == null) {
      return;
    }
    if ((long) c.firstOrDefault() + c.count() - 1 > Integer.MAX_VALUE) {
      p.addWorded(
          "/copies/first",
          "copies up to " + ((long) c.firstOrDefault() + c.count() - 1),
          "a last copy index of at most " + Integer.MAX_VALUE);
    }
    int sites = s.sites() == null ? 1 : s.sites().size();
    if ((long) c.count() * sites > WebStore.MAX_SITES && sites <= WebStore.MAX_SITES) {
      // Each copy has sites of its own; more than the web holds in all is refused here, where the
      // count is, rather than inside the run.
      p.addWorded(
          "/copies/count",
          c.count() + " copies of " + sites + (sites == 1 ? " site" : " sites"),
          "at most "
              + WebStore.MAX_SITES
              + " sites over all copies (the web stores an item's site as a 16-bit index)");
    }
    if (s.timeline() != null) {
      for (int k = 0; k < s.timeline().size(); k++) {
        var set = s.timeline().get(k).set();
        if (set != null && set.path() != null && SET_REFERENCES.contains(firstKey(set.path()))) {
          p.addWorded(
              "/timeline/" + k + "/set/path",
              "'" + set.path() + "' with copies",
              "with 'copies', a set event that names no site or agent (not "
                  + SET_REFERENCES
                  + ")");
        }
      }
    }
    if (c.truth() == null || !c.truth().isObject()) {
      return;
    }
    List<Generator.Problem> out = new ArrayList<>();
    Generator template = Generator.of(c.truth(), "/copies/truth", out);
    for (Generator.Problem q : out) {
      p.addWorded(q.pointer(), q.found(), q.expected());
    }
    if (c.truth().has("type")) {
      p.addWorded(
          "/copies/truth/type",
          "'type'",
          "domain keys other than 'type': every copy has the file's domain family");
    }
    List<String> keys = domainKeys(s.domain());
    boolean unknown = false;
    for (Iterator<String> it = c.truth().fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!k.equals("type") && !keys.contains(k)) {
        unknown = true;
        p.addWorded(
            "/copies/truth/" + k,
            "unknown key '" + k + "'",
            "a key of the "
                + ouroboros.sim.scenario.check.ScenarioValidator.typeOf(s.domain())
                + " domain, one of "
                + keys
                + Suggest.didYouMean(k, keys));
      }
    }
    if (!out.isEmpty() || c.truth().has("type") || unknown) {
      return;
    }
    for (int i = 0; i < c.count(); i++) {
      int copy = c.firstOrDefault() + i;
      Problems q = new Problems();
      String bad = null;
      try {
        DomainSpec d = draw(s.domain(), template, copy, seed(seed, copy));
        d.validate(q);
      } catch (JsonProcessingException e) {
        bad = e.getOriginalMessage();
      }
      if (bad != null || !q.isEmpty()) {
        var first = q.isEmpty() ? null : q.list().get(0);
        p.addWorded(
            "/copies/truth" + (first == null ? "" : first.pointer().replaceFirst("^/domain", "")),
            "copy " + copy + "'s drawn domain: " + (first == null ? bad : first.found()),
            first == null ? "domain keys of the file's domain family" : first.expected());
        return;
      }
    }
  }

  /** The keys of a domain's spec, kebab-case, less {@code type}. */
  private static List<String> domainKeys(DomainSpec domain) {
    var kebab = new com.fasterxml.jackson.databind.PropertyNamingStrategies.KebabCaseStrategy();
    List<String> keys = new ArrayList<>();
    for (var rc : domain.getClass().getRecordComponents()) {
      String k = kebab.translate(rc.getName());
      if (!k.equals("type")) {
        keys.add(k);
      }
    }
    return keys;
  }

  /** Each copy's domain: the file's, with the truth's keys drawn from the copy's seed. */
  public static List<DomainSpec> truths(Scenario s, long[] seeds) {
    List<DomainSpec> out = new ArrayList<>();
    JsonNode truth = s.copies().truth();
    Generator template =
        truth == null ? null : Generator.of(truth, "/copies/truth", new ArrayList<>());
    for (int i = 0; i < seeds.length; i++) {
      try {
        int copy = s.copies().firstOrDefault() + i;
        out.add(
            template == null ? s.domain() : draw(s.domain(), template, copy, seeds[i]).resolve());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a checked truth no longer binds: " + e.getMessage(), e);
      }
    }
    return out;
  }

  /**
   * The domain with the template's keys in place of its own: drawn from the copy's seed, cycled by
   * its index.
   */
  private static DomainSpec draw(DomainSpec domain, Generator template, int copy, long seed)
      throws JsonProcessingException {
    ObjectMapper mapper = Yaml.mapper();
    ObjectNode tree = mapper.valueToTree(domain);
    JsonNode drawn =
        template.value(new Generator.Member(copy, "truth", new RngStreams(seed), "copies"));
    drawn.fields().forEachRemaining(e -> tree.set(e.getKey(), e.getValue()));
    return mapper.treeToValue(tree, DomainSpec.class);
  }

  /**
   * The world of a resolved, valid scenario with copies: copy after copy, every site, human and
   * model renamed; the timeline's events of one tick keep their order within each copy.
   */
  public static Expanded expand(Scenario s, long seed) {
    CopiesSpec c = s.copies();
    ObjectMapper mapper = Yaml.mapper();
    ObjectNode root = mapper.valueToTree(s);
    long[] seeds = new long[c.count()];
    ArrayNode sites = mapper.createArrayNode();
    ArrayNode humans = mapper.createArrayNode();
    ArrayNode models = mapper.createArrayNode();
    List<List<JsonNode>> events = new ArrayList<>();
    ArrayNode aiShare = mapper.createArrayNode();
    JsonNode timeline = root.path("timeline");
    for (int k = 0; k < timeline.size(); k++) {
      events.add(new ArrayList<>());
    }
    for (int i = 0; i < c.count(); i++) {
      int copy = c.firstOrDefault() + i;
      seeds[i] = seed(seed, copy);
      ArrayNode own = mapper.createArrayNode();
      root.path("sites").forEach(x -> own.add(id(x.get("id").asText(), copy)));
      for (JsonNode x : root.path("sites")) {
        sites.add(((ObjectNode) x.deepCopy()).put("id", id(x.get("id").asText(), copy)));
      }
      for (JsonNode x : root.path("humans")) {
        humans.add(agent(x.deepCopy(), copy, own));
      }
      for (JsonNode x : root.path("models")) {
        models.add(agent(x.deepCopy(), copy, own));
      }
      for (int k = 0; k < timeline.size(); k++) {
        events.get(k).add(event(timeline.get(k).deepCopy(), copy, own));
      }
      for (JsonNode x : root.path("ai-share")) {
        ObjectNode a = x.deepCopy();
        rename(a, "site", copy);
        aiShare.add(a);
      }
    }
    root.set("sites", sites);
    root.set("humans", humans);
    root.set("models", models);
    if (!timeline.isMissingNode() && !timeline.isNull()) {
      ArrayNode t = mapper.createArrayNode();
      events.forEach(t::addAll);
      root.set("timeline", sortedByTick(t, mapper));
    }
    if (root.has("ai-share") && !root.get("ai-share").isNull()) {
      root.set("ai-share", aiShare);
    }
    root.remove("populations");
    root.remove("copies");
    try {
      Scenario world = mapper.treeToValue(root, Scenario.class);
      return new Expanded(world, truths(s, seeds), seeds, c.firstOrDefault());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("copies of a valid scenario do not bind: " + e, e);
    }
  }

  /** Events in tick order; events of one tick keep their order (a stable sort). */
  private static ArrayNode sortedByTick(ArrayNode events, ObjectMapper mapper) {
    List<JsonNode> list = new ArrayList<>();
    events.forEach(list::add);
    list.sort(java.util.Comparator.comparingInt(e -> e.path("tick").asInt()));
    ArrayNode out = mapper.createArrayNode();
    list.forEach(out::add);
    return out;
  }

  /** A human or model (or a release) with its id and every site and agent it names renamed. */
  private static ObjectNode agent(ObjectNode a, int copy, ArrayNode own) {
    rename(a, "id", copy);
    rename(a, "site", copy);
    rename(a, "like", copy);
    if (a.get("publish-to") instanceof ObjectNode to) {
      ObjectNode renamed = to.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = to.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        renamed.set(id(e.getKey(), copy), e.getValue());
      }
      a.set("publish-to", renamed);
    }
    if (a.get("crawl") instanceof ObjectNode crawl) {
      JsonNode listed = crawl.get("sites");
      ArrayNode renamed = crawl.arrayNode();
      if (listed == null || listed.isNull() || listed.isEmpty()) {
        renamed.addAll(own);
      } else {
        listed.forEach(x -> renamed.add(id(x.asText(), copy)));
      }
      crawl.set("sites", renamed);
    }
    if (a.get("trains-on") instanceof ArrayNode sources) {
      sources.forEach(x -> rename((ObjectNode) x, "source", copy));
    }
    return a;
  }

  /** A timeline event with the agents and sites it names renamed. */
  private static JsonNode event(ObjectNode e, int copy, ArrayNode own) {
    if (e.get("release") instanceof ObjectNode r) {
      agent(r, copy, own);
    }
    rename(e, "retire", copy);
    if (e.get("set") instanceof ObjectNode set) {
      rename(set, "agent", copy);
      if (set.get("path") instanceof com.fasterxml.jackson.databind.node.TextNode path) {
        set.put("path", renamedPath(path.asText(), copy));
      }
    }
    if (e.get("humans") instanceof ObjectNode h) {
      rename(h, "id", copy);
    }
    return e;
  }

  /**
   * The key a set event's path sets, after its agent ({@code crawl} for {@code
   * models[a].crawl.policy}); null when the path is malformed (validation says so).
   */
  private static String firstKey(String path) {
    try {
      return Timelines.parse(path).first();
    } catch (Timelines.SetException e) {
      return null;
    }
  }

  /**
   * A set event's path with its agent renamed to copy {@code copy}'s ({@code models[a].scrape} to
   * {@code models[a<suffix>].scrape}); a path naming its agent otherwise is left as it is.
   */
  private static String renamedPath(String path, int copy) {
    Timelines.Target t;
    try {
      t = Timelines.parse(path);
    } catch (Timelines.SetException e) {
      return path;
    }
    String named = t.list() + "[" + t.id() + "]";
    return path.startsWith(named)
        ? t.list() + "[" + id(t.id(), copy) + "]" + path.substring(named.length())
        : path;
  }

  /** Renames the text at {@code key}, when there is one. */
  private static void rename(ObjectNode o, String key, int copy) {
    JsonNode v = o.get(key);
    if (v != null && v.isTextual()) {
      o.put(key, id(v.asText(), copy));
    }
  }
}
