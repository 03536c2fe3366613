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
  void rows_atLeastTheDimension() {
    // T = d is Gerstgrasser et al.'s cell n = d = 10, and T = d + 1 has a finite fit too.
    assertTrue(check(10, 10).isEmpty(), () -> check(10, 10).list().toString());
    assertTrue(check(10, 11).isEmpty());
    assertTrue(check(1, 1).isEmpty());
    Problems p = check(10, 9);
    assertEquals(1, p.list().size(), p.list().toString());
    assertEquals("/domain/rows", p.list().get(0).pointer());
    assertTrue(p.list().get(0).expected().contains("at least d = 10"), p.list().toString());
  }
}
