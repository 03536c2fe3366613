package ouroboros.sim.scenario.population;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ouroboros.sim.scenario.load.Yaml;
import ouroboros.sim.scenario.spec.EventSpec;
import ouroboros.sim.scenario.spec.ModelSpec;
import ouroboros.sim.scenario.spec.PopulationSpec;
import ouroboros.sim.scenario.spec.ReleaseSpec;
import ouroboros.sim.scenario.spec.SetSpec;
import ouroboros.sim.scenario.spec.TrainsOnSpec;

/**
 * Addressing a population by its id where an agent id is expected: a timeline event ({@code
 * retire}, {@code humans}, {@code set} by {@code agent} or by a path {@code models[ID]...} / {@code
 * humans[ID]...}) or a {@code trains-on} source naming a population stands for the same event or
 * entry once per member, in member order. A member is addressed by its own id, as any agent.
 */
final class Addressing {
  private static final Pattern PATH = Pattern.compile("(models|humans)\\[([^\\[\\]]+)\\](.*)");
  private static final ObjectMapper MAPPER = Yaml.mapper();

  /**
   * The expanded timeline, with each event's index in the file and, for an event expanded from one
   * naming a population, the member it addresses (else null).
   */
  record Timeline(List<EventSpec> events, int[] origin, String[] member) {}

  private final Map<String, List<String>> members;
  private final Map<String, String> kinds;

  Addressing(Map<String, List<String>> members, Map<String, String> kinds) {
    this.members = members;
    this.kinds = kinds;
  }

  /** The members of an agent population with this id, or null. */
  private List<String> agents(String id) {
    String kind = id == null ? null : kinds.get(id);
    return kind == null || kind.equals("site") ? null : members.get(id);
  }

  /**
   * The timeline with each event naming a population repeated for each member, and a release's
   * trains-on sources naming a population expanded (noted in {@code relocation}).
   */
  Timeline timeline(List<EventSpec> events, Relocation relocation) {
    if (events == null) {
      return new Timeline(null, new int[0], new String[0]);
    }
    List<EventSpec> out = new ArrayList<>();
    List<Integer> origin = new ArrayList<>();
    List<String> member = new ArrayList<>();
    for (int e = 0; e < events.size(); e++) {
      EventSpec ev = events.get(e);
      // An entry of no or several kinds is refused as it is written, with every kind it gives.
      String target = ev == null || ev.kind() == null ? null : target(ev);
      List<String> ids = takes(ev, target) ? agents(target) : null;
      if (ids == null) {
        out.add(release(ev, "/timeline/" + e, relocation));
        origin.add(e);
        member.add(null);
        continue;
      }
      for (String id : ids) {
        out.add(retarget(ev, target, id));
        origin.add(e);
        member.add(id);
      }
    }
    return new Timeline(
        out, origin.stream().mapToInt(Integer::intValue).toArray(), member.toArray(new String[0]));
  }

  /**
   * Whether an event of one kind takes the members of population {@code target}: a {@code retire}
   * or a {@code models[...]} path takes models, a {@code humans} event or a {@code humans[...]}
   * path human sources, a {@code set} by agent either. An event that names a population of another
   * kind is left as it is written, for the validator to refuse once, naming the population.
   */
  private boolean takes(EventSpec ev, String target) {
    String kind = target == null ? null : kinds.get(target);
    if (kind == null) {
      return false;
    }
    if (ev.retire() != null) {
      return kind.equals("model");
    }
    if (ev.humans() != null) {
      return kind.equals("human");
    }
    if (ev.set().agent() != null) {
      return true;
    }
    return kind.equals(ev.set().path().startsWith("models[") ? "model" : "human");
  }

  /** The agent an event addresses, or null. */
  static String target(EventSpec ev) {
    if (ev.retire() != null) {
      return ev.retire();
    }
    if (ev.humans() != null) {
      return ev.humans().id();
    }
    SetSpec set = ev.set();
    if (set == null) {
      return null;
    }
    if (set.agent() != null) {
      return set.agent();
    }
    Matcher m = set.path() == null ? null : PATH.matcher(set.path());
    return m != null && m.matches() ? m.group(2) : null;
  }

