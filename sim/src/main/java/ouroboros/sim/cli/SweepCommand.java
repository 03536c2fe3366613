package ouroboros.sim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import ouroboros.sim.engine.EngineLimits;
import ouroboros.sim.output.AtomicFiles;
import ouroboros.sim.output.OutDir;
import ouroboros.sim.output.RunDirectory;
import ouroboros.sim.output.RunLayout;
import ouroboros.sim.output.RunLock;
import ouroboros.sim.output.ShutdownRelease;
import ouroboros.sim.output.SweepLayout;
import ouroboros.sim.scenario.check.ScenarioException;
import ouroboros.sim.scenario.load.ScenarioLoader;
import ouroboros.sim.scenario.spec.Scenario;
import ouroboros.sim.sweep.Seeds;
import ouroboros.sim.sweep.SweepFailures;
import ouroboros.sim.sweep.SweepFile;
import ouroboros.sim.sweep.SweepPlan;
import ouroboros.sim.sweep.SweepRunner;
import ouroboros.sim.sweep.SweepTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ouroboros sweep SWEEP.yaml}: runs every cell of a sweep, each {@code replicates} times, as
 * ordinary runs in one JVM, then writes the sweep's tidy tables. Every cell is checked before any
 * run starts. The sweep directory holds {@code sweep.yaml} (a copy of the sweep file), {@code
 * cells.csv}, {@code runs/c<cell>-r<replicate>/} (one run directory each), {@code sweep.csv} and
 * {@code summary.csv} (see {@link SweepTables}), and {@code base-seed.txt} when the seed was drawn
 * at random, and {@code failures.csv} when a run failed ({@link SweepFailures}). A run that fails
 * is recorded and the others go on ({@link SweepRunner}). With {@code --resume}, runs whose
 * summary.json says they completed, with the scenario this sweep gives them, are kept, and so are
 * the runs failures.csv lists with that scenario unless {@code --retry-failed} is given; the rest
 * (a failure of another scenario included) are run again from scratch. It ends with the key table
 * ({@link SweepSummary}), the report's path and the sweep directory; {@code --quiet} prints only
 * the directory.
 */
@Command(
    name = "sweep",
    description =
        "Run a sweep: a base scenario with values varied over a"
            + " grid, a zip or a list of cells, each cell replicated.")
