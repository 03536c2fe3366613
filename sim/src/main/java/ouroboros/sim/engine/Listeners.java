package ouroboros.sim.engine;

import java.util.List;

/** Several listeners in order; the first that throws stops the tick. */
public final class Listeners implements TickListener {
  private final List<TickListener> listeners;

  /** The listeners, called in this order. */
  public Listeners(List<TickListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public void onInitialFits(List<ouroboros.agents.model.RetrainReport> reports) throws Exception {
    for (TickListener l : listeners) {
      l.onInitialFits(reports);
    }
  }

  @Override
  public void onTick(TickResult result) throws Exception {
    for (TickListener l : listeners) {
      l.onTick(result);
    }
  }

  @Override
  public void onFinish(RunOutcome outcome) throws Exception {
    for (TickListener l : listeners) {
      l.onFinish(outcome);
    }
  }
}
