package ouroboros.sim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.cli.Main;
import ouroboros.sim.testing.Repo;

/**
 * The end-to-end test: runs a small scenario through the command line with a fixed seed and
 * compares every output file except timing.json with the expected files byte for byte, but for the
 * build's version and commit in summary.json ({@link #withoutBuild}). Those files are the output
 * contract; after an intended change, regenerate them with {@code mvn -pl sim test
 * -Dtest=GoldenRunTest -Dgolden.update=true} and review the diff.
 */
class GoldenRunTest {
  private static final Path GOLDEN = Repo.root().resolve("sim/src/test/resources/golden");

  @TempDir Path tmp;

  @Test
  void run_smallScenarioFixedSeed_exactOutputs() throws Exception {
    Path out = tmp.resolve("run");
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int code =
        Main.run(
            new String[] {
              "run",
              GOLDEN.resolve("small.yaml").toString(),
              "--out",
              out.toString(),
              "--threads",
              "2"
            },
            new PrintWriter(stdout),
            new PrintWriter(stderr));
    assertEquals(0, code, stderr.toString());
    for (String file :
        new String[] {
          "metrics.csv", "summary.json", "scenario.yaml", "graph/w0-5.json", "graph/final.dot"
        }) {
      String text = Files.readString(out.resolve(file));
      compare(
          "small." + file.replace('/', '.'),
          file.equals("summary.json") ? withoutBuild(text) : text);
    }
    // The printed header and summary table, without the run directory and report lines (temp
    // paths).
    compare(
        "small.stdout.txt", stdout.toString().replaceAll("(?m)^(run directory|report): .*\\R", ""));
  }

  /**
   * summary.json with the two fields that name the build (issue 12: the version and the git commit)
   * replaced by placeholders, so that the golden file holds every other byte and does not change
   * with each commit. Fails unless each field is there once, with this build's value.
   */
  static String withoutBuild(String summary) {
    String out = summary;
    for (String[] field :
        new String[][] {
          {"ouroboros-version", BuildInfo.current().version()},
          {"ouroboros-commit", BuildInfo.current().commit()}
        }) {
      String written = "\"" + field[0] + "\" : \"" + field[1] + "\",";
      assertEquals(1, out.split(java.util.regex.Pattern.quote(written), -1).length - 1, written);
      out = out.replace(written, "\"" + field[0] + "\" : \"<build>\",");
    }
    return out;
  }

  /** Compares with a golden file, first rewriting it when -Dgolden.update=true. */
  private static void compare(String golden, String actual) throws Exception {
    Path expected = GOLDEN.resolve(golden);
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(expected, actual);
    }
    assertEquals(Files.readString(expected), actual, golden);
  }
}
