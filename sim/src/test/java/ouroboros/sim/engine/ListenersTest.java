package ouroboros.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The end of a run reaches every listener, even after one failed to finish. */
class ListenersTest {

  /** A listener that records its finish (and the failure it was told) and may throw there. */
  private static TickListener finishing(List<String> log, String name, Exception failure) {
    return new TickListener() {
      @Override
      public void onTick(TickResult r) {}

      @Override
      public void onFinish(RunOutcome outcome) throws Exception {
        log.add(name + (outcome.completed() ? "" : ": " + outcome.failure()));
        if (failure != null) {
          throw failure;
        }
      }
    };
  }

  @Test
  void onFinish_aListenerThrows_theOthersStillFinish_theFirstFailureIsThrown() {
    List<String> log = new ArrayList<>();
    IOException graph = new IOException("the interaction graph of tick 4: disk full");
    IllegalStateException later = new IllegalStateException("later");
    Listeners all =
        new Listeners(
            List.of(
                finishing(log, "graph", graph),
                finishing(log, "writer", null),
                finishing(log, "sink", later),
                finishing(log, "bar", null)));
    Exception thrown = assertThrows(Exception.class, () -> all.onFinish(new RunOutcome(5, "")));
    assertSame(graph, thrown);
    // the listeners after the failed one hear the outcome the clock reports, not a completed run
    String failed = ": finishing the run files failed: the interaction graph of tick 4: disk full";
    assertEquals(List.of("graph", "writer" + failed, "sink" + failed, "bar" + failed), log);
    assertEquals(
        new RunOutcome(5, failed.substring(2)), new RunOutcome(5, "").finishingFailed(graph));
    RunOutcome earlier = new RunOutcome(3, "agent x failed");
    assertSame(earlier, earlier.finishingFailed(graph));
    // a tick's work that failed off the clock's thread ends the run at that tick, as in observe
    TickFailure atFour = new TickFailure(4, "the interaction graph of tick 4: disk full", graph);
    assertEquals(
        new RunOutcome(
            4, "writing the results of tick 4 failed: the interaction graph of tick 4: disk full"),
        new RunOutcome(5, "").finishingFailed(atFour));
    assertEquals(List.of(later), List.of(thrown.getSuppressed()));
  }
}
