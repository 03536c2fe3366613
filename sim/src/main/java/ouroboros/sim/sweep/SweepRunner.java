package ouroboros.sim.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.engine.Simulation;
import ouroboros.sim.engine.TickListener;
import ouroboros.sim.engine.TickResult;
import ouroboros.sim.engine.World;
import ouroboros.sim.graph.GraphListener;
import ouroboros.sim.graph.GraphOptions;
import ouroboros.sim.output.Observers;
import ouroboros.sim.output.RunDirectory;
import ouroboros.sim.output.ShutdownRelease;
import ouroboros.sim.scenario.compile.WorldCompiler;
import ouroboros.sim.scenario.spec.Scenario;

/**
 * Runs a sweep's runs: {@code parallel} workers take the runs in order. At most {@code parallel}
 * runs are in memory at once, each built just before it starts and dropped when it ends, so the
 * sweep's footprint is about {@code parallel} times one run's, whatever the number of runs.
 *
 * <p>A run that fails, for whatever reason, is recorded with its reason and the other runs go on.
 * In this JVM (the default) each worker reuses one {@link Simulation} (an actor system of {@code
 * engineThreads} dispatcher threads), built to contain fatal errors: a run whose {@link
 * MemoryEstimate} exceeds its share of the heap (the maximum heap / {@code parallel}) is refused
 * before tick 0, and an {@link OutOfMemoryError} the estimate did not foresee fails that run, stops
 * that worker's actor system and leaves the JVM alive (the worker builds a new one). With a run
 * heap ({@code --run-heap}), each run has its own JVM with that maximum heap ({@link ChildRun}):
 * the heap is the run's hard bound, and running out of it ends that JVM only.
 */
public final class SweepRunner {
  /**
   * One run of a sweep: a replicate of a cell.
   *
   * @param cell the cell
   * @param replicate the replicate, 0-based
   * @param seed the run's seed
   * @param scenario the cell's resolved scenario
   * @param dir the run directory
   * @param fingerprint the SHA-256 of the run's scenario.yaml ({@link SweepFailures#fingerprint}),
   *     which failures.csv records
   */
  public record Job(
      int cell, int replicate, long seed, Scenario scenario, Path dir, String fingerprint) {
    /** Checks the references. */
    public Job {
      Objects.requireNonNull(scenario, "scenario");
      Objects.requireNonNull(dir, "dir");
    }

    /** The run's ticks. */
    public int ticks() {
      return scenario.ticks();
    }
  }

  /**
   * A run that did not complete.
   *
   * @param job the run
   * @param ticks the ticks it completed
   * @param reason why it failed
   */
  public record Failure(Job job, int ticks, String reason) {
    /** "stopped after N ticks: reason". */
    public String message() {
      return "stopped after " + ticks + " ticks: " + reason;
    }
  }

  /**
   * How a sweep runs its runs.
   *
   * @param parallel runs at once
   * @param engineThreads dispatcher threads of each run
   * @param runHeap the maximum heap of each run's own JVM (a {@code -Xmx} value such as {@code
   *     512m}), or null to run every run in this JVM
   */
  public record Settings(int parallel, int engineThreads, String runHeap) {
    /** Checks the counts. */
    public Settings {
      if (parallel < 1 || engineThreads < 1) {
        throw new IllegalArgumentException(
            "parallel and engine threads must be at least 1: " + parallel + ", " + engineThreads);
      }
    }
  }

  /** Told of progress, from the workers' threads. */
  public interface Progress {
    /** A run finished a tick. */
    void tick();

    /** A run ended; {@code outcome} says how. */
    void finished(Job job, RunOutcome outcome);
  }

  private SweepRunner() {}

