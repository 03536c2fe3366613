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
import java.util.TreeMap;
import ouroboros.sim.output.CopiesTable;
import ouroboros.sim.output.MetricCatalogue;
import ouroboros.sim.output.RunLayout;

/**
 * The report's section on a run with {@code copies:}: for each model (its id without the copy
 * suffix), the mean over the copies of the population risk, the squared error of the mean (where
 * the domain has one), the diversity ratio and definition 1's risk ratio over generations, each
 * with its 95% interval (mean ± t(0.975, n − 1) sd/√n), read from {@code copies.csv}.
 */
final class CopiesSection {
  /** The anchor of the section. */
  static final String ID = "copies";

  /** The metrics charted: name in copies.csv, the chart's title. */
  private static final String[][] CHARTED = {
    {MetricCatalogue.POPULATION_RISK.name(), "Population risk"},
    {MetricCatalogue.MEAN_SQ_ERROR.name(), "Squared error of the mean, ||mu_g - mu||^2"},
    {MetricCatalogue.DIVERSITY_RATIO.name(), "Diversity ratio"},
    {"d1-risk-ratio", "Risk ratio risk_g / risk_1"},
  };

  private CopiesSection() {}

  /** One row of copies.csv. */
  record Row(int tick, int n, double mean, double low, double high) {}

  /** The table's rows the section charts, by metric then model; empty without copies.csv. */
  static Map<String, Map<String, List<Row>>> read(Path dir) throws IOException {
    Path csv = RunLayout.of(dir).copies();
    Map<String, Map<String, List<Row>>> out = new LinkedHashMap<>();
    if (!Files.isRegularFile(csv)) {
      return out;
    }
    List<String> wanted = new ArrayList<>();
    for (String[] c : CHARTED) {
      wanted.add(c[0]);
    }
    wanted.add(MetricCatalogue.GENERATION.name());
    try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      String line = in.readLine();
      if (!CopiesTable.HEADER.equals(line)) {
        throw new IOException(
            csv + ": found the header '" + line + "', expected " + CopiesTable.HEADER);
      }
      while ((line = in.readLine()) != null) {
        String[] f = line.split(",", -1);
        if (f.length != 8) {
          throw new IOException(csv + ": found '" + line + "', expected " + CopiesTable.HEADER);
        }
        if (!wanted.contains(f[2])) {
          continue;
        }
        out.computeIfAbsent(f[2], k -> new TreeMap<>())
            .computeIfAbsent(f[1], k -> new ArrayList<>())
            .add(
                new Row(
                    Integer.parseInt(f[0]),
                    Integer.parseInt(f[3]),
                    number(f[4]),
                    number(f[6]),
                    number(f[7])));
      }
    }
    return out;
  }

  /** Writes the section: one chart per charted metric the table has. */
  static void render(Html h, Map<String, Map<String, List<Row>>> table) {
    Map<String, List<Row>> generations =
        table.getOrDefault(MetricCatalogue.GENERATION.name(), Map.of());
    int copies = 0;
    int fewest = Integer.MAX_VALUE;
    for (Map<String, List<Row>> byModel : table.values()) {
      for (List<Row> rows : byModel.values()) {
        for (Row r : rows) {
          copies = Math.max(copies, r.n());
          fewest = Math.min(fewest, r.n());
        }
      }
    }
    // Sampled per-model rows give each model the copies that kept its rows: n varies by line.
    String subtitle =
        fewest >= copies
            ? "Mean over " + copies + " independent copies, with its 95% confidence interval"
            : "Mean over the copies that have the model's rows ("
                + fewest
                + " to "
                + copies
                + " per line, n in copies.csv), with its 95% confidence interval where n is 2"
                + " or more";
    for (String[] c : CHARTED) {
      Map<String, List<Row>> byModel = table.get(c[0]);
      if (byModel == null) {
        continue;
      }
      List<Charts.Line> lines = new ArrayList<>();
      byModel.forEach((model, rows) -> lines.add(line(model, rows, generations.get(model))));
      h.figure(
          () ->
              ChartImage.render(
                  "chart-copies-" + c[0],
                  c[1] + " over generations, mean and 95% interval across copies",
                  Charts.lines(c[1], subtitle, "generation", c[0], lines),
                  RunReport.WIDTH,
                  RunReport.HEIGHT),
          c[0]
              + " per model, averaged over the copies at each tick; the x value is the"
              + " copies' mean generation at that tick.");
    }
    h.note(
        "The band is mean ± t(0.975, n−1) sd/√n across the copies (copies.csv), each copy an"
            + " independent world with its own seed; n is the number of copies with a value.");
  }

  /** A model's line: x the mean generation at each tick (the tick where there is none). */
  private static Charts.Line line(String model, List<Row> rows, List<Row> generations) {
    Map<Integer, Double> gen = new TreeMap<>();
    if (generations != null) {
      generations.forEach(g -> gen.put(g.tick(), g.mean()));
    }
    int n = rows.size();
    double[] x = new double[n];
    double[] y = new double[n];
    double[] lo = new double[n];
    double[] hi = new double[n];
    for (int i = 0; i < n; i++) {
      Row r = rows.get(i);
      x[i] = gen.getOrDefault(r.tick(), (double) r.tick());
      y[i] = r.mean();
      lo[i] = Double.isNaN(r.low()) ? r.mean() : r.low();
      hi[i] = Double.isNaN(r.high()) ? r.mean() : r.high();
    }
    return new Charts.Line(model, x, y, lo, hi);
  }

  /** A number of copies.csv: NA is NaN. */
  private static double number(String s) {
    return s.equals("NA") ? Double.NaN : Double.parseDouble(s);
  }
}
