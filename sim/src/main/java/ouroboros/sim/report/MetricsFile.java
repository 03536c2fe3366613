package ouroboros.sim.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

  private MetricsFile() {}

  /** Reads the rows whose metric {@code keep} accepts. */
  static MetricsFile read(Path csv, Predicate<String> keep) throws IOException {
    MetricsFile f = new MetricsFile();
    try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (!MetricRow.HEADER.equals(header)) {
        throw new IOException(
            csv + ": found the header '" + header + "', expected '" + MetricRow.HEADER + "'");
      }
      String line;
      int number = 1;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isEmpty()) {
          continue;
        }
        int c1 = line.indexOf(',');
        int c2 = line.indexOf(',', c1 + 1);
        int c3 = line.indexOf(',', c2 + 1);
        int c4 = line.indexOf(',', c3 + 1);
        if (c1 < 0 || c2 < 0 || c3 < 0 || c4 < 0) {
          throw new IOException(
              csv + ":" + number + ": found '" + line + "', expected five comma-separated fields");
        }
        String metric = line.substring(c3 + 1, c4);
        if (!keep.test(metric)) {
          continue;
        }
        try {
          int tick = Integer.parseInt(line.substring(0, c1));
          String value = line.substring(c4 + 1);
          double v = value.equals("NA") ? Double.NaN : Double.parseDouble(value);
          f.byAgent
              .computeIfAbsent(line.substring(c1 + 1, c2), a -> new LinkedHashMap<>())
              .computeIfAbsent(metric, m -> new Series())
              .add(tick, v);
        } catch (NumberFormatException e) {
          throw new IOException(
              csv
                  + ":"
                  + number
                  + ": found '"
                  + line
                  + "', expected a whole tick and a number or NA",
              e);
        }
      }
    }
    return f;
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
