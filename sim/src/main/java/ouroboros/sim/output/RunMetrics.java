package ouroboros.sim.output;

import static ouroboros.sim.output.MetricCatalogue.COMMUNITY_SHARE;
import static ouroboros.sim.output.MetricCatalogue.PIPELINE_COUNTS;
import static ouroboros.sim.output.MetricCatalogue.PIPELINE_ERRORS;
import static ouroboros.sim.output.WebMetrics.ITEMS;
import static ouroboros.sim.output.WebMetrics.ITEMS_BY_KIND;
import static ouroboros.sim.output.WebMetrics.NEW_ITEMS;
import static ouroboros.sim.output.WebMetrics.NEW_SYNTHETIC_SHARE;
import static ouroboros.sim.output.WebMetrics.SYNTHETIC_SHARE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ObjDoubleConsumer;
import ouroboros.agents.collapse.Verdict;
import ouroboros.agents.model.RetrainReport;
import ouroboros.agents.pipeline.StageReport;
import ouroboros.sim.engine.TickResult;
import ouroboros.sim.web.Snapshot;

/**
 * Turns a tick's results into {@code metrics.csv} rows: one row per model, per retrain, per metric,
 * plus web-level rows with agent {@code web}. Every name comes from the {@link MetricCatalogue}. A
 * model fitted before tick 0 ({@code initial: fit-truth}) has its generation 1 at tick -1, model
 * rows only (see {@code RunWriter#onInitialFits}).
 */
public final class RunMetrics {
  /** Agent name of web-level rows. */
  public static final String WEB = "web";

  /** The catalogue's metrics that a retrain report gives. */
  private static final List<Metric> REPORTED =
      MetricCatalogue.all().stream().filter(x -> x.value() != null).toList();

  private RunMetrics() {}

  /**
   * Adds rows of its own to each tick, such as the interaction graph's (see {@code
   * ouroboros.sim.graph.GraphListener}). Called in the observe phase, on the clock's thread, before
   * the tick's rows are written.
   */
  @FunctionalInterface
  public interface Contributor {
    /** Extra rows for a tick. */
    List<MetricRow> rows(TickResult r);

    /**
     * Extra rows for a tick, perhaps still being made on a thread of the contributor's own (the
     * interaction graph's); the run writer's thread waits for them, in tick order. A result that
     * completes exceptionally leaves the tick out of metrics.csv: the contributor throws its
     * failure to the clock itself, at its next call. By default, {@link #rows} made now.
     */
    default java.util.concurrent.CompletableFuture<List<MetricRow>> rowsLater(TickResult r) {
      return java.util.concurrent.CompletableFuture.completedFuture(rows(r));
    }
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
    rows.add(new MetricRow(t, WEB, 0, ITEMS.name(), web.size()));
    rows.add(new MetricRow(t, WEB, 0, ITEMS_BY_KIND.get(0).name(), byKind[0]));
    rows.add(new MetricRow(t, WEB, 0, ITEMS_BY_KIND.get(1).name(), byKind[1]));
    rows.add(new MetricRow(t, WEB, 0, NEW_ITEMS.name(), fresh[0]));
    rows.add(new MetricRow(t, WEB, 0, SYNTHETIC_SHARE.name(), web.syntheticShare()));
    rows.add(
        new MetricRow(
            t,
            WEB,
            0,
            NEW_SYNTHETIC_SHARE.name(),
            fresh[0] == 0 ? Double.NaN : (double) fresh[1] / fresh[0]));
    return rows;
  }

  /**
   * {@code rows} (a mutable list) with the models' rows of tick {@code t} added, sorted by agent
   * and metric (see {@link ModelRows}, which a writer keeps to reuse its layout). Reads only the
   * reports, which are immutable, so it may run on any thread.
   */
  public static List<MetricRow> withModelRows(
      int t, List<RetrainReport> reports, List<MetricRow> rows) {
    return new ModelRows().withModelRows(t, reports, rows);
  }

  /** A model's metrics after a retrain, by name. */
  public static Map<String, Double> modelMetrics(RetrainReport rep) {
    Map<String, Double> m = new java.util.TreeMap<>();
    forEachMetric(rep, m::put);
    return m;
  }

  /**
   * Hands each of a model's metrics after a retrain to {@code put}, by name: the evaluation's in
   * ascending name, then the catalogue's, the community shares, the pipeline's counts and the
   * verdicts. A name given twice takes the later value ({@link #modelMetrics}'s map keeps it).
   */
  static void forEachMetric(RetrainReport rep, ObjDoubleConsumer<String> put) {
    for (Map.Entry<String, Double> e : rep.evaluation().values().entrySet()) {
      put.accept(e.getKey(), e.getValue());
    }
    for (Metric x : REPORTED) {
      put.accept(x.name(), x.value().applyAsDouble(rep));
    }
    double[] shares = rep.communityShares();
    for (int c = 0; c < shares.length; c++) {
      put.accept(COMMUNITY_SHARE.name(c), shares[c]);
    }
    for (StageReport st : rep.stages()) {
      double[] counts = {st.in(), st.kept(), st.dropped(), st.added()};
      for (int k = 0; k < counts.length; k++) {
        put.accept(PIPELINE_COUNTS.get(k).name(st.position(), st.stage()), counts[k]);
      }
      put.accept(
          PIPELINE_ERRORS.get(0).name(st.position(), st.stage()), (double) st.falsePositives());
      put.accept(
          PIPELINE_ERRORS.get(1).name(st.position(), st.stage()), (double) st.falseNegatives());
    }
    for (Verdict v : rep.verdicts()) {
      put.accept(v.definition().numberMetric(), v.number());
      put.accept(v.definition().verdictMetric(), v.state().value());
    }
  }
}
