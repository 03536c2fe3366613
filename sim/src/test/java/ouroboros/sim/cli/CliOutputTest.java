package ouroboros.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.testing.Repo;

/**
 * Issue 12, "The command line": without a terminal the progress is a plain line at most every 10%
 * (not a bar redrawn into the log); {@code --quiet} still prints the run directory; a run ends with
 * its summary table and where its files are; a sweep's key table is read from its summary.csv.
 */
class CliOutputTest {
  private static final Path SMALL = Repo.root().resolve("sim/src/test/resources/golden/small.yaml");

  @TempDir Path tmp;

  @Test
  void plainProgress_everyTick_tenLinesAtTheTenths() {
    StringWriter err = new StringWriter();
    PlainProgress p = new PlainProgress("t", 200, 0, new PrintWriter(err));
    IntStream.rangeClosed(1, 200).forEach(i -> p.at(i, " x"));
    List<String> lines = err.toString().lines().toList();
    assertEquals(10, lines.size(), err.toString());
    for (int k = 1; k <= 10; k++) {
      assertTrue(
          lines
              .get(k - 1)
              .matches("t: " + 10 * k + "% \\(" + 20 * k + "/200 ticks, [0-9.]+ s\\) x"),
          lines.get(k - 1));
    }
  }

  @Test
  void plainProgress_resumedAndFewSteps_onlyNewTenthsOnce() {
    StringWriter err = new StringWriter();
    PlainProgress p = new PlainProgress("t", 7, 3, new PrintWriter(err));
    for (long done : new long[] {3, 4, 4, 5, 7, 7}) {
      p.at(done, "");
    }
    // 3/7 is 4 tenths, already done; 4/7 is 5, 5/7 is 7, 7/7 is 10.
    assertEquals(
        List.of("50%", "70%", "100%"),
        err.toString().lines().map(l -> l.split(" ")[1]).toList(),
        err.toString());
  }

  @Test
  void run_noTerminal_plainProgressLinesAndSummary() {
    assumeFalse(PlainProgress.terminal(), "tests run with a terminal attached");
    Path out = tmp.resolve("run");
    CliHelpTest.Result r =
        CliHelpTest.run("run", SMALL.toString(), "--out", out.toString(), "--no-report");
    assertEquals(0, r.code(), r.err());
    List<String> progress = r.err().lines().toList();
    assertTrue(progress.size() <= 10, r.err());
    assertFalse(r.err().contains("\r"), "no redraws");
    assertTrue(progress.get(progress.size() - 1).startsWith("golden-small: 100% (6/6 ticks"));
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(1).startsWith("model  regime"), r.out());
    assertEquals("run directory: " + out, lines.get(lines.size() - 1));
  }

  @Test
  void run_emptyWeb_progressSaysSoInsteadOfNaN() throws java.io.IOException {
    // QA: a KDE on one item per fit fails every fit, nothing is published, and the progress line
    // read "synthetic NaN%".
    assumeFalse(PlainProgress.terminal(), "tests run with a terminal attached");
    Path scenario = tmp.resolve("kde1.yaml");
    Files.writeString(
        scenario,
        """
        name: kde1
        seed: 1
        ticks: 3
        domain: {type: kde, components: [{weight: 1, mean: [0]}], reference-size: 50}
        collapse: {baseline-cap: 0}
        models:
          - {id: lab, initial: fit-truth, scrape: 1, publish-rate: 1, regime: replace}
        """);
    CliHelpTest.Result r =
        CliHelpTest.run(
            "run", scenario.toString(), "--out", tmp.resolve("run").toString(), "--no-report");
    assertEquals(0, r.code(), r.err());
    assertFalse(r.err().contains("NaN"), r.err());
    assertTrue(r.err().contains("kde1: 100% (3/3 ticks"), r.err());
    assertTrue(r.err().contains(" synthetic n/a (web empty)"), r.err());
  }

  @Test
  void run_quiet_printsOnlyTheRunDirectory() {
    Path out = tmp.resolve("run");
    CliHelpTest.Result r =
        CliHelpTest.run("run", SMALL.toString(), "--out", out.toString(), "--quiet");
    assertEquals(0, r.code(), r.err());
    assertEquals("run directory: " + out + System.lineSeparator(), r.out());
    assertEquals("", r.err());
  }

  @Test
  void summaryTable_discreteDomain_saysEntropyRatio() {
    for (String[] c :
        new String[][] {
          {"scenarios/domains/categorical-yellow-blue.yaml", "entropy ratio"},
          {"scenarios/domains/text-topk.yaml", "entropy ratio"},
          {"scenarios/domains/regression.yaml", "variance ratio"}
        }) {
      CliHelpTest.Result r =
          CliHelpTest.run(
              "run",
              Repo.root().resolve(c[0]).toString(),
              "--set",
              "ticks=2",
              "--out",
              tmp.resolve(c[0].replace('/', '-')).toString(),
              "--no-report");
      assertEquals(0, r.code(), r.err());
      String header = r.out().lines().toList().get(1);
      assertTrue(header.contains("  " + c[1] + "  "), c[0] + ": " + header);
    }
  }

  @Test
  void sweepSummary_summaryCsv_oneRowPerCellAndModel() throws Exception {
    Path csv = tmp.resolve("summary.csv");
    Files.writeString(
        csv,
        """
        cell,"a,b",model,metric,n,mean,sd,ci95-low,ci95-high
        0,"[1,2]",m,d1-verdict,3,1,0,1,1
        0,"[1,2]",m,d2-verdict,3,0.3333333333333333,0.5,-1,2
        0,"[1,2]",m,d3-verdict,3,0,0,0,0
        0,"[1,2]",m,population-risk,3,0.5,0.1,0.25,0.75
        0,"[1,2]",m,train-human-share,3,0.2,0,0.2,0.2
        1,x,m,d1-verdict,1,0,,,
        1,x,m,population-risk,1,2.5,,,
        """);
    StringWriter out = new StringWriter();
    SweepSummary.print(new PrintWriter(out), csv);
    List<String> lines = out.toString().lines().toList();
    assertEquals(
        List.of(
            "cell  a,b    model  runs  risk (95% CI)            human share  12345678",
            "0     [1,2]  m      3     0.5000 [0.2500, 0.7500]  0.2000       Y1n-----",
            "1     x      m      1     2.500                    -            n-------"),
        lines.subList(0, 3));
    assertTrue(lines.get(3).startsWith("12345678: collapse definitions"), lines.get(3));
  }

  @Test
  void sweepSummary_tenOrMoreFiringButNotAll_plusExplainedInTheLegend() throws Exception {
    // QA: with 30 replicates the table showed "n+--n-nn" and the legend did not say what + is.
    Path csv = tmp.resolve("summary.csv");
    Files.writeString(
        csv,
        """
        cell,ticks,model,metric,n,mean,sd,ci95-low,ci95-high
        0,2,m,d1-verdict,30,0,0,0,0
        0,2,m,d2-verdict,30,0.5,0.5,0.3,0.7
        0,2,m,d3-verdict,30,1,0,1,1
        0,2,m,population-risk,30,0.5,0.1,0.25,0.75
        """);
    StringWriter out = new StringWriter();
    SweepSummary.print(new PrintWriter(out), csv);
    List<String> lines = out.toString().lines().toList();
    assertTrue(lines.get(1).endsWith("  n+Y-----"), lines.get(1));
    assertTrue(lines.get(2).contains(", + in 10 or more but not all,"), lines.get(2));
  }
}
