package ouroboros.sim.scenario.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import ouroboros.agents.human.HumanSettings;
import ouroboros.agents.model.ModelSettings;
import ouroboros.agents.web.SiteMix;
import ouroboros.sim.engine.Schedule;
import ouroboros.sim.engine.Timeline;
import ouroboros.sim.scenario.path.Timelines;
import ouroboros.sim.scenario.spec.AiShareSpec;
import ouroboros.sim.scenario.spec.EventSpec;
import ouroboros.sim.scenario.spec.ModelSpec;
import ouroboros.sim.scenario.spec.Scenario;
import ouroboros.sim.scenario.spec.SetSpec;

/**
 * Compiles a resolved scenario's {@code timeline} and {@code ai-share} into a {@link Timeline}.
 * Events apply by tick, then in the order listed; a {@code set} of a model setting other than its
 * publish rate becomes new settings for that model, compiled from its spec as the events before
 * left it.
 */
final class TimelineCompiler {
  /** Compiles a model's spec, reusing what did not change from its previous settings. */
  @FunctionalInterface
  interface ModelCompiler {
    /** The settings of {@code m}; {@code prev} was compiled from {@code prevSpec}. */
    ModelSettings compile(ModelSpec m, ModelSpec prevSpec, ModelSettings prev);
  }

  private TimelineCompiler() {}

  /** The timeline of a resolved, valid scenario whose agents compiled as given. */
  static Timeline compile(
      Scenario s,
      List<String> sites,
      List<HumanSettings> humans,
      List<ModelSettings> models,
      List<ModelSpec> specs,
      ModelCompiler compiler) {
    int h = humans.size();
    int n = h + models.size();
    int[] start = new int[n];
    int[] end = new int[n];
    int[] rates = new int[n];
    SiteMix[] mixes = new SiteMix[n];
    Arrays.fill(end, Integer.MAX_VALUE);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < h; i++) {
      index.put(humans.get(i).id(), i);
      rates[i] = humans.get(i).publishRate();
      mixes[i] = humans.get(i).publishTo();
    }
    ModelSpec[] spec = specs.toArray(new ModelSpec[0]);
    ModelSettings[] current = models.toArray(new ModelSettings[0]);
    for (int k = 0; k < models.size(); k++) {
      index.put(models.get(k).id(), h + k);
      rates[h + k] = models.get(k).publishRate();
      mixes[h + k] = models.get(k).publishTo();
    }
    Map<Integer, List<Timeline.RateChange>> rateChanges = new TreeMap<>();
    Map<Integer, List<Schedule.Change>> changes = new TreeMap<>();
    List<EventSpec> events = s.timeline() == null ? List.of() : s.timeline();
    UnaryOperator<ModelSpec> resolver = Timelines.resolver(s);
    for (int e : Timelines.order(events)) {
      EventSpec ev = events.get(e);
      int t = ev.tick();
      if (ev.release() != null) {
        start[index.get(ev.release().id())] = t;
      } else if (ev.retire() != null) {
        end[index.get(ev.retire())] = t;
      } else if (ev.humans() != null) {
        rate(rateChanges, t, index.get(ev.humans().id()), ev.humans().publishRate());
      } else {
        SetSpec set = ev.set();
        if (set.agent() != null) {
          rate(rateChanges, t, index.get(set.agent()), set.publishRate());
          continue;
        }
        Timelines.Target target = parse(set.path());
        int i = index.get(target.id());
        if (target.first().equals("publish-rate")) {
          rate(rateChanges, t, i, set.value().asInt());
          continue;
        }
        int k = i - h;
        ModelSpec next;
        try {
          next = resolver.apply(Timelines.set(spec[k], target, set.value()));
        } catch (Timelines.SetException x) {
          throw new IllegalArgumentException("timeline[" + e + "].set: " + x.getMessage(), x);
        }
        ModelSettings settings = compiler.compile(next, spec[k], current[k]);
        changes.computeIfAbsent(t, x -> new ArrayList<>()).add(new Schedule.Change(i, settings));
        spec[k] = next;
        current[k] = settings;
      }
    }
    List<Timeline.Curve> curves = new ArrayList<>();
    for (AiShareSpec c : s.aiShare() == null ? List.<AiShareSpec>of() : s.aiShare()) {
      int[] ticks = c.points().stream().mapToInt(p -> (int) Math.round(p.get(0))).toArray();
      double[] shares = c.points().stream().mapToDouble(p -> p.get(1)).toArray();
      curves.add(new Timeline.Curve((short) sites.indexOf(c.site()), ticks, shares));
    }
    return new Timeline(start, end, rates, mixes, h, rateChanges, changes, curves);
  }

  /** A valid path, parsed. */
  private static Timelines.Target parse(String path) {
    try {
      return Timelines.parse(path);
    } catch (Timelines.SetException x) {
      throw new IllegalArgumentException(x.getMessage(), x);
    }
  }

  /** Records a rate change. */
  private static void rate(
      Map<Integer, List<Timeline.RateChange>> out, int tick, int agent, int rate) {
    out.computeIfAbsent(tick, x -> new ArrayList<>()).add(new Timeline.RateChange(agent, rate));
  }
}
