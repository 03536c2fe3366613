package ouroboros.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import ouroboros.sim.testing.EngineTest;

/**
 * A listener's failure at an earlier tick, thrown to the clock later (the interaction graph's, on
 * its own thread), ends the run at that tick, whichever call brought it: the same message and the
 * same count of completed ticks each time.
 */
class TickFailureTest extends EngineTest {
  private static final String SCENARIO =
      """
      name: late
      ticks: 8
      domain: {type: gaussian, dimensions: 1}
      models:
        - {id: m, regime: replace, initial: truth, scrape: 5, publish-rate: 5}
      """;

  private static RunOutcome failingAt(int heardAt, boolean atTheEnd) {
    World w = Worlds.of(SCENARIO, 1);
    return sim.run(
        w,
        new TickListener() {
          @Override
          public void onTick(TickResult r) {
            if (!atTheEnd && r.tick() == heardAt) {
              throw new TickFailure(2, "the interaction graph of tick 2: boom", null);
            }
          }

          @Override
          public void onFinish(RunOutcome outcome) {
            if (atTheEnd && outcome.completed()) {
              throw new TickFailure(2, "the interaction graph of tick 2: boom", null);
            }
          }
        });
  }

  @Test
  void failureAtTickTwo_heardLaterOrAtTheEnd_endsTheRunAtTickTwo() {
    RunOutcome expected =
        new RunOutcome(
            2, "writing the results of tick 2 failed: the interaction graph of tick 2: boom");
    assertEquals(expected, failingAt(3, false));
    assertEquals(expected, failingAt(6, false));
    assertEquals(expected, failingAt(-1, true));
  }
}
