package ouroboros.sim.output;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.ObjDoubleConsumer;
import ouroboros.agents.model.RetrainReport;

/**
 * Writes the models' rows of a tick, the rows of {@link RunMetrics#modelMetrics}, without a map per
 * report. A report's metrics come in the order {@link RunMetrics#forEachMetric} names them; the
 * order in which the map would hold them (ascending name, each name once with the value it was
 * given last) is worked out once for that sequence of names and reused while the next report names
 * the same metrics, as every report of a run mostly does. Not thread-safe: one per writer thread.
 */
public final class ModelRows {
  private static final Comparator<RetrainReport> BY_ID = Comparator.comparing(RetrainReport::id);

  private String[] names = new String[64];
  private double[] values = new double[64];
  private int size;
  private final ObjDoubleConsumer<String> collect = this::collect;

  /** The names of the last layout worked out, in the order the report gave them. */
  private String[] layoutNames = new String[0];

  /** Positions into those names: ascending name, the last position of each name. */
  private int[] layout = new int[0];

  /**
   * {@code rows} (a mutable list) with the models' rows of tick {@code t} added, sorted by tick,
   * agent and metric. The models' rows are added in agent-id order, each model's in metric order,
   * so that they come as one sorted run and the sort merges it with the rows before them in linear
   * time.
   */
  public List<MetricRow> withModelRows(int t, List<RetrainReport> reports, List<MetricRow> rows) {
    List<RetrainReport> byId = new ArrayList<>(reports);
    byId.sort(BY_ID);
    for (RetrainReport rep : byId) {
      take(rep);
      for (int k : layout) {
        rows.add(new MetricRow(t, rep.id(), rep.generation(), names[k], values[k]));
      }
    }
    Collections.sort(rows);
    return rows;
  }

  /**
   * Hands {@code put} a model's metrics after a retrain as {@link RunMetrics#modelMetrics}'s map
   * holds them: in ascending name, each name once with the value it was given last.
   */
  public void forEachSorted(RetrainReport rep, ObjDoubleConsumer<String> put) {
    take(rep);
    for (int k : layout) {
      put.accept(names[k], values[k]);
    }
  }

  /** Collects {@code rep}'s metrics and makes sure the layout is theirs. */
  private void take(RetrainReport rep) {
    size = 0;
    RunMetrics.forEachMetric(rep, collect);
    if (!sameLayout()) {
      newLayout();
    }
  }

  /** Takes one metric of the report at hand. */
  private void collect(String name, double value) {
    if (size == names.length) {
      names = java.util.Arrays.copyOf(names, size * 2);
      values = java.util.Arrays.copyOf(values, size * 2);
    }
    names[size] = name;
    values[size++] = value;
  }

  /** Whether the report at hand named the same metrics, in the same order, as the last layout. */
  private boolean sameLayout() {
    if (size != layoutNames.length) {
      return false;
    }
    for (int k = 0; k < size; k++) {
      if (names[k] != layoutNames[k] && !names[k].equals(layoutNames[k])) {
        return false;
      }
    }
    return true;
  }

  /** Works out the layout of the report at hand: a stable sort by name, the last of each name. */
  private void newLayout() {
    String[] given = java.util.Arrays.copyOf(names, size);
    Integer[] order = new Integer[size];
    for (int k = 0; k < size; k++) {
      order[k] = k;
    }
    java.util.Arrays.sort(order, Comparator.comparing(k -> given[k]));
    int[] last = new int[size];
    int n = 0;
    for (int k = 0; k < size; k++) {
      if (n > 0 && given[last[n - 1]].equals(given[order[k]])) {
        last[n - 1] = order[k];
      } else {
        last[n++] = order[k];
      }
    }
    layoutNames = given;
    layout = java.util.Arrays.copyOf(last, n);
  }
}
