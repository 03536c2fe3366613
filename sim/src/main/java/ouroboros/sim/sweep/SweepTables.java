package ouroboros.sim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ouroboros.sim.output.AtomicFiles;
import ouroboros.sim.output.MetricRow;
import ouroboros.sim.output.ReplicateStats;
import ouroboros.sim.output.RunDirectory;
import ouroboros.sim.output.RunLayout;
import ouroboros.sim.output.SweepLayout;
import ouroboros.sim.scenario.load.Yaml;
import ouroboros.sim.scenario.path.ScenarioPath;

/**
 * The sweep's tidy tables, written from the run directories once every run is done, so that the
 * order in which runs finished never shows:
 *
 * <ul>
 *   <li>{@code cells.csv}: {@code cell,path,value}, one row per value a cell sets;
 *   <li>{@code sweep.csv}: {@code cell,replicate,seed,<one column per path>,model,metric,value},
 *       one row per cell, replicate, model and metric at the model's final generation, sorted by
 *       cell, replicate, model and metric. A run that aggregates per population (summary.json's
 *       {@code populations}: more than 1,000 models, or a sample, or no model's rows) adds, for
 *       each population, rows whose model is {@code population:<id>} and whose value is the
 *       population's mean of the metric over all its models. {@code seed} is the replicate's own
 *       seed; when the sweep varies the path {@code seed} (the cell's seed, which its replicates'
 *       seeds derive from), that path keeps its column name and the replicate's seed column is
 *       {@code run-seed}, so no two columns share a name;
 *   <li>{@code summary.csv}: {@code cell,<paths>,model,metric,n,mean,sd,ci95-low,ci95-high}, across
 *       the replicates of each cell: n counts the replicates with a value; sd is the sample
 *       standard deviation and the interval is mean ± t(0.975, n−1) sd/√n (Student's t), both NA
 *       when n < 2;
 *   <li>{@code sweep-ticks.csv}: the same statistics per cell, tick, model and metric, from every
 *       replicate's {@code metrics.csv} ({@link SweepTicks}).
 * </ul>
 *
 * Values print as in {@code metrics.csv}: missing as NA, whole numbers without a decimal point. A
 * path a cell leaves at the base's value reads NA in its column. A run that did not complete has no
 * rows, but a cell none of whose runs completed has rows with n = 0 in summary.csv.
 */
public final class SweepTables {
  private final ObjectMapper json = Yaml.json();
  private final SweepFile sweep;

  /** The final values' names of the sweep's first complete run, once a cell needs them. */
  private Map<String, Map<String, Double>> template;

  /** Tables of a sweep. */
  public SweepTables(SweepFile sweep) {
    this.sweep = sweep;
  }

  /** The run directory of a cell's replicate, under the sweep directory. */
  public static Path runDir(Path sweepDir, int cell, int replicate) {
    return sweepDir.resolve("runs").resolve("c" + cell + "-r" + replicate);
  }

  /** Writes cells.csv atomically. */
  public void writeCells(Path dir) throws IOException {
    AtomicFiles.write(
        new SweepLayout(dir).cellsCsv(),
        w -> {
          w.write("cell,path,value\n");
          for (SweepFile.Cell cell : sweep.cells()) {
            for (SweepFile.Assignment a : cell.assignments()) {
              w.write(
                  cell.index()
                      + ","
                      + csv(a.path().text())
                      + ","
                      + csv(SweepPlan.text(a.value()))
                      + "\n");
            }
          }
        });
  }

  /**
   * Writes sweep.csv, summary.csv and sweep-ticks.csv atomically, from the complete runs under
   * {@code dir}.
   */
  public void writeResults(Path dir) throws IOException {
    template = null;
    StringBuilder paths = new StringBuilder();
    for (ScenarioPath p : sweep.columns()) {
      paths.append(csv(p.text())).append(',');
    }
    SweepLayout files = new SweepLayout(dir);
    AtomicFiles.write(
        files.sweepCsv(),
        rows ->
            AtomicFiles.write(
                files.summaryCsv(),
                stats -> {
                  rows.write(
                      "cell,replicate," + seedColumn() + "," + paths + "model,metric,value\n");
                  stats.write("cell," + paths + "model,metric,n,mean,sd,ci95-low,ci95-high\n");
                  for (SweepFile.Cell cell : sweep.cells()) {
                    writeCell(dir, cell, rows, stats);
                  }
                }));
    AtomicFiles.write(
        files.sweepTicksCsv(),
        ticks -> {
          ticks.write(SweepTicks.header(paths.toString()) + "\n");
          for (SweepFile.Cell cell : sweep.cells()) {
            SweepTicks.writeCell(dir, sweep, cell, values(cell), ticks);
          }
        });
  }

