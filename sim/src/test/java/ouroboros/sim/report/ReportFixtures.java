package ouroboros.sim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import ouroboros.sim.cli.Main;
import ouroboros.sim.testing.Repo;

/** Run and sweep directories for the report's tests: real runs, and files written by hand. */
final class ReportFixtures {
  /** The swept paths of {@link #sweep2d}. */
  static final List<String> PATHS = List.of("models[0].fresh-human-fraction", "models[0].scrape");

  /** Their values. */
  static final List<List<String>> VALUES =
      List.of(List.of("0", "0.1", "0.2"), List.of("25", "50", "100"));

  private ReportFixtures() {}

  /** Runs a scenario through the command line into {@code out}; extra arguments follow. */
  static Path run(Path scenario, Path out, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run", scenario.toString(), "--out", out.toString(), "--threads", "2", "--quiet"));
    args.addAll(List.of(extra));
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            args.toArray(new String[0]), new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertEquals(0, code, err.toString());
    return out;
  }

  /** The quickstart, run in-process (it writes its report.html). */
  static Path quickstart(Path out) {
    return run(Repo.scenario("quickstart.yaml"), out);
  }

  /** The six-tick golden scenario with a seed, without a report. */
  static Path small(Path out, long seed) {
    return run(
        Repo.root().resolve("sim/src/test/resources/golden/small.yaml"),
        out,
        "--seed",
        Long.toString(seed),
        "--no-report");
  }

