package ouroboros.sim.scenario.check;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import ouroboros.sim.scenario.path.Timelines;
import ouroboros.sim.scenario.spec.Declared;
import ouroboros.sim.scenario.spec.EventSpec;
import ouroboros.sim.scenario.spec.HumanSpec;
import ouroboros.sim.scenario.spec.ModelSpec;
import ouroboros.sim.scenario.spec.PopulationSpec;
import ouroboros.sim.scenario.spec.ReleaseSpec;
import ouroboros.sim.scenario.spec.Scenario;
import ouroboros.sim.scenario.spec.SetSpec;
import ouroboros.sim.scenario.stage.StageSpec;

/**
 * The checks on a scenario's {@code timeline}: each event has a tick in the run and exactly one
 * kind; a release copies a known model and its overrides make a valid model; retirements, rate
 * changes and {@code set} paths name agents that exist at that tick; a changed setting leaves a
 * valid model. Then {@link AiShareValidator} checks the {@code ai-share} curves. Events are
 * replayed in the order they apply (by tick, then as listed), so a {@code set} is checked on the
 * model as the events before it left it.
 */
final class TimelineValidator {
  private final Problems p;
  private final Scenario s;
  private final Set<String> ids;
  private final Set<String> sites;
  private final StageSpec.Context stages;
  private final Set<String> humans = new HashSet<>();
  private final Populations populations;

  /** Each model's spec as the events so far left it. */
  private final Map<String, ModelSpec> models = new LinkedHashMap<>();

  private final Map<String, Integer> released = new HashMap<>();
  private final Map<String, Integer> retired = new HashMap<>();

  /** Every release's tick, by id, known before the events are replayed. */
  private final Map<String, Integer> releases = new HashMap<>();

  private TimelineValidator(
      Problems p, Scenario s, Set<String> ids, Set<String> sites, StageSpec.Context stages) {
    this.p = p;
    this.s = s;
    this.ids = ids;
    this.sites = sites;
    this.stages = stages;
    this.populations = new Populations(s);
  }

  /** Adds the timeline's and the curves' problems to {@code p}. */
  static void check(
      Problems p, Scenario s, Set<String> ids, Set<String> sites, StageSpec.Context stages) {
    TimelineValidator v = new TimelineValidator(p, s, ids, sites, stages);
    v.timeline();
    AiShareValidator.check(p, s, sites);
  }

  private void timeline() {
    for (HumanSpec h : s.humans() == null ? List.<HumanSpec>of() : s.humans()) {
      if (h != null && h.id() != null) {
        humans.add(h.id());
      }
    }
    for (ModelSpec m : s.models() == null ? List.<ModelSpec>of() : s.models()) {
      if (m != null && m.id() != null) {
        models.putIfAbsent(m.id(), m);
        released.putIfAbsent(m.id(), 0);
      }
    }
    List<EventSpec> events = s.timeline();
    if (events == null) {
      return;
    }
    Set<String> likeable = new HashSet<>(models.keySet());
    for (int i = 0; i < events.size(); i++) {
      EventSpec e = events.get(i);
      String at = "/timeline/" + i;
      if (e == null) {
        p.add(at, null, "an event: a mapping with 'tick' and one of " + EventSpec.KINDS);
        continue;
      }
      tick(at, e.tick());
      if (e.kind() == null) {
        int n =
            (e.release() != null ? 1 : 0)
                + (e.retire() != null ? 1 : 0)
                + (e.set() != null ? 1 : 0)
                + (e.humans() != null ? 1 : 0);
        p.addWorded(
            at,
            n == 0 ? "no event" : n + " events in one entry",
            "exactly one of " + EventSpec.KINDS + " beside 'tick'");
      }
      if (e.release() != null) {
        String like = e.release().like();
        if (like == null) {
          p.add(at + "/release/like", null, "the required key 'like' (the id of a model)");
        } else if (!likeable.contains(like)) {
          List<String> known = likeable.stream().sorted().toList();
          String members = populations.membersOf(like);
          String expected =
              "the id of a model under 'models' or of an earlier release, one of "
                  + Suggest.list(known);
          if (members != null) {
            // A release copies one model (QA, stop 34: the message did not say 'labs' is one).
            p.addWorded(
                at + "/release/like",
                "'" + like + "', a population of " + members,
                expected.replace("the id of a model", "the id of one model") + ": it copies one");
          } else {
            p.add(at + "/release/like", like, expected + Suggest.didYouMean(like, known));
          }
        }
        if (e.release().id() != null) {
          likeable.add(e.release().id());
          if (e.tick() != null) {
            releases.putIfAbsent(e.release().id(), e.tick());
          }
        }
      }
    }
    for (int i : Timelines.order(events)) {
      EventSpec e = events.get(i);
      if (e.kind() == null || !inRun(e.tick())) {
        continue;
      }
      String at = "/timeline/" + i;
      switch (e.kind()) {
        case "release" -> release(at + "/release", e.release(), e.tick());
        case "retire" -> retire(at + "/retire", e.retire(), e.tick());
        case "set" -> set(at + "/set", e.set(), e.tick());
        default -> population(at + "/humans", e.humans(), e.tick());
      }
    }
  }

