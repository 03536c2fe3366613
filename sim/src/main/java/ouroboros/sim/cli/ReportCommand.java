package ouroboros.sim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import ouroboros.sim.report.ReportOptions;
import ouroboros.sim.report.ReportWriter;
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
    Path parent = out == null ? null : out.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      stderr.println(
          "error: --out: found '"
              + out
              + "', whose directory "
              + parent
              + " does not exist,"
              + " expected a file in an existing directory");
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
    } catch (IOException e) {
      stderr.println(
          "error: cannot write the report of "
              + dir
              + ": "
              + ouroboros.sim.output.WriteFailure.describe(e));
      return Main.RUN_FAILED;
    }
  }
}
