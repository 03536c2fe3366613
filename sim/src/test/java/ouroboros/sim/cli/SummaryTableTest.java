package ouroboros.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The terminal table's per-population columns. */
class SummaryTableTest {
  @Test
  void firing_sharesOfTheModelsWhereADefinitionApplies_asTheReport() {
    // QA, stop 32: 131 yes, 209 no, 160 n/a showed 26 (of all 500) here and 39% in the report.
    Map<String, int[]> verdicts =
        Map.of(
            "d1", new int[] {131, 209, 160}, "d2", new int[] {0, 0, 7}, "d3", new int[] {3, 1, 0});
    assertEquals("39 - 75 - - - - -", SummaryTable.firing(verdicts));
  }

  @Test
  void num0_medianGenerationBetweenTwo_keepsItsHalf() {
    assertEquals("3", SummaryTable.num0(3));
    assertEquals("2.5", SummaryTable.num0(2.5));
    assertEquals("-", SummaryTable.num0(Double.NaN));
  }
}
