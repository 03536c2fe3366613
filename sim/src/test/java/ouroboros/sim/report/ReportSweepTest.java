package ouroboros.sim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.cli.Main;

/**
 * The report of a sweep: the collapse map (one path, two, or three in facets), verdict shares,
 * bands, and the options, from the command line or the sweep file's report: key.
 */
@Tag("slow")
class ReportSweepTest {
  @TempDir static Path shared;
  private static Path sweep;

  @TempDir Path tmp;

  @BeforeAll
  static void makeSweep() throws Exception {
    sweep = ReportFixtures.sweep2d(shared);
  }

  @Test
  void finalValues_someReplicatesInfinite_showInfinityAndHowMany() {
    // QA, stop 33: a cell with risks Infinity, 0.1779 and 0.0718 showed 0.1249 [-0.5492, 0.7989]
    // under "runs 3", where summary.csv says Infinity; all infinite showed "-", as if missing.
    double inf = Double.POSITIVE_INFINITY;
    assertEquals("∞ (1 of 3 infinite)", SweepTables.meanOf(List.of(inf, 0.1779, 0.0718)));
    assertEquals("∞", SweepTables.meanOf(List.of(inf, inf, Double.NaN)));
    assertEquals("0.5", SweepTables.meanOf(List.of(0.5)));
  }

  @Test
  void report_twoPathSweep_heatmapBoundaryVerdictsAndBands() throws Exception {
    Path out = tmp.resolve("r.html");
    String html =
        Files.readString(
            ReportWriter.write(sweep, new ReportOptions("population-risk", null, 3, out)));
    assertTrue(html.contains("Ouroboros sweep report: test-sweep"));
    assertTrue(
        html.contains(
            "9 cells, 18 replicate runs under runs/; swept: "
                + "models[0].fresh-human-fraction (0, 0.1, 0.2), models[0].scrape (25, 50, 100)."),
        html);
    assertTrue(html.contains("id=\"chart-heatmap\""));
    // Colour: log10 risk (four decades); caption names the definition and the model.
    assertTrue(html.contains("Colour: mean final log10 population-risk of lab-a"), html);
    assertTrue(html.contains("d3 (asymptotically diverging risk)"));
    assertFalse(html.contains("No boundary"), "the d3 share crosses 0.5 inside the grid");
    // Verdict shares: d3 fires in both replicates of cell 0 (i = j = 0), in one of two on the
    // anti-diagonal (cell 2: i = 0, j = 2), in none of cell 8; d6 never applies.
    assertTrue(
        html.contains("title=\"1.00: fires in 2 of the 2 replicates where it applies\">2/2<")
            && html.contains("title=\"0.50: fires in 1 of the 2 replicates where it applies\">1/2<")
            && html.contains(
                "title=\"0.00: fires in 0 of the 2 replicates where it applies\">0/2<"),
        html);
    assertTrue(html.contains("<td class=\"na c\" title=\"does not apply in any replicate\">"));
    // Bands: risk and diversity for each of the two models, and the web's synthetic share.
    for (String id :
        List.of(
            "chart-population-risk-0",
            "chart-diversity-ratio-0",
            "chart-population-risk-1",
            "chart-diversity-ratio-1",
            "chart-web")) {
      assertTrue(html.contains("id=\"" + id + "\""), id);
    }
    assertEquals(6, ReportRunTest.count(html, "<img class=\"chart\""));
    // Final values: the mean and CI of the two replicates' risks in cell 0: 100 and 105.
    assertTrue(html.contains("102.5 [70.73, 134.3]"), html);
  }