  /**
   * Runs every job, at most {@code settings.parallel()} at once, and returns the runs that failed,
   * in order. Each failure is also added to {@code record} and written at once ({@link
   * SweepFailures}); a failure never stops the other runs.
   */
  public static List<Failure> run(
      List<Job> jobs, Settings settings, Progress progress, SweepFailures record)
      throws InterruptedException {
    // The runs at once: a run's share of the heap is the heap over these.
    Settings at =
        new Settings(
            Math.max(1, Math.min(settings.parallel(), jobs.size())),
            settings.engineThreads(),
            settings.runHeap());
    AtomicInteger next = new AtomicInteger();
    List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
    Consumer<Failure> failed =
        f -> {
          failures.add(f);
          try {
            record.record(
                new SweepFailures.Entry(
                    f.job().cell(),
                    f.job().replicate(),
                    f.job().seed(),
                    f.ticks(),
                    f.reason(),
                    f.job().fingerprint()));
          } catch (IOException e) {
            // The sweep writes the file again at its end, and reports a failure to write there.
          }
        };
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < Math.min(at.parallel(), jobs.size()); w++) {
      Thread t = new Thread(() -> work(jobs, next, at, progress, failed), "sweep-worker-" + w);
      t.start();
      workers.add(t);
    }
    for (Thread t : workers) {
      t.join();
    }
    List<Failure> sorted = new ArrayList<>(failures);
    sorted.sort(
        (a, b) ->
            a.job().cell() != b.job().cell()
                ? Integer.compare(a.job().cell(), b.job().cell())
                : Integer.compare(a.job().replicate(), b.job().replicate()));
    return sorted;
  }

  /**
   * One worker: takes the next job until none is left, each in its own JVM or on this worker's
   * simulation, which a contained fatal error replaces with a new one.
   */
  private static void work(
      List<Job> jobs,
      AtomicInteger next,
      Settings settings,
      Progress progress,
      Consumer<Failure> failed) {
    Simulation sim = null;
    try {
      for (int i = next.getAndIncrement(); i < jobs.size(); i = next.getAndIncrement()) {
        Job job = jobs.get(i);
        Ticks ticks = new Ticks(progress);
        RunOutcome outcome;
        if (settings.runHeap() != null) {
          outcome = ChildRun.run(job, settings.runHeap(), settings.engineThreads(), ticks);
        } else {
          if (sim == null || sim.isTerminated()) {
            if (sim != null) {
              sim.close();
            }
            sim = new Simulation(settings.engineThreads(), true);
          }
          outcome = inThisJvm(sim, job, settings, ticks);
        }
        if (ShutdownRelease.jvmShuttingDown()) {
          // Stopped by SIGTERM or Ctrl-C, not failed: --resume redoes it, as a run in flight.
          return;
        }
        if (!outcome.completed()) {
          failed.accept(new Failure(job, outcome.ticksCompleted(), outcome.failure()));
        }
        progress.finished(job, outcome);
      }
    } finally {
      if (sim != null) {
        sim.close();
      }
    }
  }

  /**
   * Runs a job on {@code sim}, unless its {@link MemoryEstimate} exceeds its share of this JVM's
   * heap (the maximum heap over the runs at once: --parallel, or fewer when fewer runs are left to
   * run); an error, out of memory included, fails the run.
   */
  private static RunOutcome inThisJvm(Simulation sim, Job job, Settings settings, Ticks ticks) {
    long max = Runtime.getRuntime().maxMemory();
    try {
      World world = WorldCompiler.compile(job.scenario(), job.seed());
      long need = MemoryEstimate.bytes(world);
      long share = max / settings.parallel();
      if (need > share) {
        return new RunOutcome(
            0,
            "refused before tick 0: estimated memory "
                + MemoryEstimate.text(need)
                + " exceeds this run's share of the heap, "
                + MemoryEstimate.text(share)
                + " (max heap "
                + MemoryEstimate.text(max)
                + (settings.parallel() > 1 ? " / " + settings.parallel() + " runs at once" : "")
                + "); give it a larger heap (-Xmx in OUROBOROS_JAVA_OPTS), fewer runs at once,"
                + " or its own JVM with --run-heap SIZE");
      }
      RunOutcome outcome =
          runOne(sim, job.scenario(), world, settings.engineThreads(), job.dir(), ticks);
      return outcome.completed() || !sim.isTerminated()
          ? outcome
          : new RunOutcome(ticks.count(), outcome.failure());
    } catch (OutOfMemoryError e) {
      return new RunOutcome(
          ticks.count(),
          "out of memory (" + e.getMessage() + ", max heap " + MemoryEstimate.text(max) + ")");
    } catch (Exception e) {
      return new RunOutcome(ticks.count(), "the run could not start or write its files: " + e);
    }
  }

  /**
   * Runs one run of a sweep into {@code dir}, as a sweep does in this JVM and in a run's own JVM:
   * its files and topology, no report.
   */
  public static RunOutcome runOne(
      Simulation sim,
      Scenario scenario,
      World world,
      int engineThreads,
      Path dir,
      TickListener ticks)
      throws IOException {
    GraphListener graph = new GraphListener(dir, world, GraphOptions.DEFAULTS);
    return RunDirectory.run(
            sim,
            scenario,
            world,
            engineThreads,
            dir,
            Observers.builder().topology(graph).sink(ticks).build(),
            Duration.ZERO)
        .outcome();
  }

  /** Counts the ticks of one run and tells the progress of each. */
  static final class Ticks implements TickListener {
    private final Progress progress;
    private final AtomicInteger count = new AtomicInteger();

    Ticks(Progress progress) {
      this.progress = progress;
    }

    /** Ticks so far. */
    int count() {
      return count.get();
    }

    /** One more tick (a run in its own JVM reports its ticks this way). */
    void tick() {
      count.incrementAndGet();
      progress.tick();
    }

    @Override
    public void onTick(TickResult result) {
      tick();
    }

    @Override
    public void onFinish(RunOutcome outcome) {
      // The worker reports the end, with the job.
    }
  }
}
