package ouroboros.sim.cli;

import java.io.PrintWriter;
import ouroboros.sim.output.BuildInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ouroboros} command. Exit codes: 0 success, 1 a run that failed, 2 bad input (a
 * scenario, an option or an output directory that was rejected), 3 out of memory. No stack trace
 * reaches the user unless {@code OUROBOROS_DEBUG=1} is set.
 */
@Command(
    name = "ouroboros",
    mixinStandardHelpOptions = true,
    // Every subcommand inherits --help and --version (issue 12: 'run --help' printed an error).
    scope = CommandLine.ScopeType.INHERIT,
    versionProvider = Main.Version.class,
    description = "Simulates an internet of generative models and people.",
    subcommands = {
      RunCommand.class,
      NodeCommand.class,
      ResumeCommand.class,
      ValidateCommand.class,
      SweepCommand.class,
      ReportCommand.class,
      GraphCommand.class,
      ListCommand.class,
      DescribeCommand.class,
      CompletionCommand.class,
      ManCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main {
  /** Exit code of a run that failed. */
  public static final int RUN_FAILED = 1;

  /** Exit code of bad input. */
  public static final int BAD_INPUT = 2;

  /** Exit code of a run that ran out of memory (the JVM's heap was full). */
  public static final int OUT_OF_MEMORY = 3;

  /** The version line, with the git commit the build was made from ({@link BuildInfo}). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {BuildInfo.current().line()};
    }
  }

  /** Entry point. */
  public static void main(String[] args) {
    int code;
    try {
      code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    } catch (OutOfMemoryError e) {
      // Out of memory outside a run's actors (they end the run themselves): no stack trace.
      System.err.println("error: " + ouroboros.sim.engine.OutOfMemory.describe(e));
      System.err.println(OutputDirs.outOfMemoryHint());
      code = OUT_OF_MEMORY;
    }
    System.exit(code);
  }

  /** Runs the command line in-process and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          err.println("error: internal failure: " + e);
          if ("1".equals(System.getenv("OUROBOROS_DEBUG"))) {
            e.printStackTrace(err);
          } else {
            err.println("(set OUROBOROS_DEBUG=1 to see the stack trace)");
          }
          err.flush();
          return RUN_FAILED;
        });
    cli.setParameterExceptionHandler(
        (e, params) -> {
          err.println(ParameterErrors.line(e));
          err.flush();
          return BAD_INPUT;
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
