package ouroboros.sim.report;

import static ouroboros.sim.output.MetricCatalogue.DIVERSITY_RATIO;
import static ouroboros.sim.output.MetricCatalogue.POPULATION_RISK;
import static ouroboros.sim.output.MetricCatalogue.TRAIN_HUMAN_SHARE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import ouroboros.agents.collapse.Thresholds;
import ouroboros.sim.output.PopulationStats;
import ouroboros.sim.output.RunLayout;

/**
 * A run directory as the report reads it: {@code summary.json} for the final state of each model,
 * {@code scenario.yaml} for the description and each model's fresh-data share, {@code metrics.csv}
 * for the series, and {@code timing.json} for the wall time when present.
 *
 * @param dir the directory
 * @param scenario the scenario's name
 * @param description the scenario's description, or empty
 * @param domain the domain's type
 * @param seed the run's seed
 * @param ticks the ticks planned
 * @param ticksCompleted the ticks completed
 * @param complete whether the run finished
 * @param failure why it stopped, or empty
 * @param models each model's final state, in canonical order
 * @param metrics the series read from metrics.csv
 * @param wallSeconds the wall time, or NaN without timing.json
 * @param populations summary.json's per-population statistics (a large or sampled run), or empty
 * @param thresholds the scenario's collapse thresholds (its {@code collapse:} block over the
 *     defaults), for the charts' threshold lines
 */
