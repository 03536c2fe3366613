package ouroboros.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * QA: {@code report}'s messages for a file it cannot read and an {@code --out} it cannot use. A
 * damaged summary.json was reported as a failure to write, in Jackson's words and without the
 * file's name; an unusable {@code --out} was reported under the report's temporary file's name, and
 * a directory that is a file as one that does not exist.
 */
class ReportMessagesTest {
  @TempDir Path tmp;

  /** A directory that looks like a run's: summary.json and metrics.csv. */
  private Path run(String summary) throws Exception {
    Path run = Files.createDirectories(tmp.resolve("run"));
    Files.writeString(run.resolve("summary.json"), summary);
    Files.writeString(run.resolve("metrics.csv"), "tick,agent,generation,metric,value\n");
    return run;
  }

  @Test
  void damagedSummary_namesTheFile_readFailure_exit1() throws Exception {
    Path run = run("garbage{\n");
    CliHelpTest.Result r = CliHelpTest.run("report", run.toString());
    assertEquals(Main.RUN_FAILED, r.code(), r.err());
    assertEquals(
        "error: " + run.resolve("summary.json") + ": cannot be read: not JSON (line 1, column 1)",
        r.err().strip());
  }

  @Test
  void emptySummary_namesTheFile_exit1() throws Exception {
    Path run = run("");
    CliHelpTest.Result r = CliHelpTest.run("report", run.toString());
    assertEquals(Main.RUN_FAILED, r.code(), r.err());
    assertEquals(
        "error: "
            + run.resolve("summary.json")
            + ": cannot be read: found an empty file, expected JSON",
        r.err().strip());
  }

  @Test
  void outIsADirectory_namedAsGiven_exit2() throws Exception {
    Path run = run("{}");
    CliHelpTest.Result r = CliHelpTest.run("report", run.toString(), "--out", run.toString());
    assertEquals(Main.BAD_INPUT, r.code(), r.err());
    assertEquals(
        "error: --out: found the directory "
            + run
            + ", expected a file (such as "
            + run.resolve("report.html")
            + ")",
        r.err().strip());
  }

  @Test
  void outUnderAFile_saysItIsAFile_exit2() throws Exception {
    Path run = run("{}");
    Path file = Files.writeString(tmp.resolve("afile"), "x");
    CliHelpTest.Result r =
        CliHelpTest.run("report", run.toString(), "--out", file.resolve("x.html").toString());
    assertEquals(Main.BAD_INPUT, r.code(), r.err());
    assertEquals(
        "error: --out: found '"
            + file.resolve("x.html")
            + "', whose directory "
            + file
            + " is not a directory but a file, expected a file in an existing directory",
        r.err().strip());
  }

  @Test
  void outWhereNoFileCanBeCreated_refusedBeforeDrawing_noTemporaryName() throws Exception {
    Path proc = Path.of("/proc");
    Assumptions.assumeTrue(Files.isDirectory(proc), "needs /proc");
    Path run = run("garbage{");
    CliHelpTest.Result r =
        CliHelpTest.run("report", run.toString(), "--out", proc.resolve("x.html").toString());
    // Refused before the damaged summary.json is read, so exit 2, not 1.
    assertEquals(Main.BAD_INPUT, r.code(), r.err());
    assertTrue(
        r.err().startsWith("error: --out: found '/proc/x.html', in the directory /proc, where no"),
        r.err());
    assertFalse(r.err().contains(".tmp"), r.err());
  }
}
