package ouroboros.sim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import ouroboros.sim.output.WriteFailure;
import ouroboros.sim.report.ReportOptions;
import ouroboros.sim.report.ReportWriter;
import ouroboros.sim.report.UnreadableFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ouroboros report DIR}: writes {@code DIR/report.html}, one self-contained HTML file about
 * a run directory or a sweep directory. The options choose what a sweep's collapse map shows; an
 * option left out takes the sweep file's {@code report:} choice, else the default.
 */
@Command(
    name = "report",
    description = "Write report.html for a run directory or a sweep directory.")
final class ReportCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "A run directory or a sweep directory.")
  private Path dir;

  @Option(
      names = "--metric",
      paramLabel = "METRIC",
      description =
          "Sweeps: the metric the collapse map colours (default: the sweep file's"
              + " report.metric, else "
              + ReportOptions.DEFAULT_METRIC
              + ").")
  private String metric;

  @Option(
      names = "--model",
      paramLabel = "MODEL",
      description =
          "Sweeps: the model the collapse map shows (default: the sweep file's"
              + " report.model, else the first in name order).")
  private String model;

  @Option(
      names = "--definition",
      paramLabel = "dN",
      description =
          "Sweeps: the definition whose verdict draws the collapse boundary, d1 to d8"
              + " (default: the sweep file's report.definition, else d"
              + ReportOptions.DEFAULT_DEFINITION
              + ").")
  private String definition;

  @Option(
      names = "--facet",
      paramLabel = "PATH",
      description =
          "Sweeps of three paths: the path that gets one heatmap per value (default:"
              + " the sweep file's report.facet, else the last path).")
  private String facet;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Where to write the report (default: DIR/report.html).")
  private Path out;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    String refused = out == null ? null : unusableOut(out);
    if (refused != null) {
      stderr.println("error: --out: " + refused);
      return Main.BAD_INPUT;
    }
    try {
      ReportOptions opts =
          new ReportOptions(
              metric,
              model,
              definition == null ? null : ReportOptions.parseDefinition(definition),
              facet,
              out);
      stdout.println("report: " + ReportWriter.write(dir, opts));
      return 0;
    } catch (IllegalArgumentException e) {
      stderr.println("error: " + e.getMessage());
      return Main.BAD_INPUT;
    } catch (UnreadableFile e) {
      stderr.println("error: " + e.getMessage());
      return Main.RUN_FAILED;
    } catch (IOException e) {
      stderr.println("error: cannot write the report of " + dir + ": " + WriteFailure.describe(e));
      return Main.RUN_FAILED;
    }
  }

  /**
   * Why {@code out} cannot take the report, checked before the report is drawn, in the words of the
   * path the user gave (not of the temporary file the report is first written to); null when it
   * can. It must not be a directory, and its directory must exist, be a directory, and let a file
   * be created in it (a probe file is written and deleted).
   */
  static String unusableOut(Path out) {
    if (Files.isDirectory(out)) {
      return "found the directory "
          + out
          + ", expected a file (such as "
          + out.resolve(ReportWriter.FILE)
          + ")";
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent == null) {
      return "found '" + out + "', expected a file in an existing directory";
    }
    if (Files.exists(parent) && !Files.isDirectory(parent)) {
      return "found '"
          + out
          + "', whose directory "
          + parent
          + " is not a directory but a file, expected a file in an existing directory";
    }
    if (!Files.isDirectory(parent)) {
      return "found '"
          + out
          + "', whose directory "
          + parent
          + " does not exist, expected a file in an existing directory";
    }
    try {
      Files.delete(Files.createTempFile(parent, ".ouroboros-probe", ".tmp"));
    } catch (IOException e) {
      return "found '"
          + out
          + "', in the directory "
          + parent
          + ", where no file can be created ("
          + cause(e)
          + "), expected a file in a directory this process can write";
    }
    return null;
  }

  /** The operating system's reason, without the probe file's name. */
  private static String cause(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "the file system refused to create one";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
