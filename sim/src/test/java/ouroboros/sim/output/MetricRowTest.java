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

  @Test
  void readBack_specialAndRandomValues_isWhatParsingTheWrittenTextGives() {
    double[] special = {
      0.0,
      -0.0,
      -1.0,
      0.5,
      1e15,
      -1e15,
      999_999_999_999_999.0,
      -999_999_999_999_999.0,
      Double.MIN_VALUE,
      Double.MAX_VALUE,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.NaN,
      Double.longBitsToDouble(0x7ff8_0000_0000_0001L),
      Double.longBitsToDouble(0xfff0_0000_0000_0001L),
      1.0 / 3
    };
    SplittableRandom rng = new SplittableRandom(16);
    double[] values = new double[special.length + 30_000];
    System.arraycopy(special, 0, values, 0, special.length);
    for (int i = special.length; i < values.length; i++) {
      values[i] =
          i % 2 == 0
              ? Double.longBitsToDouble(rng.nextLong())
              : rng.nextGaussian() * Math.pow(10, rng.nextInt(-20, 20));
    }
    for (double v : values) {
      MetricRow back = MetricRow.parse(new MetricRow(1, "m", 0, "x", v).csv());
      assertEquals(
          Double.doubleToRawLongBits(back.value()),
          Double.doubleToRawLongBits(MetricRow.readBack(v)),
          "value " + v + " (bits " + Long.toHexString(Double.doubleToRawLongBits(v)) + ")");
    }
  }
}
