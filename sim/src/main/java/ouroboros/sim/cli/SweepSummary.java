package ouroboros.sim.cli;

import static ouroboros.sim.output.MetricCatalogue.POPULATION_RISK;
import static ouroboros.sim.output.MetricCatalogue.TRAIN_HUMAN_SHARE;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ouroboros.agents.collapse.Definition;
import ouroboros.sim.output.CsvFields;
import ouroboros.sim.output.SweepLayout;

/**
 * A finished sweep's key table on screen, read from its {@code summary.csv}: one row per cell and
 * model with the varied values, the replicates, the mean risk with its 95% interval, the mean human
 * share, and one letter per collapse definition: Y fires in every replicate where it applies, n in
 * none, a digit in that many (1 to 9), + in 10 or more but not all, - applies in none. At most
 * {@link #MAX_ROWS} rows; the rest are in the file. When the runs aggregate per population
 * (summary.csv has rows of {@code population:<id>}), the table has those rows only, as a run's
 * terminal table has one row per population, and a definition's letter reads the mean over the
 * replicates of the share of the population's models that it fires for: Y all, n none, a digit that
 * many tenths (1 to 9).
 */
final class SweepSummary {
  /** Rows printed at most. */
  static final int MAX_ROWS = 40;

  private SweepSummary() {}

  /** One row: the columns before {@code metric}, and the metrics' n, mean and interval. */
  private record Row(List<String> key, Map<String, double[]> metrics) {}

  /** Prints the table of {@code summaryCsv}; nothing when it has no rows. */
  static void print(PrintWriter out, Path summaryCsv) throws IOException {
    List<String> lines = Files.readAllLines(summaryCsv, StandardCharsets.UTF_8);
    if (lines.size() < 2) {
      return;
    }
    List<String> header = split(lines.get(0));
    int metric = header.indexOf("metric");
    Map<List<String>, Row> rows = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> f = split(line);
      List<String> key = f.subList(0, metric);
      rows.computeIfAbsent(key, k -> new Row(k, new LinkedHashMap<>()))
          .metrics()
          .put(
              f.get(metric),
              new double[] {
                num(f.get(metric + 1)),
                num(f.get(metric + 2)),
                num(f.get(metric + 4)),
                num(f.get(metric + 5))
              });
    }
    int model = header.indexOf("model");
    boolean populations =
        model >= 0 && rows.keySet().stream().anyMatch(k -> SweepLayout.isPopulation(k.get(model)));
    if (populations) {
      rows.keySet().removeIf(k -> !SweepLayout.isPopulation(k.get(model)));
    }
    List<String> titles = new ArrayList<>(header.subList(0, metric));
    titles.addAll(List.of("runs", "risk (95% CI)", "human share", "12345678"));
    List<List<String>> table = new ArrayList<>();
    for (Row r : rows.values()) {
      List<String> cells = new ArrayList<>(r.key());
      double[] risk =
          r.metrics().getOrDefault(POPULATION_RISK.name(), new double[] {0, Double.NaN});
      double[] human = r.metrics().get(TRAIN_HUMAN_SHARE.name());
      cells.add(String.format(Locale.ROOT, "%.0f", risk[0]));
      cells.add(
          risk[0] >= 2 && !Double.isNaN(risk[2])
              ? sig(risk[1]) + " [" + sig(risk[2]) + ", " + sig(risk[3]) + "]"
              : sig(risk[1]));
      cells.add(human == null ? "-" : sig(human[1]));
      cells.add(populations ? shares(r) : verdicts(r));
      table.add(cells);
    }
    int[] width = new int[titles.size()];
    for (int c = 0; c < width.length; c++) {
      width[c] = titles.get(c).length();
      for (List<String> cells : table) {
        width[c] = Math.max(width[c], cells.get(c).length());
      }
    }
    out.println(line(titles, width));
    table.stream().limit(MAX_ROWS).forEach(cells -> out.println(line(cells, width)));
    if (table.size() > MAX_ROWS) {
      out.println("... " + (table.size() - MAX_ROWS) + " more rows in " + summaryCsv);
    }
    out.println(
        populations
            ? "12345678: collapse definitions; per population, the mean over the replicates of the"
                + " share of its models it fires for (where it applies): Y all, n none, a digit"
                + " that many tenths, - does not apply; the rows of the models the runs keep are in "
                + summaryCsv
            : "12345678: collapse definitions; Y fires in every replicate, n in none, a digit in"
                + " that many, + in 10 or more but not all, - does not apply");
    out.flush();
  }

  /**
   * One letter per definition, from the means of its verdict (1 fires, 0 does not): Y, n, the
   * number of replicates it fired in when under 10, + when more (the legend says so).
   */
  private static String verdicts(Row r) {
    StringBuilder b = new StringBuilder();
    for (Definition d : Definition.values()) {
      double[] v = r.metrics().get(d.verdictMetric());
      if (v == null || v[0] == 0 || Double.isNaN(v[1])) {
        b.append('-');
        continue;
      }
      long fired = Math.round(v[0] * v[1]);
      b.append(fired == v[0] ? 'Y' : fired == 0 ? 'n' : fired < 10 ? (char) ('0' + fired) : '+');
    }
    return b.toString();
  }

  /**
   * One letter per definition of a population's row, from the mean of its verdict (the share of the
   * population's models it fires for): Y 1, n 0, else that many tenths, rounded into 1 to 9.
   */
  private static String shares(Row r) {
    StringBuilder b = new StringBuilder();
    for (Definition d : Definition.values()) {
      double[] v = r.metrics().get(d.verdictMetric());
      if (v == null || v[0] == 0 || Double.isNaN(v[1])) {
        b.append('-');
      } else if (v[1] >= 1) {
        b.append('Y');
      } else if (v[1] <= 0) {
        b.append('n');
      } else {
        b.append((char) ('0' + Math.max(1, Math.min(9, Math.round(v[1] * 10)))));
      }
    }
    return b.toString();
  }

  /** The cells left-aligned in their columns, two spaces apart. */
  private static String line(List<String> cells, int[] width) {
    StringBuilder b = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      b.append(c == 0 ? "" : "  ").append(String.format("%-" + width[c] + "s", cells.get(c)));
    }
    return b.toString().stripTrailing();
  }

  /** Four significant digits, or "-" for a missing value. */
  private static String sig(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4g", v);
  }

  /** A number of the CSV; NaN for an empty or non-numeric field. */
  private static double num(String s) {
    try {
      return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** The fields of one CSV line ({@link CsvFields}). */
  static List<String> split(String line) {
    return CsvFields.split(line);
  }
}
