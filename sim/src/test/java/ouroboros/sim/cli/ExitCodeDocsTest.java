package ouroboros.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import ouroboros.sim.testing.Repo;

/**
 * Issue 14, "must show": the README's exit-code table and its "what Ouroboros promises" section are
 * there, and the table gives each of {@link Main}'s codes the meaning the code has, as
 * docs/exit-codes.md does.
 */
class ExitCodeDocsTest {
  /** The rows "| code | meaning |" of the first table after {@code heading} in {@code file}. */
  private static Map<String, String> table(String file, String heading) throws IOException {
    String text = Files.readString(Repo.root().resolve(file));
    int at = text.indexOf(heading);
    assertTrue(at >= 0, file + " has no '" + heading + "'");
    Map<String, String> rows = new TreeMap<>();
    Matcher m = Pattern.compile("(?m)^\\| ([0-9, ]+) \\| (.+) \\|$").matcher(text.substring(at));
    while (m.find() && rows.size() < 5) {
      rows.put(m.group(1).strip(), m.group(2));
    }
    return rows;
  }

  @Test
  void readmeAndExitCodesPage_giveMainsCodesTheirMeaning() throws IOException {
    for (var t :
        new String[][] {
          {"README.md", "## Exit codes and what Ouroboros promises"},
          {"docs/exit-codes.md", "# Exit codes"}
        }) {
      Map<String, String> rows = table(t[0], t[1]);
      assertTrue(rows.get("0").contains("success"), t[0] + ": " + rows);
      assertTrue(rows.get(String.valueOf(Main.RUN_FAILED)).contains("failed"), t[0] + ": " + rows);
      assertTrue(
          rows.get(String.valueOf(Main.BAD_INPUT)).contains("bad input"), t[0] + ": " + rows);
      assertTrue(
          rows.get(String.valueOf(Main.OUT_OF_MEMORY)).contains("out of memory"),
          t[0] + ": " + rows);
      assertTrue(
          rows.keySet().stream().anyMatch(k -> k.contains("143") && k.contains("130")),
          t[0] + ": " + rows);
      assertEquals(5, rows.size(), t[0] + ": " + rows);
    }
    String readme = Files.readString(Repo.root().resolve("README.md"));
    for (String promise : new String[] {"**A kill.**", "**A full disk.**", "**A sweep.**"}) {
      assertTrue(readme.contains(promise), "README promises nothing about " + promise);
    }
    assertTrue(readme.contains("**Not promised:**"), "README says what is not promised");
  }
}
