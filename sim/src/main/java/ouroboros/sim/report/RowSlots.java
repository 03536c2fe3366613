package ouroboros.sim.report;

import java.util.Arrays;
import java.util.function.Function;

/**
 * A value per metric of an agent's rows at one tick, found by row number: an agent's metrics come
 * in much the same order at each tick, mostly as the same String instances, so the metric at row
 * number k is usually the one seen at k last time, and its value is taken without a look-up. The
 * row number starts again at each agent and each tick ({@link #next}), so the slots stay as many as
 * one agent's rows in one tick however long the run.
 *
 * @param <V> what a metric maps to
 */
final class RowSlots<V> {
  private String[] metrics = new String[16];
  private Object[] values = new Object[16];
  private String agent;
  private int tick;
  private int position;

  /**
   * The value of {@code metric}, the metric of the next row, which is {@code agent}'s at {@code
   * tick}: the one at its row number when that metric is the same instance, else {@code lookUp}'s,
   * then kept at that number.
   */
  @SuppressWarnings("unchecked")
  V next(String agent, int tick, String metric, Function<String, V> lookUp) {
    if (tick != this.tick || (agent != this.agent && !agent.equals(this.agent))) {
      this.agent = agent;
      this.tick = tick;
      position = 0;
    }
    int k = position++;
    if (k < metrics.length && metrics[k] == metric) {
      return (V) values[k];
    }
    V v = lookUp.apply(metric);
    if (k >= metrics.length) {
      metrics = Arrays.copyOf(metrics, Math.max(2 * metrics.length, k + 1));
      values = Arrays.copyOf(values, metrics.length);
    }
    metrics[k] = metric;
    values[k] = v;
    return v;
  }

  /**
   * The next row is the first of a run of its agent's rows, whatever agent and tick came before.
   */
  void restart() {
    agent = null;
  }

  /** How many row numbers have slots (for tests: it stays one agent's rows in one tick). */
  int capacity() {
    return metrics.length;
  }
}
