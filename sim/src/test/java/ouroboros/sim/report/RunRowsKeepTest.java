package ouroboros.sim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import ouroboros.sim.output.MetricCatalogue;
import ouroboros.sim.output.MetricRow;

/** The rows RunRows keeps are those whose metric the report reads, whatever order they come in. */
class RunRowsKeepTest {
  @Test
  void accept_agentsNameMetricsInDifferentOrders_keepsExactlyTheReportsMetrics() {
    String risk = MetricCatalogue.POPULATION_RISK.name();
    String other = "not-read-by-the-report";
    RunRows rows = new RunRows();
    rows.accept(
        List.of(
            new MetricRow(0, "a", 1, risk, 0.5),
            new MetricRow(0, "a", 1, other, 1),
            new MetricRow(0, "b", 1, other, 2),
            new MetricRow(0, "b", 1, new String(risk), 0.25),
            new MetricRow(1, "a", 2, other, 3),
            new MetricRow(1, "a", 2, risk, 0.75)));
    MetricsFile f = rows.metrics();
    assertEquals(2, f.get("a", risk).size());
    assertEquals(0.75, f.get("a", risk).value(1));
    assertEquals(0.25, f.get("b", risk).value(0));
    assertNull(f.get("a", other));
    assertNull(f.get("b", other));
  }
}
