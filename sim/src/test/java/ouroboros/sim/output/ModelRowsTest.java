package ouroboros.sim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import ouroboros.agents.domain.Evaluation;
import ouroboros.agents.model.Composition;
import ouroboros.agents.model.RetrainReport;

/** The rows a writer reuses its layout for are the rows of each report's own metrics. */
class ModelRowsTest {
  private static RetrainReport report(int agent, String id, int generation, Map<String, Double> v) {
    return new RetrainReport(
        agent,
        id,
        4,
        generation,
        false,
        "",
        0,
        10,
        new Composition(new int[] {agent}, new int[] {10}, 0, 10),
        2.0,
        new Evaluation(new TreeMap<>(v)),
        List.of(),
        new double[0]);
  }

  /** The rows of one report, read back by metric. */
  private static Map<String, Double> rowsOf(List<MetricRow> rows, String agent) {
    Map<String, Double> out = new TreeMap<>();
    for (MetricRow r : rows) {
      if (r.agent().equals(agent)) {
        assertEquals(null, out.put(r.metric(), r.value()), "metric twice: " + r.metric());
      }
    }
    return out;
  }

  @Test
  void withModelRows_layoutChangesBetweenReports_eachReportKeepsItsOwnMetrics() {
    String generation = MetricCatalogue.GENERATION.name();
    // a0's evaluation names a catalogue metric too: the catalogue's value, given later, wins.
    RetrainReport a = report(1, "a0", 7, Map.of("risk", 0.5, generation, 99.0));
    RetrainReport b = report(2, "b0", 3, Map.of("zeta", 0.25));
    RetrainReport c = report(3, "c0", 5, Map.of("risk", 0.75, generation, 98.0));
    ModelRows writer = new ModelRows();
    List<MetricRow> rows = new ArrayList<>();
    for (int tick = 0; tick < 2; tick++) {
      rows.addAll(writer.withModelRows(4, List.of(a, b, c), new ArrayList<>()));
    }
    for (RetrainReport r : List.of(a, b, c)) {
      Map<String, Double> expected = RunMetrics.modelMetrics(r);
      List<MetricRow> once = rows.subList(0, rows.size() / 2);
      assertEquals(expected, rowsOf(once, r.id()), r.id());
      assertEquals(expected, rowsOf(rows.subList(rows.size() / 2, rows.size()), r.id()), r.id());
    }
    assertEquals(7.0, rowsOf(rows.subList(0, rows.size() / 2), "a0").get(generation));
    assertEquals(5.0, rowsOf(rows.subList(0, rows.size() / 2), "c0").get(generation));
    assertEquals(0.25, rowsOf(rows.subList(0, rows.size() / 2), "b0").get("zeta"));
  }

  @Test
  void forEachSorted_layoutChangesBetweenReports_sameEntriesInSameOrderAsModelMetrics() {
    String generation = MetricCatalogue.GENERATION.name();
    RetrainReport a = report(1, "a0", 7, Map.of("risk", 0.5, generation, 99.0));
    RetrainReport b = report(2, "b0", 3, Map.of("zeta", 0.25, "alpha", 0.125));
    RetrainReport c = report(3, "c0", 5, Map.of("risk", 0.75, generation, 98.0));
    ModelRows sorted = new ModelRows();
    for (RetrainReport r : List.of(a, b, c, a, a, b)) {
      List<Map.Entry<String, Double>> given = new ArrayList<>();
      sorted.forEachSorted(r, (k, v) -> given.add(Map.entry(k, v)));
      assertEquals(
          new ArrayList<>(RunMetrics.modelMetrics(r).entrySet()).toString(),
          given.toString(),
          r.id());
    }
  }
}
