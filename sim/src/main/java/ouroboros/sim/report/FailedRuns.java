package ouroboros.sim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ouroboros.sim.output.CsvFields;
import ouroboros.sim.output.SweepLayout;

/**
 * The sweep report's section on the runs that failed, read from the sweep directory's {@code
 * failures.csv} ({@code cell,replicate,seed,ticks,reason,scenario-sha256}): one row per failed run
 * with its reason. A sweep with no failed run has no such file and no section.
 */
final class FailedRuns {
  private FailedRuns() {}

  /**
   * The rows of failures.csv, header left out; none when there is no file.
   *
   * @throws UncheckedIOException when the file cannot be read
   */
  static List<List<String>> read(Path sweepDir) {
    Path csv = new SweepLayout(sweepDir).failuresCsv();
    List<List<String>> rows = new ArrayList<>();
    if (!Files.isRegularFile(csv)) {
      return rows;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      List<String> f = CsvFields.split(line);
      if (f.size() == 5 || f.size() == 6) { // 5: written before scenario-sha256 was kept
        rows.add(f);
      }
    }
    return rows;
  }

  /** The section, when a run failed. */
  static void render(Html h, List<List<String>> rows) {
    if (rows.isEmpty()) {
      return;
    }
    h.h2("failed", "Runs that failed");
    h.note(
        rows.size()
            + (rows.size() == 1 ? " run" : " runs")
            + " of this sweep failed; the tables and the charts below leave them out. 'sweep"
            + " --resume' keeps them as failed, 'sweep --resume --retry-failed' runs them again.");
    h.table(List.of("<cell", "<replicate", "<run", "seed", "ticks", "<reason"));
    for (List<String> f : rows) {
      h.tr()
          .td("l", f.get(0), "")
          .td("l", f.get(1), "")
          .td("l", "runs/c" + f.get(0) + "-r" + f.get(1) + "/", "")
          .td("", f.get(2), "")
          .td("", f.get(3), "")
          .td("l", f.get(4), "")
          .endTr();
    }
    h.endTable();
  }
}
