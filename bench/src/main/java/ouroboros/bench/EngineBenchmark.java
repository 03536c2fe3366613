package ouroboros.bench;

import java.io.PrintWriter;
import java.lang.ref.Reference;
import java.util.Locale;
import java.util.concurrent.Callable;
import ouroboros.sim.engine.Phase;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.engine.Simulation;
import ouroboros.sim.engine.World;
import ouroboros.sim.scenario.check.ScenarioException;
import ouroboros.sim.scenario.compile.WorldCompiler;
import ouroboros.sim.scenario.load.ScenarioLoader;
import ouroboros.sim.scenario.spec.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Engine benchmark: one run of a large {@link Workload} through the real engine (scenario loader,
 * {@link World}, {@link Simulation} on Akka), printing a table of figures. It is a benchmark, not a
 * test: it asserts nothing and has no pass mark, except that it prints the 32-byte goal beside the
 * bytes per stored item.
 *
 * <p>Figures:
 *
 * <ul>
 *   <li>wall time of {@link Simulation#run}, actor start-up and the first tick's JIT warm-up
 *       included; and items published per second of that wall time;
 *   <li>peak heap: the sum over heap pools of {@code MemoryPoolMXBean.getPeakUsage()}, reset just
 *       before the run (an upper bound, as the pools may peak at different moments);
 *   <li>bytes per stored item, payload excluded, two ways: the web's own column accounting ({@code
 *       Snapshot.provenanceBytes() / size()}), and the measured heap (used heap after forced GC
 *       with the last snapshot still held, minus used heap before the run, per item, then minus the
 *       payload's bytes per item).
 * </ul>
 *
 * <p>Exit codes: 0 when the run completed, 1 when it failed, 2 for bad options.
 */
@Command(
    name = "engine-benchmark",
    mixinStandardHelpOptions = true,
    description = "Runs the engine benchmark workload once and prints its figures.")
public final class EngineBenchmark implements Callable<Integer> {
  /** The goal for bytes per stored item, payload excluded. */
  static final double GOAL_BYTES_PER_ITEM = 32;

  private static final double MIB = 1024.0 * 1024.0;

  @Option(names = "--models", description = "generative models (default 1000)")
  int models = 1000;

  @Option(names = "--humans", description = "human sources (default 10)")
  int humans = 10;

  @Option(names = "--ticks", description = "ticks (default 100)")
  int ticks = 100;

  @Option(names = "--threads", description = "dispatcher threads (default: available processors)")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--seed", description = "scenario seed (default 42)")
  long seed = 42;

  @Option(
      names = "--rate",
      description =
          "items each agent publishes per tick (default 100): at a fixed agent count, the"
              + " publish phase's cost per agent and per item apart")
  int rate = 100;

  /** A model retrains every this many ticks. */
  static final int RETRAIN_EVERY = 10;

  /** First retrain at tick 9, so each retrain follows ten ticks of publishing (9, 19, .., 99). */
  static final int FIRST_RETRAIN = 9;

  /** Items a model scrapes per retrain. */
  static final int SCRAPE = 100;

  private final PrintWriter out = new PrintWriter(System.out, true);

  /** Entry point. */
  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new EngineBenchmark());
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          System.err.println("error: " + e);
          e.printStackTrace(System.err);
          return 1;
        });
    System.exit(cli.execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (threads < 1) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--threads is not strictly positive: " + threads);
    }
    Workload w;
    try {
      w = new Workload(models, humans, ticks, rate, RETRAIN_EVERY, FIRST_RETRAIN, SCRAPE, seed);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
    }
    Scenario scenario;
    try {
      scenario = new ScenarioLoader().parse("engine-benchmark.yaml", w.yaml());
    } catch (ScenarioException e) {
      System.err.println("error: the generated scenario was rejected:\n" + e.getMessage());
      return 1;
    }
    World world = WorldCompiler.compile(scenario, seed);
    header(w);

    Recorder rec = new Recorder(w.ticks());
    RunOutcome outcome;
    long wallNanos;
    long cpuNanos;
    long peak;
    long before;
    long after;
    try (Simulation sim = new Simulation(threads)) {
      before = HeapProbe.usedAfterGc();
      HeapProbe.resetPeaks();
      long c0 = processCpuNanos();
      long t0 = System.nanoTime();
      outcome = sim.run(world, rec);
      wallNanos = System.nanoTime() - t0;
      cpuNanos = processCpuNanos() - c0;
      peak = HeapProbe.peakSum();
      // The clock stops its agents when the run ends; the recorder still holds the snapshot.
      Thread.sleep(200);
      after = HeapProbe.usedAfterGc();
      Reference.reachabilityFence(rec.last());
    }
    report(w, outcome, rec, wallNanos, cpuNanos, peak, before, after);
    return outcome.completed() ? 0 : 1;
  }

  /** CPU time of the whole JVM so far (every thread, GC and JIT included); 0 if unknown. */
  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  /** Prints what is run, on what. */
  private void header(Workload w) {
    out.println("Ouroboros engine benchmark");
    out.printf(
        Locale.ROOT,
        "seed %d; threads %d; max heap %.0f MiB; GC %s; Java %s%n",
        w.seed(),
        threads,
        Runtime.getRuntime().maxMemory() / MIB,
        HeapProbe.collectors(),
        System.getProperty("java.version"));
    out.printf(
        Locale.ROOT,
        "workload: %d models + %d humans, gaussian d=1, %d ticks, "
            + "%d items/agent/tick, retention all;%n",
        w.models(),
        w.humans(),
        w.ticks(),
        w.publishRate());
    out.printf(
        Locale.ROOT,
        "  models: replace, initial truth, scrape %d, retrain every %d "
            + "ticks from tick %d (%d retrains each)%n",
        w.scrape(),
        w.retrainEvery(),
        w.firstRetrain(),
        w.retrainsPerModel());
    out.println();
  }

  /** Prints the table of figures. */
  private void report(
      Workload w,
      RunOutcome outcome,
      Recorder rec,
      long wallNanos,
      long cpuNanos,
      long peak,
      long before,
      long after) {
    double wall = wallNanos / 1e9;
    long n = rec.size();
    out.printf(
        Locale.ROOT,
        "outcome: %s%n%n",
        outcome.completed()
            ? "completed " + outcome.ticksCompleted() + " ticks"
            : "FAILED after " + outcome.ticksCompleted() + " ticks: " + outcome.failure());
    row("wall time (Simulation.run)", "%.2f s", wall);
    row(
        "process CPU time (Simulation.run)",
        "%.2f s (%.2f cores busy)",
        cpuNanos / 1e9,
        cpuNanos / (double) wallNanos);
    row("items published", "%,d", rec.published());
    row("items published per second", "%,.0f", rec.published() / wall);
    long publish = rec.phaseNanos(Phase.PUBLISH);
    if (publish > 0) {
      row("items stored per second of publish phase", "%,.0f", rec.published() / (publish / 1e9));
    }
    row("peak heap (sum of heap-pool peaks)", "%,.1f MiB", peak / MIB);
    row("stored items (last snapshot)", "%,d", n);
    if (n > 0) {
      double columns = (double) rec.provenanceBytes() / n;
      double payload = (double) rec.payloadBytes() / n;
      double measured = (double) (after - before) / n;
      row(
          "bytes/item, column accounting, no payload",
          "%.2f  (goal <= %.0f: %s)",
          columns,
          GOAL_BYTES_PER_ITEM,
          columns <= GOAL_BYTES_PER_ITEM ? "met" : "MISSED");
      row("bytes/item, measured heap, with payload", "%.2f", measured);
      row(
          "bytes/item, measured heap, no payload",
          "%.2f  (goal <= %.0f: %s)",
          measured - payload,
          GOAL_BYTES_PER_ITEM,
          measured - payload <= GOAL_BYTES_PER_ITEM ? "met" : "MISSED");
      row("payload bytes/item (column accounting)", "%.2f", payload);
    }
    row("heap used before / after run (after GC)", "%,.1f / %,.1f MiB", before / MIB, after / MIB);
    out.println();
    out.println("time per phase (sum over ticks; slowest tick):");
    long phases = 0;
    for (Phase p : new Phase[] {Phase.EVENTS, Phase.PUBLISH, Phase.RETRAIN}) {
      phases += rec.phaseNanos(p);
      row(
          "  " + p.key(),
          "%.2f s (%.1f%%); slowest tick %.3f s",
          rec.phaseNanos(p) / 1e9,
          100.0 * rec.phaseNanos(p) / wallNanos,
          rec.phaseMaxNanos(p) / 1e9);
    }
    row(
        "  observe, scheduling, start-up",
        "%.2f s (%.1f%%)",
        (wallNanos - phases) / 1e9,
        100.0 * (wallNanos - phases) / wallNanos);
    row(
        "retrains (fits failed)",
        "%,d (%,d) on %d ticks",
        rec.retrains(),
        rec.fitFailures(),
        rec.retrainTicks());
    if (rec.retrains() > 0) {
      row(
          "retrain phase per retrain",
          "%.1f us",
          rec.phaseNanos(Phase.RETRAIN) / 1e3 / rec.retrains());
    }
  }

  /** One row of the table: a label, then a formatted value. */
  private void row(String label, String format, Object... args) {
    out.printf(Locale.ROOT, "%-44s %s%n", label, String.format(Locale.ROOT, format, args));
  }
}
