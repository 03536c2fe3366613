package ouroboros.sim.engine;

import java.util.Objects;

/**
 * How a run ended.
 *
 * @param ticksCompleted ticks whose observe phase finished
 * @param failure why the run stopped early, or the empty string when it completed
 */
public record RunOutcome(int ticksCompleted, String failure) {

  /** Checks the reference. */
  public RunOutcome {
    Objects.requireNonNull(failure, "failure");
  }

  /** Whether the run stopped because the JVM ran out of memory (see {@link OutOfMemory}). */
  public boolean outOfMemory() {
    return failure.contains(OutOfMemory.PHRASE);
  }

  /** Whether the run completed every tick. */
  public boolean completed() {
    return failure.isEmpty();
  }
}