  /**
   * A 3 x 3 sweep of {@link #PATHS} with two replicates per cell: runs/ holds copies of four real
   * runs of the golden scenario (cell i, replicate r gets run (i + r) mod 4), and sweep.csv is
   * written by hand so that the outcome is known. At x index i and y index j, replicate r:
   * population risk 10^(2 − i) (1 + 0.1 j + 0.05 r), spanning four decades; d3 fires when i + j + r
   * ≤ 2, so its share is 1 below the anti-diagonal, 0.5 on it and 0 above it (six of nine cells
   * fire in at least half their replicates); d5 never fires; d6 never applies.
   */
  static Path sweep2d(Path dir) throws IOException {
    Path[] runs = new Path[4];
    for (int k = 0; k < runs.length; k++) {
      runs[k] = small(dir.resolve("source-" + k), 100 + k);
    }
    Path sweep = dir.resolve("sweep");
    Files.createDirectories(sweep.resolve("runs"));
    Files.writeString(sweep.resolve("sweep.yaml"), "name: test-sweep\n");
    StringBuilder csv =
        new StringBuilder(
            "cell,replicate,seed," + String.join(",", PATHS) + ",model,metric,value\n");
    StringBuilder cells = new StringBuilder("cell,path,value\n");
    int cell = 0;
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        String x = VALUES.get(0).get(i);
        String y = VALUES.get(1).get(j);
        cells
            .append(cell)
            .append(",\"")
            .append(PATHS.get(0))
            .append("\",")
            .append(x)
            .append('\n')
            .append(cell)
            .append(",\"")
            .append(PATHS.get(1))
            .append("\",")
            .append(y)
            .append('\n');
        for (int r = 0; r < 2; r++) {
          copy(runs[(cell + r) % runs.length], sweep.resolve("runs/c" + cell + "-r" + r));
          for (String model : List.of("lab-a", "lab-b")) {
            String prefix =
                cell
                    + ","
                    + r
                    + ","
                    + (1000 + 10 * cell + r)
                    + ","
                    + x
                    + ","
                    + y
                    + ","
                    + model
                    + ",";
            double risk = Math.pow(10, 2 - i) * (1 + 0.1 * j + 0.05 * r);
            csv.append(prefix).append("population-risk,").append(risk).append('\n');
            csv.append(prefix)
                .append("diversity-ratio,")
                .append(String.format(Locale.ROOT, "%.3f", 1 - 0.2 * i))
                .append('\n');
            csv.append(prefix).append("generation,6\n");
            csv.append(prefix).append("fit-failures,0\n");
            csv.append(prefix).append("train-human-share,0.5\n");
            for (int d = 1; d <= 8; d++) {
              String v =
                  switch (d) {
                    case 3 -> i + j + r <= 2 ? "1" : "0";
                    case 6 -> "NA";
                    default -> "0";
                  };
              csv.append(prefix).append('d').append(d).append("-verdict,").append(v).append('\n');
            }
          }
        }
        cell++;
      }
    }
    Files.writeString(sweep.resolve("sweep.csv"), csv);
    Files.writeString(sweep.resolve("cells.csv"), cells);
    return sweep;
  }

  /** The swept paths of {@link #sweep3d}, the facet last. */
  static final List<String> PATHS_3D =
      List.of(
          "models[lab].watermark.rate",
          "models[lab].pipeline[watermark-filter].tpr",
          "humans[people].laundering.share");

  /** Their values. */
  static final List<List<String>> VALUES_3D =
      List.of(List.of("0.25", "0.5", "1.0"), List.of("0.5", "0.9"), List.of("0.0", "0.4"));

  /**
   * A 3 x 2 x 2 sweep of {@link #PATHS_3D} with two replicates per cell, written by hand, with no
   * runs: sweep.yaml names it {@code test-3d} and asks its report for the variance ratio and
   * definition 5. At indices (i, j, k), replicate r, the variance ratio is 1 − 0.2 i − 0.15 j −
   * 0.25 k + 0.01 r and d5 fires when it is below 0.5: in one cell of the first facet (k = 0) and
   * in three of the second, so each facet has a boundary. The population risk is its inverse; d3
   * never fires.
   */
  static Path sweep3d(Path dir) throws IOException {
    Path sweep = dir.resolve("sweep-3d");
    Files.createDirectories(sweep);
    Files.writeString(
        sweep.resolve("sweep.yaml"),
        """
        name: test-3d
        report:
          metric: variance-ratio
          definition: d5
        """);
    StringBuilder csv =
        new StringBuilder(
            "cell,replicate,seed," + String.join(",", PATHS_3D) + ",model,metric,value\n");
    int cell = 0;
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 2; j++) {
        for (int k = 0; k < 2; k++) {
          for (int r = 0; r < 2; r++) {
            String prefix =
                cell
                    + ","
                    + r
                    + ","
                    + (2000 + 10 * cell + r)
                    + ","
                    + VALUES_3D.get(0).get(i)
                    + ","
                    + VALUES_3D.get(1).get(j)
                    + ","
                    + VALUES_3D.get(2).get(k)
                    + ",lab,";
            double v = 1 - 0.2 * i - 0.15 * j - 0.25 * k + 0.01 * r;
            csv.append(prefix)
                .append("variance-ratio,")
                .append(String.format(Locale.ROOT, "%.3f", v))
                .append('\n');
            csv.append(prefix)
                .append("population-risk,")
                .append(String.format(Locale.ROOT, "%.3f", 1 / v))
                .append('\n');
            for (int d = 1; d <= 8; d++) {
              String verdict = d == 5 ? (v < 0.5 ? "1" : "0") : d == 6 ? "NA" : "0";
              csv.append(prefix)
                  .append('d')
                  .append(d)
                  .append("-verdict,")
                  .append(verdict)
                  .append('\n');
            }
          }
          cell++;
        }
      }
    }
    Files.writeString(sweep.resolve("sweep.csv"), csv);
    return sweep;
  }

  /**
   * A run directory written by hand: one model, {@code m1}, over three ticks, with two pipeline
   * stages. Per tick, stage 1 (watermark-filter): 100 in, 80 kept, 20 dropped, 2 false positives,
   * 10 false negatives; stage 2 (dedup): 80 in, 70 kept, 10 dropped, 1 false positive, 4 false
   * negatives. Summed over the run: stage 1 TP 54, FP 6, FN 30, TN 210; stage 2 TP 27, FP 3, FN 12,
   * TN 198.
   */
  static Path handWrittenRun(Path dir, boolean pipeline) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("scenario.yaml"),
        """
        name: hand-written
        description: A run directory written by a test.
        seed: 7
        ticks: 3
        domain: {type: gaussian}
        models:
        - {id: m1, regime: replace, fresh-human-fraction: 0.5}
        """);
    Files.writeString(
        dir.resolve("summary.json"),
        """
        {"scenario": "hand-written", "seed": 7, "ticks": 3, "ticks-completed": 3,
         "complete": true, "models": [{"id": "m1", "regime": "replace", "generation": 3,
         "fit-failures": 1, "last-retrain": 2, "metrics": {"population-risk": "Infinity",
         "diversity-ratio": 0.25, "train-human-share": 0.5}, "verdicts": {
         "d1": {"verdict": "n/a"}, "d2": {"verdict": "yes"}, "d3": {"verdict": "n/a"},
         "d4": {"verdict": "no"}, "d5": {"verdict": "yes"}, "d6": {"verdict": "n/a"},
         "d7": {"verdict": "no"}, "d8": {"verdict": "no"}}}]}
        """);
    StringBuilder csv = new StringBuilder("tick,agent,generation,metric,value\n");
    for (int t = 0; t < 3; t++) {
      String m = t + ",m1," + (t + 1) + ",";
      csv.append(m)
          .append("population-risk,")
          .append(t == 2 ? "Infinity" : 0.1 * (t + 1))
          .append('\n');
      csv.append(m).append("diversity-ratio,").append(1 - 0.25 * (t + 1)).append('\n');
      for (int d = 1; d <= 8; d++) {
        String v =
            d == 2
                ? (t >= 1 ? "1" : "0")
                : d == 5 ? (t == 2 ? "1" : "0") : d == 4 || d == 7 || d == 8 ? "0" : "NA";
        csv.append(m).append('d').append(d).append("-verdict,").append(v).append('\n');
      }
      if (pipeline) {
        for (String[] row :
            new String[][] {
              {"1-watermark-filter", "100", "80", "20", "2", "10"},
              {"2-dedup", "80", "70", "10", "1", "4"}
            }) {
          String p = m + "pipeline-" + row[0] + "-";
          csv.append(p)
              .append("in,")
              .append(row[1])
              .append('\n')
              .append(p)
              .append("kept,")
              .append(row[2])
              .append('\n')
              .append(p)
              .append("dropped,")
              .append(row[3])
              .append('\n')
              .append(p)
              .append("false-positives,")
              .append(row[4])
              .append('\n')
              .append(p)
              .append("false-negatives,")
              .append(row[5])
              .append('\n');
        }
      }
      csv.append(t).append(",web,0,synthetic-share,").append(0.3 * t).append('\n');
      csv.append(t)
          .append(",web,0,new-synthetic-share,")
          .append(t == 0 ? "NA" : "0.5")
          .append('\n');
    }
    Files.writeString(dir.resolve("metrics.csv"), csv);
    return dir;
  }

  /** Copies a directory's files (not recursively). */
  static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      files.forEach(
          f -> {
            try {
              Files.copy(f, to.resolve(f.getFileName()));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }
}
