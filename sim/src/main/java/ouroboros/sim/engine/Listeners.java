package ouroboros.sim.engine;

import java.util.List;

/**
 * Several listeners in order; the first that throws stops the tick. At the end every listener's
 * {@link #onFinish} runs even when one before it threw (a progress bar, a live page and the metrics
 * still hear that the run ended), with the outcome that failure makes ({@link
 * RunOutcome#finishingFailed}), so that no run file says complete; the first failure is thrown,
 * with the later ones suppressed.
 */
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
    Exception first = null;
    RunOutcome told = outcome;
    for (TickListener l : listeners) {
      try {
        l.onFinish(told);
      } catch (Exception e) {
        if (first == null) {
          first = e;
          told = told.finishingFailed(e); // what the clock will report: the rest write that
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
