package ouroboros.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
  void print_regimeLongerThanItsColumn_columnsStayAligned(@TempDir Path tmp) throws Exception {
    // QA, stop 33: "accumulate +15% fresh" (21 characters) pushed the rest of its row right.
    Path file =
        Files.writeString(
            tmp.resolve("s.yaml"),
            """
            name: wide
            seed: 1
            ticks: 2
            domain: {type: gaussian}
            humans: [{id: people, publish-rate: 20}]
            models:
              - {id: a, regime: replace, fresh-human-fraction: 0.16, scrape: 10, publish-rate: 10}
              - {id: b, regime: accumulate, fresh-human-fraction: 0.15, scrape: 10, publish-rate: 10}
            """);
    StringWriter out = new StringWriter();
    int code =
        Main.run(
            new String[] {
              "run", file.toString(), "--out", tmp.resolve("r").toString(), "--no-report"
            },
            new PrintWriter(out),
            new PrintWriter(new StringWriter()));
    assertEquals(0, code);
    List<String> lines = out.toString().lines().toList();
    int header = 1;
    int end = lines.get(header).indexOf("generation") + "generation".length();
    for (String row : lines.subList(header + 1, header + 3)) {
      assertTrue(
          Character.isDigit(row.charAt(end - 1)) && row.charAt(end) == ' ', row + "\n" + lines);
    }
  }

  @Test
  void num0_medianGenerationBetweenTwo_keepsItsHalf() {
    assertEquals("3", SummaryTable.num0(3));
    assertEquals("2.5", SummaryTable.num0(2.5));
    assertEquals("-", SummaryTable.num0(Double.NaN));
  }
}