record RunDir(
    Path dir,
    String scenario,
    String description,
    String domain,
    long seed,
    int ticks,
    int ticksCompleted,
    boolean complete,
    String failure,
    List<ModelFinal> models,
    MetricsFile metrics,
    double wallSeconds,
    List<PopulationFinal> populations,
    Thresholds thresholds) {

  /** The number of collapse definitions, d1 to d8. */
  static final int DEFINITIONS = 8;

  RunDir {
    Objects.requireNonNull(dir, "dir");
    models = List.copyOf(models);
    populations = List.copyOf(populations);
  }

  /**
   * A model's final state, the columns of the end-of-run table.
   *
   * @param id the model's id
   * @param regime its regime, with the fresh human share when there is one
   * @param generation successful fits
   * @param fitFailures failed fits
   * @param risk final population risk (NaN before the first fit)
   * @param diversity final diversity ratio
   * @param humanShare human share of the last training set
   * @param verdicts d1..d8: {@code yes}, {@code no}, {@code n/a}, or empty before the first fit
   */
  record ModelFinal(
      String id,
      String regime,
      int generation,
      int fitFailures,
      double risk,
      double diversity,
      double humanShare,
      List<String> verdicts) {}

  /**
   * A population's final statistics, from summary.json's {@code populations}.
   *
   * @param id the population
   * @param models its models
   * @param risk the population risk's mean, then its quantiles q05, q25, median, q75, q95
   * @param firing per definition d1..d8, the share of its models (where the definition applies)
   *     whose verdict fires, NaN where it applies to none
   */
  record PopulationFinal(String id, int models, double[] risk, double[] firing) {}

  /** True when {@code dir} holds the files of a run. */
  static boolean isRun(Path dir) {
    return RunLayout.of(dir).hasResults();
  }

  /**
   * Loads a run directory, keeping the metrics.csv rows whose metric {@code keep} accepts. Of a run
   * that did not complete, only the ticks its summary.json counts are read: a killed run may have
   * appended rows after its last checkpoint, and SIGKILL may have cut the last of them short.
   */
  static RunDir load(Path dir, Predicate<String> keep) throws IOException {
    RunLayout files = RunLayout.of(dir);
    JsonNode summary = UnreadableFile.json(files.summary());
    int ticks =
        summary.path("complete").asBoolean()
            ? Integer.MAX_VALUE
            : summary.path("ticks-completed").asInt();
    return load(dir, summary, MetricsFile.read(files.metrics(), keep, ticks));
  }

  /**
   * Loads a run directory but its metrics.csv, whose rows are {@code series} (gathered as the run
   * wrote them).
   */
  static RunDir load(Path dir, MetricsFile series) throws IOException {
    return load(dir, UnreadableFile.json(RunLayout.of(dir).summary()), series);
  }

  private static RunDir load(Path dir, JsonNode summary, MetricsFile series) throws IOException {
    RunLayout files = RunLayout.of(dir);
    JsonNode scenario =
        Files.isRegularFile(files.scenario())
            ? UnreadableFile.yaml(files.scenario())
            : new ObjectMapper().createObjectNode();
    Map<String, Double> fresh = new HashMap<>();
    for (JsonNode m : scenario.path("models")) {
      fresh.put(m.path("id").asText(), m.path("fresh-human-fraction").asDouble(0));
    }
    List<ModelFinal> models = new ArrayList<>();
    for (JsonNode m : summary.path("models")) {
      String id = m.path("id").asText();
      double f = fresh.getOrDefault(id, 0.0);
      String regime =
          m.path("regime").asText()
              + (f > 0 ? String.format(Locale.ROOT, " +%.0f%% fresh", 100 * f) : "");
      JsonNode metrics = m.path("metrics");
      List<String> verdicts = new ArrayList<>();
      for (int d = 1; d <= DEFINITIONS; d++) {
        verdicts.add(m.path("verdicts").path("d" + d).path("verdict").asText(""));
      }
      models.add(
          new ModelFinal(
              id,
              regime,
              m.path("generation").asInt(),
              m.path("fit-failures").asInt(),
              number(metrics.path(POPULATION_RISK.name())),
              number(metrics.path(DIVERSITY_RATIO.name())),
              number(metrics.path(TRAIN_HUMAN_SHARE.name())),
              verdicts));
    }
    double wall = Double.NaN;
    if (Files.isRegularFile(files.timing())) {
      wall = UnreadableFile.json(files.timing()).path("wall-seconds").asDouble(Double.NaN);
    }
    return new RunDir(
        dir,
        summary.path("scenario").asText(dir.getFileName().toString()),
        scenario.path("description").asText(""),
        scenario.path("domain").path("type").asText(""),
        summary.path("seed").asLong(),
        summary.path("ticks").asInt(),
        summary.path("ticks-completed").asInt(),
        summary.path("complete").asBoolean(),
        summary.path("failure").asText(""),
        models,
        series,
        wall,
        populations(summary),
        thresholds(scenario.path("collapse")));
  }

  /** The scenario's {@code collapse:} block over {@link Thresholds#DEFAULTS}. */
  static Thresholds thresholds(JsonNode c) {
    Thresholds d = Thresholds.DEFAULTS;
    return new Thresholds(
        c.path("catastrophic-ratio").asDouble(d.catastrophicRatio()),
        c.path("increase-z").asDouble(d.increaseZ()),
        c.path("trend-window").asInt(d.trendWindow()),
        c.path("trend-alpha").asDouble(d.trendAlpha()),
        c.path("trend-min-rise").asDouble(d.trendMinRise()),
        c.path("scaling-tolerance").asDouble(d.scalingTolerance()),
        c.path("diversity-min").asDouble(d.diversityMin()),
        c.path("modes-min").asDouble(d.modesMin()),
        c.path("tail-min").asDouble(d.tailMin()),
        c.path("hallucination-max").asDouble(d.hallucinationMax()));
  }

  /** summary.json's populations. */
  private static List<PopulationFinal> populations(JsonNode summary) {
    List<PopulationFinal> out = new ArrayList<>();
    for (JsonNode p : summary.path("populations")) {
      JsonNode risk = p.path("metrics").path(POPULATION_RISK.name());
      double[] r = new double[1 + PopulationStats.QUANTILE_KEYS.size()];
      r[0] = number(risk.path("mean"));
      for (int k = 0; k < PopulationStats.QUANTILE_KEYS.size(); k++) {
        r[k + 1] = number(risk.path(PopulationStats.QUANTILE_KEYS.get(k)));
      }
      double[] firing = new double[DEFINITIONS];
      for (int d = 1; d <= DEFINITIONS; d++) {
        JsonNode v = p.path("verdicts").path("d" + d);
        double yes = v.path("yes").asDouble();
        double applies = yes + v.path("no").asDouble();
        firing[d - 1] = applies > 0 ? yes / applies : Double.NaN;
      }
      out.add(new PopulationFinal(p.path("id").asText(), p.path("models").asInt(), r, firing));
    }
    return out;
  }

  /** A summary.json number: null is NaN, "Infinity" is infinity. */
  static double number(JsonNode n) {
    if (n.isNumber()) {
      return n.asDouble();
    }
    if (n.isTextual()) {
      try {
        return Double.parseDouble(n.asText());
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }
}