  /** Whether a tick is inside the run. */
  private boolean inRun(Integer tick) {
    return tick != null && tick >= 0 && (s.ticks() == null || tick < s.ticks());
  }

  private void tick(String at, Integer tick) {
    if (tick == null) {
      p.add(at + "/tick", null, "the required key 'tick' (a whole number of at least 0)");
    } else if (tick < 0 || s.ticks() != null && s.ticks() >= 1 && tick >= s.ticks()) {
      p.add(at + "/tick", tick, EventSpec.expectedTick(s.ticks()));
    }
  }

  private void release(String at, ReleaseSpec r, int tick) {
    if (r.initial() != null && !ReleaseSpec.INITIALS.contains(r.initial())) {
      p.add(
          at + "/initial",
          r.initial(),
          "a release's initial state, one of "
              + ReleaseSpec.INITIALS
              + Suggest.didYouMean(r.initial(), ReleaseSpec.INITIALS));
    }
    if (r.firstRetrain() != null && r.firstRetrain() < tick) {
      p.add(at + "/first-retrain", r.firstRetrain(), "a tick at or after the release tick " + tick);
    }
    if (r.id() == null || r.like() == null) {
      if (r.id() == null) {
        p.add(at + "/id", null, "the required key 'id' (a non-empty agent id)");
      }
      return;
    }
    ModelSpec like = Timelines.find(Timelines.allModels(s.models(), s.timeline()), r.like());
    if (like == null) {
      return; // reported with 'like'
    }
    Set<String> given = given(r);
    Set<String> refused = TrainsOnValidator.releaseLike(p, at, like, r.like(), given);
    given.removeAll(refused);
    ModelSpec m = without(r, refused).over(like, tick); // checked as a model without those keys
    boolean fresh = !ids.contains(m.id());
    Problems scratch = new Problems();
    ScenarioValidator.checkModel(scratch, at, m, ids, sites, s.domain(), stages);
    TrainsOnValidator.check(scratch, at, m, agents(), populations);
    p.addUnder(scratch, at, given);
    if (fresh) {
      models.put(m.id(), m);
      released.put(m.id(), tick);
    }
  }

  /**
   * Every agent a trains-on source may name: the human sources, then the models and releases, as
   * the world lists its agents (a released model is an agent from tick 0, dormant until released).
   */
  private List<String> agents() {
    List<ModelSpec> all = Timelines.allModels(s.models(), s.timeline());
    return TrainsOnValidator.agentIds(s.humans() == null ? List.of() : s.humans(), all);
  }

  /** The release with the given keys left out. */
  private static ReleaseSpec without(ReleaseSpec r, Set<String> keys) {
    if (keys.isEmpty()) {
      return r;
    }
    Map<String, Object> values = Declared.values(r);
    keys.forEach(k -> values.put(k, null));
    return Declared.build(ReleaseSpec.class, values);
  }

  /** The keys a release gives, in kebab case, plus its own position. */
  private static Set<String> given(ReleaseSpec r) {
    Set<String> keys = new TreeSet<>(List.of("", "id"));
    Map<String, Object> values = Declared.values(r); // the model keys, beside like and initial
    values.remove("id");
    values.remove("like");
    values.remove("initial");
    values.forEach(
        (k, v) -> {
          if (v != null) {
            keys.add(k);
          }
        });
    return keys;
  }

  private void retire(String at, String id, int tick) {
    if (!model(at, id, tick)) {
      return;
    }
    retired.put(id, tick);
  }

  /**
   * Whether {@code id} names a model that is in the web at {@code tick} (released, not retired);
   * adds the problem when not.
   */
  private boolean model(String at, String id, int tick) {
    if (!models.containsKey(id) && releases.containsKey(id) && releases.get(id) > tick) {
      p.add(
          at,
          id,
          "a model released by tick "
              + tick
              + " ('"
              + id
              + "' is released at tick "
              + releases.get(id)
              + ")");
      return false;
    }
    if (!models.containsKey(id)) {
      List<String> known = models.keySet().stream().sorted().toList();
      if (populations.otherKind(p, at, id, List.of("model"), "a model", known)) {
        return false;
      }
      p.add(
          at,
          id,
          "the id of a model, one of "
              + Suggest.list(known)
              + Suggest.didYouMean(id, named(known)));
      return false;
    }
    if (released.get(id) > tick) {
      p.add(
          at,
          id,
          "a model released by tick "
              + tick
              + " ('"
              + id
              + "' is released at tick "
              + released.get(id)
              + ")");
      return false;
    }
    if (retired.containsKey(id)) {
      p.add(
          at,
          id,
          "a model not yet retired ('" + id + "' is retired at tick " + retired.get(id) + ")");
      return false;
    }
    return true;
  }

