package ouroboros.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.testing.Repo;

/** Messages for small mistakes on the command line: what is wrong, in one line, exit 2. */
class CliMessagesTest {
  @TempDir Path tmp;

  private static String refused(String... args) {
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertEquals(Main.BAD_INPUT, code, err.toString());
    return err.toString().strip();
  }

  @Test
  void smallMistakes_sayWhatIsWrong() throws Exception {
    // QA, stop 33: a temporary file's name, a Java exception's name, a path's grammar for a
    // missing value, and "the scenario of the scenario".
    Path file = Files.writeString(tmp.resolve("file.txt"), "x");
    Path run = tmp.resolve("run");
    Files.createDirectories(run);
    assertEquals(
        "error: --out: found '"
            + tmp.resolve("nodir/x.html")
            + "', whose directory "
            + tmp.resolve("nodir")
            + " does not exist, expected a file in an existing directory",
        refused("report", run.toString(), "--out", tmp.resolve("nodir/x.html").toString()));
    assertEquals(
        "error: man: found the file '" + file + "', expected a directory to write to",
        refused("man", file.toString()));
    String quickstart = Repo.scenario("quickstart.yaml").toString();
    assertEquals(
        "error: --set name=: found no value after '=' in 'name=', expected a value after '=', YAML"
            + " such as accumulate, 0.5 or [forum, blog]",
        refused("validate", quickstart, "--set", "name="));
    String populations = Repo.scenario("populations/labs.yaml").toString();
    String member = refused("validate", populations, "--set", "models[lab-0003].scrape=7");
    assertTrue(
        member.startsWith(
            "error: --set models[lab-0003].scrape=7: found no 'models' in the scenario, expected"),
        member);
  }
}
