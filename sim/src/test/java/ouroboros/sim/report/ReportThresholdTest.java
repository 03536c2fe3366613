package ouroboros.sim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.agents.collapse.Thresholds;

/**
 * The run report's over-ticks charts: threshold lines from the scenario's collapse block, markers
 * where a verdict first fired, and the top few models with a quantile band when there are many.
 */
class ReportThresholdTest {
  @TempDir Path tmp;

  @Test
  void thresholds_collapseBlock_overridesTheDefaults() throws Exception {
    Path dir = ReportFixtures.handWrittenRun(tmp.resolve("run"), false);
    Files.writeString(
        dir.resolve("scenario.yaml"),
        Files.readString(dir.resolve("scenario.yaml"))
            + "collapse: {diversity-min: 0.6, catastrophic-ratio: 4}\n");
    Thresholds t = RunDir.load(dir, RunReport.METRICS).thresholds();
    assertEquals(0.6, t.diversityMin());
    assertEquals(4, t.catastrophicRatio());
    assertEquals(Thresholds.DEFAULTS.tailMin(), t.tailMin());
  }

  @Test
  void diversityChart_handWrittenRun_thresholdLineAndFirstFiredMarker() throws Exception {
    Path dir = ReportFixtures.handWrittenRun(tmp.resolve("run"), false);
    Files.writeString(
        dir.resolve("scenario.yaml"),
        Files.readString(dir.resolve("scenario.yaml")) + "collapse: {diversity-min: 0.6}\n");
    RunDir run = RunDir.load(dir, RunReport.METRICS);
    JFreeChart chart = RunCharts.diversityChart(run, List.of("m1"));
    // d5-verdict is 0, 0, 1 in the hand-written metrics.csv: it first fired at tick 2.
    assertEquals(List.of(0.6), values(chart.getXYPlot().getRangeMarkers(Layer.FOREGROUND)));
    assertEquals(List.of(2.0), values(chart.getXYPlot().getDomainMarkers(Layer.FOREGROUND)));
    ValueMarker m =
        (ValueMarker) chart.getXYPlot().getDomainMarkers(Layer.FOREGROUND).iterator().next();
    assertEquals("d5 t2", m.getLabel());
  }

  @Test
  void riskRatioChart_thresholdAboveTheData_axisWidenedToShowIt() throws Exception {
    Path dir = ReportFixtures.handWrittenRun(tmp.resolve("run"), false);
    Files.writeString(
        dir.resolve("metrics.csv"),
        Files.readString(dir.resolve("metrics.csv"))
            + "0,m1,1,d1-risk-ratio,1\n1,m1,2,d1-risk-ratio,1.5\n2,m1,3,d1-risk-ratio,2\n");
    RunDir run = RunDir.load(dir, RunReport.METRICS);
    JFreeChart chart = RunCharts.riskRatioChart(run, List.of("m1"));
    assertEquals(List.of(10.0), values(chart.getXYPlot().getRangeMarkers(Layer.FOREGROUND)));
    assertTrue(chart.getXYPlot().getRangeAxis().getRange().contains(10), "the line is in view");
    assertEquals(null, chart.getXYPlot().getDomainMarkers(Layer.FOREGROUND), "d1 never fired");
  }

