package ouroboros.sim.output;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import ouroboros.agents.collapse.Verdict;
import ouroboros.agents.model.RetrainReport;
import ouroboros.agents.pipeline.StageReport;
import ouroboros.sim.engine.TickResult;
import ouroboros.sim.web.Snapshot;

/**
 * Turns a tick's results into {@code metrics.csv} rows: one row per model, per retrain, per
 * metric, plus web-level rows with agent {@code web}. Metric names are listed in the README.
 */
public final class RunMetrics {
  /** Agent name of web-level rows. */
  public static final String WEB = "web";

  private RunMetrics() {}

  /**
   * Adds rows of its own to each tick, such as the interaction graph's (see
   * {@code ouroboros.sim.graph.GraphListener}). Called in the observe phase, on the clock's
   * thread, before the tick's rows are written.
   */
  @FunctionalInterface
  public interface Contributor {
    /** Extra rows for a tick. */
    List<MetricRow> rows(TickResult r);
  }

  /** The rows of one tick, sorted by agent and metric. */
  public static List<MetricRow> rows(TickResult r) {
    return rows(r, List.of());
  }

  /** The rows of one tick with the contributors' rows, sorted by agent and metric. */
  public static List<MetricRow> rows(TickResult r, List<Contributor> contributors) {
    List<MetricRow> rows = webRows(r);
    for (Contributor c : contributors) {
      rows.addAll(c.rows(r));
    }
    return withModelRows(r.tick(), r.reports(), rows);
  }

  /** The web-level rows of a tick, which read its snapshot (so on the clock's thread). */
  public static List<MetricRow> webRows(TickResult r) {
    List<MetricRow> rows = new ArrayList<>();
    int t = r.tick();
    Snapshot web = r.web();
    long[] fresh = web.newItems();
    long[] byKind = web.itemsByKind();
    rows.add(new MetricRow(t, WEB, 0, "items", web.size()));
    rows.add(new MetricRow(t, WEB, 0, "items-human", byKind[0]));
    rows.add(new MetricRow(t, WEB, 0, "items-model", byKind[1]));
    rows.add(new MetricRow(t, WEB, 0, "new-items", fresh[0]));
    rows.add(new MetricRow(t, WEB, 0, "synthetic-share", web.syntheticShare()));
    rows.add(new MetricRow(t, WEB, 0, "new-synthetic-share",
        fresh[0] == 0 ? Double.NaN : (double) fresh[1] / fresh[0]));
    return rows;
  }

  /**
   * {@code rows} (a mutable list) with the models' rows of tick {@code t} added, sorted by agent
   * and metric. Reads only the reports, which are immutable, so it may run on any thread.
   */
  public static List<MetricRow> withModelRows(int t, List<RetrainReport> reports,
      List<MetricRow> rows) {
    for (RetrainReport rep : reports) {
      for (Map.Entry<String, Double> m : modelMetrics(rep).entrySet()) {
        rows.add(new MetricRow(t, rep.id(), rep.generation(), m.getKey(), m.getValue()));
      }
    }
    Collections.sort(rows);
    return rows;
  }

  /** The metric-name prefix of a pipeline stage: {@code pipeline-<position>-<stage>-}. */
  public static String stagePrefix(StageReport st) {
    return "pipeline-" + st.position() + "-" + st.stage() + "-";
  }

  /** A model's metrics after a retrain, by name. */
  public static Map<String, Double> modelMetrics(RetrainReport rep) {
    Map<String, Double> m = new java.util.TreeMap<>(rep.evaluation().values());
    m.put("generation", (double) rep.generation());
    m.put("fit-failed", rep.fitFailed() ? 1.0 : 0.0);
    m.put("fit-failures", (double) rep.fitFailures());
    m.put("scraped", (double) rep.scraped());
    m.put("train-size", (double) rep.composition().total());
    m.put("train-human-share", rep.composition().humanShare());
    m.put("output-depth", rep.outputDepth());
    double[] shares = rep.communityShares();
    for (int c = 0; c < shares.length; c++) {
      m.put("community-" + c + "-share", shares[c]);
    }
    for (StageReport st : rep.stages()) {
      String prefix = stagePrefix(st);
      m.put(prefix + "in", (double) st.in());
      m.put(prefix + "kept", (double) st.kept());
      m.put(prefix + "dropped", (double) st.dropped());
      m.put(prefix + "added", (double) st.added());
      m.put(prefix + "false-positives", (double) st.falsePositives());
      m.put(prefix + "false-negatives", (double) st.falseNegatives());
    }
    for (Verdict v : rep.verdicts()) {
      m.put(v.definition().numberMetric(), v.number());
      m.put(v.definition().verdictMetric(), v.state().value());
    }
    return m;
  }
}
