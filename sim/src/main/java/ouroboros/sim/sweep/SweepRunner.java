package ouroboros.sim.sweep;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.engine.Simulation;
import ouroboros.sim.engine.TickListener;
import ouroboros.sim.engine.TickResult;
import ouroboros.sim.engine.World;
import ouroboros.sim.graph.GraphListener;
import ouroboros.sim.graph.GraphOptions;
import ouroboros.sim.output.Observers;
import ouroboros.sim.output.RunDirectory;
import ouroboros.sim.scenario.compile.WorldCompiler;
import ouroboros.sim.scenario.spec.Scenario;

/**
 * Runs a sweep's runs in one JVM: {@code parallel} workers, each with one {@link Simulation} (an
 * actor system of {@code engineThreads} dispatcher threads) that it reuses for run after run, take
 * the runs in order. At most {@code parallel} runs are in memory at once, each built just before it
 * starts and dropped when it ends, so the sweep's footprint is about {@code parallel} times one
 * run's, whatever the number of runs.
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
   */
  public record Job(int cell, int replicate, long seed, Scenario scenario, Path dir) {
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
   * @param message why
   */
  public record Failure(Job job, String message) {}

  /** Told of progress, from the workers' threads. */
  public interface Progress {
    /** A run finished a tick. */
    void tick();

    /** A run ended; {@code outcome} says how. */
    void finished(Job job, RunOutcome outcome);
  }

  private SweepRunner() {}

  /** Runs every job, at most {@code parallel} at once; returns the runs that failed, in order. */
  public static List<Failure> run(
      List<Job> jobs, int parallel, int engineThreads, Progress progress)
      throws InterruptedException {
    if (parallel < 1 || engineThreads < 1) {
      throw new IllegalArgumentException(
          "parallel and engine threads must be at least 1: " + parallel + ", " + engineThreads);
    }
    AtomicInteger next = new AtomicInteger();
    List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < Math.min(parallel, jobs.size()); w++) {
      Thread t =
          new Thread(
              () -> work(jobs, next, engineThreads, progress, failures), "sweep-worker-" + w);
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

  /** One worker: takes the next job until none is left, on its own simulation. */
  private static void work(
      List<Job> jobs,
      AtomicInteger next,
      int engineThreads,
      Progress progress,
      List<Failure> failures) {
    try (Simulation sim = new Simulation(engineThreads)) {
      for (int i = next.getAndIncrement(); i < jobs.size(); i = next.getAndIncrement()) {
        Job job = jobs.get(i);
        RunOutcome outcome;
        try {
          World world = WorldCompiler.compile(job.scenario(), job.seed());
          GraphListener graph = new GraphListener(job.dir(), world, GraphOptions.DEFAULTS);
          outcome =
              RunDirectory.run(
                      sim,
                      job.scenario(),
                      world,
                      engineThreads,
                      job.dir(),
                      Observers.builder().topology(graph).sink(new Ticks(progress)).build(),
                      Duration.ZERO)
                  .outcome();
        } catch (Exception e) {
          outcome = new RunOutcome(0, "the run could not start or write its files: " + e);
        }
        if (!outcome.completed()) {
          failures.add(
              new Failure(
                  job,
                  "stopped after " + outcome.ticksCompleted() + " ticks: " + outcome.failure()));
        }
        progress.finished(job, outcome);
      }
    }
  }

  /** Tells the progress of every tick. */
  private record Ticks(Progress progress) implements TickListener {
    @Override
    public void onTick(TickResult result) {
      progress.tick();
    }

    @Override
    public void onFinish(RunOutcome outcome) {
      // The worker reports the end, with the job.
    }
  }
}
