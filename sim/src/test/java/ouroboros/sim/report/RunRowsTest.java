package ouroboros.sim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.output.MetricRow;
import ouroboros.sim.output.RunLayout;

/**
 * The report of a run written from the rows gathered as the run wrote them is byte for byte the
 * report written from its metrics.csv.
 */
@Tag("slow")
class RunRowsTest {
  @TempDir Path tmp;

  @Test
  void write_fromGatheredRows_sameBytesAsFromMetricsCsv_withoutReadingIt() throws Exception {
    Path dir = ReportFixtures.small(tmp.resolve("run"), 7);
    Path csv = RunLayout.of(dir).metrics();
    RunRows rows = new RunRows();
    List<MetricRow> all = new ArrayList<>();
    MetricRow.forEach(csv, all::add);
    rows.accept(all.subList(0, all.size() / 2));
    rows.accept(all.subList(all.size() / 2, all.size()));
    byte[] fromFile =
        Files.readAllBytes(
            ReportWriter.write(
                dir,
                new ReportOptions(null, null, (Integer) null, null, tmp.resolve("file.html"))));
    // The gathered rows are used: metrics.csv is not read again.
    Files.writeString(csv, MetricRow.HEADER + "\n");
    byte[] fromRows =
        Files.readAllBytes(
            ReportWriter.write(
                dir,
                new ReportOptions(null, null, (Integer) null, null, tmp.resolve("rows.html")),
                rows));
    assertEquals(new String(fromFile), new String(fromRows));
    byte[] empty =
        Files.readAllBytes(
            ReportWriter.write(
                dir,
                new ReportOptions(null, null, (Integer) null, null, tmp.resolve("empty.html"))));
    assertFalse(new String(empty).equals(new String(fromRows)), "the rows matter to the report");
  }
}
