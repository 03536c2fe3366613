package ouroboros.sim.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import ouroboros.sim.output.CsvFields;
import ouroboros.sim.output.RunDirectory;
import ouroboros.sim.output.SweepLayout;

/**
 * A sweep directory as the report reads it: {@code sweep.csv} (header {@code
 * cell,replicate,seed,<one column per swept path>,model,metric,value}, the final values of every
 * replicate) for the cells and their final values, {@code sweep.yaml} for the name and the report's
 * choices (its {@code report:} key), and the replicate runs {@code runs/c<cell>-r<replicate>/} that
 * completed for the series over ticks.
 *
 * @param dir the directory
 * @param name the sweep's name
 * @param params the swept paths, in column order
 * @param cells the cells, by id
 * @param models the models, in order of first appearance
 * @param finals final values by {@link #key}
 * @param runs each cell's replicate runs, by cell id (none without {@code runs/})
 * @param defaults what sweep.yaml's {@code report:} key chooses
 */
record SweepDir(
    Path dir,
    String name,
    List<String> params,
    List<Cell> cells,
    List<String> models,
    Map<String, List<Double>> finals,
    Map<Integer, List<RunDir>> runs,
    ReportDefaults defaults) {
  private static final Pattern RUN = Pattern.compile("c(\\d+)-r(\\d+)");

  /**
   * A cell of the sweep: one value per swept path.
   *
   * @param id the cell's number
   * @param values its values, in the order of the paths
   */
  record Cell(int id, List<String> values) {}

  /** True when {@code dir} holds a sweep. */
  static boolean isSweep(Path dir) {
    return Files.isRegularFile(new SweepLayout(dir).sweepCsv());
  }

  /** The key of a final value. */
  static String key(int cell, String model, String metric) {
    return cell + "\u0000" + model + "\u0000" + metric;
  }

  /** The replicates' final values of a metric in a cell (empty when there are none). */
  List<Double> values(int cell, String model, String metric) {
    return finals.getOrDefault(key(cell, model, metric), List.of());
  }

  /**
   * The populations among the models ({@code population:<id>}, {@link SweepLayout#populationKey}),
   * in order: the rows that a run aggregating per population adds; empty when no run does.
   */
  List<String> populations() {
    return models.stream().filter(SweepLayout::isPopulation).toList();
  }

  /**
   * What the report's tables and charts show one by one: the populations when the runs aggregate
   * per population (a sample of a thousand models, or none, would give a thousand charts, or
   * nothing), else every model.
   */
  List<String> shown() {
    List<String> p = populations();
    return p.isEmpty() ? models : p;
  }

  /** The metrics that sweep.csv has for a model, sorted. */
  List<String> metrics(String model) {
    Set<String> out = new TreeSet<>();
    String prefix = "\u0000" + model + "\u0000";
    for (String k : finals.keySet()) {
      int at = k.indexOf(prefix);
      if (at >= 0) {
        out.add(k.substring(at + prefix.length()));
      }
    }
    return new ArrayList<>(out);
  }

  /** Loads a sweep directory, keeping the run rows whose metric {@code keep} accepts. */
  static SweepDir load(Path dir, Predicate<String> keep) throws IOException {
    Path csv = new SweepLayout(dir).sweepCsv();
    List<String> params = new ArrayList<>();
    Map<Integer, Cell> cells = new TreeMap<>();
    Set<String> models = new LinkedHashSet<>();
    Map<String, List<Double>> finals = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      String first = in.readLine();
      List<String> header = split(first == null ? "" : first);
      int model = header.indexOf("model");
      if (header.size() < 6
          || !header.subList(0, 2).equals(List.of("cell", "replicate"))
          || !header.get(2).equals(SweepLayout.seedColumn(header.subList(3, Math.max(3, model))))
          || model < 3
          || !header.subList(model, header.size()).equals(List.of("model", "metric", "value"))) {
        throw new IOException(
            csv
                + ": found the header '"
                + String.join(",", header)
                + "', expected 'cell,replicate,seed,<swept paths>,model,metric,value'"
                + " (run-seed in place of seed when a swept path is seed)");
      }
      params.addAll(header.subList(3, model));
      String line;
      int number = 1;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isEmpty()) {
          continue;
        }
        List<String> f = split(line);
        if (f.size() != header.size()) {
          throw new IOException(
              csv + ":" + number + ": found " + f.size() + " fields, expected " + header.size());
        }
        try {
          int cell = Integer.parseInt(f.get(0));
          cells.putIfAbsent(cell, new Cell(cell, List.copyOf(f.subList(3, model))));
          models.add(f.get(model));
          String v = f.get(model + 2);
          finals
              .computeIfAbsent(key(cell, f.get(model), f.get(model + 1)), k -> new ArrayList<>())
              .add(v.equals("NA") || v.isEmpty() ? Double.NaN : Double.parseDouble(v));
        } catch (NumberFormatException e) {
          throw new IOException(
              csv
                  + ":"
                  + number
                  + ": found '"
                  + line
                  + "', expected a whole cell number and a number or NA as the value",
              e);
        }
      }
    }
    cellsWithoutRows(dir, params, cells);
    JsonNode yaml = sweepYaml(dir);
    String fallback = dir.toAbsolutePath().normalize().getFileName().toString();
    List<ReportDefaults.Problem> problems = new ArrayList<>();
    ReportDefaults defaults = ReportDefaults.read(yaml.get("report"), problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          new SweepLayout(dir).sweepYaml() + ": " + ReportDefaults.lines(problems));
    }
    return new SweepDir(
        dir,
        yaml.path("name").asText(fallback),
        params,
        new ArrayList<>(cells.values()),
        new ArrayList<>(models),
        finals,
        runs(dir, keep),
        defaults);
  }

  /**
   * Adds to {@code cells} those of cells.csv ({@code cell,path,value}, one row per value a cell
   * sets) that have no row in sweep.csv, because none of their runs completed, so that the report
   * counts and shows every cell. Without cells.csv (an older sweep), nothing.
   */
  private static void cellsWithoutRows(Path dir, List<String> params, Map<Integer, Cell> cells)
      throws IOException {
    Path csv = new SweepLayout(dir).cellsCsv();
    if (!Files.isRegularFile(csv)) {
      return;
    }
    Map<Integer, Map<String, String>> values = new TreeMap<>();
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    for (int i = 1; i < lines.size(); i++) {
      List<String> f = split(lines.get(i));
      if (f.size() != 3) {
        throw new IOException(csv + ":" + (i + 1) + ": found " + f.size() + " fields, expected 3");
      }
      try {
        values
            .computeIfAbsent(Integer.parseInt(f.get(0)), k -> new HashMap<>())
            .put(f.get(1), f.get(2));
      } catch (NumberFormatException e) {
        throw new IOException(
            csv + ":" + (i + 1) + ": found '" + lines.get(i) + "', expected a whole cell number",
            e);
      }
    }
    values.forEach(
        (id, byPath) ->
            cells.computeIfAbsent(
                id,
                k -> new Cell(k, params.stream().map(p -> byPath.getOrDefault(p, "NA")).toList())));
  }

  /** sweep.yaml as a tree; an empty mapping when it is missing or unreadable. */
  private static JsonNode sweepYaml(Path dir) {
    Path yaml = new SweepLayout(dir).sweepYaml();
    if (!Files.isRegularFile(yaml)) {
      return JsonNodeFactory.instance.objectNode();
    }
    try {
      JsonNode tree = new YAMLMapper().readTree(yaml.toFile());
      return tree != null && tree.isObject() ? tree : JsonNodeFactory.instance.objectNode();
    } catch (IOException e) {
      return JsonNodeFactory.instance.objectNode();
    }
  }

  /** The runs under runs/, by cell, in replicate order. */
  private static Map<Integer, List<RunDir>> runs(Path dir, Predicate<String> keep)
      throws IOException {
    Map<Integer, Map<Integer, RunDir>> byCell = new TreeMap<>();
    Path runs = dir.resolve("runs");
    if (!Files.isDirectory(runs)) {
      return Map.of();
    }
    List<Path> dirs;
    try (Stream<Path> list = Files.list(runs)) {
      dirs = list.sorted().toList();
    }
    for (Path p : dirs) {
      Matcher m = RUN.matcher(p.getFileName().toString());
      // A run that did not complete (failed or killed) is left out, as the tables leave it out.
      if (m.matches() && RunDir.isRun(p) && RunDirectory.isComplete(p)) {
        byCell
            .computeIfAbsent(Integer.parseInt(m.group(1)), c -> new TreeMap<>())
            .put(Integer.parseInt(m.group(2)), RunDir.load(p, keep));
      }
    }
    Map<Integer, List<RunDir>> out = new TreeMap<>();
    byCell.forEach((c, reps) -> out.put(c, List.copyOf(reps.values())));
    return Collections.unmodifiableMap(out);
  }

  /** The fields of one CSV line ({@link CsvFields}). */
  static List<String> split(String line) {
    return CsvFields.split(line);
  }
}
