package ouroboros.sim.engine;

/**
 * A listener's failure at an earlier tick, met on a thread of its own (the interaction graph's) and
 * thrown to the clock's thread at one of its later calls. The clock reports it at the tick it
 * happened, whichever call brought it, so that a run failing this way ends the same each time: the
 * same message and the same count of completed ticks, {@link #tick()}.
 */
public final class TickFailure extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final int tick;

  /** A failure at {@code tick}; {@code message} says what failed and why. */
  public TickFailure(int tick, String message, Throwable cause) {
    super(message, cause);
    this.tick = tick;
  }

  /** The tick whose work failed: the ticks before it completed. */
  public int tick() {
    return tick;
  }

  /** How the run ended: failed at {@link #tick()}, as the clock says of a failed observe phase. */
  RunOutcome outcome() {
    return new RunOutcome(tick, "writing the results of tick " + tick + " failed: " + getMessage());
  }
}
