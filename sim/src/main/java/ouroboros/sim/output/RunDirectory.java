package ouroboros.sim.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import ouroboros.sim.engine.Listeners;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.engine.Simulation;
import ouroboros.sim.engine.TickListener;
import ouroboros.sim.engine.World;
import ouroboros.sim.scenario.Yaml;

/**
 * One run into one run directory, with nothing printed: what {@code ouroboros run} does after it
 * has read its options, and what each run of a sweep does on a simulation it reuses.
 */
public final class RunDirectory {
  /**
   * How a run ended and its final summary.
   *
   * @param outcome how the run ended
   * @param summary the latest state of every model
   */
  public record Result(RunOutcome outcome, RunSummary summary) {}

  private RunDirectory() {}

  /**
   * Runs {@code world} on {@code sim} into {@code dir} (see {@link RunWriter}), calling
   * {@code listeners} after the writer at every tick; {@code threads} is recorded in
   * timing.json, and {@code tickInterval} paces the ticks (zero: as fast as it can).
   */
  public static Result run(Simulation sim, World world, int threads, Path dir,
      List<TickListener> listeners, Duration tickInterval) throws IOException {
    return run(sim, world, threads, dir, listeners, tickInterval, List.of());
  }

  /**
   * As {@link #run(Simulation, World, int, Path, List, Duration)}, with {@code contributors}
   * adding their rows to metrics.csv (a contributor that also listens to ticks, such as the
   * interaction graph, goes in {@code listeners} too).
   */
  public static Result run(Simulation sim, World world, int threads, Path dir,
      List<TickListener> listeners, Duration tickInterval,
      List<RunMetrics.Contributor> contributors) throws IOException {
    try (RunWriter writer = new RunWriter(dir, world, threads, contributors)) {
      List<TickListener> all = new ArrayList<>();
      all.add(writer);
      all.addAll(listeners);
      RunOutcome outcome = sim.run(world, new Listeners(all), tickInterval);
      return new Result(outcome, writer.summary());
    }
  }

  /**
   * Whether the run in {@code dir} finished every tick: its summary.json, which the writer
   * replaces atomically after every tick, says {@code "complete": true}. A run that was killed,
   * failed or never started is not complete.
   */
  public static boolean isComplete(Path dir) {
    Path summary = RunLayout.of(dir).summary();
    if (!Files.isRegularFile(summary)) {
      return false;
    }
    try {
      JsonNode root = Yaml.json().readTree(summary.toFile());
      return root.path("complete").asBoolean(false);
    } catch (IOException e) {
      return false;
    }
  }
}
