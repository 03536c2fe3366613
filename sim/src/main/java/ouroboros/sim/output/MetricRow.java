package ouroboros.sim.output;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One row of {@code metrics.csv}: tidy long format.
 *
 * @param tick the tick
 * @param agent an agent id, or {@code web}
 * @param generation the agent's generation (0 for web rows and human sources)
 * @param metric the metric name
 * @param value its value
 */
public record MetricRow(int tick, String agent, int generation, String metric, double value)
    implements Comparable<MetricRow> {

  /** The CSV header. */
  public static final String HEADER = "tick,agent,generation,metric,value";

  /**
   * Orders by tick, then agent, then metric. The rows of one agent, and the rows of one metric,
   * mostly share their string, so the same reference answers first without comparing characters.
   */
  @Override
  public int compareTo(MetricRow o) {
    int c = Integer.compare(tick, o.tick);
    if (c == 0 && agent != o.agent) {
      c = agent.compareTo(o.agent);
    }
    return c != 0 || metric == o.metric ? c : metric.compareTo(o.metric);
  }

  /** The CSV line, without the newline. Values print as Java's shortest round-trip decimal. */
  public String csv() {
    return appendCsv(new StringBuilder(64)).toString();
  }

  /** Appends the CSV line, without the newline, to {@code out}: no string per row. */
  public StringBuilder appendCsv(StringBuilder out) {
    out.append(tick).append(',').append(agent).append(',').append(generation).append(',');
    out.append(metric).append(',');
    return appendFormat(out, value);
  }

  /** Appends {@link #format}'s text of {@code v} to {@code out}. */
  public static StringBuilder appendFormat(StringBuilder out, double v) {
    if (Double.isNaN(v)) {
      return out.append("NA");
    }
    if (whole(v)) {
      return out.append((long) v);
    }
    // Double.toString's digits, short decimals without FloatingDecimal.
    return DecimalText.append(out, v);
  }

  /**
   * A whole number without a decimal point; NaN (missing, or not applicable) as {@code NA}, which R
   * and pandas read as missing; any other value as Double.toString.
   */
  public static String format(double v) {
    return appendFormat(new StringBuilder(24), v).toString();
  }

  /** Whether {@code v} is written as a whole number: integral and below 10^15 in magnitude. */
  static boolean whole(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15;
  }

  /**
   * The value a reader of metrics.csv gets back for {@code v}: {@link #format}'s text parsed as a
   * double. It is {@code v} itself, but for {@code -0.0} (written {@code 0}) and a NaN other than
   * {@link Double#NaN} (written {@code NA}): Double.toString round-trips every other value.
   */
  public static double readBack(double v) {
    if (Double.isNaN(v)) {
      return Double.NaN;
    }
    if (whole(v)) {
      return (long) v;
    }
    return v;
  }

  /**
   * Reads a line of {@code metrics.csv} back; {@code NA} is NaN.
   *
   * @throws IllegalArgumentException when the line is not {@code
   *     tick,agent,generation,metric,value}
   */
  public static MetricRow parse(String line) {
    int a = line.indexOf(',');
    int b = line.indexOf(',', a + 1);
    int c = line.indexOf(',', b + 1);
    int d = line.lastIndexOf(',');
    if (a < 0 || b < 0 || c < 0 || d <= c) {
      throw new IllegalArgumentException(
          "found '" + line + "', expected tick,agent,generation,metric,value");
    }
    String v = line.substring(d + 1);
    try {
      return new MetricRow(
          Integer.parseInt(line.substring(0, a)),
          line.substring(a + 1, b),
          Integer.parseInt(line.substring(b + 1, c)),
          line.substring(c + 1, d),
          v.equals("NA") ? Double.NaN : Double.parseDouble(v));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "found '" + line + "', expected tick,agent,generation,metric,value", e);
    }
  }

  /** What {@link #forEach} hands each row to. */
  @FunctionalInterface
  public interface RowConsumer {
    /** Takes one row. */
    void accept(MetricRow row) throws IOException;
  }

  /**
   * Reads a metrics.csv file's rows in order (its header and empty lines skipped); a line that is
   * not a row is an IOException naming the file.
   */
  public static void forEach(Path csv, RowConsumer rows) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      String line = in.readLine(); // header
      while ((line = in.readLine()) != null) {
        if (line.isEmpty()) {
          continue;
        }
        MetricRow row;
        try {
          row = parse(line);
        } catch (IllegalArgumentException e) {
          throw new IOException(csv + ": " + e.getMessage(), e);
        }
        rows.accept(row);
      }
    }
  }
}
