package ouroboros.sim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The bytes CsvRowBytes writes are the UTF-8 of MetricRow's CSV lines, whatever its caches and the
 * prefix it copies from the row before hold.
 */
class CsvRowBytesTest {
  /** The UTF-8 of {@code rows}' CSV lines, each with a newline, as MetricRow writes them. */
  private static String expected(List<MetricRow> rows) {
    StringBuilder sb = new StringBuilder();
    for (MetricRow row : rows) {
      row.appendCsv(sb).append('\n');
    }
    return sb.toString();
  }

  /** What a CsvRowBytes gives for {@code rows}, read back as UTF-8. */
  private static String written(CsvRowBytes out, List<MetricRow> rows) {
    out.clear();
    for (MetricRow row : rows) {
      out.add(row);
    }
    return new String(out.array(), 0, out.size(), StandardCharsets.UTF_8);
  }

  @Test
  void add_trickyValues_writeMetricRowsText() {
    double[] tricky = {
      0.0,
      -0.0,
      1.0,
      -3.0,
      0.5,
      46.5,
      1e-3,
      Math.nextDown(1e-3),
      1e7,
      Math.nextDown(1e7),
      1e15,
      -1e15,
      Math.nextDown(1e15),
      999_999_999_999_999.0,
      -999_999_999_999_999.0,
      Long.MAX_VALUE,
      Long.MIN_VALUE,
      Integer.MIN_VALUE,
      1e23,
      7.2911220195563975E-304,
      Math.scalb(1.0, -1007),
      Double.MIN_VALUE,
      Double.MIN_NORMAL,
      Double.MAX_VALUE,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.NaN,
      Double.longBitsToDouble(0x7ff8_0000_0000_0001L),
      1.0 / 3,
      -2.0 / 3
    };
    List<MetricRow> rows = new ArrayList<>();
    for (double v : tricky) {
      rows.add(new MetricRow(-1, "m1", 3, "population-risk", v));
      rows.add(new MetricRow(-1, "m1", 3, "variance-ratio", v)); // the same value again
    }
    CsvRowBytes out = new CsvRowBytes();
    assertEquals(expected(rows), written(out, rows));
    assertEquals(expected(rows), written(out, rows)); // every value from the cache
  }

  @Test
  void add_randomRowsAndNames_writeMetricRowsText() {
    SplittableRandom rng = new SplittableRandom(15);
    String[] agents = {"web", "m1", "m1", "modèle-ü", "模型", "m10", "site-a"};
    List<String> metrics = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      // Many names, so that names of one cache slot displace each other; some not ASCII.
      metrics.add((i % 7 == 0 ? "é-" : "m-") + i);
    }
    List<MetricRow> rows = new ArrayList<>();
    for (int i = 0; i < 60_000; i++) {
      double v =
          switch (i % 5) {
            case 0 -> Double.longBitsToDouble(rng.nextLong());
            case 1 -> rng.nextGaussian() * Math.pow(10, rng.nextInt(-20, 20));
            case 2 -> Math.scalb(1.0, rng.nextInt(-1074, 1024));
            case 3 -> rng.nextInt(0, 50) / 8.0; // few values, many repeats
            default -> (double) rng.nextInt(-1000, 1000);
          };
      // Runs of rows of one prefix, broken by a new tick, agent or generation, or an agent that is
      // equal but not the same String.
      int tick = i / 4000 - 1;
      String agent = agents[(i / 7) % agents.length];
      if (rng.nextInt(10) == 0) {
        agent = new String(agent.toCharArray());
      }
      int generation = (i / 11) % 3 == 0 ? 0 : i / 13;
      rows.add(new MetricRow(tick, agent, generation, metrics.get(rng.nextInt(metrics.size())), v));
    }
    CsvRowBytes out = new CsvRowBytes();
    assertEquals(expected(rows), written(out, rows));
    List<MetricRow> fewer = rows.subList(100, 900);
    assertEquals(expected(fewer), written(out, fewer));
  }
}
