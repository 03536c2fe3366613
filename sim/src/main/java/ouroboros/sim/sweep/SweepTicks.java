package ouroboros.sim.sweep;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ouroboros.sim.output.MetricRow;
import ouroboros.sim.output.ReplicateStats;
import ouroboros.sim.output.RunDirectory;
import ouroboros.sim.output.RunLayout;

/**
 * {@code sweep-ticks.csv}: every metric of every model at every tick, summarised across the
 * replicates of each cell, for the curves of mean and 95% interval over generations that papers
 * plot. Header {@code cell,<one column per path>,tick,model,metric,n,mean,sd,ci95-low,ci95-high};
 * one row per cell, tick, model and metric that some complete replicate reported (from each
 * replicate's {@code metrics.csv}), sorted by cell, tick, model and metric. The statistics are
 * those of {@code summary.csv} ({@link ReplicateStats}): n replicates with a value, the mean, the
 * sample sd and mean ± t(0.975, n−1) sd/√n, NA when n &lt; 2.
 */
final class SweepTicks {
  private SweepTicks() {}

  /** The header line, without its newline. */
  static String header(String paths) {
    return "cell," + paths + "tick,model,metric,n,mean,sd,ci95-low,ci95-high";
  }

  /**
   * Writes one cell's rows.
   *
   * @param values the cell's path values, each followed by a comma
   */
  static void writeCell(Path dir, SweepFile sweep, SweepFile.Cell cell, String values, Writer out)
      throws IOException {
    // tick -> model -> metric -> one value per complete replicate that reported it
    Map<Integer, Map<String, Map<String, List<Double>>>> byTick = new TreeMap<>();
    for (int r = 0; r < sweep.replicates(); r++) {
      Path run = SweepTables.runDir(dir, cell.index(), r);
      if (RunDirectory.isComplete(run)) {
        read(RunLayout.of(run).metrics(), byTick);
      }
    }
    for (var t : byTick.entrySet()) {
      for (var m : t.getValue().entrySet()) {
        for (var e : m.getValue().entrySet()) {
          out.write(
              cell.index()
                  + ","
                  + values
                  + t.getKey()
                  + ","
                  + SweepTables.csv(m.getKey())
                  + ","
                  + e.getKey()
                  + ","
                  + ReplicateStats.of(e.getValue()).csv()
                  + "\n");
        }
      }
    }
  }

  /** Adds a run's metrics.csv rows ({@code tick,agent,generation,metric,value}) to the map. */
  private static void read(Path csv, Map<Integer, Map<String, Map<String, List<Double>>>> byTick)
      throws IOException {
    MetricRow.forEach(
        csv,
        row ->
            byTick
                .computeIfAbsent(row.tick(), k -> new TreeMap<>())
                .computeIfAbsent(row.agent(), k -> new TreeMap<>())
                .computeIfAbsent(row.metric(), k -> new ArrayList<>())
                .add(row.value()));
  }
}