  /** A cell's path values, each followed by a comma. */
  private String values(SweepFile.Cell cell) {
    StringBuilder values = new StringBuilder();
    for (ScenarioPath p : sweep.columns()) {
      JsonNode v = cell.valueOf(p);
      values.append(v == null ? "NA" : csv(SweepPlan.text(v))).append(',');
    }
    return values.toString();
  }

  /**
   * The name of the replicate's seed column: {@code run-seed} when a swept path is {@code seed}.
   */
  private String seedColumn() {
    return SweepLayout.seedColumn(sweep.columns().stream().map(ScenarioPath::text).toList());
  }

  /**
   * A cell's rows in both tables. A cell none of whose replicates completed has a row in
   * summary.csv, n = 0, for every model and metric of the sweep's first complete run, so that it is
   * not silently missing from the table (failures.csv says why its runs failed).
   */
  private void writeCell(Path dir, SweepFile.Cell cell, Writer rows, Writer stats)
      throws IOException {
    String values = values(cell);
    // model -> metric -> one value per complete replicate, in replicate order
    Map<String, Map<String, List<Double>>> byModel = new TreeMap<>();
    for (int r = 0; r < sweep.replicates(); r++) {
      Path run = runDir(dir, cell.index(), r);
      if (!RunDirectory.isComplete(run)) {
        continue;
      }
      JsonNode summary = json.readTree(RunLayout.of(run).summary().toFile());
      Map<String, Map<String, Double>> models = finals(summary);
      String prefix = cell.index() + "," + r + "," + summary.path("seed").asLong() + "," + values;
      for (Map.Entry<String, Map<String, Double>> m : models.entrySet()) {
        for (Map.Entry<String, Double> e : m.getValue().entrySet()) {
          rows.write(
              prefix
                  + csv(m.getKey())
                  + ","
                  + e.getKey()
                  + ","
                  + MetricRow.format(e.getValue())
                  + "\n");
          byModel
              .computeIfAbsent(m.getKey(), k -> new TreeMap<>())
              .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
              .add(e.getValue());
        }
      }
    }
    if (byModel.isEmpty()) {
      if (template == null) {
        template = finals(firstComplete(dir));
      }
      template.forEach(
          (model, metrics) -> {
            for (String metric : metrics.keySet()) {
              byModel.computeIfAbsent(model, k -> new TreeMap<>()).put(metric, List.of());
            }
          });
    }
    for (Map.Entry<String, Map<String, List<Double>>> m : byModel.entrySet()) {
      for (Map.Entry<String, List<Double>> e : m.getValue().entrySet()) {
        stats.write(
            cell.index()
                + ","
                + values
                + csv(m.getKey())
                + ","
                + e.getKey()
                + ","
                + ReplicateStats.of(e.getValue()).csv()
                + "\n");
      }
    }
  }

  /**
   * A summary.json's final values, model -> metric -> value: each model it lists (all of them, or
   * the sample a large run keeps, or none), and for a run that aggregates per population (its
   * {@code populations}) each population under {@link SweepLayout#populationKey}, with the
   * population's mean of each metric over its models (NA when no model has it), so that a run that
   * keeps no model's rows still has its final values in the tables.
   */
  private static Map<String, Map<String, Double>> finals(JsonNode summary) {
    Map<String, Map<String, Double>> models = new TreeMap<>();
    for (JsonNode p : summary.path("populations")) {
      Map<String, Double> metrics = new TreeMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = p.path("metrics").fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        metrics.put(e.getKey(), number(e.getValue().get("mean")));
      }
      models.put(SweepLayout.populationKey(p.path("id").asText()), metrics);
    }
    for (JsonNode m : summary.path("models")) {
      Map<String, Double> metrics = new TreeMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = m.path("metrics").fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        metrics.put(e.getKey(), number(e.getValue()));
      }
      models.put(m.path("id").asText(), metrics);
    }
    return models;
  }

  /** The summary.json of the sweep's first complete run, in cell order; empty when none is. */
  private JsonNode firstComplete(Path dir) throws IOException {
    for (SweepFile.Cell cell : sweep.cells()) {
      for (int r = 0; r < sweep.replicates(); r++) {
        Path run = runDir(dir, cell.index(), r);
        if (RunDirectory.isComplete(run)) {
          return json.readTree(RunLayout.of(run).summary().toFile());
        }
      }
    }
    return json.createObjectNode();
  }

  /** A summary.json number: null is missing (NaN); "Infinity" and "-Infinity" are infinite. */
  private static double number(JsonNode v) {
    if (v == null || v.isNull()) {
      return Double.NaN;
    }
    if (v.isTextual()) {
      return Double.parseDouble(v.asText());
    }
    return v.asDouble();
  }

  /** A CSV field, quoted when it holds a comma, a quote or a line break. */
  static String csv(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
