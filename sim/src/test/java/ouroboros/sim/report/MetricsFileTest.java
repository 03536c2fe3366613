package ouroboros.sim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.output.MetricRow;

/** metrics.csv as the report reads it, bytes scanned in place, against a line-by-line reading. */
class MetricsFileTest {
  @TempDir Path tmp;

  @Test
  @Tag("slow") // a stress test: the fast profile skips it
  void read_manyRowsAcrossBuffers_sameSeriesAsLineByLine() throws IOException {
    StringBuilder csv = new StringBuilder(MetricRow.HEADER).append('\n');
    SplittableRandom rng = new SplittableRandom(7);
    String longAgent = "m-" + "x".repeat(100_000) + "-ü";
    List<String> agents = List.of("web", "a1", "b2", "ü-model", longAgent);
    List<String> metrics = List.of("population-risk", "d1-verdict", "scraped", "items");
    for (int t = 0; t < 2_000; t++) {
      for (String a : agents) {
        if (a.equals(longAgent) && t % 100 != 0) {
          // 100 kB rows on every 100th tick still cross every buffer boundary, in 8 MB not 800 MB
          continue;
        }
        for (String m : metrics) {
          double v = rng.nextInt(10) == 0 ? Double.NaN : rng.nextGaussian() * 1e3;
          new MetricRow(t, a, 1, m, v).appendCsv(csv).append(t % 7 == 0 ? "\r\n" : "\n");
        }
      }
      if (t % 100 == 0) {
        csv.append('\n');
      }
    }
    csv.append("5,a1,1,scraped,Infinity"); // no final newline
    Path file = tmp.resolve("metrics.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    MetricsFile f = MetricsFile.read(file, m -> !m.equals("items"));
    Map<String, Map<String, List<double[]>>> expected = lineByLine(csv.toString());
    assertEquals(
        expected.keySet().stream().filter(a -> !a.equals("web")).toList(), f.models(), "agents");
    for (var a : expected.entrySet()) {
      assertEquals(a.getValue().keySet(), f.of(a.getKey()).keySet(), a.getKey());
      for (var m : a.getValue().entrySet()) {
        Series s = f.get(a.getKey(), m.getKey());
        assertEquals(m.getValue().size(), s.size());
        for (int i = 0; i < s.size(); i++) {
          assertEquals(m.getValue().get(i)[0], s.tick(i));
          assertEquals(
              Double.doubleToLongBits(m.getValue().get(i)[1]), Double.doubleToLongBits(s.value(i)));
        }
      }
    }
    assertEquals(Double.POSITIVE_INFINITY, f.get("a1", "scraped").last());
  }

  @Test
  void read_badRows_nameTheLine() throws IOException {
    Path file = tmp.resolve("bad.csv");
    Files.writeString(file, MetricRow.HEADER + "\n0,a,1,x,1\n1,a,1,x\n");
    IOException e = assertThrows(IOException.class, () -> MetricsFile.read(file, m -> true));
    assertTrue(
        e.getMessage().endsWith(":3: found '1,a,1,x', expected five comma-separated fields"));
    Files.writeString(file, MetricRow.HEADER + "\nt,a,1,x,1\n");
    e = assertThrows(IOException.class, () -> MetricsFile.read(file, m -> true));
    assertTrue(e.getMessage().contains(":2: found 't,a,1,x,1', expected a whole tick"));
    Files.writeString(file, MetricRow.HEADER + "\n99999999999,a,1,x,1\n");
    assertThrows(IOException.class, () -> MetricsFile.read(file, m -> true));
    Files.writeString(file, MetricRow.HEADER + "\n-3,a,1,x,2.5\n");
    assertEquals(-3, MetricsFile.read(file, m -> true).get("a", "x").tick(0));
    Files.writeString(file, "tick,agent\n");
    e = assertThrows(IOException.class, () -> MetricsFile.read(file, m -> true));
    assertTrue(e.getMessage().contains("found the header 'tick,agent'"));
  }

  @Test
  void read_killedRunsTicks_skipsLaterRowsAndACutLastLine() throws IOException {
    // A run killed during a write: tick 2 is past its summary's last checkpoint, and its last row
    // was cut short at a page boundary, in the middle of its value.
    Path file = tmp.resolve("killed.csv");
    Files.writeString(
        file,
        MetricRow.HEADER
            + "\n0,a,1,x,1.5\n0,b,1,x,2\n1,a,1,x,1.25\n1,b,1,x,3\n2,a,1,x,7\n2,b,1,x,0.12");
    MetricsFile f = MetricsFile.read(file, m -> true, 2);
    assertEquals(2, f.get("a", "x").size());
    assertEquals(1.25, f.get("a", "x").last());
    assertEquals(3.0, f.get("b", "x").last());
    // Of a complete run every line counts, a last one without its newline too.
    assertEquals(0.12, MetricsFile.read(file, m -> true).get("b", "x").last());
    // A line cut in its first fields cannot be read as a row of an earlier tick.
    Files.writeString(file, MetricRow.HEADER + "\n0,a,1,x,1.5\n1");
    assertEquals(1, MetricsFile.read(file, m -> true, 2).get("a", "x").size());
    assertThrows(IOException.class, () -> MetricsFile.read(file, m -> true));
  }

  /** The reference reading: String lines, split on commas; items are left out. */
  private static Map<String, Map<String, List<double[]>>> lineByLine(String csv) {
    Map<String, Map<String, List<double[]>>> out = new LinkedHashMap<>();
    String[] lines = csv.split("\r?\n");
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        continue;
      }
      String[] p = lines[i].split(",");
      if (p[3].equals("items")) {
        continue;
      }
      double v = p[4].equals("NA") ? Double.NaN : Double.parseDouble(p[4]);
      out.computeIfAbsent(p[1], a -> new LinkedHashMap<>())
          .computeIfAbsent(p[3], m -> new java.util.ArrayList<>())
          .add(new double[] {Integer.parseInt(p[0]), v});
    }
    return out;
  }

  @Test
  void add_metricsChangeOrderAndInstance_eachRowInItsOwnSeries() {
    MetricsFile f = MetricsFile.empty();
    // Tick 0 sets an order; tick 1 swaps it, with new String instances; tick 2 drops one and adds
    // another; an agent seen again later in the same tick still finds its series.
    f.add("a", "x", 0, 1);
    f.add("a", "y", 0, 2);
    f.add("b", "x", 0, 3);
    f.add("a", new String("y"), 1, 4);
    f.add("a", new String("x"), 1, 5);
    f.add("b", "x", 1, 6);
    f.add("a", "z", 2, 7);
    f.add("a", "y", 2, 8);
    f.add("b", "y", 2, 9);
    f.add("a", "x", 2, 10);
    assertEquals("[0:1.0, 1:5.0, 2:10.0]", points(f.get("a", "x")));
    assertEquals("[0:2.0, 1:4.0, 2:8.0]", points(f.get("a", "y")));
    assertEquals("[2:7.0]", points(f.get("a", "z")));
    assertEquals("[0:3.0, 1:6.0]", points(f.get("b", "x")));
    assertEquals("[2:9.0]", points(f.get("b", "y")));
    assertEquals(List.of("x", "y", "z"), List.copyOf(f.of("a").keySet()));
    assertEquals(List.of("a", "b"), f.models());
  }

  @Test
  void add_oneAgentTickAfterTick_slotsStayOneTicksRows() {
    // The web's rows come last in every tick: with no other agent between its ticks, the row
    // number still starts again at each tick, so the slots do not grow with the run.
    MetricsFile f = MetricsFile.empty();
    for (int t = 0; t < 1_000; t++) {
      for (String m : List.of("u", "v", "w", "x", "y", "z")) {
        f.add("web", m, t, t);
      }
    }
    assertEquals(16, f.slotsOf("web"));
    assertEquals(1_000, f.get("web", "z").size());
    assertEquals(999.0, f.get("web", "u").value(999));
  }

  /** A series as tick:value pairs. */
  private static String points(Series s) {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      out.add(s.tick(i) + ":" + s.value(i));
    }
    return out.toString();
  }
}
