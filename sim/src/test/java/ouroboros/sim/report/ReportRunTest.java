package ouroboros.sim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.cli.Main;
import ouroboros.sim.testing.Repo;

/** The report of a single run: its sections, its numbers, and how run and report go together. */
@Tag("slow")
class ReportRunTest {
  @TempDir static Path shared;
  private static Path quickstart;

  @TempDir Path tmp;

  @BeforeAll
  static void runQuickstart() {
    quickstart = ReportFixtures.quickstart(shared.resolve("quickstart"));
  }

  @Test
  void run_quickstart_writesReportWithEverySection() throws Exception {
    Path report = quickstart.resolve(ReportWriter.FILE);
    assertTrue(Files.isRegularFile(report), "run writes report.html by default");
    String html = Files.readString(report);
    for (String id : new String[] {"summary", "verdicts", "risk", "web"}) {
      assertTrue(html.contains("<h2 id=\"" + id + "\">"), id);
    }
    assertFalse(html.contains("id=\"pipeline\""), "no pipeline rows, no pipeline section");
    assertTrue(html.contains("id=\"graph\""), "a run writes graph/, so the report draws it");
    assertTrue(html.contains("seed 42, 200 ticks, domain gaussian, 3 models"), html);
    // The end-of-run table's letters, as the README shows them.
    assertTrue(html.contains("<code>YYYYY-nY</code>"));
    assertTrue(html.contains("<code>nnnYn-nn</code>"));
    assertTrue(html.contains("<code>YYnYn-Yn</code>"));
    assertTrue(html.contains(">replace +20% fresh<"));
    assertTrue(html.contains("(one run: no confidence bands)"), "in the risk chart's alt text");
    // Risk, risk ratio, diversity, the web, and definitions 4, 7 and 8 (the Gaussian does not
    // report 6), plus the graph.
    assertEquals(8, count(html, "<img class=\"chart\""));
    assertTrue(html.contains("id=\"chart-d7\""), "the tail chart");
  }

  @Test
  void report_quickstart_selfContainedWithoutScripts() throws Exception {
    String html = Files.readString(quickstart.resolve(ReportWriter.FILE));
    assertFalse(html.contains("<script"), "no scripts");
    Matcher m = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
    while (m.find()) {
      assertTrue(
          m.group(1).startsWith("data:image/png;base64,") || m.group(1).startsWith("#"),
          "every reference is embedded or an anchor: " + m.group(1));
    }
    assertFalse(html.contains("url("), "no CSS references");
  }

  @Test
  void report_handWrittenPipeline_confusionMatricesSummedOverTheRun() throws Exception {
    Path dir = ReportFixtures.handWrittenRun(tmp.resolve("run"), true);
    String html = Files.readString(ReportWriter.write(dir, ReportOptions.defaults()));
    assertTrue(html.contains("<h2 id=\"pipeline\">"));
    assertTrue(html.contains("1. watermark-filter (300 in)"));
    assertTrue(
        html.contains(">TP 54<")
            && html.contains(">FP 6<")
            && html.contains(">FN 30<")
            && html.contains(">TN 210<"),
        html);
    assertTrue(html.contains("2. dedup (240 in)"));
    assertTrue(
        html.contains(">TP 27<")
            && html.contains(">FP 3<")
            && html.contains(">FN 12<")
            && html.contains(">TN 198<"));
    assertTrue(html.contains("recall 0.6429, false-positive rate 0.0278"), html);
    // The rest of the hand-written run: an infinite final risk, and the verdict letters.
    assertTrue(html.contains("<td>\u221e</td>"));
    assertTrue(html.contains("<code>-Y-nY-nn</code>"), html);
    assertTrue(html.contains(">replace +50% fresh<"));
    assertTrue(html.contains("yes (first t1)") && html.contains("yes (first t2)"));
  }

