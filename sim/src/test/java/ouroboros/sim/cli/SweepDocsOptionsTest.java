package ouroboros.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import ouroboros.sim.testing.Repo;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * QA: {@code sweep --no-report} was in {@code sweep --help} and the man page but not in
 * docs/cli.md's synopsis of {@code sweep}. Every option of {@code sweep} is named in that row.
 */
class SweepDocsOptionsTest {
  @Test
  void cliMd_sweepRow_namesEveryOption() throws IOException {
    List<String> rows =
        Files.readAllLines(Repo.root().resolve("docs/cli.md")).stream()
            .filter(l -> l.startsWith("| `ouroboros sweep "))
            .toList();
    assertEquals(1, rows.size(), "one row of docs/cli.md describes sweep");
    CommandLine sweep = new CommandLine(new Main()).getSubcommands().get("sweep");
    for (OptionSpec o : sweep.getCommandSpec().options()) {
      String name = o.longestName();
      if (name.equals("--help") || name.equals("--version")) {
        continue;
      }
      assertTrue(rows.get(0).contains("[" + name), name + " is missing from " + rows.get(0));
    }
  }
}
