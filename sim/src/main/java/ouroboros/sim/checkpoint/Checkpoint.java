package ouroboros.sim.checkpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One checkpoint, as {@link CheckpointFile} writes and reads it: the build that wrote it, a digest
 * of the run's scenario, the last tick the run completed, and named sections of state (the web, the
 * agents, each observer), each a block of bytes in that section's own format (docs/checkpoints.md).
 *
 * @param build the version and commit of the build that wrote it
 * @param scenarioDigest SHA-256 of the run's scenario.yaml, so that a checkpoint is never resumed
 *     with another scenario
 * @param tick the last tick completed: a resumed run starts at tick + 1
 * @param sections the state, by section name, in the order written
 */
public record Checkpoint(
    String build, byte[] scenarioDigest, int tick, Map<String, byte[]> sections) {

  /** Checks and copies the values. */
  public Checkpoint {
    Objects.requireNonNull(build, "build");
    scenarioDigest = scenarioDigest.clone();
    if (tick < 0) {
      throw new IllegalArgumentException("tick is negative: " + tick);
    }
    sections = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sections));
  }

  /** The section names, in order. */
  public List<String> names() {
    return List.copyOf(sections.keySet());
  }

  /** A section's bytes; refuses a checkpoint that lacks it. */
  public byte[] section(String name) throws CheckpointException {
    byte[] b = sections.get(name);
    if (b == null) {
      throw new CheckpointException("the checkpoint has no section " + name);
    }
    return b;
  }
}
