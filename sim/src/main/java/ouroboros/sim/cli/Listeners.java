package ouroboros.sim.cli;

import java.util.List;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.engine.TickListener;
import ouroboros.sim.engine.TickResult;

/** Several listeners in order; the first that throws stops the tick. */
final class Listeners implements TickListener {
  private final List<TickListener> listeners;

  Listeners(List<TickListener> listeners) {
    this.listeners = List.copyOf(listeners);
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
