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
  void aiShareNearOne_refusedBeforeTickZero() throws Exception {
    // QA, stop 33: validate said ok, and the run ran out of memory at tick 0, asked for 5e9 items.
    Path file =
        Files.writeString(
            tmp.resolve("ais.yaml"),
            """
            name: ais
            seed: 1
            ticks: 2
            domain: {type: gaussian}
            ai-share: [{site: web, points: [[0, 0.5], [1, 0.999999999]]}]
            humans:
              - {id: people, publish-rate: 5}
            models:
              - {id: m, regime: replace, scrape: 10, publish-rate: 10, initial: truth}
            """);
    assertEquals(
        "error: "
            + file
            + ":5:32: ai-share[0].points: found a share of 0.999999999, which asks the 1 model(s)"
            + " on web for about 5.00e+09 items a tick each (5.00 human items a tick at the"
            + " start), expected shares that ask each model for at most 10000000 items a tick,"
            + " the most an agent publishes",
        refused("validate", file.toString()));
  }

  @Test
  void controlCharactersInAValue_escaped_oneLinePerProblem() throws Exception {
    // QA, stop 33: an id holding a newline split its message in two, and a BEL went to the
    // terminal raw.
    Path file =
        Files.writeString(
            tmp.resolve("ctl.yaml"),
            "name: x\nticks: 2\ndomain: {type: gaussian}\nhumans:\n"
                + "  - {id: \"x\\ny\", publish-rate: 5}\n"
                + "  - {id: \"a\\x07b\", publish-rate: 5}\n");
    java.util.List<String> lines = refused("validate", file.toString()).lines().toList();
    assertEquals(2, lines.size(), String.join("\n", lines));
    assertTrue(lines.get(0).contains("humans[0].id: found 'x\\ny', expected"), lines.get(0));
    assertTrue(lines.get(1).contains("humans[1].id: found 'a\\u0007b', expected"), lines.get(1));
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
