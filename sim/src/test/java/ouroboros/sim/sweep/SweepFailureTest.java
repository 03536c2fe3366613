package ouroboros.sim.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.cli.Main;
import ouroboros.sim.output.RunDirectory;

/**
 * Fault injection for issue 14's "Failures contained / Sweeps": a run of a sweep that runs out of
 * memory, or that would, fails alone. It is recorded with its reason in failures.csv, the other
 * runs complete and fill the tables, the sweep exits 1, {@code --resume} keeps the failed run as
 * failed and {@code --resume --retry-failed} runs it again.
 */
@Tag("slow")
class SweepFailureTest {
  /** A small world that keeps its whole web: one human source, one model. */
  private static final String BASE =
      """
      name: tiny
      seed: 7
      ticks: 20
      domain: {type: gaussian, dimensions: 1}
      web: {retention: all}
      humans:
        - {id: people, publish-rate: 20}
      models:
        - {id: lab, regime: replace, initial: truth, scrape: 20, publish-rate: 20}
      """;

  /**
   * Cell 1's human source publishes 10 million items a tick, 80 MB of payload, kept for the whole
   * run: far more than a 128 MB heap holds after a tick or two.
   */
  private static final String SWEEP =
      """
      base: base.yaml
      name: blows-the-heap
      replicates: 1
      engine-threads: 1
      grid:
        humans[*].publish-rate: [20, 10000000]
      """;

  @TempDir Path tmp;

  /** Writes BASE as base.yaml and {@code text} as sweep.yaml; the sweep file. */
  private Path sweepOnBase(String text) throws java.io.IOException {
    Sweeps.write(tmp, "base.yaml", BASE);
    return Sweeps.write(tmp, "sweep.yaml", text);
  }

  @Test
  void sweep_runOutOfMemoryInItsOwnJvm_recordedOthersComplete_resumeSkipsIt_retryRunsIt()
      throws Exception {
    Sweeps.write(tmp, "base.yaml", BASE);
    Path sweep = Sweeps.write(tmp, "sweep.yaml", SWEEP);
    Path out = tmp.resolve("out");
    String dir = out.toString();

    Sweeps.Result first =
        Sweeps.run(
            "sweep", sweep.toString(), "--out", dir, "--parallel", "2", "--run-heap", "128m");
    assertEquals(Main.RUN_FAILED, first.code(), first.stderr());
    String oom = "out of memory: the run's JVM (-Xmx128m) ran out of Java heap space";
    assertTrue(
        first.stderr().contains("error: run " + out.resolve("runs/c1-r0") + " failed after ")
            && first.stderr().contains(oom),
        first.stderr());
    assertTrue(first.stderr().contains("error: 1 run of 2 failed; the others ran"), first.stderr());
    assertTrue(first.stdout().endsWith("sweep directory: " + dir + "\n"), first.stdout());
    assertTrue(RunDirectory.isComplete(out.resolve("runs/c0-r0")), "cell 0 ran");
    assertFalse(RunDirectory.isComplete(out.resolve("runs/c1-r0")), "cell 1 failed");
    List<String> failures = Files.readAllLines(out.resolve("failures.csv"));
    assertEquals(2, failures.size(), failures.toString());
    assertEquals(SweepFailures.HEADER, failures.get(0));
    assertTrue(failures.get(1).startsWith("1,0,"), failures.get(1));
    assertTrue(
        failures
            .get(1)
            .matches(
                ".*,"
                    + java.util.regex.Pattern.quote(oom + "; give it more with --run-heap SIZE")
                    + ",[0-9a-f]{64}"),
        failures.get(1));
    String report = Files.readString(out.resolve("report.html"));
    assertTrue(
        report.contains("Runs that failed") && report.contains("ran out of Java heap space"),
        "the report lists the failed run with its reason");
    for (String table : List.of("sweep.csv", "sweep-ticks.csv")) {
      List<String> rows = Files.readAllLines(out.resolve(table));
      assertTrue(rows.size() > 1, table + " has cell 0's rows");
      assertTrue(rows.stream().skip(1).allMatch(r -> r.startsWith("0,")), table + ": " + rows);
    }
    // summary.csv keeps cell 1, with no replicate.
    List<String> stats = Files.readAllLines(out.resolve("summary.csv"));
    assertTrue(
        stats.stream()
            .skip(1)
            .allMatch(
                r -> r.startsWith("0,20,") || r.matches("1,10000000,lab,[a-z0-9-]+,0,NA,NA,NA,NA")),
        "summary.csv: " + stats);
    assertEquals(
        stats.stream().filter(r -> r.startsWith("0,")).count(),
        stats.stream().filter(r -> r.startsWith("1,")).count());

    // --resume keeps the failed run as failed: nothing runs, and the failure stays on record.
    byte[] recorded = Files.readAllBytes(out.resolve("failures.csv"));
    FileTime done = Files.getLastModifiedTime(out.resolve("runs/c0-r0/summary.json"));
    Sweeps.Result resumed =
        Sweeps.run("sweep", sweep.toString(), "--out", dir, "--resume", "--run-heap", "128m");
    assertEquals(Main.RUN_FAILED, resumed.code(), resumed.stderr());
    assertTrue(
        resumed
            .stdout()
            .contains(
                "resume: 1 of 2 runs complete, 1 failed before and not retried"
                    + " (--retry-failed retries them), 0 to run"),
        resumed.stdout());
    assertArrayEquals(recorded, Files.readAllBytes(out.resolve("failures.csv")));
    assertEquals(done, Files.getLastModifiedTime(out.resolve("runs/c0-r0/summary.json")));

    // --resume --retry-failed runs it again: it fails again, for the same reason.
    Sweeps.Result retried =
        Sweeps.run(
            "sweep",
            sweep.toString(),
            "--out",
            dir,
            "--resume",
            "--retry-failed",
            "--run-heap",
            "128m");
    assertEquals(Main.RUN_FAILED, retried.code(), retried.stderr());
    assertTrue(
        retried.stdout().contains("resume: 1 of 2 runs complete, 1 to run"), retried.stdout());
    assertTrue(retried.stderr().contains(oom), retried.stderr());
    assertEquals(done, Files.getLastModifiedTime(out.resolve("runs/c0-r0/summary.json")));
  }