  @Test
  void lines_tenModels_topFourAndAQuantileBand() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("many"));
    StringBuilder csv = new StringBuilder("tick,agent,generation,metric,value\n");
    List<String> models = new ArrayList<>();
    for (int m = 0; m < 10; m++) {
      models.add("m" + m);
      for (int t = 0; t < 3; t++) {
        csv.append(t + ",m" + m + "," + (t + 1) + ",population-risk," + (m + 1) * (t + 1) + "\n");
      }
    }
    Files.writeString(dir.resolve("metrics.csv"), csv);
    MetricsFile f = MetricsFile.read(dir.resolve("metrics.csv"), RunReport.METRICS);
    List<Charts.Line> high = OverTicks.lines(f, models, "population-risk", true);
    assertEquals(
        List.of("m9", "m8", "m7", "m6", "median of all 10 models (band: 10% to 90%)"),
        high.stream().map(Charts.Line::name).toList());
    Charts.Line band = high.get(4);
    // At tick 2 the values are 3, 6, ..., 30: median 16.5, 10% quantile 5.7, 90% 27.3.
    assertEquals(16.5, band.y()[2], 1e-9);
    assertEquals(5.7, band.lo()[2], 1e-9);
    assertEquals(27.3, band.hi()[2], 1e-9);
    List<Charts.Line> low = OverTicks.lines(f, models, "population-risk", false);
    assertEquals("m0", low.get(0).name(), "the lowest first when low is worse");
    assertEquals(3, OverTicks.lines(f, models.subList(0, 3), "population-risk", true).size());
  }

  @Test
  void webChart_twoSharesOnOneLine_dashedOverAWideTranslucentSolid() throws Exception {
    RunDir run =
        RunDir.load(ReportFixtures.handWrittenRun(tmp.resolve("run"), false), RunReport.METRICS);
    var r = chart(RunCharts.webChart(run));
    BasicStroke solid = (BasicStroke) r.getSeriesStroke(0);
    BasicStroke dashed = (BasicStroke) r.getSeriesStroke(1);
    assertTrue(solid.getLineWidth() > 2 * dashed.getLineWidth(), "the solid line shows around it");
    assertTrue(dashed.getDashArray() != null && solid.getDashArray() == null);
    assertTrue(((Color) r.getSeriesPaint(0)).getAlpha() < 255, "the dashed one shows through");
    assertEquals(255, ((Color) r.getSeriesPaint(1)).getAlpha());
  }

  @Test
  void otherDefinitions_tailRatioReported_chartWithThresholdAndMarker() throws Exception {
    Path dir = ReportFixtures.handWrittenRun(tmp.resolve("run"), false);
    Files.writeString(
        dir.resolve("scenario.yaml"),
        Files.readString(dir.resolve("scenario.yaml")) + "collapse: {tail-min: 0.3}\n");
    Files.writeString(
        dir.resolve("metrics.csv"),
        Files.readString(dir.resolve("metrics.csv"))
            + "0,m1,1,d7-tail-mass-ratio,0.9\n0,m1,1,d7-verdict,0\n"
            + "1,m1,2,d7-tail-mass-ratio,0.2\n1,m1,2,d7-verdict,1\n"
            + "0,m1,1,d6-modes-recovered,NA\n");
    RunDir run = RunDir.load(dir, RunReport.METRICS);
    List<DefinitionCharts.Other> others = DefinitionCharts.others(run, List.of("m1"));
    assertEquals(
        List.of(ouroboros.agents.collapse.Definition.TAIL_LOSS),
        others.stream().map(DefinitionCharts.Other::definition).toList(),
        "only definitions with a finite value are charted");
    JFreeChart chart = DefinitionCharts.chart(run, List.of("m1"), others.get(0), "");
    assertEquals(List.of(0.3), values(chart.getXYPlot().getRangeMarkers(Layer.FOREGROUND)));
    assertEquals(List.of(1.0), values(chart.getXYPlot().getDomainMarkers(Layer.FOREGROUND)));
    String html = RunReport.render(run);
    assertTrue(html.contains("id=\"definitions\""), "the section is there");
    assertTrue(html.contains("collapse.tail-min"), "the caption names the key");
    assertTrue(!html.contains("chart-d6"), "no chart for a definition that does not apply");
  }

  @Test
  void diversityName_discreteDomains_entropyRatio() {
    assertEquals("entropy ratio", RunReport.diversityName("categorical"));
    assertEquals("entropy ratio", RunReport.diversityName("text"));
    assertEquals("variance ratio", RunReport.diversityName("gaussian"));
  }

  private static org.jfree.chart.renderer.xy.XYItemRenderer chart(JFreeChart c) {
    return c.getXYPlot().getRenderer();
  }

  private static List<Double> values(Collection<?> markers) {
    List<Double> out = new ArrayList<>();
    for (Object m : markers) {
      out.add(((ValueMarker) (Marker) m).getValue());
    }
    return out;
  }
}
