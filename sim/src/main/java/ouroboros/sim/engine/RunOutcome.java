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

  /**
   * This outcome once finishing its files failed with {@code e}: a run that had completed now
   * failed with "finishing the run files failed: ..." (or at the tick of a {@link TickFailure}); an
   * earlier failure stays what it was.
   */
  public RunOutcome finishingFailed(Exception e) {
    if (!completed()) {
      return this;
    }
    if (e instanceof TickFailure f) {
      return f.outcome(); // a tick's work failed: the run failed there, as in its observe phase
    }
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new RunOutcome(ticksCompleted, "finishing the run files failed: " + why);
  }
}