  /**
   * The names a misspelt agent id may have meant: {@code known} and the scenario's populations of
   * agents, which an event may name for all their members (retire: labz suggests labs, not lab-0).
   */
  private Set<String> named(java.util.Collection<String> known) {
    Set<String> out = new TreeSet<>(known);
    out.addAll(populations.of(List.of("human", "model")));
    return out;
  }

  /** Whether {@code id} names an agent in the web at {@code tick}; adds the problem when not. */
  private boolean agent(String at, String id, int tick) {
    if (humans.contains(id)) {
      return true;
    }
    if (!models.containsKey(id) && !releases.containsKey(id)) {
      Set<String> known = new TreeSet<>(humans);
      known.addAll(models.keySet());
      if (populations.otherKind(
          p, at, id, List.of("human", "model"), "a human source or model", known)) {
        return false;
      }
      p.add(
          at,
          id,
          "the id of a human source or model, one of "
              + Suggest.list(known)
              + Suggest.didYouMean(id, named(known)));
      return false;
    }
    return model(at, id, tick);
  }

  private void set(String at, SetSpec set, int tick) {
    boolean byAgent = set.agent() != null || set.publishRate() != null;
    boolean byPath = set.path() != null || set.value() != null;
    if (byAgent == byPath) {
      p.addWorded(
          at,
          byAgent ? "both 'agent' and 'path'" : "neither 'agent' nor 'path'",
          "either {agent, publish-rate} or {path, value}");
      return;
    }
    if (byAgent) {
      if (set.agent() == null) {
        p.add(at + "/agent", null, "the required key 'agent' (a human source or model id)");
      } else {
        agent(at + "/agent", set.agent(), tick);
      }
      rate(at + "/publish-rate", set.publishRate());
      return;
    }
    if (set.path() == null) {
      p.add(at + "/path", null, "the required key 'path' (" + Timelines.PATH_SHAPE + ")");
      return;
    }
    if (set.value() == null || set.value().isNull()) {
      p.add(at + "/value", null, "the required key 'value' (the setting's new value)");
      return;
    }
    Timelines.Target target;
    try {
      target = Timelines.parse(set.path());
    } catch (Timelines.SetException x) {
      p.addWorded(at + "/path", x.found(), x.expected());
      return;
    }
    if (target.list().equals("humans")) {
      if (!humans.contains(target.id())) {
        List<String> known = humans.stream().sorted().toList();
        if (populations.otherKind(
            p, at + "/path", target.id(), List.of("human"), "a human source", known)) {
          return;
        }
        p.add(
            at + "/path",
            target.id(),
            "the id of a human source, one of "
                + Suggest.list(known)
                + Suggest.didYouMean(target.id(), named(known)));
      } else if (!set.value().canConvertToInt()
          || !set.value().isIntegralNumber()
          || set.value().asInt() < 0) {
        p.addWorded(at + "/value", Timelines.describe(set.value()), "a whole number of at least 0");
      }
      return;
    }
    if (!model(at + "/path", target.id(), tick)) {
      return;
    }
    ModelSpec changed;
    try {
      changed = Timelines.set(models.get(target.id()), target, set.value());
    } catch (Timelines.SetException x) {
      p.addWorded(at + (x.inPath() ? "/path" : "/value"), x.found(), x.expected());
      return;
    }
    Problems brought =
        ModelChange.brought(models.get(target.id()), changed, sites, s.domain(), stages);
    if (brought.isEmpty()) {
      models.put(target.id(), changed); // later events see the change
    }
    p.addAllAt(brought, at + "/value");
  }

  private void population(String at, PopulationSpec h, int tick) {
    if (h.id() == null) {
      p.add(at + "/id", null, "the required key 'id' (a human source id)");
    } else if (!humans.contains(h.id())
        && !populations.otherKind(
            p,
            at + "/id",
            h.id(),
            List.of("human"),
            "a human source",
            humans.stream().sorted().toList())) {
      List<String> known = humans.stream().sorted().toList();
      p.add(
          at + "/id",
          h.id(),
          "the id of a human source, one of "
              + Suggest.list(known)
              + Suggest.didYouMean(h.id(), named(known)));
    }
    rate(at + "/publish-rate", h.publishRate());
  }

  private void rate(String at, Integer rate) {
    if (rate == null) {
      p.add(at, null, "the required key 'publish-rate' (a whole number of at least 0)");
    } else if (rate < 0) {
      p.add(at, rate, "a whole number of at least 0");
    }
  }
}
