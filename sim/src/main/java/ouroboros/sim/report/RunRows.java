package ouroboros.sim.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import ouroboros.sim.output.MetricRow;

/**
 * The rows of metrics.csv that a run's report reads, gathered as the run writer writes them, so
 * that the report written right after the run need not read metrics.csv back. Each value is the one
 * a reader of the file gets ({@link MetricRow#readBack}), so the report is byte for byte the one
 * {@code ouroboros report DIR} writes from the files. Register it with {@code
 * Observers.Builder.rows} before the run. The writer hands it each batch of rows; they are sorted
 * into series on a thread of their own (the writer's thread is the one a large run waits for), and
 * read once the run has ended.
 */
public final class RunRows implements Consumer<List<MetricRow>> {
  private final MetricsFile metrics = MetricsFile.empty();
  private final Map<String, Boolean> kept = new HashMap<>();

  /** Whether each metric of the rows of the agent at hand is kept, by row number. */
  private final RowSlots<Boolean> keeps = new RowSlots<>();

  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "ouroboros-report-rows");
            t.setDaemon(true);
            return t;
          });

  /** An empty set of rows. */
  public RunRows() {}

  /** Takes a batch of rows of metrics.csv, in file order; the batch must not change afterwards. */
  @Override
  public void accept(List<MetricRow> batch) {
    thread.execute(() -> batch.forEach(this::add));
  }

  /**
   * Keeps a row when the report reads its metric. Every agent's rows name their metrics in much the
   * same order, as the same String instances: {@link RowSlots} finds the decision by row number.
   */
  private void add(MetricRow row) {
    String metric = row.metric();
    if (keeps.next(row.agent(), row.tick(), metric, this::keep)) {
      metrics.add(row.agent(), metric, row.tick(), MetricRow.readBack(row.value()));
    }
  }

  /** Whether the report reads {@code metric}. */
  private boolean keep(String metric) {
    return kept.computeIfAbsent(metric, RunReport.METRICS::test);
  }

  /**
   * The series, as {@link MetricsFile#read} would read them from the file, once every batch is in.
   */
  MetricsFile metrics() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(1, TimeUnit.DAYS)) {
        throw new IllegalStateException("the report's rows are not gathered after a day");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while gathering the report's rows", e);
    }
    return metrics;
  }
}
