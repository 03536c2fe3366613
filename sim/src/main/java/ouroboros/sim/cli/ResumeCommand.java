package ouroboros.sim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import ouroboros.sim.checkpoint.CheckpointException;
import ouroboros.sim.checkpoint.RunCheckpoints;
import ouroboros.sim.engine.EngineLimits;
import ouroboros.sim.engine.ResumeRefused;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.engine.Simulation;
import ouroboros.sim.engine.World;
import ouroboros.sim.graph.GraphListener;
import ouroboros.sim.graph.GraphOptions;
import ouroboros.sim.live.LiveFeed;
import ouroboros.sim.metrics.MetricsListener;
import ouroboros.sim.output.Observers;
import ouroboros.sim.output.OutDir;
import ouroboros.sim.output.RunDirectory;
import ouroboros.sim.output.RunLayout;
import ouroboros.sim.output.RunLock;
import ouroboros.sim.output.ShutdownRelease;
import ouroboros.sim.output.WriteFailure;
import ouroboros.sim.scenario.check.ScenarioException;
import ouroboros.sim.scenario.compile.WorldCompiler;
import ouroboros.sim.scenario.load.ScenarioLoader;
import ouroboros.sim.scenario.path.Overrides;
import ouroboros.sim.scenario.spec.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ouroboros resume DIR}: finishes a run that was started with {@code --checkpoint-every} and
 * stopped (killed, a power cut), from its last checkpoint. The files it ends with are those an
 * uninterrupted run writes (docs/checkpoints.md). It takes {@code run}'s endpoint options ({@link
 * EndpointOptions}); {@code --live} paces it at {@link EndpointOptions#LIVE_PACE} ticks a second.
 */
@Command(
    name = "resume",
    description =
        "Finish a run started with --checkpoint-every from its last checkpoint (checkpoint.bin"
            + " in DIR).")
final class ResumeCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  /** The endpoint options of {@code run}: metrics, graph, live page. */
  @Mixin private EndpointOptions serve = new EndpointOptions();

  @Parameters(paramLabel = "DIR", description = "The run directory.")
  private Path dir;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Dispatcher threads (default: the number of processors); outputs do not depend"
              + " on it.")
  private Integer threads;

  @Option(names = "--quiet", description = "Print no progress and no summary table.")
  private boolean quiet;

  @Option(
      names = "--no-report",
      description = "Do not write report.html into the run directory at the end.")
  private boolean noReport;

  @Option(
      names = "--keep-checkpoint",
      description =
          "Keep checkpoint.bin when the run completes (default: delete it, since a complete run"
              + " has nothing to resume).")
  private boolean keepCheckpoint;

  @Option(
      names = "--live",
      description = EndpointOptions.LIVE + ", at 2 ticks a second. Implies --serve-metrics.")
  private void live(boolean on) {
    serve.live = on;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (n < 1 || n > EngineLimits.MAX_THREADS) {
      stderr.println(
          "error: --threads: found "
              + n
              + ", expected a whole number from 1 to "
              + EngineLimits.MAX_THREADS);
      return Main.BAD_INPUT;
    }
    serve.live |= serve.waitForViewer;
    String problem = serve.problem();
    if (problem != null) {
      stderr.println(problem);
      return Main.BAD_INPUT;
    }
    if (!Files.isDirectory(dir)) {
      stderr.println("error: " + dir + ": no run directory there");
      return Main.BAD_INPUT;
    }
    if (RunDirectory.isComplete(dir)) {
      stderr.println(
          "error: "
              + dir
              + ": the run is already finished (its summary.json says complete); there is nothing"
              + " to resume");
      return Main.BAD_INPUT;
    }
    Path file = RunLayout.of(dir).scenario();
    if (!Files.exists(file)) {
      // A run killed during start-up leaves its lock file and nothing else.
      stderr.println(
          "error: "
              + dir
              + ": found no "
              + RunLayout.SCENARIO
              + " in the directory, expected a run directory: either it is not one, or its run"
              + " was stopped before it started; there is nothing to resume");
      return Main.BAD_INPUT;
    }
    Scenario scenario;
    try {
      scenario = Overrides.load(new ScenarioLoader(), file, List.of());
    } catch (ScenarioException e) {
      Errors.print(stderr, e);
      return Main.BAD_INPUT;
    }
    if (scenario.seed() == null) {
      stderr.println("error: " + file + ": no seed; this is not the scenario a run wrote");
      return Main.BAD_INPUT;
    }
    World world = WorldCompiler.compile(scenario, scenario.seed());
    GraphListener graph = new GraphListener(dir, world, GraphOptions.DEFAULTS);
    RunCheckpoints checkpoints;
    try {
      checkpoints = RunCheckpoints.resume(dir, graph);
    } catch (CheckpointException e) {
      stderr.println("error: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    RunLock lock = OutputDirs.lock(dir, OutDir.Mode.KEEP, "DIR", stderr);
    if (lock == null) {
      return Main.BAD_INPUT;
    }
    // SIGTERM or Ctrl-C at any time, in a --wait-for-viewer or a --hold too: the lock goes.
    try (lock;
        ShutdownRelease release = ShutdownRelease.of(lock)) {
      removeTemporaryFiles(dir);
      removeTemporaryFiles(dir.resolve(RunLayout.GRAPH_DIR));
      // A failed run wrote its partial last window; the run goes on and writes it whole.
      GraphListener.removeWindowsAfter(dir, checkpoints.tick(), GraphOptions.DEFAULTS.window());
      if (!quiet) {
        stdout.printf(
            "%s: resuming after tick %d of %d from %s%n",
            scenario.name(), checkpoints.tick(), world.ticks(), dir.resolve(RunCheckpoints.FILE));
        stdout.flush();
      }
      ServedRun served;
      try {
        served = ServedRun.open(serve, scenario.name(), world, graph, stdout);
      } catch (RunEndpoints.BadOption e) {
        stderr.println(e.getMessage());
        return Main.BAD_INPUT;
      }
      try (served) {
        // The meters first, so that /metrics serves the run's series while it waits for a viewer.
        MetricsListener meters = served.meters();
        if (meters != null) {
          meters.resumedAfter(checkpoints.tick());
        }
        if (!served.awaitViewer(checkpoints.tick() + 1, stdout, stderr)) {
          return Main.RUN_FAILED;
        }
        int code =
            run(
                scenario,
                world,
                n,
                graph,
                checkpoints,
                meters,
                served.feed(),
                lock,
                stdout,
                stderr);
        served.holdIfAsked(stdout);
        return code;
      }
    }
  }

  private int run(
      Scenario scenario,
      World world,
      int n,
      GraphListener graph,
      RunCheckpoints checkpoints,
      MetricsListener meters,
      LiveFeed feed,
      RunLock lock,
      PrintWriter stdout,
      PrintWriter stderr)
      throws IOException {
    RunOutcome outcome;
    try (Simulation sim = new Simulation(n)) {
      Observers observers = ServedRun.observers(world, graph, meters, feed, quiet, stderr);
      RunDirectory.Result result;
      try {
        result =
            RunDirectory.run(
                sim,
                scenario,
                world,
                n,
                dir,
                observers,
                feed == null
                    ? Duration.ZERO
                    : Duration.ofNanos(Math.round(1e9 / EndpointOptions.LIVE_PACE)),
                lock,
                meters == null ? checkpoints : meters.timed(checkpoints));
        if (result.outcome().completed()) {
          checkpoints.completed(keepCheckpoint);
        }
      } catch (ResumeRefused e) {
        stderr.println("error: " + dir.resolve(RunCheckpoints.FILE) + ": " + e.getMessage());
        stderr.flush();
        return Main.BAD_INPUT;
      } catch (IOException e) {
        stderr.println("error: cannot resume the run in " + dir + ": " + WriteFailure.describe(e));
        stderr.flush();
        return Main.RUN_FAILED;
      }
      outcome = result.outcome();
      if (!quiet) {
        SummaryTable.print(stdout, world, result.summary());
      }
    }
    return Commands.finish(outcome, dir, noReport, quiet, stdout, stderr);
  }

  /** Deletes the temporary files ({@code .NAME.tmp}) a killed run left in a directory. */
  static void removeTemporaryFiles(Path in) throws IOException {
    if (!Files.isDirectory(in)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(in, ".*.tmp")) {
      for (Path f : files) {
        Files.deleteIfExists(f);
      }
    }
  }
}