  @Test
  void sweep_runEstimatedAboveItsHeapShare_refusedBeforeTickZero_othersComplete() throws Exception {
    // Cell 1 would keep 10 million items a tick for a million ticks: petabytes, beyond any heap.
    Path sweep =
        sweepOnBase(
            """
            base: base.yaml
            replicates: 1
            zip:
              ticks: [20, 1000000]
              humans[*].publish-rate: [20, 10000000]
            """);
    Path out = tmp.resolve("out");
    Sweeps.Result r =
        Sweeps.run("sweep", sweep.toString(), "--out", out.toString(), "--parallel", "2");
    assertEquals(Main.RUN_FAILED, r.code(), r.stderr());
    assertTrue(RunDirectory.isComplete(out.resolve("runs/c0-r0")), r.stderr());
    assertFalse(Files.exists(out.resolve("runs/c1-r0")), "cell 1 never started");
    String line = Files.readAllLines(out.resolve("failures.csv")).get(1);
    assertTrue(
        line.matches(
            "1,0,-?\\d+,0,\"refused before tick 0: estimated memory [0-9.]+ GB exceeds this"
                + " run's share of the heap, [0-9.]+ [MG]B \\(max heap [0-9.]+ [MG]B /"
                + " 2 runs at once\\); .*--run-heap SIZE\",[0-9a-f]{64}"),
        line);
    // QA, stop 32: cell 1, all of whose runs failed, dropped out of summary.csv, the table and
    // the report's count of cells.
    List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
    assertTrue(
        summary.contains("1,1000000,10000000,lab,population-risk,0,NA,NA,NA,NA"), "" + summary);
    assertEquals(
        summary.stream().filter(l -> l.startsWith("0,")).count(),
        summary.stream().filter(l -> l.startsWith("1,")).count(),
        "cell 1 has a row for each of cell 0's");
    assertTrue(r.stdout().matches("(?s).*\\n1 +1000000 +10000000 +lab +0 +- .*"), r.stdout());
    assertTrue(
        Files.readString(out.resolve("report.html")).contains("2 cells, 1 replicate run"),
        "the report counts both cells");
  }

