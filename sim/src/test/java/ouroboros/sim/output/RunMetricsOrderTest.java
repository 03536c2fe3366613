package ouroboros.sim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import ouroboros.agents.domain.Evaluation;
import ouroboros.agents.model.Composition;
import ouroboros.agents.model.RetrainReport;

/** A tick's rows come out in tick, agent, metric order, whatever order the reports come in. */
class RunMetricsOrderTest {
  /** The documented order, comparing every string by its characters. */
  private static final Comparator<MetricRow> BY_TEXT =
      Comparator.comparingInt(MetricRow::tick)
          .thenComparing(MetricRow::agent)
          .thenComparing(MetricRow::metric);

  private static RetrainReport report(int agent, String id) {
    TreeMap<String, Double> values = new TreeMap<>();
    values.put("risk", agent / 10.0);
    values.put("mean-error", agent / 7.0);
    return new RetrainReport(
        agent,
        id,
        3,
        2,
        false,
        "",
        0,
        10,
        new Composition(new int[] {agent}, new int[] {10}, 0, 10),
        2.0,
        new Evaluation(values),
        List.of(),
        new double[0]);
  }

  @Test
  void withModelRows_reportsInAgentIndexOrder_rowsSortedByIdThenMetric() {
    // Agent index order is not id order: m10 sorts between m1 and m2.
    List<RetrainReport> reports =
        List.of(report(1, "m2"), report(2, "m10"), report(3, "m1"), report(4, "a0"));
    List<MetricRow> before = new ArrayList<>();
    // Rows of other agents and metrics first, as the web's and the graph's are; equal strings
    // that are not the same reference must order as their text does.
    before.add(new MetricRow(3, "web", 0, "items", 5));
    before.add(new MetricRow(3, new String("m10"), 2, new String("human-ancestry"), 0.5));
    before.add(new MetricRow(3, "m1", 2, "human-ancestry", 0.25));
    List<MetricRow> expected = new ArrayList<>(before);
    for (RetrainReport rep : reports) {
      RunMetrics.modelMetrics(rep)
          .forEach((k, v) -> expected.add(new MetricRow(3, rep.id(), 2, k, v)));
    }
    expected.sort(BY_TEXT);
    List<MetricRow> rows = RunMetrics.withModelRows(3, reports, new ArrayList<>(before));
    assertEquals(expected, rows);
  }
}