  /** The event addressed to {@code to} instead of {@code from}. */
  static EventSpec retarget(EventSpec ev, String from, String to) {
    if (ev.retire() != null) {
      return new EventSpec(ev.tick(), null, to, null, null);
    }
    if (ev.humans() != null) {
      return new EventSpec(
          ev.tick(), null, null, null, new PopulationSpec(to, ev.humans().publishRate()));
    }
    SetSpec s = ev.set();
    if (s.agent() != null) {
      return new EventSpec(
          ev.tick(), null, null, new SetSpec(to, s.publishRate(), s.path(), s.value()), null);
    }
    Matcher m = PATH.matcher(s.path());
    m.matches();
    return new EventSpec(
        ev.tick(),
        null,
        null,
        new SetSpec(
            s.agent(), s.publishRate(), m.group(1) + "[" + to + "]" + m.group(3), s.value()),
        null);
  }

  /**
   * A generated member's trains-on list with populations expanded, its expansion noted in {@code
   * relocation} for the model at {@code index} of the expanded models list, so that a source it
   * repeats through a population is explained at its template as in a hand-written model.
   */
  JsonNode trainsOn(JsonNode list, int index, Relocation relocation) {
    if (!list.isArray()) {
      return list;
    }
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    List<Integer> origin = new ArrayList<>();
    List<String> population = new ArrayList<>();
    List<String> source = new ArrayList<>();
    for (int k = 0; k < list.size(); k++) {
      JsonNode entry = list.get(k);
      String named = entry.path("source").isTextual() ? entry.path("source").asText() : null;
      List<String> ids = entry.isObject() ? agents(named) : null;
      if (ids == null) {
        out.add(entry);
        origin.add(k);
        population.add(null);
        source.add(named);
        continue;
      }
      for (String id : ids) {
        ObjectNode copy = ((ObjectNode) entry).deepCopy();
        copy.put("source", id);
        out.add(copy);
        origin.add(k);
        population.add(named);
        source.add(id);
      }
    }
    relocation.generated(
        index,
        new Relocation.Expanded(
            origin.stream().mapToInt(Integer::intValue).toArray(),
            population.toArray(new String[0]),
            source.toArray(new String[0])));
    return out;
  }

  /** A model with trains-on sources naming a population expanded; the same model otherwise. */
  ModelSpec trainsOn(ModelSpec m, String pointer, Relocation relocation) {
    List<TrainsOnSpec> out = m == null ? null : trainsOn(m.trainsOn(), pointer, relocation);
    if (out == null) {
      return m;
    }
    ObjectNode tree = MAPPER.valueToTree(m);
    tree.set("trains-on", MAPPER.valueToTree(out));
    return MAPPER.convertValue(tree, ModelSpec.class);
  }

  /**
   * A release event (at {@code pointer} in the file) with trains-on sources naming a population
   * expanded, as a model's; the same event otherwise.
   */
  EventSpec release(EventSpec ev, String pointer, Relocation relocation) {
    ReleaseSpec r = ev == null ? null : ev.release();
    List<TrainsOnSpec> out =
        r == null ? null : trainsOn(r.trainsOn(), pointer + "/release", relocation);
    if (out == null) {
      return ev;
    }
    ObjectNode tree = MAPPER.valueToTree(ev);
    ((ObjectNode) tree.get("release")).set("trains-on", MAPPER.valueToTree(out));
    return MAPPER.convertValue(tree, EventSpec.class);
  }

  /**
   * A trains-on list (of the entry at {@code pointer}) with sources naming a population expanded,
   * its expansion noted in {@code relocation}; null when none names a population.
   */
  private List<TrainsOnSpec> trainsOn(
      List<TrainsOnSpec> list, String pointer, Relocation relocation) {
    if (list == null || list.stream().noneMatch(t -> t != null && agents(t.source()) != null)) {
      return null;
    }
    List<TrainsOnSpec> out = new ArrayList<>();
    List<Integer> origin = new ArrayList<>();
    List<String> population = new ArrayList<>();
    for (int k = 0; k < list.size(); k++) {
      TrainsOnSpec t = list.get(k);
      List<String> ids = t == null ? null : agents(t.source());
      for (String id : ids == null ? java.util.Collections.<String>singletonList(null) : ids) {
        out.add(id == null ? t : new TrainsOnSpec(id, t.weight()));
        origin.add(k);
        population.add(id == null ? null : t.source());
      }
    }
    relocation.expanded(
        pointer + "/trains-on",
        new Relocation.Expanded(
            origin.stream().mapToInt(Integer::intValue).toArray(),
            population.toArray(new String[0]),
            out.stream().map(t -> t == null ? null : t.source()).toArray(String[]::new)));
    return out;
  }
}
