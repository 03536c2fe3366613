package ouroboros.sim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same sweep with {@code --parallel 1} and {@code --parallel 2} gives byte-identical tables:
 * each run is deterministic for its seed, and the tables are written from the run directories after
 * every run is done, so the order in which runs finish never shows. Also checks the tables' shape:
 * the sweep's paths as columns, one row per cell, replicate, model and metric at the final
 * generation, sorted, and the same replicate seeds in every cell.
 */
@Tag("slow")
class SweepParallelTest {
  private static final String SWEEP =
      """
      base: base.yaml
      name: tiny
      replicates: 2
      grid:
        models[*].fresh-human-fraction: [0.0, 0.3]
        models[lab-replace].regime: [replace, accumulate]
      """;

  @TempDir Path tmp;

  @Test
  void sweep_parallel1And2_identicalTables() throws Exception {
    Sweeps.write(tmp, "base.yaml", Sweeps.BASE);
    Path sweep = Sweeps.write(tmp, "sweep.yaml", SWEEP);
    Path one = tmp.resolve("one");
    Path two = tmp.resolve("two");
    Sweeps.Result a =
        Sweeps.run(
            "sweep", sweep.toString(), "--out", one.toString(), "--parallel", "1", "--quiet");
    assertEquals(0, a.code(), a.stderr());
    // --quiet: the sweep directory only (issue 12).
    assertEquals("sweep directory: " + one + "\n", a.stdout());
    Sweeps.Result b =
        Sweeps.run("sweep", sweep.toString(), "--out", two.toString(), "--parallel", "2");
    assertEquals(0, b.code(), b.stderr());
    // The header, the key table of summary.csv (its own test: SweepSummaryTest), the report.
    List<String> lines = b.stdout().lines().toList();
    assertEquals(
        "tiny: 4 cells x 2 replicates = 8 runs of "
            + tmp.resolve("base.yaml")
            + " (seed 7), 2 at once, 1 engine thread each",
        lines.get(0));
    assertTrue(lines.get(1).startsWith("cell  models[*].fresh-human-fraction  "), lines.get(1));
    assertEquals(
        List.of("report: " + two.resolve("report.html"), "sweep directory: " + two),
        lines.subList(lines.size() - 2, lines.size()));
    for (String table :
        List.of("sweep.csv", "summary.csv", "sweep-ticks.csv", "cells.csv", "sweep.yaml")) {
      assertEquals(
          Files.readString(one.resolve(table)), Files.readString(two.resolve(table)), table);
    }
    for (int c = 0; c < 4; c++) {
      for (int r = 0; r < 2; r++) {
        String run = "runs/c" + c + "-r" + r + "/metrics.csv";
        assertEquals(Files.readString(one.resolve(run)), Files.readString(two.resolve(run)), run);
      }
    }
  }

