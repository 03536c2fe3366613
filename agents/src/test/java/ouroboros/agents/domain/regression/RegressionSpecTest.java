package ouroboros.agents.domain.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import ouroboros.agents.spec.Problems;

/** The regression domain's checks of its keys. */
class RegressionSpecTest {
  private static Problems check(int d, int rows) {
    Problems p = new Problems();
    new RegressionSpec(d, rows, 1.0, null).validate(p);
    return p;
  }

  @Test
  void rows_belowTheDimension_acceptedButNotBelowOne() {
    // T < d is Gerstgrasser et al.'s cells n < d (d = 32 and 100): the minimum-norm fit.
    assertTrue(check(10, 10).isEmpty(), () -> check(10, 10).list().toString());
    assertTrue(check(10, 11).isEmpty());
    assertTrue(check(1, 1).isEmpty());
    assertTrue(check(32, 10).isEmpty(), () -> check(32, 10).list().toString());
    assertTrue(check(100, 1).isEmpty());
    Problems p = check(10, 0);
    assertEquals(1, p.list().size(), p.list().toString());
    assertEquals("/domain/rows", p.list().get(0).pointer());
    assertTrue(p.list().get(0).expected().contains("1"), p.list().toString());
  }
}
