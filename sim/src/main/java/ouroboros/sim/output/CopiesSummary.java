package ouroboros.sim.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ouroboros.agents.model.RetrainReport;
import ouroboros.sim.engine.CopyPlan;
import ouroboros.sim.engine.World;

/**
 * The {@code copies} entry of a replicated run's {@code summary.json}: the copies' count, first
 * index and seeds, and for each model (its id without the copy suffix) and metric, the {@link
 * ReplicateStats} of the copies' latest values, those listed under {@code models}.
 */
final class CopiesSummary {
  private CopiesSummary() {}

  /**
   * The entry, from each model's latest report and contributed values; models the summary does not
   * keep are left out.
   */
  static Map<String, Object> of(
      CopyPlan plan,
      World world,
      RetrainReport[] latest,
      boolean[] kept,
      ContributedMetrics contributed) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("count", plan.count());
    out.put("first", plan.first());
    List<Long> seeds = new ArrayList<>();
    for (long s : plan.seeds()) {
      seeds.add(s);
    }
    out.put("seeds", seeds);
    // model -> metric -> the latest value of each copy that has one
    Map<String, Map<String, List<Double>>> values = new TreeMap<>();
    for (int i = 0; i < latest.length; i++) {
      String model = CopyPlan.base(world.models().get(i).id());
      if (!kept[i] || latest[i] == null || model == null) {
        continue;
      }
      Map<String, List<Double>> byMetric = values.computeIfAbsent(model, k -> new TreeMap<>());
      RunMetrics.modelMetrics(latest[i])
          .forEach((k, v) -> byMetric.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
      contributed.forEach(i, (k, v) -> byMetric.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
    }
    Map<String, Object> models = new LinkedHashMap<>();
    values.forEach(
        (model, metrics) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          metrics.forEach(
              (name, v) -> {
                ReplicateStats st = ReplicateStats.of(v);
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("n", st.n());
                one.put("mean", RunSummary.jsonNumber(st.mean()));
                one.put("sd", RunSummary.jsonNumber(st.sd()));
                one.put("ci95-low", RunSummary.jsonNumber(st.low()));
                one.put("ci95-high", RunSummary.jsonNumber(st.high()));
                m.put(name, one);
              });
          models.put(model, m);
        });
    out.put("models", models);
    return out;
  }
}
