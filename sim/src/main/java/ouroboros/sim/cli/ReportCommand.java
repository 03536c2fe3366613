package ouroboros.sim.cli;

import java.io.IOException;
import java.io.PrintWriter;
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
 * {@code ouroboros report DIR}: writes {@code DIR/report.html}, one self-contained HTML file
 * about a run directory or a sweep directory. The options choose what a sweep's collapse map
 * shows.
 */
@Command(name = "report",
    description = "Write report.html for a run directory or a sweep directory.")
final class ReportCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "A run directory or a sweep directory.")
  private Path dir;

  @Option(names = "--metric", paramLabel = "METRIC",
      description = "Sweeps: the metric the collapse map colours (default: "
          + ReportOptions.DEFAULT_METRIC + ").")
  private String metric = ReportOptions.DEFAULT_METRIC;

  @Option(names = "--model", paramLabel = "MODEL",
      description = "Sweeps: the model the collapse map shows (default: the first).")
  private String model;

  @Option(names = "--definition", paramLabel = "dN",
      description = "Sweeps: the definition whose verdict draws the collapse boundary, d1 to d8"
          + " (default: d" + ReportOptions.DEFAULT_DEFINITION + ").")
  private String definition = "d" + ReportOptions.DEFAULT_DEFINITION;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Where to write the report (default: DIR/report.html).")
  private Path out;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    try {
      ReportOptions opts = new ReportOptions(metric, model,
          ReportOptions.parseDefinition(definition), out);
      stdout.println("report: " + ReportWriter.write(dir, opts));
      return 0;
    } catch (IllegalArgumentException e) {
      stderr.println("error: " + e.getMessage());
      return Main.BAD_INPUT;
    } catch (IOException e) {
      stderr.println("error: cannot write the report of " + dir + ": " + e.getMessage());
      return Main.RUN_FAILED;
    }
  }
}