  @Test
  void resume_afterTheBaseWasEdited_failureOfTheOldBaseRunAgain_notKept() throws Exception {
    // QA: a resume after an edit of the base redid the complete runs but kept the old base's
    // failures as this sweep's, with reasons computed for the old scenario.
    Path sweep =
        sweepOnBase(
            """
            base: base.yaml
            replicates: 1
            zip:
              ticks: [20, 1000000]
              humans[*].publish-rate: [20, 10000000]
            """);
    Path out = tmp.resolve("out");
    String dir = out.toString();
    Sweeps.Result first = Sweeps.run("sweep", sweep.toString(), "--out", dir, "--no-report");
    assertEquals(Main.RUN_FAILED, first.code(), first.stderr());
    String recorded = Files.readAllLines(out.resolve("failures.csv")).get(1);

    // The same base: the failure is this sweep's, and kept.
    Sweeps.Result same =
        Sweeps.run("sweep", sweep.toString(), "--out", dir, "--resume", "--no-report");
    assertTrue(
        same.stdout().contains("resume: 1 of 2 runs complete, 1 failed before and not retried"),
        same.stdout());
    assertEquals(recorded, Files.readAllLines(out.resolve("failures.csv")).get(1));

    // Another base: the failure was the old scenario's, so cell 1 is run again with this one.
    Sweeps.write(tmp, "base.yaml", BASE.replace("scrape: 20", "scrape: 21"));
    Sweeps.Result edited =
        Sweeps.run("sweep", sweep.toString(), "--out", dir, "--resume", "--no-report");
    assertEquals(Main.RUN_FAILED, edited.code(), edited.stderr());
    assertTrue(
        edited
            .stdout()
            .contains(
                "resume: 0 of 2 runs complete, 2 to run (1 of them failed before with another"
                    + " base scenario: not this sweep's failures)"),
        edited.stdout());
    String now = Files.readAllLines(out.resolve("failures.csv")).get(1);
    assertTrue(now.startsWith("1,0,"), now);
    // The same seed, another scenario: the failure is recorded again for the new base.
    assertEquals(recorded.split(",")[2], now.split(",")[2]);
    assertFalse(
        now.substring(now.lastIndexOf(',')).equals(recorded.substring(recorded.lastIndexOf(','))),
        now);
  }

  @Test
  void sweep_everyRunFailed_reportListsThemAndSaysSo() throws Exception {
    // QA, stop 32: with no row in sweep.csv the report was not written, and its retry failed.
    Path sweep =
        sweepOnBase(
            """
            base: base.yaml
            replicates: 1
            grid:
              ticks: [1000000]
              humans[*].publish-rate: [9000000, 10000000]
            """);
    Path out = tmp.resolve("all-failed");
    Sweeps.Result r = Sweeps.run("sweep", sweep.toString(), "--out", out.toString());
    assertEquals(Main.RUN_FAILED, r.code(), r.stderr());
    assertTrue(r.stderr().contains("error: 2 runs of 2 failed: "), r.stderr());
    assertFalse(r.stderr().contains("could not write the report"), r.stderr());
    String report = Files.readString(out.resolve("report.html"));
    assertTrue(report.contains("No run of this sweep finished"), report);
    assertTrue(report.contains("Runs that failed"), report);
  }

  @Test
  void retryFailed_withoutResume_badInput() throws Exception {
    Sweeps.write(tmp, "base.yaml", BASE);
    Path sweep = Sweeps.write(tmp, "sweep.yaml", SWEEP);
    Sweeps.Result r = Sweeps.run("sweep", sweep.toString(), "--retry-failed");
    assertEquals(Main.BAD_INPUT, r.code());
    assertEquals(
        "error: --retry-failed: found no --resume, expected --resume --out DIR\n", r.stderr());
    Sweeps.Result heap = Sweeps.run("sweep", sweep.toString(), "--run-heap", "lots");
    assertEquals(Main.BAD_INPUT, heap.code());
    assertTrue(heap.stderr().startsWith("error: --run-heap: found 'lots'"), heap.stderr());
  }
}