  @Test
  void lines_infiniteValue_leftOutAndCountedInTheSubtitle() {
    JFreeChart chart =
        Charts.lines(
            "risk",
            "",
            "tick",
            "risk",
            List.of(
                new Charts.Line(
                    "m1",
                    new double[] {0, 1, 2},
                    new double[] {0.1, 0.2, Double.POSITIVE_INFINITY},
                    null,
                    null)));
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < chart.getSubtitleCount(); i++) {
      if (chart.getSubtitle(i) instanceof TextTitle t) {
        texts.add(t.getText());
      }
    }
    assertEquals(List.of("1 infinite value not drawn."), texts);
    assertEquals(2, chart.getXYPlot().getDataset().getItemCount(0));
  }

  @Test
  void report_withoutPipelineRows_omitsThePipelineSection() throws Exception {
    Path dir = ReportFixtures.handWrittenRun(tmp.resolve("run"), false);
    String html = Files.readString(ReportWriter.write(dir, ReportOptions.defaults()));
    assertFalse(html.contains("pipeline"), "no section and no link");
  }

  @Test
  void report_killedDuringAWrite_readsTheTicksItsSummaryCounts() throws Exception {
    // SIGKILL during an append: the summary's last checkpoint counts ticks 0 and 1; tick 2's rows
    // went in after it, and Linux stopped the write at a page boundary, inside a row.
    Path dir = ReportFixtures.handWrittenRun(tmp.resolve("run"), false);
    Path summary = dir.resolve("summary.json");
    Files.writeString(
        summary,
        Files.readString(summary)
            .replace("\"ticks-completed\": 3", "\"ticks-completed\": 2")
            .replace("\"complete\": true", "\"complete\": false"));
    String csv = Files.readString(dir.resolve("metrics.csv"));
    Files.writeString(dir.resolve("metrics.csv"), csv.substring(0, csv.indexOf("2,m1,3,d5") + 4));
    RunDir run = RunDir.load(dir, RunReport.METRICS);
    assertEquals(2, run.metrics().get("m1", "population-risk").size());
    assertEquals(0.2, run.metrics().get("m1", "population-risk").last(), 1e-12);
    String html = Files.readString(ReportWriter.write(dir, ReportOptions.defaults()));
    assertTrue(html.contains("<h2 id=\"risk\">"), "the report is written");
  }

  @Test
  void report_runDirectoryWithSweepChoices_refusedNotIgnored() throws Exception {
    // QA, stop 33: --metric, --model and --facet were ignored on a run directory, misspelt too.
    Path dir = ReportFixtures.handWrittenRun(tmp.resolve("run"), false);
    for (String[] option :
        new String[][] {{"--metric", "varance-ratio"}, {"--model", "lab-x"}, {"--facet", "foo"}}) {
      StringWriter err = new StringWriter();
      int code =
          Main.run(
              new String[] {"report", dir.toString(), option[0], option[1]},
              new PrintWriter(new StringWriter()),
              new PrintWriter(err));
      assertEquals(Main.BAD_INPUT, code, err.toString());
      assertTrue(
          err.toString().startsWith("error: " + option[0] + ": found the run directory " + dir),
          err.toString());
    }
  }

  @Test
  void report_graphDot_showsTheGraphSection() throws Exception {
    Path dir = ReportFixtures.handWrittenRun(tmp.resolve("run"), false);
    Files.createDirectories(dir.resolve("graph"));
    Files.writeString(
        dir.resolve("graph/final.dot"),
        """
        digraph g {
          "people" [shape=box];
          "people" -> "m1" [weight=0.5];
          "m1" -> "m1" [weight=0.5];
        }
        """);
    String html = Files.readString(ReportWriter.write(dir, ReportOptions.defaults()));
    assertTrue(html.contains("<h2 id=\"graph\">Final interaction graph</h2>"));
    assertTrue(html.contains("id=\"chart-graph\""));
    assertTrue(html.contains("&quot;people&quot; -&gt; &quot;m1&quot;"), "the DOT source, escaped");
  }

  @Test
  void report_graphJson_showsTheGraphSection() throws Exception {
    Path dir = ReportFixtures.handWrittenRun(tmp.resolve("run"), false);
    Files.createDirectories(dir.resolve("graph"));
    Files.writeString(
        dir.resolve("graph/tick-3.json"),
        """
        {"nodes": [{"id": "people"}, {"id": "m1"}],
         "edges": [{"source": "people", "target": "m1", "weight": 0.5}]}
        """);
    String html = Files.readString(ReportWriter.write(dir, ReportOptions.defaults()));
    assertTrue(html.contains("id=\"chart-graph\""));
    // QA, stop 33: without final.dot (a run that did not finish) the section drew the first
    // window by name, w0-9.json, as the "final" graph.
    for (String w : new String[] {"w0-9.json", "w990-999.json", "w1320-1329.json"}) {
      Files.writeString(
          dir.resolve("graph/" + w), Files.readString(dir.resolve("graph/tick-3.json")));
    }
    html = Files.readString(ReportWriter.write(dir, ReportOptions.defaults()));
    assertTrue(html.contains("From graph/w1320-1329.json"), html);
  }

  @Test
  void run_noReport_writesNoReport() {
    Path dir = ReportFixtures.small(tmp.resolve("run"), 1);
    assertFalse(Files.exists(dir.resolve(ReportWriter.FILE)));
  }

  @Test
  void run_reportCannotBeWritten_warnsAndSucceeds() throws Exception {
    Path dir = tmp.resolve("run");
    // A non-empty directory where report.html should go: the report's rename fails. It is made
    // once the run has started, since a run refuses a non-empty --out.
    Thread obstacle =
        new Thread(
            () -> {
              try {
                while (!Files.exists(dir.resolve("metrics.csv"))) {
                  Thread.sleep(1);
                }
                Files.createDirectories(dir.resolve(ReportWriter.FILE).resolve("occupied"));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    obstacle.setDaemon(true);
    obstacle.start();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {
              "run",
              Repo.root().resolve("sim/src/test/resources/golden/small.yaml").toString(),
              "--out",
              dir.toString(),
              "--threads",
              "2"
            },
            new PrintWriter(out),
            new PrintWriter(err));
    assertEquals(0, code, err.toString());
    // Standard error also has the plain progress lines (not a terminal); the warning is its own
    // line.
    assertTrue(
        err.toString().lines().anyMatch(l -> l.startsWith("warning: could not write the report: ")),
        err.toString());
    assertTrue(err.toString().contains("retry with: ouroboros report " + dir));
    assertTrue(out.toString().contains("run directory: " + dir));
    assertFalse(out.toString().contains("report: "));
    assertTrue(Files.isRegularFile(dir.resolve("summary.json")));
  }

  @Test
  void reportCommand_runDirectory_writesAndPrintsThePath() {
    Path dir = ReportFixtures.small(tmp.resolve("run"), 1);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"report", dir.toString()}, new PrintWriter(out), new PrintWriter(err));
    assertEquals(0, code, err.toString());
    assertEquals(
        "report: " + dir.resolve(ReportWriter.FILE) + System.lineSeparator(), out.toString());
    assertTrue(Files.isRegularFile(dir.resolve(ReportWriter.FILE)));
  }

  @Test
  void reportCommand_notARunDirectory_badInput() {
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"report", tmp.toString()},
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(Main.BAD_INPUT, code);
    assertTrue(
        err.toString()
            .contains(
                "found neither summary.json and metrics.csv (a run) nor " + "sweep.csv (a sweep)"),
        err.toString());
  }

  @Test
  void reportCommand_badDefinition_badInput() {
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"report", quickstart.toString(), "--definition", "d9"},
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(Main.BAD_INPUT, code);
    assertTrue(
        err.toString().contains("--definition: found 'd9', expected d1 to d8"), err.toString());
  }

  @Test
  void options_definition_acceptsBothSpellings() {
    assertEquals(3, ReportOptions.parseDefinition("d3"));
    assertEquals(8, ReportOptions.parseDefinition("D8"));
    assertEquals(1, ReportOptions.parseDefinition("1"));
    assertThrows(IllegalArgumentException.class, () -> ReportOptions.parseDefinition("d0"));
  }

  /** Occurrences of {@code s} in {@code text}. */
  static int count(String text, String s) {
    int n = 0;
    for (int at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) {
      n++;
    }
    return n;
  }
}