  @Test
  void diversityBands_oneThresholdOverTheRuns_drawnAsALine() throws Exception {
    SweepDir s = SweepDir.load(sweep, SweepReport.METRICS);
    org.jfree.chart.JFreeChart chart =
        DefinitionCharts.sweepThreshold(
            Charts.lines("d", "", "tick", "diversity-ratio", List.of()), s, "diversity-ratio");
    var markers = chart.getXYPlot().getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).iterator();
    assertEquals(
        ouroboros.agents.collapse.Thresholds.DEFAULTS.diversityMin(),
        ((org.jfree.chart.plot.ValueMarker) markers.next()).getValue());
    assertFalse(markers.hasNext());
    org.jfree.chart.JFreeChart risk =
        DefinitionCharts.sweepThreshold(
            Charts.lines("r", "", "tick", "population-risk", List.of()), s, "population-risk");
    assertEquals(
        null,
        risk.getXYPlot().getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND),
        "risk has no threshold");
  }

  @Test
  void report_sweepDefaults_writeReportHtmlInTheSweep() throws Exception {
    Path sweepCopy = tmp.resolve("s");
    ReportFixtures.copy(sweep, sweepCopy);
    Path report = ReportWriter.write(sweepCopy, ReportOptions.defaults());
    assertEquals(sweepCopy.resolve("report.html"), report);
    assertFalse(
        Files.readString(report).contains("id=\"chart-web\""),
        "the copy has an empty runs/: no chart over ticks");
  }

  @Test
  void report_unknownModelOrMetric_namesTheChoices() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ReportWriter.write(
                    sweep,
                    new ReportOptions("population-risk", "lab-z", 3, tmp.resolve("r.html"))));
    assertEquals("--model: found 'lab-z', expected one of [lab-a, lab-b]", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ReportWriter.write(
                    sweep, new ReportOptions("risk", "lab-b", 3, tmp.resolve("r.html"))));
    assertTrue(
        e.getMessage().startsWith("--metric: found 'risk', expected one of ["), e.getMessage());
    assertTrue(e.getMessage().contains("population-risk"));
  }

  @Test
  void reportCommand_sweepWithOptions_usesThem() throws Exception {
    Path out = tmp.resolve("r.html");
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {
              "report",
              sweep.toString(),
              "--metric",
              "diversity-ratio",
              "--model",
              "lab-b",
              "--definition",
              "5",
              "--out",
              out.toString()
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(0, code, err.toString());
    String html = Files.readString(out);
    assertTrue(html.contains("Colour: mean final diversity-ratio of lab-b"), html);
    assertTrue(html.contains("d5 (collapsing variance)"));
    assertTrue(
        html.contains(
            "No boundary: the definition fires in fewer than half the "
                + "replicates of every cell."));
  }

  @Test
  void report_metricWithoutValues_saysSoAboveTheMap() throws Exception {
    // QA, stop 32: a metric that is NA in every cell (here d6, which a Gaussian never applies)
    // drew grey cells on a made-up colour scale.
    String html =
        Files.readString(
            ReportWriter.write(
                sweep, new ReportOptions("d6-verdict", null, 3, tmp.resolve("d6.html"))));
    assertTrue(
        html.contains(
            "No cell has a value of d6-verdict for lab-a (it does not apply in this"
                + " domain, or no replicate wrote it)"),
        html);
    String risk =
        Files.readString(
            ReportWriter.write(
                sweep, new ReportOptions("population-risk", null, 3, tmp.resolve("r.html"))));
    assertFalse(risk.contains("No cell has a value"), "the risk has values");
  }

  @Test
  void report_onePathSweep_metricAgainstTheSweptValue() throws Exception {
    Path one = tmp.resolve("one");
    Files.createDirectories(one);
    StringBuilder csv =
        new StringBuilder("cell,replicate,seed,models[0].scrape,model,metric," + "value\n");
    String[] scrape = {"10", "20", "40"};
    for (int c = 0; c < 3; c++) {
      for (int r = 0; r < 3; r++) {
        String p = c + "," + r + "," + r + "," + scrape[c] + ",m,";
        csv.append(p).append("population-risk,").append(1 + c + 0.1 * r).append('\n');
        csv.append(p).append("d1-verdict,").append(c == 0 ? 1 : 0).append('\n');
      }
    }
    Files.writeString(one.resolve("sweep.csv"), csv);
    String html =
        Files.readString(
            ReportWriter.write(one, new ReportOptions("population-risk", null, 1, null)));
    assertTrue(html.contains("id=\"chart-heatmap\""));
    assertFalse(html.contains("does not cross 0.5"), "d1's share falls from 1 to 0");
    assertTrue(html.contains("No replicate runs under runs/"));
  }

  @Test
  void report_threePathSweep_oneHeatmapPerFacetValueOnOneScale() throws Exception {
    Path dir = ReportFixtures.sweep3d(tmp);
    String html = Files.readString(ReportWriter.write(dir, ReportOptions.defaults()));
    // sweep.yaml's report: key chooses the metric and the definition; the facet is the last path.
    assertTrue(
        html.contains(
            "One heatmap per value of humans[people].laundering.share, on the"
                + " same colour scale; x: models[lab].watermark.rate, y:"
                + " models[lab].pipeline[watermark-filter].tpr. Colour: mean final variance-ratio of"
                + " lab"),
        html);
    assertTrue(html.contains("d5 (collapsing variance) fires"), html);
    assertFalse(html.contains("No boundary"), "each facet has cells on both sides");
    assertFalse(html.contains("id=\"chart-heatmap\""), "no single heatmap");
    List<Object[]> charts = Chromium.embedded(html);
    assertEquals(
        List.of("chart-heatmap-0", "chart-heatmap-1"), charts.stream().map(c -> c[0]).toList());
    for (Object[] c : charts) {
      BufferedImage img = (BufferedImage) c[1];
      assertNotNull(img, c[0] + " decodes");
      assertNull(
          Chromium.blankness(img, 0, 0, img.getWidth(), img.getHeight(), 64),
          c[0] + " is not blank");
      assertEquals(2 * 489, img.getWidth(), "two facets with their borders share a row");
    }
    assertTrue(
        html.contains(
            "alt=\"heatmap of final variance-ratio of lab at"
                + " laundering.share = 0.4 with the collapse boundary\""),
        html);
  }

  @Test
  void reportCommand_threePathSweep_optionsWinOverTheSweepFile() throws Exception {
    Path dir = ReportFixtures.sweep3d(tmp);
    Path out = tmp.resolve("r.html");
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {
              "report",
              dir.toString(),
              "--facet",
              "models[lab].watermark.rate",
              "--metric",
              "population-risk",
              "--out",
              out.toString()
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(0, code, err.toString());
    String html = Files.readString(out);
    assertTrue(
        html.contains(
            "One heatmap per value of models[lab].watermark.rate, on the same"
                + " colour scale; x: models[lab].pipeline[watermark-filter].tpr, y:"
                + " humans[people].laundering.share. Colour: mean final population-risk"),
        html);
    assertTrue(html.contains("d5 (collapsing variance)"), "the definition is still the file's");
    assertEquals(
        List.of("chart-heatmap-0", "chart-heatmap-1", "chart-heatmap-2"),
        Chromium.embedded(html).stream().map(c -> c[0]).toList());
  }

  @Test
  void report_badFacetOrReportKey_namesTheChoices() throws Exception {
    Path dir = ReportFixtures.sweep3d(tmp);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ReportWriter.write(
                    dir,
                    new ReportOptions(
                        null,
                        null,
                        null,
                        "humans[people].laundering.shar",
                        tmp.resolve("r.html"))));
    assertEquals(
        "--facet: found 'humans[people].laundering.shar', expected one of "
            + ReportFixtures.PATHS_3D
            + " (did you mean 'humans[people].laundering.share'?)",
        e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ReportWriter.write(
                    sweep,
                    new ReportOptions(
                        null, null, null, "models[0].scrape", tmp.resolve("r.html"))));
    assertEquals(
        "--facet: found 'models[0].scrape', expected a sweep of three paths; this one"
            + " sweeps 2: "
            + ReportFixtures.PATHS,
        e.getMessage());
    Files.writeString(
        dir.resolve("sweep.yaml"),
        "name: test-3d\nreport: {metric: nothing," + " definition: d9}\n");
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ReportWriter.write(dir, ReportOptions.defaults()));
    assertEquals(
        dir.resolve("sweep.yaml")
            + ": report.definition: found 'd9', expected d1 to d8"
            + " (or 1 to 8)",
        e.getMessage());
    Files.writeString(dir.resolve("sweep.yaml"), "name: test-3d\nreport: {metric: nothing}\n");
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ReportWriter.write(dir, ReportOptions.defaults()));
    assertTrue(
        e.getMessage()
            .startsWith("report.metric in sweep.yaml: found 'nothing', expected" + " one of ["),
        e.getMessage());
  }

  @Test
  void report_pipelineRowsInReplicates_summedPerCell() throws Exception {
    Path copy = tmp.resolve("s");
    ReportFixtures.copy(sweep, copy);
    Files.createDirectories(copy.resolve("runs"));
    ReportFixtures.handWrittenRun(copy.resolve("runs/c0-r0"), true);
    ReportFixtures.handWrittenRun(copy.resolve("runs/c0-r1"), true);
    String html = Files.readString(ReportWriter.write(copy, ReportOptions.defaults()));
    assertTrue(html.contains("<h2 id=\"pipeline\">"));
    // Two replicates of the hand-written run: stage 1 TP 2 x 54 = 108, TN 2 x 210 = 420.
    assertTrue(
        html.contains(
            "<td class=\"l\">1. watermark-filter</td><td>600</td><td title="
                + "\"synthetic dropped\">108</td><td title=\"human dropped\">12</td><td title="
                + "\"synthetic kept\">60</td><td title=\"human kept\">420</td>"),
        html);
  }
}
