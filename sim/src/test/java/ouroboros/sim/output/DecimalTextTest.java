package ouroboros.sim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * DecimalText writes Java's Double.toString text for every double: on random values of the range
 * its fast path takes, next to the powers of two where Java 17 and the shortest decimal differ, and
 * on values of every magnitude.
 */
class DecimalTextTest {
  private static final double MIN_LOG = Math.log(Double.MIN_NORMAL);

  private static void check(double v) {
    String got = DecimalText.append(new StringBuilder(), v).toString();
    assertEquals(
        Double.toString(v), got, () -> "bits " + Long.toHexString(Double.doubleToRawLongBits(v)));
  }

  @Test
  void append_smallNormalValues_matchDoubleToString() {
    SplittableRandom random = new SplittableRandom(15);
    int fast = 0;
    for (int n = 0; n < 100_000; n++) {
      double v = Math.exp(random.nextDouble(MIN_LOG, Math.log(1e-3)));
      double w = random.nextDouble(0, 1e-3) * random.nextDouble();
      for (double x : new double[] {v, -v, w}) {
        check(x);
        fast += DecimalText.fast(x) ? 1 : 0;
      }
    }
    assertTrue(fast > 250_000, "too few values on the fast path: " + fast);
  }

  @Test
  void append_valuesUpToTenMillion_matchDoubleToString() {
    SplittableRandom random = new SplittableRandom(17);
    int fast = 0;
    for (int n = 0; n < 30_000; n++) {
      double v = Math.exp(random.nextDouble(Math.log(1e-3), Math.log(1e7)));
      double w = random.nextDouble(0, 1e7);
      double whole = random.nextInt(1, 10_000_000);
      double quarter = random.nextInt(1, 1 << 20) / 4.0;
      for (double x : new double[] {v, -v, w, whole, quarter}) {
        check(x);
        fast += DecimalText.fast(x) ? 1 : 0;
        assertEquals(Double.toString(x), DecimalText.text(x));
      }
    }
    assertTrue(fast > 135_000, "too few values on the fast path: " + fast);
  }

  @Test
  void append_nextToPowersOfTwo_matchDoubleToString() {
    for (int e = -1074; e <= 60; e++) {
      double v = Math.scalb(1.0, e);
      for (int k = 0; k < 40; k++) {
        v = Math.nextDown(v);
      }
      for (int k = 0; k < 80; k++, v = Math.nextUp(v)) {
        check(v);
      }
      for (int m = 3; m < 256; m += 2) {
        check(Math.scalb((double) m, e - 8));
      }
    }
  }

  @Test
  void append_anyValue_matchesDoubleToString() {
    SplittableRandom random = new SplittableRandom(16);
    for (int n = 0; n < 100_000; n++) {
      check(random.nextDouble());
      check(Math.scalb(random.nextDouble(1, 2), random.nextInt(-1074, 1024)));
      check(Double.longBitsToDouble(random.nextLong()));
    }
    double[] edges = {
      0.0,
      1e-3,
      Math.nextDown(1e-3),
      2e-3,
      1e7,
      1e15,
      Double.MIN_VALUE,
      Double.MIN_NORMAL,
      Math.nextUp(Double.MIN_NORMAL),
      Double.MAX_VALUE,
      Double.NaN,
      Double.POSITIVE_INFINITY
    };
    for (double v : edges) {
      check(v);
      check(-v);
    }
  }
}
