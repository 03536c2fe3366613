package ouroboros.sim.scenario;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks on a scenario's {@code timeline} and {@code ai-share}: each event has a tick in the
 * run and exactly one kind; a release copies a known model and its overrides make a valid model;
 * retirements, rate changes and {@code set} paths name agents that exist at that tick; a changed
 * setting leaves a valid model; curves name known sites with ascending points. Events are
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
  /** Each model's spec as the events so far left it. */
  private final Map<String, ModelSpec> models = new LinkedHashMap<>();
  private final Map<String, Integer> released = new HashMap<>();
  private final Map<String, Integer> retired = new HashMap<>();
  /** Every release's tick, by id, known before the events are replayed. */
  private final Map<String, Integer> releases = new HashMap<>();

  private TimelineValidator(Problems p, Scenario s, Set<String> ids, Set<String> sites,
      StageSpec.Context stages) {
    this.p = p;
    this.s = s;
    this.ids = ids;
    this.sites = sites;
    this.stages = stages;
  }

  /** Adds the timeline's and the curves' problems to {@code p}. */
  static void check(Problems p, Scenario s, Set<String> ids, Set<String> sites,
      StageSpec.Context stages) {
    TimelineValidator v = new TimelineValidator(p, s, ids, sites, stages);
    v.timeline();
    v.curves();
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
        int n = (e.release() != null ? 1 : 0) + (e.retire() != null ? 1 : 0)
            + (e.set() != null ? 1 : 0) + (e.humans() != null ? 1 : 0);
        p.addWorded(at, n == 0 ? "no event" : n + " events in one entry",
            "exactly one of " + EventSpec.KINDS + " beside 'tick'");
      }
      if (e.release() != null) {
        String like = e.release().like();
        if (like == null) {
          p.add(at + "/release/like", null, "the required key 'like' (the id of a model)");
        } else if (!likeable.contains(like)) {
          List<String> known = likeable.stream().sorted().toList();
          p.add(at + "/release/like", like, "the id of a model under 'models' or of an earlier "
              + "release, one of " + known + Suggest.didYouMean(like, known));
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
      p.add(at + "/tick", tick, s.ticks() != null && s.ticks() >= 1
          ? "a tick from 0 to " + (s.ticks() - 1) + " (the run has " + s.ticks() + " ticks)"
          : "a whole number of at least 0");
    }
  }

  private void release(String at, ReleaseSpec r, int tick) {
    if (r.initial() != null && !ReleaseSpec.INITIALS.contains(r.initial())) {
      p.add(at + "/initial", r.initial(), "a release's initial state, one of "
          + ReleaseSpec.INITIALS + Suggest.didYouMean(r.initial(), ReleaseSpec.INITIALS));
    }
    if (r.firstRetrain() != null && r.firstRetrain() < tick) {
      p.add(at + "/first-retrain", r.firstRetrain(),
          "a tick at or after the release tick " + tick);
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
    ModelSpec m = r.over(like, tick);
    boolean fresh = !ids.contains(m.id());
    Problems scratch = new Problems();
    ScenarioValidator.checkModel(scratch, at, m, ids, sites, s.domain(), stages);
    p.addUnder(scratch, at, given(r));
    if (fresh) {
      models.put(m.id(), m);
      released.put(m.id(), tick);
    }
  }

  /** The keys a release gives, in kebab case, plus its own position. */
  private static Set<String> given(ReleaseSpec r) {
    Set<String> keys = new TreeSet<>(List.of("", "id"));
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("regime", r.regime());
    values.put("window", r.window());
    values.put("retrain-every", r.retrainEvery());
    values.put("first-retrain", r.firstRetrain());
    values.put("scrape", r.scrape());
    values.put("fresh-human-fraction", r.freshHumanFraction());
    values.put("publish-rate", r.publishRate());
    values.put("site", r.site());
    values.put("publish-to", r.publishTo());
    values.put("crawl", r.crawl());
    values.put("sampling", r.sampling());
    values.put("estimator", r.estimator());
    values.put("family", r.family());
    values.put("watermark", r.watermark());
    values.put("pipeline", r.pipeline());
    values.forEach((k, v) -> {
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
      p.add(at, id, "a model released by tick " + tick + " ('" + id + "' is released at tick "
          + releases.get(id) + ")");
      return false;
    }
    if (!models.containsKey(id)) {
      List<String> known = models.keySet().stream().sorted().toList();
      p.add(at, id, "the id of a model, one of " + known + Suggest.didYouMean(id, known));
      return false;
    }
    if (released.get(id) > tick) {
      p.add(at, id, "a model released by tick " + tick + " ('" + id + "' is released at tick "
          + released.get(id) + ")");
      return false;
    }
    if (retired.containsKey(id)) {
      p.add(at, id, "a model not yet retired ('" + id + "' is retired at tick "
          + retired.get(id) + ")");
      return false;
    }
    return true;
  }

  /** Whether {@code id} names an agent in the web at {@code tick}; adds the problem when not. */
  private boolean agent(String at, String id, int tick) {
    if (humans.contains(id)) {
      return true;
    }
    if (!models.containsKey(id) && !releases.containsKey(id)) {
      Set<String> known = new TreeSet<>(humans);
      known.addAll(models.keySet());
      p.add(at, id, "the id of a human source or model, one of " + known
          + Suggest.didYouMean(id, known));
      return false;
    }
    return model(at, id, tick);
  }

  private void set(String at, SetSpec set, int tick) {
    boolean byAgent = set.agent() != null || set.publishRate() != null;
    boolean byPath = set.path() != null || set.value() != null;
    if (byAgent == byPath) {
      p.addWorded(at, byAgent ? "both 'agent' and 'path'" : "neither 'agent' nor 'path'",
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
        p.add(at + "/path", target.id(), "the id of a human source, one of " + known
            + Suggest.didYouMean(target.id(), known));
      } else if (!set.value().canConvertToInt() || !set.value().isIntegralNumber()
          || set.value().asInt() < 0) {
        p.addWorded(at + "/value", Timelines.describe(set.value()),
            "a whole number of at least 0");
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
    Problems scratch = new Problems();
    ScenarioValidator.checkModel(scratch, "", changed, new HashSet<>(), sites, s.domain(), stages);
    if (scratch.isEmpty()) {
      models.put(target.id(), changed);
    }
    p.addAllAt(scratch, at + "/value");
  }

  private void population(String at, PopulationSpec h, int tick) {
    if (h.id() == null) {
      p.add(at + "/id", null, "the required key 'id' (a human source id)");
    } else if (!humans.contains(h.id())) {
      List<String> known = humans.stream().sorted().toList();
      p.add(at + "/id", h.id(), "the id of a human source, one of " + known
          + Suggest.didYouMean(h.id(), known));
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

  private void curves() {
    List<AiShareSpec> curves = s.aiShare();
    if (curves == null) {
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int c = 0; c < curves.size(); c++) {
      AiShareSpec curve = curves.get(c);
      String at = "/ai-share/" + c;
      if (curve == null) {
        p.add(at, null, "a mapping with 'site' and 'points'");
        continue;
      }
      if (curve.site() == null) {
        p.add(at + "/site", null, "the required key 'site'");
      } else if (!sites.contains(curve.site())) {
        List<String> known = sites.stream().sorted().toList();
        p.add(at + "/site", curve.site(), "one of the scenario's sites " + known
            + Suggest.didYouMean(curve.site(), known));
      } else if (!seen.add(curve.site())) {
        p.add(at + "/site", curve.site(), "a site without another ai-share curve");
      }
      points(at + "/points", curve.points());
    }
    multiCurve(curves);
  }

  private void points(String at, List<List<Double>> points) {
    if (points == null || points.isEmpty()) {
      p.add(at, points, "a list of [tick, share] pairs, at least one");
      return;
    }
    double last = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < points.size(); k++) {
      List<Double> pt = points.get(k);
      String here = at + "/" + k;
      if (pt == null || pt.size() != 2 || pt.get(0) == null || pt.get(1) == null) {
        p.add(here, pt, "a pair [tick, share]");
        continue;
      }
      double t = pt.get(0);
      double share = pt.get(1);
      if (!(t >= 0) || t != Math.rint(t) || t > Integer.MAX_VALUE) {
        p.add(here + "/0", t, "a tick: a whole number of at least 0");
      } else if (t <= last) {
        p.add(here + "/0", (long) t, "a tick after the previous point's " + (long) last);
      } else {
        last = t;
      }
      if (!(share >= 0 && share < 1)) {
        p.add(here + "/1", share, "a share in [0, 1)");
      }
    }
  }

  /** A model may publish on one curve's site at most, and a curve needs a model to scale. */
  private void multiCurve(List<AiShareSpec> curves) {
    Set<String> curveSites = new TreeSet<>();
    for (AiShareSpec c : curves) {
      if (c != null && c.site() != null && sites.contains(c.site())) {
        curveSites.add(c.site());
      }
    }
    Set<String> scaled = new HashSet<>();
    for (Map.Entry<String, ModelSpec> e : models.entrySet()) {
      Set<String> on = new TreeSet<>(sitesOf(e.getValue()));
      on.retainAll(curveSites);
      scaled.addAll(on);
      if (on.size() > 1) {
        String where = modelPointer(e.getKey());
        p.addWorded(where, "a model that publishes to " + on.size() + " sites with an ai-share "
            + "curve " + on, "at most one such site per model: a curve scales the publish rates "
            + "of the models on its site");
      }
    }
    for (int c = 0; c < curves.size(); c++) {
      AiShareSpec curve = curves.get(c);
      if (curve != null && curveSites.contains(curve.site()) && !scaled.contains(curve.site())) {
        p.add("/ai-share/" + c + "/site", curve.site(), "a site some model publishes to: the "
            + "curve is met by scaling the publish rates of the models there");
      }
    }
  }

  /** The sites a model publishes to (its default site is the first site). */
  private Set<String> sitesOf(ModelSpec m) {
    if (m.publishTo() != null) {
      return m.publishTo().keySet();
    }
    if (m.site() != null) {
      return Set.of(m.site());
    }
    return s.sites() == null || s.sites().isEmpty() || s.sites().get(0) == null
        ? Set.of(Defaults.SITE) : Set.of(String.valueOf(s.sites().get(0).id()));
  }

  /** Where a model is declared: under models, or in its release. */
  private String modelPointer(String id) {
    List<ModelSpec> file = s.models() == null ? List.of() : s.models();
    for (int i = 0; i < file.size(); i++) {
      if (file.get(i) != null && id.equals(file.get(i).id())) {
        return "/models/" + i;
      }
    }
    List<EventSpec> events = s.timeline();
    for (int i = 0; events != null && i < events.size(); i++) {
      if (events.get(i) != null && events.get(i).release() != null
          && id.equals(events.get(i).release().id())) {
        return "/timeline/" + i + "/release";
      }
    }
    return "";
  }
}
