package ouroboros.sim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import ouroboros.sim.checkpoint.RunCheckpoints;
import ouroboros.sim.engine.EngineLimits;
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
import ouroboros.sim.output.RunLock;
import ouroboros.sim.output.ShutdownRelease;
import ouroboros.sim.output.WriteFailure;
import ouroboros.sim.report.ReportWriter;
import ouroboros.sim.report.RunRows;
import ouroboros.sim.scenario.check.ScenarioException;
import ouroboros.sim.scenario.compile.WorldCompiler;
import ouroboros.sim.scenario.load.ScenarioLoader;
import ouroboros.sim.scenario.path.Overrides;
import ouroboros.sim.scenario.population.Copies;
import ouroboros.sim.scenario.spec.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ouroboros run SCENARIO}: runs a scenario and writes a run directory, the interaction
 * graph's {@code graph/} included. With {@code --serve-metrics} (or any of {@code --metrics-port},
 * {@code --metrics-host}, {@code --hold}) it also serves live metrics over HTTP while it runs, and
 * with {@code --serve-graph} (or {@code --graph-port}, {@code --graph-host}) the current graph;
 * with {@code --live} a page that follows the run ({@link ouroboros.sim.live.LivePage}), all on one
 * HTTP server with bounded threads and connections ({@link RunEndpoints}); both endpoints are off
 * by default, so that runs started in-process by tests never compete for a port. {@code --set
 * KEY=VALUE} overrides a scenario value before the scenario is checked ({@link Overrides}).
 */
@Command(
    name = "run",
    description = "Run a scenario and write a run directory, with report.html in it.")
