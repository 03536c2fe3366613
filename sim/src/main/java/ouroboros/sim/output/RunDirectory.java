package ouroboros.sim.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.engine.Simulation;
import ouroboros.sim.engine.World;
import ouroboros.sim.scenario.load.Yaml;
import ouroboros.sim.scenario.spec.Scenario;

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
   * Runs {@code world}, compiled from {@code scenario}, on {@code sim} into {@code dir} (see {@link
   * RunWriter}) with {@code observers} around the writer (see {@link Observers}); {@code threads}
   * is recorded in timing.json, and {@code tickInterval} paces the ticks (zero: as fast as it can).
   */
  public static Result run(
      Simulation sim,
      Scenario scenario,
      World world,
      int threads,
      Path dir,
      Observers observers,
      Duration tickInterval)
      throws IOException {
    try (RunWriter writer =
        new RunWriter(dir, scenario, world, threads, observers.contributors())) {
      RunOutcome outcome = sim.run(world, observers.phase(writer), tickInterval);
      return new Result(outcome, writer.summary());
    }
  }

  /**
   * Whether the run in {@code dir} finished every tick: its summary.json, which the writer replaces
   * atomically after every tick, says {@code "complete": true}. A run that was killed, failed or
   * never started is not complete.
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