final class SweepCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "SWEEP", description = "The sweep YAML file.")
  private Path file;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Sweep directory (default: runs/sweep-<name>-<timestamp>).")
  private Path out;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description = "Runs at once, at most 1024 (default: the number of cores).")
  private Integer parallel;

  @Option(
      names = "--resume",
      description = "Continue the sweep in --out DIR: keep the runs that completed, redo the rest.")
  private boolean resume;

  @Option(
      names = "--retry-failed",
      description =
          "With --resume, run again the runs that failed (failures.csv); without it they are kept"
              + " as failed, unless they failed with another base scenario (the base edited"
              + " since), which are run again anyway.")
  private boolean retryFailed;

  @Option(
      names = "--run-heap",
      paramLabel = "SIZE",
      description =
          "Run each run in its own JVM with this maximum heap (as -Xmx: 512m, 4g), so that a run"
              + " that runs out of memory fails alone. Default: every run in this JVM, a run whose"
              + " estimated memory exceeds its share of the heap refused.")
  private String runHeap;

  @Option(names = "--no-report", description = "Do not write report.html at the end.")
  boolean noReport;

  @Option(
      names = "--quiet",
      description = "No progress and no summary table: print only the sweep directory at the end.")
  private boolean quiet;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    int cores = Runtime.getRuntime().availableProcessors();
    int n = parallel != null ? parallel : cores;
    if (n < 1) {
      stderr.println("error: --parallel: found " + n + ", expected a whole number of at least 1");
      return Main.BAD_INPUT;
    }
    if (n > EngineLimits.MAX_THREADS) {
      stderr.println(
          "error: --parallel: found "
              + n
              + ", expected a whole number from 1 to "
              + EngineLimits.MAX_THREADS);
      return Main.BAD_INPUT;
    }
    if (resume && out == null) {
      stderr.println(
          "error: --resume: found no --out, expected --out DIR, the directory of the"
              + " sweep to continue");
      return Main.BAD_INPUT;
    }
    if (retryFailed && !resume) {
      stderr.println("error: --retry-failed: found no --resume, expected --resume --out DIR");
      return Main.BAD_INPUT;
    }
    if (runHeap != null && !runHeap.matches("[1-9][0-9]{0,6}[mMgG]")) {
      stderr.println(
          "error: --run-heap: found '"
              + runHeap
              + "', expected a heap size in m or g, as -Xmx takes it, such as 512m or 4g");
      return Main.BAD_INPUT;
    }
    SweepPlan plan;
    try {
      plan = SweepPlan.check(SweepFile.read(file));
    } catch (ScenarioException e) {
      // A scenario fails as a sweep file on each of its keys: say once what it is instead.
      Errors.print(stderr, e, FileKinds.scenarioForSweep(file));
      return Main.BAD_INPUT;
    }
    SweepFile sweep = plan.sweep();
    Path dir = out != null ? out : Commands.defaultDir("sweep-" + sweep.name());
    byte[] sweepBytes = Files.readAllBytes(file);
    String refused = refuseDir(dir, sweepBytes);
    if (refused != null) {
      stderr.println("error: --out: " + refused);
      return Main.BAD_INPUT;
    }
    // The directory passed refuseDir (new, empty, or the sweep to resume); the lock keeps a second
    // sweep or run out of it while this one runs.
    RunLock lock =
        OutputDirs.lock(dir, resume ? OutDir.Mode.KEEP : OutDir.Mode.NEW, "--out", stderr);
    if (lock == null) {
      return Main.BAD_INPUT;
    }
    // SIGTERM or Ctrl-C: the runs in child JVMs are stopped and the lock is deleted, as a run's.
    try (lock;
        ShutdownRelease release = ShutdownRelease.of(lock)) {
      return call(plan, dir, sweepBytes, n, cores);
    }
  }

  /** The sweep, once its options are checked and its directory is locked. */
  private int call(SweepPlan plan, Path dir, byte[] sweepBytes, int n, int cores)
      throws IOException, InterruptedException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    SweepFile sweep = plan.sweep();
    AtomicFiles.write(new SweepLayout(dir).sweepYaml(), sweepBytes);
    BaseSeed baseSeed = plan.needsSeed() ? baseSeed(dir) : null;
    Long drawn = baseSeed == null ? null : baseSeed.seed();
    SweepTables tables = new SweepTables(sweep);
    tables.writeCells(dir);

    int engineThreads = sweep.engineThreads() != null ? sweep.engineThreads() : n > 1 ? 1 : cores;
    List<SweepRunner.Job> todo = new ArrayList<>();
    SweepFailures failed = SweepFailures.read(dir);
    int runs = 0;
    int kept = 0;
    int keptFailed = 0;
    int otherFailed = 0;
    long totalTicks = 0;
    long keptTicks = 0;
    ScenarioLoader loader = new ScenarioLoader();
    for (int c = 0; c < sweep.cells().size(); c++) {
      long cellSeed = plan.cellSeed(c, drawn == null ? 0 : drawn);
      Scenario scenario = plan.scenarios().get(c);
      for (int r = 0; r < sweep.replicates(); r++) {
        long seed = Seeds.replicate(cellSeed, r);
        Path runDir = SweepTables.runDir(dir, c, r);
        runs++;
        totalTicks += scenario.ticks();
        String yaml = loader.write(scenario.withSeed(seed));
        String fingerprint = SweepFailures.fingerprint(yaml);
        if (resume && complete(runDir, yaml)) {
          kept++;
          keptTicks += scenario.ticks();
          failed.remove(c, r);
          continue;
        }
        SweepFailures.Entry before = failed.get(c, r);
        if (resume && !retryFailed && before != null && before.of(seed, fingerprint)) {
          keptFailed++;
          keptTicks += scenario.ticks();
          continue;
        }
        if (resume && before != null && !before.of(seed, fingerprint)) {
          otherFailed++; // a failure of another scenario (the base was edited): not this sweep's
        }
        failed.remove(c, r);
        deleteRecursively(runDir);
        todo.add(new SweepRunner.Job(c, r, seed, scenario, runDir, fingerprint));
      }
    }
    if (!quiet) {
      long[] seeds = new long[sweep.cells().size()];
      Arrays.setAll(seeds, c -> plan.cellSeed(c, drawn == null ? 0 : drawn));
      stdout.printf(
          "%s: %s x %s = %s of %s (%s), %d at once, %s each%n",
          sweep.name(),
          Commands.plural(sweep.cells().size(), "cell"),
          Commands.plural(sweep.replicates(), "replicate"),
          Commands.plural(runs, "run"),
          sweep.base(),
          Arrays.stream(seeds).distinct().count() == 1 ? "seed " + seeds[0] : "seeds varied",
          Math.min(n, Math.max(1, todo.size())),
          Commands.plural(engineThreads, "engine thread"));
      if (drawn != null) {
        stdout.println(
            baseSeed.kept()
                ? "the seed was drawn at random when the sweep started: read from "
                    + dir.resolve("base-seed.txt")
                : "the seed was drawn at random: it is kept in "
                    + dir.resolve("base-seed.txt")
                    + " for --resume");
      }
      if (resume) {
        stdout.println(
            "resume: "
                + kept
                + " of "
                + Commands.plural(runs, "run")
                + " complete, "
                + (keptFailed == 0
                    ? ""
                    : keptFailed + " failed before and not retried (--retry-failed retries them), ")
                + todo.size()
                + " to run"
                + (otherFailed == 0
                    ? ""
                    : " ("
                        + otherFailed
                        + " of them failed before with another base scenario: not this sweep's"
                        + " failures)"));
      }
      stdout.flush();
    }
    failed.write();
    SweepRunner.Settings settings = new SweepRunner.Settings(n, engineThreads, runHeap);
    if (quiet) {
      SweepRunner.run(todo, settings, new Silent(), failed);
    } else {
      try (SweepProgress progress =
          new SweepProgress(
              sweep.name(),
              totalTicks,
              keptTicks,
              runs,
              kept + keptFailed,
              PlainProgress.terminal(),
              stderr)) {
        SweepRunner.run(todo, settings, progress, failed);
      }
    }
    if (ShutdownRelease.jvmShuttingDown()) {
      return Main.RUN_FAILED; // SIGTERM, Ctrl-C: no tables from unfinished runs; --resume goes on
    }
    // SIGTERM or Ctrl-C while the tables or the report are written leaves no temporary file.
    Path report;
    try (java.io.Closeable signal = AtomicFiles.stopOnShutdown()) {
      failed.write();
      tables.writeResults(dir);
      report = noReport ? null : Commands.sweepReport(dir, stderr);
    }
    if (!quiet) {
      SweepSummary.print(stdout, new SweepLayout(dir).summaryCsv());
      if (report != null) {
        stdout.println("report: " + report);
      }
      stdout.flush();
    }
    // Printed even with --quiet: where the results are is what a script needs.
    stdout.println("sweep directory: " + dir);
    stdout.flush();
    List<SweepFailures.Entry> failures = failed.entries();
    for (SweepFailures.Entry f : failures) {
      stderr.println(
          "error: run "
              + SweepTables.runDir(dir, f.cell(), f.replicate())
              + " failed after "
              + Commands.plural(f.ticks(), "tick")
              + ": "
              + f.reason());
    }
    if (!failures.isEmpty()) {
      stderr.println(
          "error: "
              + Commands.plural(failures.size(), "run")
              + " of "
              + runs
              + (failures.size() == runs ? " failed: " : " failed; the others ran: ")
              + new SweepLayout(dir).failuresCsv()
              + " names each with its reason, and the tables leave them out; run again with"
              + " --resume --retry-failed --out "
              + dir
              + " to retry them");
      stderr.flush();
      return Main.RUN_FAILED;
    }
    return 0;
  }

  /** Why {@code dir} cannot hold this sweep, or null when it can. */
  private String refuseDir(Path dir, byte[] sweepBytes) throws IOException {
    if (!Files.exists(dir)) {
      return null;
    }
    if (!Files.isDirectory(dir)) {
      return "found the file " + dir + ", expected a directory for the sweep";
    }
    if (!resume) {
      try (Stream<Path> entries = Files.list(dir)) {
        return entries.findAny().isEmpty()
            ? null
            : "found the directory "
                + dir
                + ", which is not empty, expected a new directory, or --resume to continue the"
                + " sweep in it";
      }
    }
    Path copy = new SweepLayout(dir).sweepYaml();
    if (!Files.isRegularFile(copy)) {
      try (Stream<Path> entries = Files.list(dir)) {
        return entries.findAny().isEmpty()
            ? null
            : "found the directory "
                + dir
                + " with no sweep.yaml, expected the directory of a sweep to continue";
      }
    }
    if (!Arrays.equals(Files.readAllBytes(copy), sweepBytes)) {
      return "found "
          + copy
          + ", which differs from "
          + file
          + ", expected the sweep file the"
          + " directory was started with";
    }
    return null;
  }

  /**
   * The seed of a sweep whose base has none.
   *
   * @param seed the seed
   * @param kept whether it was read from base-seed.txt (a resumed sweep), not drawn now
   */
  private record BaseSeed(long seed, boolean kept) {}

  /** The seed drawn for a sweep whose base has none: kept in the directory for --resume. */
  private static BaseSeed baseSeed(Path dir) throws IOException {
    Path kept = dir.resolve("base-seed.txt");
    if (Files.isRegularFile(kept)) {
      try {
        return new BaseSeed(
            Long.parseLong(Files.readString(kept, StandardCharsets.UTF_8).strip()), true);
      } catch (NumberFormatException e) {
        // Unreadable: draw again; every run is then redone, as its scenario.yaml will differ.
      }
    }
    long seed = new SecureRandom().nextLong();
    AtomicFiles.write(kept, (seed + "\n").getBytes(StandardCharsets.UTF_8));
    return new BaseSeed(seed, false);
  }

  /** Whether a run completed, with the very scenario (seed included) it would run now. */
  private static boolean complete(Path runDir, String scenarioYaml) throws IOException {
    Path written = RunLayout.of(runDir).scenario();
    return RunDirectory.isComplete(runDir)
        && Files.isRegularFile(written)
        && Files.readString(written, StandardCharsets.UTF_8).equals(scenarioYaml);
  }

  /** Removes a partial run directory, if any. */
  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** No progress shown. */
  private static final class Silent implements SweepRunner.Progress {
    @Override
    public void tick() {}

    @Override
    public void finished(SweepRunner.Job job, ouroboros.sim.engine.RunOutcome outcome) {}
  }
}