final class RunCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  /** The endpoint options: metrics, graph, live page (a mixin, so that this file stays short). */
  @Mixin private EndpointOptions serve = new EndpointOptions();

  /** The cluster options (a mixin: docs/cluster.md). */
  @Mixin private ClusterOptions cluster = new ClusterOptions();

  @Parameters(paramLabel = "SCENARIO", description = "The scenario YAML file.")
  private Path file;

  @Option(names = "--seed", description = "Seed; overrides the scenario's.")
  private Long seed;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Override a scenario value before it is checked, such as"
              + " models[lab-a].regime=accumulate or sites[0].weight=2; KEY is a path as in sweep"
              + " files, VALUE is YAML. Repeatable; applied in order.")
  private List<String> sets = new ArrayList<>();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Run directory (default: runs/<scenario-name>-<timestamp>).")
  private Path out;

  @Option(
      names = "--overwrite",
      description =
          "Empty a non-empty --out directory first, if it holds an earlier run's or sweep's files"
              + " (default: refuse it).")
  private boolean overwrite;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Dispatcher threads, at most 1024 (default: the number of cores).")
  private Integer threads;

  @Option(
      names = "--quiet",
      description = "No progress and no summary table: print only the run directory at the end.")
  private boolean quiet;

  @Option(
      names = "--pace",
      paramLabel = "R",
      description = "Run at most R ticks per second (default: as fast as it can).")
  private Double pace;

  @Option(
      names = "--live",
      description =
          EndpointOptions.LIVE
              + "; runs at --pace 2 unless --pace says otherwise. Implies --serve-metrics.")
  private void live(boolean on) {
    serve.live = on;
  }

  /** Whether this run created its directory (so a refusal before tick 0 removes it). */
  private boolean createdDir;

  @Option(
      names = "--no-report",
      description = "Do not write report.html into the run directory at the end.")
  private boolean noReport;

  @Option(
      names = "--checkpoint-every",
      paramLabel = "K",
      description =
          "Write a checkpoint (checkpoint.bin in the run directory) after every K ticks, so that"
              + " 'ouroboros resume DIR' can finish a run that was stopped (docs/checkpoints.md).")
  private Integer checkpointEvery;

  @Option(
      names = "--keep-checkpoint",
      description =
          "Keep checkpoint.bin when the run completes (default: delete it, since a complete run"
              + " has nothing to resume).")
  private boolean keepCheckpoint;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    Scenario scenario;
    try {
      scenario = Overrides.load(new ScenarioLoader(), file, sets);
    } catch (ScenarioException e) {
      // A sweep file fails as a scenario on each of its keys: say once what it is instead.
      Errors.print(stderr, e, FileKinds.sweepForRun(file));
      return Main.BAD_INPUT;
    }
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (n < 1) {
      stderr.println("error: --threads: found " + n + ", expected a whole number of at least 1");
      return Main.BAD_INPUT;
    }
    if (n > EngineLimits.MAX_THREADS) {
      stderr.println(
          "error: --threads: found "
              + n
              + ", expected a whole number from 1 to "
              + EngineLimits.MAX_THREADS);
      return Main.BAD_INPUT;
    }
    if (pace != null && !(pace > 0 && pace < Double.POSITIVE_INFINITY)) {
      stderr.println(
          "error: --pace: found "
              + pace
              + ", expected a finite number of ticks per second above 0");
      return Main.BAD_INPUT;
    }
    if (pace != null && 1 / pace > EngineLimits.MAX_DELAY_SECONDS) {
      stderr.println(
          "error: --pace: found "
              + pace
              + ", expected ticks per second of at least 1/"
              + EngineLimits.MAX_DELAY_SECONDS
              + " (a tick at least every "
              + EngineLimits.MAX_DELAY_SECONDS
              + " seconds, about 248 days, the longest wait Akka's scheduler takes)");
      return Main.BAD_INPUT;
    }
    serve.live |= serve.waitForViewer;
    if (checkpointEvery != null && checkpointEvery < 1) {
      stderr.println(
          "error: --checkpoint-every: found "
              + checkpointEvery
              + ", expected a whole number of ticks of at least 1");
      return Main.BAD_INPUT;
    }
    if (serve.live && pace == null) {
      pace = EndpointOptions.LIVE_PACE;
    }
    String problem = serve.problem() != null ? serve.problem() : cluster.problem();
    if (problem != null) {
      stderr.println(problem);
      return Main.BAD_INPUT;
    }
    long runSeed =
        seed != null
            ? seed
            : scenario.seed() != null ? scenario.seed() : new SecureRandom().nextLong();
    if (scenario.copies() != null && !java.util.Objects.equals(scenario.seed(), runSeed)) {
      // Each copy's truth is drawn from the run's seed: check the truths this seed gives.
      ouroboros.sim.scenario.check.Problems p = new ouroboros.sim.scenario.check.Problems();
      Copies.check(p, scenario, runSeed);
      if (!p.isEmpty()) {
        Errors.print(
            stderr,
            new ScenarioException(
                p.locate(file.toString(), new ouroboros.sim.scenario.load.Locations())));
        return Main.BAD_INPUT;
      }
    }
    World world = WorldCompiler.compile(scenario, runSeed);
    if (!noReport) {
      ReportWriter.warmUp();
    }
    Path dir = out != null ? out : Commands.defaultDir(scenario.name());
    createdDir = !Files.exists(dir);
    RunLock lock =
        OutputDirs.lock(dir, overwrite ? OutDir.Mode.OVERWRITE : OutDir.Mode.NEW, "--out", stderr);
    if (lock == null) {
      return Main.BAD_INPUT;
    }
    // SIGTERM or Ctrl-C at any time, in a --wait-for-viewer or a --hold too: the lock goes.
    try (lock;
        ShutdownRelease release = ShutdownRelease.of(lock, createdDir ? dir : null)) {
      return call(scenario, world, runSeed, n, dir, lock);
    }
  }

  /** The run, once its options are checked and its directory is locked. */
  private int call(Scenario scenario, World world, long runSeed, int n, Path dir, RunLock lock)
      throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    if (!quiet) {
      stdout.printf(
          "%s: seed %d, %s, %s, %s, %s%n",
          scenario.name(),
          runSeed,
          Commands.plural(world.ticks(), "tick"),
          Commands.plural(world.humans().size(), "human source"),
          Commands.plural(world.models().size(), "model"),
          Commands.plural(n, "thread"));
      stdout.flush();
    }
    GraphListener graph = new GraphListener(dir, world, GraphOptions.DEFAULTS);
    ServedRun served;
    try {
      served = ServedRun.open(serve, scenario.name(), world, graph, stdout);
    } catch (RunEndpoints.BadOption e) {
      stderr.println(e.getMessage());
      lock.close();
      if (createdDir) {
        // Refused before tick 0: leave no run directory behind (it holds nothing).
        try {
          Files.deleteIfExists(dir);
        } catch (java.nio.file.DirectoryNotEmptyException notEmpty) {
          // something else wrote there: keep it
        }
      }
      return Main.BAD_INPUT;
    }
    try (served) {
      // The meters first, so that /metrics serves the run's series while it waits for a viewer.
      MetricsListener meters = served.meters(cluster.node());
      if (!served.awaitViewer(stdout, stderr)) {
        return Main.RUN_FAILED;
      }
      int code =
          run(
              scenario,
              world,
              n,
              dir,
              meters,
              served.feed(),
              served.labels(),
              graph,
              lock,
              stdout,
              stderr);
      served.holdIfAsked(stdout);
      return code;
    }
  }

  /**
   * Runs the world into {@code dir}, with the graph (which adds its rows to metrics.csv) and
   * feeding {@code meters} and the live page's {@code feed} when not null (a cluster's workers tag
   * their meters with {@code labels}); the exit code.
   */
  private int run(
      Scenario scenario,
      World world,
      int n,
      Path dir,
      MetricsListener meters,
      LiveFeed feed,
      Map<String, String> labels,
      GraphListener graph,
      RunLock lock,
      PrintWriter stdout,
      PrintWriter stderr)
      throws IOException {
    RunOutcome outcome;
    RunRows rows;
    try (Simulation sim = cluster.open(n, scenario, world.seed(), labels, stderr)) {
      cluster.meter(sim, meters);
      // The report, written right after the run, takes its series from here, not metrics.csv.
      rows = noReport ? null : new RunRows();
      Duration interval = pace == null ? Duration.ZERO : Duration.ofNanos(Math.round(1e9 / pace));
      RunDirectory.Result result;
      int every = checkpointEvery == null ? 0 : checkpointEvery;
      RunCheckpoints checkpoints = RunCheckpoints.every(dir, every, graph);
      NodeLoss loss =
          cluster.recovers()
              ? new NodeLoss(dir, graph, every, GraphOptions.DEFAULTS.window())
              : null;
      Simulation attempt = sim;
      while (true) {
        Observers observers = ServedRun.observers(world, graph, meters, feed, quiet, stderr, rows);
        try {
          result =
              RunDirectory.run(
                  attempt,
                  scenario,
                  world,
                  n,
                  dir,
                  observers,
                  interval,
                  lock,
                  meters == null ? checkpoints : meters.timed(checkpoints));
          if (result.outcome().completed()) {
            checkpoints.completed(keepCheckpoint);
          }
        } catch (IOException e) {
          if (ouroboros.sim.output.ShutdownRelease.jvmShuttingDown()) {
            // A signal before tick 0: the shutdown hook removed the directory this run had just
            // made (empty but for its lock) under the write, which is not the disk's fault (QA).
            stderr.println(
                "error: the run stopped before tick 0: "
                    + ouroboros.sim.output.RunDirectory.SHUT_DOWN);
            stderr.flush();
            ouroboros.sim.output.RunDirectory.said();
            return Main.RUN_FAILED;
          }
          stderr.println(
              "error: cannot write the run directory " + dir + ": " + WriteFailure.describe(e));
          stderr.flush();
          return Main.RUN_FAILED;
        }
        String lost = result.outcome().completed() ? null : cluster.lost();
        if (lost == null) {
          break;
        }
        // A node that held blocks was lost: go on from the last checkpoint on the survivors. The
        // rows collected so far run past the checkpoint, so the report reads metrics.csv instead.
        rows = null;
        try {
          checkpoints = loss.rewind(result.outcome(), lost, stderr);
        } catch (ouroboros.sim.checkpoint.CheckpointException e) {
          stderr.println("error: cannot go on after the node loss: " + e.getMessage());
          stderr.flush();
          return Main.RUN_FAILED;
        }
        if (meters != null && checkpoints.resuming()) {
          meters.resumedAfter(checkpoints.tick());
        }
        attempt = cluster.survivors(sim);
      }
      outcome = result.outcome();
      try {
        cluster.release(sim);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (!quiet) {
        SummaryTable.print(stdout, world, result.summary());
        if (checkpoints.written() > 0) {
          stdout.printf(
              "checkpoints: %d written; the last %d bytes in %.1f ms%n",
              checkpoints.written(), checkpoints.lastBytes(), checkpoints.lastNanos() / 1e6);
        }
      }
    }
    return Commands.finish(outcome, dir, rows, noReport, quiet, stdout, stderr);
  }
}
