package ouroboros.sim.scenario.population;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import ouroboros.sim.output.Groups;
import ouroboros.sim.scenario.check.Problems;
import ouroboros.sim.scenario.check.ScenarioError;
import ouroboros.sim.scenario.check.ScenarioException;
import ouroboros.sim.scenario.check.Suggest;
import ouroboros.sim.scenario.load.Locations;
import ouroboros.sim.scenario.spec.EventSpec;
import ouroboros.sim.scenario.spec.HumanSpec;
import ouroboros.sim.scenario.spec.ModelSpec;
import ouroboros.sim.scenario.spec.Scenario;
import ouroboros.sim.scenario.spec.SiteSpec;
import ouroboros.sim.web.WebStore;

/**
 * Checks the {@code populations:} entries themselves (id, kind, count, id pattern, template keys,
 * distributions and cycles), and that no member id is taken by another agent, site or member;
 * compiles each template and makes each population's member ids.
 *
 * @param templates each population's compiled template
 * @param ids each population's member ids, in member order
 * @param kinds each population's kind, by id
 */
record Entries(List<Generator> templates, List<List<String>> ids, Map<String, String> kinds) {

  /** Checks the entries; throws every problem found, located. */
  static Entries check(String file, Scenario raw, Locations at) throws ScenarioException {
    List<ScenarioError> errors = new ArrayList<>();
    List<Population> entries = raw.populations();
    Map<String, String> agents = owners(raw, at);
    Map<String, String> siteOwners = new HashMap<>();
    if (raw.sites() != null) {
      for (int j = 0; j < raw.sites().size(); j++) {
        SiteSpec s = raw.sites().get(j);
        if (s != null && s.id() != null) {
          siteOwners.putIfAbsent(s.id(), "sites[" + j + "]" + line(at, "/sites/" + j));
        }
      }
    }
    Map<String, String> kinds = new HashMap<>();
    SiteTotal siteTotal = new SiteTotal(raw.sites() == null ? 0 : raw.sites().size());
    List<Generator> templates = new ArrayList<>();
    List<List<String>> ids = new ArrayList<>();
    for (int k = 0; k < entries.size(); k++) {
      Population p = entries.get(k);
      String base = "/populations/" + k;
      int kk = k;
      Err err =
          (pointer, found, expected) -> {
            Locations.Position pos = at.find(pointer);
            errors.add(
                new ScenarioError(
                    file,
                    pos.line(),
                    pos.column(),
                    PathText.display(pointer, kk, p == null ? null : p.id()),
                    found,
                    expected));
          };
      if (p == null) {
        err.add(
            base,
            "nothing",
            "a population: a mapping with id, kind, count, id-pattern" + " and template");
        templates.add(null);
        ids.add(List.of());
        continue;
      }
      int before = errors.size();
      if (p.id() == null || !p.id().matches(Expansion.ID)) {
        err.add(
            base + "/id",
            Problems.describe(p.id()),
            p.id() == null
                ? "the required key 'id': the population's name"
                : "a population id of letters," + " digits, '.', '_' or '-'");
      } else if (p.id().equals(Groups.DEFAULT)) {
        // Its members would be aggregated with the models that name no population.
        err.add(
            base + "/id",
            Problems.describe(p.id()),
            "another population id: '"
                + Groups.DEFAULT
                + "' is the group of the models without a population key in the outputs");
      } else if (kinds.containsKey(p.id()) || agents.containsKey(p.id())) {
        err.add(
            base + "/id",
            Problems.describe(p.id()),
            "an id used by no other population or"
                + " agent (it is "
                + (kinds.containsKey(p.id()) ? "another population's" : agents.get(p.id()))
                + ")");
      }
      if (p.kind() == null || !Expansion.KINDS.containsKey(p.kind())) {
        err.add(
            base + "/kind",
            Problems.describe(p.kind()),
            (p.kind() == null ? "the required key 'kind', one of " : "one of ")
                + Expansion.KIND_NAMES
                + (p.kind() == null ? "" : Suggest.didYouMean(p.kind(), Expansion.KIND_NAMES)));
      }
      if (p.count() == null || p.count() < 1 || p.count() > Expansion.MAX_COUNT) {
        err.add(
            base + "/count",
            Problems.describe(p.count()),
            (p.count() == null ? "the required key 'count', " : "")
                + "a whole number of members from 1 to "
                + Expansion.MAX_COUNT);
      } else if ("site".equals(p.kind())) {
        String over = siteTotal.add(p.id(), p.count());
        if (over != null) {
          err.add(
              base + "/count",
              over,
              "at most "
                  + WebStore.MAX_SITES
                  + " sites in all (the web stores an item's site as a 16-bit index)");
        }
      }
      IdPattern pattern = null;
      if (p.idPattern() == null) {
        err.add(
            base + "/id-pattern",
            "nothing",
            "the required key 'id-pattern', such as"
                + " \"lab-{i}\" ({i} is the member index from 0)");
      } else {
        pattern = IdPattern.of(p.idPattern());
        if (pattern.usesId()) {
          err.add(
              base + "/id-pattern",
              Problems.describe(p.idPattern()),
              "a pattern without {id}: it makes the id, with {i} or {i:05}");
          pattern = null;
        } else if (!pattern.usesIndex() && p.count() != null && p.count() > 1) {
          err.add(
              base + "/id-pattern",
              Problems.describe(p.idPattern())
                  + (IdPattern.malformed(p.idPattern()) == null
                      ? ", which has no {i},"
                      : ", whose '"
                          + IdPattern.malformed(p.idPattern())
                          + "' is not a placeholder ({i}, {i:0N} with N from 1 to 9, {id}),")
                  + " for "
                  + p.count()
                  + " members",
              "a pattern with {i} (or {i:05}), so that each" + " member gets its own id");
          pattern = null;
        } else if (!p.idPattern().replaceAll("\\{(i|i:0[1-9])\\}", "0").matches(Expansion.ID)) {
          err.add(
              base + "/id-pattern",
              Problems.describe(p.idPattern()),
              "a pattern of letters," + " digits, '.', '_', '-' and {i} or {i:05}");
          pattern = null;
        }
      }
      Generator template = null;
      if (p.template() != null && !p.template().isObject()) {
        err.add(
            base + "/template",
            PathText.describe(p.template()),
            "a mapping of the keys every member gets");
      } else if (p.kind() != null && Expansion.KINDS.containsKey(p.kind())) {
        JsonNode t =
            p.template() != null
                ? p.template()
                : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        List<String> known = Expansion.templateKeys(p.kind());
        for (Iterator<String> it = t.fieldNames(); it.hasNext(); ) {
          String key = it.next();
          if (!known.contains(key)) {
            Locations.Position pos = at.key(base + "/template/" + key);
            errors.add(
                new ScenarioError(
                    file,
                    pos.line(),
                    pos.column(),
                    PathText.display(base + "/template", k, p.id()),
                    "unknown key '"
                        + key
                        + "'"
                        + (key.equals("id") ? " (members' ids come from id-pattern)" : ""),
                    "a key of a "
                        + p.kind()
                        + ", one of "
                        + known
                        + Suggest.didYouMean(key, known)));
          }
        }
        List<Generator.Problem> problems = new ArrayList<>();
        template = Generator.of(t, "", problems);
        for (Generator.Problem q : problems) {
          err.add(base + "/template" + q.pointer(), q.found(), q.expected());
        }
      }
      List<String> members = new ArrayList<>();
      if (errors.size() == before && pattern != null) {
        Map<String, String> owners = p.kind().equals("site") ? siteOwners : agents;
        String label = "populations[" + p.id() + "]";
        String clash = null;
        for (int i = 0; i < p.count(); i++) {
          String id = pattern.format(i, null);
          String owner = owners.putIfAbsent(id, label + " member " + i + line(at, base));
          if (owner != null && clash == null) {
            clash = "'" + p.idPattern() + "', whose member " + i + " '" + id + "' is also " + owner;
          }
          members.add(id);
        }
        if (clash != null) {
          err.add(
              base + "/id-pattern",
              clash,
              "an id pattern whose ids no other agent, site" + " or member has");
        }
        kinds.put(p.id(), p.kind());
      }
      templates.add(template);
      ids.add(members);
    }
    if (!errors.isEmpty()) {
      errors.sort(
          Comparator.comparingInt(ScenarioError::line).thenComparingInt(ScenarioError::column));
      throw new ScenarioException(errors);
    }
    return new Entries(templates, ids, kinds);
  }

