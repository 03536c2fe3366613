package ouroboros.sim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link Series#firstTick}: tick -1 (generation 1 of a fit-truth model) is a real tick. */
class SeriesTest {
  @Test
  void firstTick_matchAtTickMinusOne_isMinusOne_andNoMatchIsNone() {
    Series s = new Series();
    s.add(-1, 1);
    s.add(0, 0);
    s.add(1, 1);
    assertEquals(-1, s.firstTick(1), "a verdict that fires at generation 1 fired at tick -1");
    assertEquals(0, s.firstTick(0));
    assertEquals(Series.NONE, s.firstTick(2), "never");
  }
}
