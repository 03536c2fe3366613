package ouroboros.sim.scenario.population;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ouroboros.agents.rng.RngStreams;
import ouroboros.sim.scenario.check.ScenarioError;
import ouroboros.sim.scenario.check.ScenarioException;
import ouroboros.sim.scenario.load.Locations;
import ouroboros.sim.scenario.load.ScenarioLoader;
import ouroboros.sim.scenario.spec.HumanSpec;
import ouroboros.sim.scenario.spec.ModelSpec;
import ouroboros.sim.scenario.spec.Scenario;
import ouroboros.sim.scenario.spec.SiteSpec;

/**
 * Expands a bound scenario's {@code populations:} into ordinary entries, before validation: each
 * population's members are appended to {@code models:}, {@code humans:} or {@code sites:} after the
 * hand-written ones, in member order, each model and human carrying {@code population: ID}.
 * Timeline events and {@code trains-on} entries that name a population are expanded to one per
 * member ({@link Addressing}). Problems of the entries themselves are reported here; problems the
 * validator then finds in a generated entry are moved to the population's template and name the
 * member ({@link Relocation}).
 */
public final class Expansion {
  /** The largest count a population may have. */
  public static final int MAX_COUNT = 1_000_000;

  /** What a population id (and a member id) may be made of. */
  static final String ID = "[A-Za-z0-9._-]+";

  /** An error path in a population by its index, {@code populations[0].count}. */
  private static final java.util.regex.Pattern BY_INDEX =
      java.util.regex.Pattern.compile("populations\\[(\\d{1,7})\\](.*)");

  /** A path that names a population by its id (which does not start with a digit). */
  private static final java.util.regex.Pattern BY_ID =
      java.util.regex.Pattern.compile(
          "populations\\[([^\\]0-9][^\\]]*)](.*)", java.util.regex.Pattern.DOTALL);

  /**
   * {@code e} with each population named by its id, as its other errors are ({@code
   * populations[labs].count}): errors found while reading the file's keys, before any population is
   * expanded, name them by index. {@code tree} is the file's YAML, or null.
   */
  public static ScenarioException byPopulationId(ScenarioException e, JsonNode tree) {
    List<ScenarioError> out = new ArrayList<>();
    for (ScenarioError x : e.errors()) {
      String path = byPopulationId(x.path(), tree);
      out.add(
          path.equals(x.path())
              ? x
              : new ScenarioError(x.file(), x.line(), x.column(), path, x.found(), x.expected()));
    }
    return new ScenarioException(out);
  }

  /**
   * A displayed path that starts in a population by its index ({@code populations[0].count}) with
   * the population named by its id in {@code tree} (the file's YAML, or null) instead, as
   * population messages name it; any other path as it is.
   */
  public static String byPopulationId(String displayed, JsonNode tree) {
    java.util.regex.Matcher m = BY_INDEX.matcher(displayed);
    if (tree == null || !m.matches()) {
      return displayed;
    }
    String id = tree.path("populations").path(Integer.parseInt(m.group(1))).path("id").asText("");
    return id.matches(ID) ? "populations[" + id + "]" + m.group(2) : displayed;
  }

  /**
   * The inverse of {@link #byPopulationId}: {@code populations[labs].count} as {@code
   * populations[1].count}, the place of that entry in {@code tree}, so that a message can be given
   * a file position; a path that names no population by id is returned as it is.
   */
  public static String byPopulationIndex(String displayed, JsonNode tree) {
    java.util.regex.Matcher m = BY_ID.matcher(displayed);
    if (tree == null || !m.matches()) {
      return displayed;
    }
    JsonNode list = tree.path("populations");
    for (int i = 0; i < list.size(); i++) {
      if (m.group(1).equals(list.path(i).path("id").asText(null))) {
        return "populations[" + i + "]" + m.group(2);
      }
    }
    return displayed;
  }

  /** The kinds of population and the entry each generates. */
  static final Map<String, Class<? extends Record>> KINDS =
      Map.of("model", ModelSpec.class, "human", HumanSpec.class, "site", SiteSpec.class);

  static final List<String> KIND_NAMES = List.of("model", "human", "site");

  /** A check that may throw, run with its errors relocated. */
  @FunctionalInterface
  public interface Check {
    /** Runs the check. */
    Scenario run() throws ScenarioException;
  }

  private final Scenario scenario;
  private final Relocation relocation;

  private Expansion(Scenario scenario, Relocation relocation) {
    this.scenario = scenario;
    this.relocation = relocation;
  }

  /** The scenario with every population expanded. */
  public Scenario scenario() {
    return scenario;
  }

  /** Runs {@code check}; its errors in generated entries are moved to their population. */
  public Scenario relocating(Check check) throws ScenarioException {
    if (relocation == null) {
      return check.run();
    }
    try {
      return check.run();
    } catch (ScenarioException e) {
      throw new ScenarioException(relocation.relocate(e.errors()));
    }
  }

