package ouroboros.sim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.report.ReportOptions;
import ouroboros.sim.report.ReportWriter;
import ouroboros.sim.report.RunRows;

/**
 * What {@code run}, {@code resume} and {@code sweep} share: the report, plurals, default
 * directories.
 */
final class Commands {
  private Commands() {}

  /**
   * Writes a sweep's report.html; a failure is a warning on standard error, never a failed sweep.
   * Returns the report's path, or null when it could not be written.
   */
  static Path sweepReport(Path dir, PrintWriter stderr) {
    return report(dir, null, "sweep directory", stderr);
  }

  /**
   * Writes the run's report.html, from the metrics.csv rows {@code rows} gathered during the run
   * (null: the file); a failure is a warning on standard error, never a failed run. Returns the
   * report's path, or null when it could not be written.
   */
  static Path report(Path dir, RunRows rows, PrintWriter stderr) {
    return report(dir, rows, "run directory", stderr);
  }

  /** The report of the run or sweep directory {@code dir}, which the warning calls {@code what}. */
  private static Path report(Path dir, RunRows rows, String what, PrintWriter stderr) {
    try {
      return ReportWriter.write(dir, ReportOptions.defaults(), rows);
    } catch (IOException | RuntimeException | LinkageError | java.awt.AWTError e) {
      stderr.println(
          "warning: could not write the report: "
              + (e instanceof IllegalArgumentException ? e.getMessage() : e.toString()));
      stderr.println(
          "(the "
              + what
              + " is intact; retry with: ouroboros report "
              + dir
              + ", with --metric, --model, --definition or --facet in place of a setting it"
              + " refuses)");
      stderr.flush();
      return null;
    }
  }

  /** "1 tick", "2 ticks". */
  static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** runs/NAME-TIMESTAMP, with a suffix when that exists already. */
  static Path defaultDir(String name) {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path dir = Path.of("runs", name + "-" + stamp);
    for (int i = 2; Files.exists(dir); i++) {
      dir = Path.of("runs", name + "-" + stamp + "-" + i);
    }
    return dir;
  }

  /**
   * How run and resume end: the report (unless {@code noReport}), then for a failed run its reason
   * and exit code, else the run directory (printed even with {@code quiet}: where the results are
   * is what a script needs) and the report's path.
   */
  static int finish(
      RunOutcome outcome,
      Path dir,
      boolean noReport,
      boolean quiet,
      PrintWriter stdout,
      PrintWriter stderr) {
    return finish(outcome, dir, null, noReport, quiet, stdout, stderr);
  }

  /**
   * The same, with the metrics.csv rows {@code rows} gathered during the run for the report (null:
   * it reads the file). They are used only when the run completed: a failed run's writer may have
   * stopped before the file had every row.
   */
  static int finish(
      RunOutcome outcome,
      Path dir,
      RunRows rows,
      boolean noReport,
      boolean quiet,
      PrintWriter stdout,
      PrintWriter stderr) {
    // A run the JVM is shutting down under (SIGTERM, Ctrl-C) says so at once: the JVM halts when
    // its shutdown hooks end, which a report (seconds) would outlast, so nothing would be said.
    boolean shutDown = ouroboros.sim.output.RunDirectory.SHUT_DOWN.equals(outcome.failure());
    Path report =
        noReport || shutDown ? null : report(dir, outcome.completed() ? rows : null, stderr);
    if (!outcome.completed()) {
      int code = OutputDirs.failed(outcome, dir, stderr);
      if (shutDown) {
        ouroboros.sim.output.RunDirectory.said();
      }
      return code;
    }
    stdout.println("run directory: " + dir);
    if (report != null && !quiet) {
      stdout.println("report: " + report);
    }
    stdout.flush();
    return 0;
  }
}
