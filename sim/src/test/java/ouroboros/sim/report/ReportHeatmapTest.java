package ouroboros.sim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collapse map: the boundary between cells, reaching the plot's edges; the predicted boundary a
 * sweep file declares; the map placed above the long tables.
 */
class ReportHeatmapTest {
  @TempDir Path tmp;

  @Test
  void chart_oneValue_scaleAroundItAboveZero() {
    // QA, stop 33: two cells with the same mean risk, 0.03885, got a scale from -0.46 to 0.54.
    org.jfree.chart.JFreeChart chart =
        Heatmap.chart(
            "t",
            "",
            "x",
            List.of("a", "b"),
            "y",
            List.of("c"),
            new double[][] {{0.03885}, {0.03885}},
            "risk",
            new double[][] {{0}, {0}},
            List.of());
    org.jfree.chart.renderer.PaintScale scale =
        ((org.jfree.chart.renderer.xy.XYBlockRenderer) chart.getXYPlot().getRenderer())
            .getPaintScale();
    assertTrue(
        scale.getLowerBound() >= 0 && scale.getLowerBound() < 0.03885,
        "lower bound " + scale.getLowerBound());
    assertTrue(scale.getUpperBound() > 0.03885 && scale.getUpperBound() < 0.1);
  }

  @Test
  void cellEdges_firingCorner_edgesBetweenCellsToThePlotEdges() {
    // z[i][j] at x = i, y = j: the cells (0,0), (0,1), (1,0) fire.
    double[][] share = {{1, 1, 0}, {1, 0, 0}, {0, 0, 0}};
    List<String> edges = new ArrayList<>();
    for (double[] s : Contour.cellEdges(share, 0.5)) {
      edges.add(Arrays.toString(s));
    }
    assertEquals(
        List.of(
            "[0.5, 0.5, 0.5, 1.5]", // between (0,1) and (1,1)
            "[-0.5, 1.5, 0.5, 1.5]", // above (0,1), from the left edge of the plot
            "[1.5, -0.5, 1.5, 0.5]", // between (1,0) and (2,0), from the bottom edge
            "[0.5, 0.5, 1.5, 0.5]"), // above (1,0)
        edges);
  }

  @Test
  void cellEdges_missingCell_noEdgeNextToIt() {
    double[][] share = {{1, Double.NaN}, {0, 0}};
    assertEquals(1, Contour.cellEdges(share, 0.5).size(), "only (0,0) | (1,0)");
  }

  @Test
  void predicted_valuesBetweenTheAxisValues_interpolatedAndClampedToThePlot() {
    List<String> xs = List.of("0.25", "0.5", "0.75", "1.0");
    List<String> ys = List.of("0.5", "0.7", "0.9", "0.99");
    List<double[]> s =
        PredictedBoundary.segments(
            Map.of("0.0", Arrays.asList(null, 0.67, 0.45, 0.34)), "0", xs, ys);
    assertEquals(3, s.size());
    // null: beyond the largest TPR, the top edge (3.5); 0.67 is 0.85 of the way from 0.5 to 0.7;
    // below 0.5, 0.45 is extrapolated to -0.25 and 0.34 (-0.8) is held at the bottom edge.
    assertEquals(3.5, s.get(0)[1], 1e-12);
    assertEquals(0.85, s.get(0)[3], 1e-12);
    assertEquals(-0.25, s.get(1)[3], 1e-12);
    assertEquals(-0.5, s.get(2)[3], 1e-12);
    assertEquals(List.of(), PredictedBoundary.segments(Map.of("0.2", List.of(0.5)), "0", xs, ys));
    assertEquals(2.5, PredictedBoundary.index(new double[] {0.5, 0.7, 0.9, 0.99}, 0.945), 1e-12);
  }

  @Test
  void read_predictedNotNumbers_aProblemNamingTheKey() throws Exception {
    List<ReportDefaults.Problem> problems = new ArrayList<>();
    ReportDefaults.read(new YAMLMapper().readTree("predicted: {\"0.0\": [a]}"), problems);
    assertEquals(1, problems.size());
    assertEquals("predicted.0.0", problems.get(0).key());
  }

  @Test
  void report_threePathSweepWithPrediction_dashedLineAndMapAboveTheTables() throws Exception {
    Path dir = ReportFixtures.sweep3d(tmp);
    Path yaml = dir.resolve("sweep.yaml");
    Files.writeString(
        yaml,
        Files.readString(yaml)
            + "  predicted:\n    \"0.0\": [0.5, 0.7, 0.9]\n    \"0.2\": [null, 0.6, 0.8]\n");
    String html = Files.readString(ReportWriter.write(dir, ReportOptions.defaults()));
    assertTrue(html.contains("Dashed orange line: the predicted boundary"), html);
    int map = html.indexOf("<h2 id=\"map\">");
    int summary = html.indexOf("<h2 id=\"summary\">");
    assertTrue(map >= 0 && map < summary, "the collapse map comes before the final values");
  }
}
