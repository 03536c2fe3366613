package ouroboros.sim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A row's CSV text, built in place, is the text of the documented format. */
class MetricRowTest {
  /** The format as documented: NA, a whole number without a point, or Double.toString. */
  private static String expected(int tick, String agent, int gen, String metric, double v) {
    String value =
        Double.isNaN(v)
            ? "NA"
            : v == Math.rint(v) && Math.abs(v) < 1e15
                ? Long.toString((long) v)
                : Double.toString(v);
    return tick + "," + agent + "," + gen + "," + metric + "," + value;
  }

  @Test
  void csv_specialAndRandomValues_matchTheDocumentedFormat() {
    double[] special = {
      0.0,
      -0.0,
      1.0,
      -3.0,
      0.5,
      1e15,
      -1e15,
      999_999_999_999_999.0,
      1e-300,
      Double.MIN_VALUE,
      Double.MAX_VALUE,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.NaN,
      1.0 / 3
    };
    for (double v : special) {
      MetricRow row = new MetricRow(7, "m1", 3, "population-risk", v);
      assertEquals(expected(7, "m1", 3, "population-risk", v), row.csv(), "value " + v);
      assertEquals(MetricRow.format(v), MetricRow.appendFormat(new StringBuilder(), v).toString());
    }
    SplittableRandom rng = new SplittableRandom(15);
    for (int i = 0; i < 100_000; i++) {
      double v =
          switch (i % 3) {
            case 0 -> Double.longBitsToDouble(rng.nextLong());
            case 1 -> rng.nextGaussian() * Math.pow(10, rng.nextInt(-20, 20));
            default -> (double) rng.nextInt(-1000, 1000);
          };
      StringBuilder sb = new StringBuilder("x");
      new MetricRow(i, "web", 0, "items", v).appendCsv(sb);
      assertEquals("x" + expected(i, "web", 0, "items", v), sb.toString(), "value " + v);
    }
  }
}