  /** Expands the populations of a bound scenario; one without populations is kept as it is. */
  public static Expansion of(String file, Scenario raw, Locations locations, ScenarioLoader loader)
      throws ScenarioException {
    Entries.groups(file, raw, locations);
    if (raw.populations() == null || raw.populations().isEmpty()) {
      return new Expansion(raw, null);
    }
    List<Population> entries = raw.populations();
    Entries checked = Entries.check(file, raw, locations);
    long seed = raw.seed() != null ? raw.seed() : 0L;
    List<Population> stated = new ArrayList<>();
    Relocation relocation = new Relocation(file, locations, entries);
    List<ModelSpec> models = new ArrayList<>(raw.models() == null ? List.of() : raw.models());
    List<HumanSpec> humans = new ArrayList<>(raw.humans() == null ? List.of() : raw.humans());
    List<SiteSpec> sites = raw.sites() == null ? null : new ArrayList<>(raw.sites());
    Map<String, List<String>> members = new HashMap<>();
    List<ScenarioError> errors = new ArrayList<>();
    for (int k = 0; k < entries.size(); k++) {
      Population p = entries.get(k);
      long popSeed = p.seed() != null ? p.seed() : seed;
      stated.add(p.withSeed(popSeed));
      List<String> ids = new ArrayList<>(checked.ids().get(k));
      // A hand-written agent of the entry's kind that names the population is one of its members
      // for outputs; so it is for the events that address the population (retire: labs left it).
      String kind = checked.kinds().get(p.id());
      if ("model".equals(kind)) {
        models.stream()
            .filter(m -> m != null && p.id().equals(m.population()) && m.id() != null)
            .forEach(m -> ids.add(m.id()));
      } else if ("human".equals(kind)) {
        humans.stream()
            .filter(h -> h != null && p.id().equals(h.population()) && h.id() != null)
            .forEach(h -> ids.add(h.id()));
      }
      members.put(p.id(), ids);
    }
    Addressing addressing = new Addressing(members, checked.kinds());
    for (int k = 0; k < entries.size(); k++) {
      Population p = entries.get(k);
      long popSeed = stated.get(k).seed();
      RngStreams streams = new RngStreams(popSeed);
      Generator template = checked.templates().get(k);
      List<String> ids = checked.ids().get(k);
      String kind = p.kind();
      if (kind.equals("site") && sites == null) {
        sites = new ArrayList<>();
      }
      relocation.population(
          kind,
          k,
          kind.equals("model")
              ? models.size()
              : kind.equals("human") ? humans.size() : sites.size(),
          ids);
      JsonNodeFactory nodes = JsonNodeFactory.instance;
      for (int i = 0; i < ids.size(); i++) {
        String id = ids.get(i);
        JsonNode values = template.value(new Generator.Member(i, id, streams, p.id()));
        ObjectNode entry = nodes.objectNode();
        entry.put("id", id);
        entry.setAll((ObjectNode) values);
        if (!kind.equals("site")) {
          entry.put("population", p.id());
        }
        if (kind.equals("model") && entry.get("trains-on") != null) {
          entry.set(
              "trains-on", addressing.trainsOn(entry.get("trains-on"), models.size(), relocation));
        }
        try {
          switch (kind) {
            case "model" -> models.add(loader.bind(file, entry, ModelSpec.class));
            case "human" -> humans.add(loader.bind(file, entry, HumanSpec.class));
            default -> sites.add(loader.bind(file, entry, SiteSpec.class));
          }
        } catch (ScenarioException e) {
          errors.addAll(relocation.member(k, id, e.errors()));
          if (errors.size() > 1000) {
            break;
          }
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new ScenarioException(Relocation.grouped(errors, relocation::populationOf));
    }
    for (int j = 0; j < models.size(); j++) {
      ModelSpec m = addressing.trainsOn(models.get(j), "/models/" + j, relocation);
      if (m != models.get(j)) {
        models.set(j, m);
      }
    }
    Addressing.Timeline timeline = addressing.timeline(raw.timeline(), relocation);
    relocation.timeline(timeline.origin(), timeline.member());
    Scenario expanded =
        new Scenario(
            raw.name(),
            raw.description(),
            raw.seed(),
            raw.ticks(),
            raw.domain(),
            raw.web(),
            sites,
            raw.engine(),
            humans,
            models,
            timeline.events(),
            raw.aiShare(),
            raw.collapse(),
            List.copyOf(stated),
            raw.output(),
            raw.copies());
    return new Expansion(expanded, relocation);
  }

  /** The keys a template of a kind may hold: its entry's keys, less {@code id}. */
  static List<String> templateKeys(String kind) {
    List<String> keys = new ArrayList<>();
    PropertyNamingStrategies.KebabCaseStrategy kebab =
        new PropertyNamingStrategies.KebabCaseStrategy();
    for (var c : KINDS.get(kind).getRecordComponents()) {
      String key = kebab.translate(c.getName());
      if (!key.equals("id") && !key.equals("population")) {
        keys.add(key);
      }
    }
    return keys;
  }
}
