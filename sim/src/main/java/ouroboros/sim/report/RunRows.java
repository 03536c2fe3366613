package ouroboros.sim.report;

import java.util.Arrays;
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

  /** The metrics of the rows of the last agent seen, by row number, and whether each is kept. */
  private String[] seen = new String[64];

  private boolean[] keeps = new boolean[64];
  private String lastAgent;
  private int position;
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
   * same order, as the same String instances: the decision for the metric at an agent's row number
   * k is kept at k, and a row whose metric is that one takes it without a look-up.
   */
  private void add(MetricRow row) {
    String metric = row.metric();
    String agent = row.agent();
    if (agent != lastAgent && !agent.equals(lastAgent)) {
      lastAgent = agent;
      position = 0;
    }
    int k = position++;
    boolean keep;
    if (k < seen.length && seen[k] == metric) {
      keep = keeps[k];
    } else {
      keep = kept.computeIfAbsent(metric, RunReport.METRICS::test);
      if (k >= seen.length) {
        seen = Arrays.copyOf(seen, Math.max(2 * seen.length, k + 1));
        keeps = Arrays.copyOf(keeps, seen.length);
      }
      seen[k] = metric;
      keeps[k] = keep;
    }
    if (keep) {
      metrics.add(agent, metric, row.tick(), MetricRow.readBack(row.value()));
    }
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
