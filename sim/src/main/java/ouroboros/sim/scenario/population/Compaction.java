package ouroboros.sim.scenario.population;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import ouroboros.sim.scenario.load.Yaml;
import ouroboros.sim.scenario.spec.EventSpec;
import ouroboros.sim.scenario.spec.HumanSpec;
import ouroboros.sim.scenario.spec.ModelSpec;
import ouroboros.sim.scenario.spec.Scenario;
import ouroboros.sim.scenario.spec.SiteSpec;
import ouroboros.sim.scenario.spec.TrainsOnSpec;

/**
 * The form a resolved scenario with populations is written in ({@code scenario.yaml} of a run): the
 * {@code populations:} block as written, each with its seed stated, instead of its members; runs of
 * timeline events and {@code trains-on} entries that cover a population's members in order, alike
 * but for the member, as one naming the population. Loading that file expands it to the very same
 * scenario, so a run replays from its own {@code scenario.yaml}.
 */
public final class Compaction {
  private static final ObjectMapper MAPPER = Yaml.mapper();

  private Compaction() {}

  /** The scenario to write; one without populations is returned as it is. */
  public static Scenario compact(Scenario s) {
    if (s.populations() == null || s.populations().isEmpty()) {
      return s;
    }
    Map<String, Integer> generated = new HashMap<>();
    Map<String, List<String>> membersByFirst = new HashMap<>();
    Map<String, String> populationByFirst = new HashMap<>();
    for (Population p : s.populations()) {
      generated.merge(p.kind(), p.count(), Integer::sum);
      if (p.kind().equals("site")) {
        continue;
      }
      IdPattern pattern = IdPattern.of(p.idPattern());
      List<String> ids = new ArrayList<>(p.count());
      for (int i = 0; i < p.count(); i++) {
        ids.add(pattern.format(i, null));
      }
      membersByFirst.put(ids.get(0), ids);
      populationByFirst.put(ids.get(0), p.id());
    }
    List<ModelSpec> models = new ArrayList<>();
    List<ModelSpec> all = s.models() == null ? List.of() : s.models();
    for (ModelSpec m : all.subList(0, all.size() - generated.getOrDefault("model", 0))) {
      models.add(trainsOn(m, membersByFirst, populationByFirst));
    }
    List<HumanSpec> humans =
        s.humans() == null
            ? null
            : s.humans().subList(0, s.humans().size() - generated.getOrDefault("human", 0));
    List<SiteSpec> sites =
        s.sites() == null
            ? null
            : s.sites().subList(0, s.sites().size() - generated.getOrDefault("site", 0));
    return new Scenario(
        s.name(),
        s.description(),
        s.seed(),
        s.ticks(),
        s.domain(),
        s.web(),
        sites == null || sites.isEmpty() ? null : sites,
        s.engine(),
        humans,
        models,
        timeline(s.timeline(), membersByFirst, populationByFirst),
        s.aiShare(),
        s.collapse(),
        s.populations(),
        s.output(),
        s.copies());
  }

  /** The timeline with runs over a population's members as one event naming it. */
  private static List<EventSpec> timeline(
      List<EventSpec> events, Map<String, List<String>> members, Map<String, String> populations) {
    if (events == null) {
      return null;
    }
    List<EventSpec> out = new ArrayList<>();
    for (int e = 0; e < events.size(); e++) {
      EventSpec ev = events.get(e);
      String target = Addressing.target(ev);
      List<String> ids = target == null ? null : members.get(target);
      if (ids != null && e + ids.size() <= events.size()) {
        String pop = populations.get(target);
        EventSpec whole = Addressing.retarget(ev, target, pop);
        boolean run = true;
        for (int i = 1; i < ids.size() && run; i++) {
          EventSpec next = events.get(e + i);
          run =
              ids.get(i).equals(Addressing.target(next))
                  && whole.equals(Addressing.retarget(next, ids.get(i), pop));
        }
        if (run) {
          out.add(whole);
          e += ids.size() - 1;
          continue;
        }
      }
      out.add(ev);
    }
    return out;
  }

  /** A model whose trains-on runs over a population's members, alike, name it instead. */
  private static ModelSpec trainsOn(
      ModelSpec m, Map<String, List<String>> members, Map<String, String> populations) {
    List<TrainsOnSpec> list = m.trainsOn();
    if (list == null || list.stream().noneMatch(t -> members.containsKey(t.source()))) {
      return m;
    }
    List<TrainsOnSpec> out = new ArrayList<>();
    for (int j = 0; j < list.size(); j++) {
      TrainsOnSpec t = list.get(j);
      List<String> ids = members.get(t.source());
      boolean run = ids != null && j + ids.size() <= list.size();
      for (int i = 1; run && i < ids.size(); i++) {
        TrainsOnSpec next = list.get(j + i);
        run = next.source().equals(ids.get(i)) && Objects.equals(next.weight(), t.weight());
      }
      if (run) {
        out.add(new TrainsOnSpec(populations.get(t.source()), t.weight()));
        j += ids.size() - 1;
      } else {
        out.add(t);
      }
    }
    ObjectNode tree = MAPPER.valueToTree(m);
    tree.set("trains-on", MAPPER.valueToTree(out));
    return MAPPER.convertValue(tree, ModelSpec.class);
  }
}