  /** Checks the {@code population} key of hand-written models and humans: a plain id. */
  static void groups(String file, Scenario raw, Locations at) throws ScenarioException {
    List<ScenarioError> errors = new ArrayList<>();
    for (String list : new String[] {"humans", "models"}) {
      List<?> agents = list.equals("humans") ? raw.humans() : raw.models();
      for (int j = 0; agents != null && j < agents.size(); j++) {
        Object a = agents.get(j);
        String group =
            a instanceof ModelSpec m
                ? m.population()
                : a instanceof HumanSpec h ? h.population() : null;
        if (group != null && !group.matches(Expansion.ID)) {
          String pointer = "/" + list + "/" + j + "/population";
          Locations.Position pos = at.find(pointer);
          errors.add(
              new ScenarioError(
                  file,
                  pos.line(),
                  pos.column(),
                  Locations.display(pointer),
                  Problems.describe(group),
                  "a population id of letters, digits, '.', '_' or '-'"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new ScenarioException(errors);
    }
  }

  /**
   * The sites listed under {@code sites:} and those of the site populations so far, so that a
   * population that takes the total past {@link WebStore#MAX_SITES} is refused at its count (the
   * validator would place the error at {@code sites:}, or at the file's start when there is none).
   */
  private static final class SiteTotal {
    private final int listed;
    private final List<String> earlier = new ArrayList<>();
    private long total;

    SiteTotal(int listed) {
      this.listed = listed;
      this.total = listed;
    }

    /** Counts a site population's members; says what was found when they pass the limit. */
    String add(String id, int count) {
      long before = total;
      total += count;
      if (total <= WebStore.MAX_SITES || before > WebStore.MAX_SITES) {
        earlier.add("the " + count + " of population " + id);
        return null;
      }
      List<String> others = new ArrayList<>();
      if (listed > 0) {
        others.add("the " + listed + (listed == 1 ? " site" : " sites") + " listed under 'sites'");
      }
      others.addAll(earlier);
      earlier.add("the " + count + " of population " + id);
      return count
          + (count == 1 ? " site" : " sites")
          + (others.isEmpty() ? "" : " (" + total + " with " + String.join(" and ", others) + ")");
    }
  }

  /** Adds an error at a pointer. */
  @FunctionalInterface
  private interface Err {
    void add(String pointer, String found, String expected);
  }

  /** The hand-written agents (models, humans, releases), by id, as messages name them. */
  private static Map<String, String> owners(Scenario raw, Locations at) {
    Map<String, String> owners = new HashMap<>();
    List<HumanSpec> humans = raw.humans() == null ? List.of() : raw.humans();
    for (int j = 0; j < humans.size(); j++) {
      if (humans.get(j) != null && humans.get(j).id() != null) {
        owners.putIfAbsent(humans.get(j).id(), "humans[" + j + "]" + line(at, "/humans/" + j));
      }
    }
    List<ModelSpec> models = raw.models() == null ? List.of() : raw.models();
    for (int j = 0; j < models.size(); j++) {
      if (models.get(j) != null && models.get(j).id() != null) {
        owners.putIfAbsent(models.get(j).id(), "models[" + j + "]" + line(at, "/models/" + j));
      }
    }
    List<EventSpec> timeline = raw.timeline() == null ? List.of() : raw.timeline();
    for (int j = 0; j < timeline.size(); j++) {
      EventSpec e = timeline.get(j);
      if (e != null && e.release() != null && e.release().id() != null) {
        owners.putIfAbsent(
            e.release().id(), "timeline[" + j + "].release" + line(at, "/timeline/" + j));
      }
    }
    return owners;
  }

  /** " (line N)" for a pointer's position, or "" when unknown. */
  private static String line(Locations at, String pointer) {
    int line = at.find(pointer).line();
    return line > 0 ? " (line " + line + ")" : "";
  }
}
