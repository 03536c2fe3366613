package ouroboros.sim.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ouroboros.agents.collapse.Verdict;
import ouroboros.agents.model.RetrainReport;
import ouroboros.sim.engine.World;

/**
 * The latest state of every model, as {@code summary.json} and the end-of-run table show it.
 * Models appear in canonical order; keys in a fixed order, so the JSON is byte-stable.
 */
public final class RunSummary {
  private final World world;
  private final RetrainReport[] latest;
  private int ticksCompleted;
  private boolean complete;
  private String failure = "";

  /** An empty summary of a world. */
  public RunSummary(World world) {
    this.world = world;
    this.latest = new RetrainReport[world.models().size()];
  }

  /** Takes a tick's reports. */
  public void update(int tick, List<RetrainReport> reports) {
    int humans = world.humans().size();
    for (RetrainReport r : reports) {
      latest[r.agent() - humans] = r;
    }
    ticksCompleted = tick + 1;
  }

  /** Marks the run finished, well or not. */
  public void finish(String failureMessage) {
    complete = failureMessage.isEmpty();
    failure = failureMessage;
  }

  /** The latest report of model {@code i} (0-based among models), or null before its first. */
  public RetrainReport latest(int i) {
    return latest[i];
  }

  /** The summary as an ordered map, ready for JSON. */
  public Map<String, Object> toMap() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("scenario", world.scenario().name());
    root.put("seed", world.seed());
    root.put("ticks", world.ticks());
    root.put("ticks-completed", ticksCompleted);
    root.put("complete", complete);
    if (!failure.isEmpty()) {
      root.put("failure", failure);
    }
    List<Map<String, Object>> models = new ArrayList<>();
    for (int i = 0; i < latest.length; i++) {
      var settings = world.models().get(i);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", settings.id());
      m.put("regime", settings.regime().key());
      RetrainReport r = latest[i];
      m.put("generation", r == null ? 0 : r.generation());
      m.put("fit-failures", r == null ? 0 : r.fitFailures());
      m.put("last-retrain", r == null ? null : r.tick());
      Map<String, Object> metrics = new LinkedHashMap<>();
      if (r != null) {
        RunMetrics.modelMetrics(r).forEach((k, v) -> metrics.put(k, jsonNumber(v)));
      }
      m.put("metrics", metrics);
      Map<String, Object> verdicts = new LinkedHashMap<>();
      if (r != null) {
        for (Verdict v : r.verdicts()) {
          Map<String, Object> one = new LinkedHashMap<>();
          one.put("definition", v.definition().title());
          one.put("number", jsonNumber(v.number()));
          one.put("verdict", v.state().label());
          verdicts.put(v.definition().numberMetric().substring(0, 2), one);
        }
      }
      m.put("verdicts", verdicts);
      models.add(m);
    }
    root.put("models", models);
    return root;
  }

  /** JSON has no NaN: a missing value is null. */
  private static Object jsonNumber(double v) {
    return Double.isFinite(v) ? (Object) v : null;
  }
}
