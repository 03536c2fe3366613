package ouroboros.sim.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import ouroboros.sim.output.MetricRow;
import ouroboros.sim.output.RunMetrics;

/**
 * The rows of a run's {@code metrics.csv}, grouped by agent, then metric, each a {@link Series}
 * over ticks. {@code NA} reads as NaN, {@code Infinity} as infinity.
 */
final class MetricsFile {
  private final Map<String, Map<String, Series>> byAgent = new LinkedHashMap<>();

  /** Each agent's series, by the row number of its metric in its last tick's rows. */
  private final Map<String, RowSlots<Series>> slots = new HashMap<>();

  private String addedAgent;
  private RowSlots<Series> addedSlots;
  private Map<String, Series> addedSeries;

  private MetricsFile() {}

  /** No rows yet: {@link #add} appends them. */
  static MetricsFile empty() {
    return new MetricsFile();
  }

  /**
   * Appends one row, as if it came next in the file. A tick's rows come agent by agent (one look-up
   * per agent, not per row), and an agent's metrics come in the same order at each tick, mostly as
   * the same String instances: {@link RowSlots} finds the series by row number.
   */
  void add(String agent, String metric, int tick, double value) {
    if (agent != addedAgent && !agent.equals(addedAgent)) {
      addedAgent = agent;
      addedSlots = slots.computeIfAbsent(agent, a -> new RowSlots<>());
      addedSeries = byAgent.computeIfAbsent(agent, a -> new LinkedHashMap<>());
      addedSlots.restart();
    }
    addedSlots.next(agent, tick, metric, this::seriesOf).add(tick, value);
  }

  /** The series of {@code metric} of the agent at hand, made when it is new. */
  private Series seriesOf(String metric) {
    return addedSeries.computeIfAbsent(metric, m -> new Series());
  }

  /** How many row numbers agent's slots hold (for tests). */
  int slotsOf(String agent) {
    return slots.get(agent).capacity();
  }

  /**
   * Reads the rows whose metric {@code keep} accepts. The file is scanned as bytes (see {@link
   * CsvLines}); only the fields of kept rows are decoded, and agent and metric names are interned.
   */
  static MetricsFile read(Path csv, Predicate<String> keep) throws IOException {
    return read(csv, keep, Integer.MAX_VALUE);
  }

  /**
   * The same, for the first {@code ticks} ticks only: a run that was killed leaves rows after its
   * summary's last checkpoint, and a write that SIGKILL cut short (Linux stops a write between two
   * pages) may end the file in part of a line. Below {@link Integer#MAX_VALUE}, rows of later ticks
   * are skipped, and so is a last line that does not end at a newline.
   */
  static MetricsFile read(Path csv, Predicate<String> keep, int ticks) throws IOException {
    MetricsFile f = new MetricsFile();
    NameTable agents = new NameTable();
    NameTable metrics = new NameTable();
    Map<String, Boolean> kept = new HashMap<>();
    try (InputStream stream = Files.newInputStream(csv)) {
      CsvLines in = new CsvLines(stream);
      String header = in.next() ? in.line() : null;
      if (!MetricRow.HEADER.equals(header)) {
        throw new IOException(
            csv + ": found the header '" + header + "', expected '" + MetricRow.HEADER + "'");
      }
      int number = 1;
      while (in.next()) {
        number++;
        if (in.to() == in.from() || (ticks < Integer.MAX_VALUE && !in.ended())) {
          continue;
        }
        byte[] b = in.bytes();
        int c1 = in.indexOf((byte) ',', in.from());
        int c2 = c1 < 0 ? -1 : in.indexOf((byte) ',', c1 + 1);
        int c3 = c2 < 0 ? -1 : in.indexOf((byte) ',', c2 + 1);
        int c4 = c3 < 0 ? -1 : in.indexOf((byte) ',', c3 + 1);
        if (c1 < 0 || c2 < 0 || c3 < 0 || c4 < 0) {
          throw new IOException(
              csv
                  + ":"
                  + number
                  + ": found '"
                  + in.line()
                  + "', expected five comma-separated"
                  + " fields");
        }
        String metric = metrics.get(b, c3 + 1, c4);
        if (!kept.computeIfAbsent(metric, keep::test)) {
          continue;
        }
        try {
          int tick = parseTick(in, c1);
          if (tick >= ticks) {
            continue;
          }
          double v =
              isNa(b, c4 + 1, in.to()) ? Double.NaN : Double.parseDouble(in.text(c4 + 1, in.to()));
          f.add(agents.get(b, c1 + 1, c2), metric, tick, v);
        } catch (NumberFormatException e) {
          throw new IOException(
              csv
                  + ":"
                  + number
                  + ": found '"
                  + in.line()
                  + "', expected a whole tick and a number or NA",
              e);
        }
      }
    }
    return f;
  }

  /** The tick field, bytes from the line's start to {@code comma}: Integer.parseInt's rules. */
  private static int parseTick(CsvLines in, int comma) {
    byte[] b = in.bytes();
    int a = in.from();
    if (comma > a && comma - a <= 9) {
      int t = 0;
      for (int i = a; i < comma; i++) {
        int d = b[i] - '0';
        if (d < 0 || d > 9) {
          return Integer.parseInt(in.text(a, comma));
        }
        t = 10 * t + d;
      }
      return t;
    }
    return Integer.parseInt(in.text(a, comma));
  }

  /** Whether bytes [a, b) spell {@code NA}. */
  private static boolean isNa(byte[] buf, int a, int b) {
    return b - a == 2 && buf[a] == 'N' && buf[a + 1] == 'A';
  }

  /** The series of one agent's metric, or null when the file has none. */
  Series get(String agent, String metric) {
    Map<String, Series> m = byAgent.get(agent);
    return m == null ? null : m.get(metric);
  }

  /** The metrics of one agent, by name, in file order (empty when it has none). */
  Map<String, Series> of(String agent) {
    return byAgent.getOrDefault(agent, Map.of());
  }

  /** Agents other than {@code web}, in the order they first appear. */
  List<String> models() {
    List<String> ids = new ArrayList<>(byAgent.keySet());
    ids.remove(RunMetrics.WEB);
    return ids;
  }
}
