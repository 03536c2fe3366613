package ouroboros.sim.engine;

/**
 * Receives each finished tick in the observe phase, on the clock's thread, in tick order. Writers
 * of run files, progress bars and metric exporters implement it. An exception thrown here fails the
 * run with its message.
 */
public interface TickListener {

  /**
   * Called once before tick 0, on the clock's thread, with the reports of the fits made before tick
   * 0 (models with {@code initial: fit-truth}: generation 1, at tick {@code
   * ModelCore.INITIAL_TICK}, -1), in canonical agent order; not called when there are none.
   */
  default void onInitialFits(java.util.List<ouroboros.agents.model.RetrainReport> reports)
      throws Exception {}

  /** Called once per tick, after the retrain phase. */
  void onTick(TickResult result) throws Exception;

  /** Called once when the run ends, well or not. */
  default void onFinish(RunOutcome outcome) throws Exception {}
}
