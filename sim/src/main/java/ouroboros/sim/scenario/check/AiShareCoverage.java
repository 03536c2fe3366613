package ouroboros.sim.scenario.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ouroboros.sim.engine.Timeline;
import ouroboros.sim.scenario.path.Timelines;
import ouroboros.sim.scenario.spec.AiShareSpec;
import ouroboros.sim.scenario.spec.EventSpec;
import ouroboros.sim.scenario.spec.ModelSpec;
import ouroboros.sim.scenario.spec.Scenario;

/**
 * A curve is met by scaling the publish rates of the models on its site, so at every tick where it
 * asks for a share above 0 some model must publish there: released, not retired, with a publish
 * rate above 0. A timeline that retires the last such model or sets the last such rate to 0 (or a
 * site whose models only publish later) left the curve silently unfollowed; it is refused at the
 * event that left the site without one, else at the curve's site. Called by {@link
 * AiShareValidator} for each curve that is otherwise valid.
 */
final class AiShareCoverage {
  /** A model as the timeline leaves it: its share of the curve's site, its rate, its life. */
  private static final class State {
    final double share;
    int rate;
    int from;
    int until = Integer.MAX_VALUE;

    State(double share, Integer rate, int from) {
      this.share = share;
      this.rate = rate == null ? 0 : rate;
      this.from = from;
    }

    boolean publishes(int tick) {
      return share > 0 && rate > 0 && tick >= from && tick < until;
    }
  }

  private final Problems p;
  private final Scenario s;
  private final java.util.function.Function<ModelSpec, Map<String, Double>> sites;

  /**
   * @param sites each model's sites with its share of its items on each
   */
  AiShareCoverage(
      Problems p, Scenario s, java.util.function.Function<ModelSpec, Map<String, Double>> sites) {
    this.p = p;
    this.s = s;
    this.sites = sites;
  }

  /** Adds the problem of curve {@code c} (at {@code at}), if its site is ever left unpublished. */
  void check(String at, AiShareSpec curve) {
    if (s.ticks() == null || s.ticks() < 1) {
      return;
    }
    Timeline.Curve shares =
        new Timeline.Curve(
            (short) 0,
            curve.points().stream().mapToInt(pt -> (int) Math.round(pt.get(0))).toArray(),
            curve.points().stream().mapToDouble(pt -> pt.get(1)).toArray());
    Map<String, State> models = new HashMap<>();
    for (ModelSpec m : s.models() == null ? List.<ModelSpec>of() : s.models()) {
      if (m != null && m.id() != null) {
        models.putIfAbsent(m.id(), new State(share(m, curve.site()), m.publishRate(), 0));
      }
    }
    List<EventSpec> events = s.timeline() == null ? List.of() : s.timeline();
    List<ModelSpec> all = Timelines.allModels(s.models(), s.timeline());
    // Events by tick, in the order they apply; the event that last stopped a model on the site.
    List<Integer> order = new ArrayList<>();
    for (int i : Timelines.order(events)) {
      if (events.get(i).tick() >= 0 && events.get(i).tick() < s.ticks()) {
        order.add(i);
      }
    }
    String stopped = null;
    int k = 0;
    for (int tick : candidates(order, events, shares)) {
      while (k < order.size() && events.get(order.get(k)).tick() <= tick) {
        int i = order.get(k++);
        int at0 = events.get(i).tick();
        String event = apply(events.get(i), "/timeline/" + i, at0, models, all, curve.site());
        stopped = event != null ? event : stopped;
      }
      double asked = shares.at(tick);
      int now = tick;
      if (asked > 0 && models.values().stream().noneMatch(m -> m.publishes(now))) {
        String wants =
            String.format(
                java.util.Locale.ROOT,
                "the ai-share curve of site '%s' (%s) asks for a share of %.3g at tick %d: "
                    + "it is met by scaling the publish rates of the models there",
                curve.site(),
                at.substring(1).replace("/", "[") + "]",
                asked,
                tick);
        if (stopped != null) {
          p.addWorded(
              stopped,
              "an event that leaves site '"
                  + curve.site()
                  + "' with no model publishing there (released, not retired, publish rate above 0)"
                  + " from tick "
                  + tick,
              "a model publishing on '" + curve.site() + "' while " + wants);
        } else {
          p.addWorded(
              at + "/site",
              "'" + curve.site() + "', where no model publishes at tick " + tick,
              "a model publishing there (released, not retired, publish rate above 0): " + wants);
        }
        return;
      }
    }
  }

  /**
   * The ticks where the check can first fail, in order, not every tick of the run (ticks may be in
   * the millions): who publishes changes only at event ticks, and the curve, linear between its
   * points, first asks for more than 0 in a stretch either at the stretch's start, or one tick
   * after a point or an event where it was 0. So tick 0, each event's and curve point's tick and
   * the tick after each, within the run.
   */
  private java.util.SortedSet<Integer> candidates(
      List<Integer> order, List<EventSpec> events, Timeline.Curve shares) {
    java.util.TreeSet<Integer> ticks = new java.util.TreeSet<>();
    ticks.add(0);
    for (int i : order) {
      ticks.add(events.get(i).tick());
      ticks.add(events.get(i).tick() + 1);
    }
    for (int t : shares.ticks()) {
      ticks.add(t);
      ticks.add(t + 1);
    }
    return ticks.subSet(0, s.ticks());
  }

  /**
   * Applies one event to the models' states; returns the event's pointer when it stopped a model
   * that published on the site (a retirement, or a publish rate set to 0), else null.
   */
  private String apply(
      EventSpec e,
      String at,
      int tick,
      Map<String, State> models,
      List<ModelSpec> all,
      String site) {
    if (e.release() != null && e.release().id() != null) {
      ModelSpec m = Timelines.find(all, e.release().id());
      if (m != null && !models.containsKey(m.id())) {
        models.put(m.id(), new State(share(m, site), m.publishRate(), tick));
      }
      return null;
    }
    String id;
    Integer rate = null;
    String where;
    if (e.retire() != null) {
      id = e.retire();
      where = at + "/retire";
    } else if (e.set() != null && e.set().agent() != null) {
      id = e.set().agent();
      rate = e.set().publishRate();
      where = at + "/set/publish-rate";
    } else if (e.set() != null && e.set().path() != null && e.set().value() != null) {
      Timelines.Target target;
      try {
        target = Timelines.parse(e.set().path());
      } catch (Timelines.SetException x) {
        return null; // reported with the event
      }
      if (!target.list().equals("models")
          || target.keys().size() != 1
          || !target.first().equals("publish-rate")
          || !e.set().value().canConvertToInt()) {
        return null;
      }
      id = target.id();
      rate = e.set().value().asInt();
      where = at + "/set/value";
    } else {
      return null;
    }
    State m = models.get(id);
    if (m == null || (rate == null && e.set() != null)) {
      return null; // not a model, or no rate: reported with the event
    }
    boolean before = m.publishes(tick);
    if (e.retire() != null) {
      m.until = Math.min(m.until, tick);
    } else {
      m.rate = rate;
    }
    return before && !m.publishes(tick) ? where : null;
  }

  /** A model's share of its items on {@code site}. */
  private double share(ModelSpec m, String site) {
    Double share = sites.apply(m).get(site);
    return share == null ? 0 : share;
  }
}
