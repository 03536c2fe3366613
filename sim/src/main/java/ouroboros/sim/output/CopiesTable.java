package ouroboros.sim.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ouroboros.sim.engine.CopyPlan;

/**
 * {@code copies.csv}: every metric of every model at every tick, summarised across the copies of a
 * run with {@code copies:}, the table of {@code sweep-ticks.csv} for one run. Header {@value
 * #HEADER}; {@code model} is the model's id without its copy suffix ({@code replace} for {@code
 * replace.c0 .. replace.c<R-1>}). One row per tick, model and metric that some copy reported in
 * {@code metrics.csv}, sorted by tick, model and metric, with the statistics of {@link
 * ReplicateStats}: n copies with a value, their mean, sample sd and mean ± t(0.975, n − 1) sd/√n
 * (NA when n &lt; 2). Rows of agents without a copy suffix (web, site and population rows) are left
 * out. It is built from metrics.csv when the run ends, one tick at a time, so its memory is that of
 * one tick's rows.
 */
public final class CopiesTable {
  /** The header line. */
  public static final String HEADER = "tick,model,metric," + ReplicateStats.HEADER;

  private CopiesTable() {}

  /** Writes the table of {@code metrics} to {@code out}, atomically. */
  public static void write(Path metrics, Path out) throws IOException {
    AtomicFiles.write(out, w -> write(metrics, w));
  }

  /** Streams the table of {@code metrics} to {@code text}. */
  private static void write(Path metrics, Writer text) throws IOException {
    text.write(HEADER + "\n");
    // model -> metric -> one value per copy, for the tick being read
    Map<String, Map<String, List<Double>>> tick = new TreeMap<>();
    int[] at = {Integer.MIN_VALUE};
    MetricRow.forEach(
        metrics,
        row -> {
          String model = CopyPlan.base(row.agent());
          if (model == null) {
            return;
          }
          if (row.tick() != at[0]) {
            flush(at[0], tick, text);
            at[0] = row.tick();
          }
          tick.computeIfAbsent(model, k -> new TreeMap<>())
              .computeIfAbsent(row.metric(), k -> new ArrayList<>())
              .add(row.value());
        });
    flush(at[0], tick, text);
  }

  /** Appends one tick's rows and empties its map. */
  private static void flush(int tick, Map<String, Map<String, List<Double>>> values, Writer out)
      throws IOException {
    for (var m : values.entrySet()) {
      for (var e : m.getValue().entrySet()) {
        out.write(
            tick
                + ","
                + m.getKey()
                + ","
                + e.getKey()
                + ","
                + ReplicateStats.of(e.getValue()).csv()
                + "\n");
      }
    }
    values.clear();
  }
}
