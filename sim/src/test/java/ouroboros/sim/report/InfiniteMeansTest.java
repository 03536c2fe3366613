package ouroboros.sim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.output.ReplicateStats;

/**
 * A sweep's charts agree with its tables when some replicates' values are infinite: the mean is
 * infinite, as in summary.csv and sweep-ticks.csv, so the chart leaves the point out and its
 * subtitle counts it, rather than drawing the mean of the finite replicates.
 */
class InfiniteMeansTest {
  private static final double INF = Double.POSITIVE_INFINITY;

  @TempDir Path tmp;

  private static Series series(double... values) {
    Series s = new Series();
    for (int t = 0; t < values.length; t++) {
      s.add(t, values[t]);
    }
    return s;
  }

  private static String subtitle(JFreeChart chart) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < chart.getSubtitleCount(); i++) {
      if (chart.getSubtitle(i) instanceof TextTitle t) {
        out.append(t.getText());
      }
    }
    return out.toString();
  }

  @Test
  void point_someReplicatesInfinite_infiniteAsInSummaryCsv() {
    // QA: final risks Infinity, 1.78e-4, 0.01342, Infinity, ... drew 0.0068 [-0.077, 0.091].
    List<Double> v = List.of(INF, 1.78e-4, 0.01342, INF);
    assertEquals(ReplicateStats.of(v).mean(), Bands.point(v)[0]);
    assertEquals(INF, Bands.point(v)[0]);
    List<Double> finite = List.of(1.78e-4, 0.01342);
    assertEquals(Bands.meanCi(finite)[0], Bands.point(finite)[0]);
    assertEquals(Bands.meanCi(finite)[1], Bands.point(finite)[1]);
  }

  @Test
  void overTicks_someReplicatesInfiniteAtATick_thatTickInfinite() {
    Charts.Line l =
        Bands.overTicks(
            "cell", List.of(series(0.1, INF), series(0.2, 0.3), series(0.3, INF), series(0.4, 1)));
    assertEquals(Bands.meanCi(List.of(0.1, 0.2, 0.3, 0.4))[0], l.y()[0]);
    assertEquals(INF, l.y()[1]);
    JFreeChart chart = Charts.lines("Population risk: lab", "", "tick", "risk", List.of(l));
    assertEquals(1, chart.getXYPlot().getDataset().getItemCount(0), "tick 1 is not drawn");
    assertTrue(subtitle(chart).contains("1 infinite value not drawn"), subtitle(chart));
  }

  @Test
  void collapseLine_cellWithAnInfiniteReplicate_notDrawnAndCounted() throws Exception {
    Path dir = tmp.resolve("sweep");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("sweep.yaml"), "name: inf\n");
    StringBuilder csv = new StringBuilder("cell,replicate,seed,ticks,model,metric,value\n");
    String[][] risks = {{"Infinity", "0.1", "0.2"}, {"0.3", "0.4", "0.5"}};
    for (int c = 0; c < 2; c++) {
      for (int r = 0; r < 3; r++) {
        String prefix = c + "," + r + "," + (10 * c + r) + "," + (2 + c) + ",lab,";
        csv.append(prefix).append("population-risk,").append(risks[c][r]).append('\n');
        csv.append(prefix).append("d3-verdict,0\n");
      }
    }
    Files.writeString(dir.resolve("sweep.csv"), csv);
    SweepDir s = SweepDir.load(dir, m -> true);
    JFreeChart chart = CollapseLine.chart(s, "lab", "population-risk", "d3 (diverging)", 3).chart();
    XYDataset data = chart.getXYPlot().getDataset();
    assertEquals(1, data.getItemCount(0), "only ticks = 3 is drawn");
    assertEquals(1.0, data.getXValue(0, 0));
    assertEquals(0.4, data.getYValue(0, 0), 1e-12);
    assertTrue(subtitle(chart).contains("1 infinite value not drawn"), subtitle(chart));
  }
}