  @Test
  void sweep_tables_tidyAndSortedWithFinalValues() throws Exception {
    Sweeps.write(tmp, "base.yaml", Sweeps.BASE);
    Path sweep = Sweeps.write(tmp, "sweep.yaml", SWEEP);
    Path out = tmp.resolve("out");
    Sweeps.Result r = Sweeps.run("sweep", sweep.toString(), "--out", out.toString(), "--quiet");
    assertEquals(0, r.code(), r.stderr());

    assertEquals(
        """
        cell,path,value
        0,models[*].fresh-human-fraction,0.0
        0,models[lab-replace].regime,replace
        1,models[*].fresh-human-fraction,0.0
        1,models[lab-replace].regime,accumulate
        2,models[*].fresh-human-fraction,0.3
        2,models[lab-replace].regime,replace
        3,models[*].fresh-human-fraction,0.3
        3,models[lab-replace].regime,accumulate
        """,
        Files.readString(out.resolve("cells.csv")));

    List<String> rows = Files.readAllLines(out.resolve("sweep.csv"));
    assertEquals(
        "cell,replicate,seed,models[*].fresh-human-fraction,models[lab-replace].regime,"
            + "model,metric,value",
        rows.get(0));
    List<String[]> body = new ArrayList<>();
    rows.subList(1, rows.size()).forEach(l -> body.add(l.split(",", -1)));
    long metrics =
        body.stream()
            .filter(f -> f[0].equals("0") && f[1].equals("0") && f[5].equals("lab-fresh"))
            .count();
    assertTrue(metrics > 20, "metrics per model: " + metrics);
    assertEquals(4 * 2 * 3 * metrics, body.size(), "cells x replicates x models x metrics");
    Comparator<String[]> order =
        Comparator.<String[]>comparingInt(f -> Integer.parseInt(f[0]))
            .thenComparingInt(f -> Integer.parseInt(f[1]))
            .thenComparing(f -> f[5])
            .thenComparing(f -> f[6]);
    List<String[]> sorted = new ArrayList<>(body);
    sorted.sort(order);
    assertEquals(
        rows.subList(1, rows.size()),
        sorted.stream().map(f -> String.join(",", f)).toList(),
        "sorted by cell, replicate, model, metric");
    for (String[] f : body) {
      int cell = Integer.parseInt(f[0]);
      int rep = Integer.parseInt(f[1]);
      assertEquals(Long.toString(Seeds.replicate(7, rep)), f[2], "common random numbers");
      assertEquals(cell < 2 ? "0.0" : "0.3", f[3]);
      assertEquals(cell % 2 == 0 ? "replace" : "accumulate", f[4]);
    }
    // The value is the model's at its final generation: the last of its rows in metrics.csv.
    List<String> metricsCsv = Files.readAllLines(out.resolve("runs/c3-r1/metrics.csv"));
    String last =
        metricsCsv.stream()
            .filter(l -> l.startsWith("39,lab-replace,") && l.contains(",population-risk,"))
            .findFirst()
            .orElseThrow();
    String value = last.substring(last.lastIndexOf(',') + 1);
    assertTrue(
        rows.contains(
            "3,1,"
                + Seeds.replicate(7, 1)
                + ",0.3,accumulate,lab-replace,population-risk,"
                + value),
        last);

    // sweep-ticks.csv: per cell, tick, model and metric across the replicates' metrics.csv rows.
    List<String> ticks = Files.readAllLines(out.resolve("sweep-ticks.csv"));
    assertEquals(
        "cell,models[*].fresh-human-fraction,models[lab-replace].regime,tick,model,metric,"
            + "n,mean,sd,ci95-low,ci95-high",
        ticks.get(0));
    String r0 = value(out.resolve("runs/c3-r0/metrics.csv"), "17,lab-fresh,", "population-risk");
    String r1 = value(out.resolve("runs/c3-r1/metrics.csv"), "17,lab-fresh,", "population-risk");
    ouroboros.sim.output.ReplicateStats expected =
        ouroboros.sim.output.ReplicateStats.of(
            List.of(Double.parseDouble(r0), Double.parseDouble(r1)));
    assertTrue(
        ticks.contains("3,0.3,accumulate,17,lab-fresh,population-risk," + expected.csv()),
        "tick 17 of cell 3: " + r0 + ", " + r1);
    List<String> sortedTicks = new ArrayList<>(ticks.subList(1, ticks.size()));
    sortedTicks.sort(
        Comparator.<String>comparingInt(l -> Integer.parseInt(l.split(",")[0]))
            .thenComparingInt(l -> Integer.parseInt(l.split(",")[3]))
            .thenComparing(l -> l.split(",")[4])
            .thenComparing(l -> l.split(",")[5]));
    assertEquals(
        ticks.subList(1, ticks.size()), sortedTicks, "sorted by cell, tick, model, metric");

    List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
    assertEquals(
        "cell,models[*].fresh-human-fraction,models[lab-replace].regime,model,metric,"
            + "n,mean,sd,ci95-low,ci95-high",
        summary.get(0));
    assertEquals(1 + 4 * 3 * metrics, summary.size(), "cells x models x metrics");
    assertTrue(
        summary.contains("0,0.0,replace,lab-fresh,generation,2,40,0,40,40"),
        "a metric equal in both replicates has sd 0 and a point interval");
  }

  /**
   * Issue 11: a sweep that varies {@code seed} keeps that path's column and names the replicate's
   * own seed {@code run-seed}: no two columns of sweep.csv share a name, and the report reads it.
   */
  @Test
  void sweep_varyingSeed_distinctColumnNames() throws Exception {
    Sweeps.write(tmp, "base.yaml", Sweeps.BASE);
    Path sweep =
        Sweeps.write(
            tmp,
            "sweep.yaml",
            """
            base: base.yaml
            name: seeds
            replicates: 2
            grid:
              seed: [11, 12]
            """);
    Path out = tmp.resolve("out");
    Sweeps.Result r = Sweeps.run("sweep", sweep.toString(), "--out", out.toString(), "--quiet");
    assertEquals(0, r.code(), r.stderr());
    List<String> rows = Files.readAllLines(out.resolve("sweep.csv"));
    assertEquals("cell,replicate,run-seed,seed,model,metric,value", rows.get(0));
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",", -1);
      long cellSeed = f[0].equals("0") ? 11 : 12;
      assertEquals(Long.toString(cellSeed), f[3], "the swept seed");
      assertEquals(Long.toString(Seeds.replicate(cellSeed, Integer.parseInt(f[1]))), f[2]);
    }
    assertTrue(Files.isRegularFile(out.resolve("report.html")), "the report reads the table");
  }

  /** The value of the first row of a metrics.csv that starts with {@code prefix}, for a metric. */
  private static String value(Path csv, String prefix, String metric) throws Exception {
    String row =
        Files.readAllLines(csv).stream()
            .filter(l -> l.startsWith(prefix) && l.contains("," + metric + ","))
            .findFirst()
            .orElseThrow();
    return row.substring(row.lastIndexOf(',') + 1);
  }
}
