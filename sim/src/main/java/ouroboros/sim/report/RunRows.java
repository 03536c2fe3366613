package ouroboros.sim.report;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import ouroboros.sim.output.MetricRow;

/**
 * The rows of metrics.csv that a run's report reads, gathered as the run writer writes them, so
 * that the report written right after the run need not read metrics.csv back. Each value is the one
 * a reader of the file gets ({@link MetricRow#readBack}), so the report is byte for byte the one
 * {@code ouroboros report DIR} writes from the files. Register it with {@code
 * Observers.Builder.rows} before the run; it is fed on the writer's thread, and read once the run
 * has ended.
 */
public final class RunRows implements Consumer<MetricRow> {
  private final MetricsFile metrics = MetricsFile.empty();
  private final Map<String, Boolean> kept = new HashMap<>();

  /** An empty set of rows. */
  public RunRows() {}

  /** Takes one row of metrics.csv, in file order; keeps it when the report reads its metric. */
  @Override
  public void accept(MetricRow row) {
    if (kept.computeIfAbsent(row.metric(), RunReport.METRICS::test)) {
      metrics.add(row.agent(), row.metric(), row.tick(), MetricRow.readBack(row.value()));
    }
  }

  /** The series, as {@link MetricsFile#read} would read them from the file. */
  MetricsFile metrics() {
    return metrics;
  }
}
