package ouroboros.sim.engine;

/**
 * Receives each finished tick in the observe phase, on the clock's thread, in tick order. Writers
 * of run files, progress bars and metric exporters implement it. An exception thrown here fails the
 * run with its message.
 */
public interface TickListener {

  /** Called once per tick, after the retrain phase. */
  void onTick(TickResult result) throws Exception;

  /** Called once when the run ends, well or not. */
  default void onFinish(RunOutcome outcome) throws Exception {}
}
