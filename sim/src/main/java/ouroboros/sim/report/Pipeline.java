package ouroboros.sim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ouroboros.sim.output.Metric;
import ouroboros.sim.output.MetricCatalogue;

/**
 * The training-data pipeline's confusion matrices. Each stage of a model's pipeline writes, at
 * every retrain, the rows {@code pipeline-K-STAGE-in}, {@code -kept}, {@code -dropped}, {@code
 * -false-positives} (human items dropped) and {@code -false-negatives} (synthetic items kept), K
 * being the stage's 1-based position. Summed over the run, a stage's matrix is: TP = dropped − FP
 * (synthetic dropped), FP, FN, TN = kept − FN (human kept).
 */
final class Pipeline {
  /** The catalogue's metrics this class sums, in the slots of {@link Counts}' fields. */
  private static final List<Metric> SUMMED =
      List.of(
          MetricCatalogue.PIPELINE_COUNTS.get(0),
          MetricCatalogue.PIPELINE_COUNTS.get(1),
          MetricCatalogue.PIPELINE_COUNTS.get(2),
          MetricCatalogue.PIPELINE_ERRORS.get(0),
          MetricCatalogue.PIPELINE_ERRORS.get(1));

  private Pipeline() {}

  /**
   * A stage of a pipeline, ordered by position.
   *
   * @param position the 1-based position
   * @param name the stage's name
   */
  record Stage(int position, String name) implements Comparable<Stage> {
    @Override
    public int compareTo(Stage o) {
      int c = Integer.compare(position, o.position);
      return c != 0 ? c : name.compareTo(o.name);
    }

    /** "1. watermark-filter". */
    String label() {
      return position + ". " + name;
    }
  }

  /**
   * A stage's counts over a run (or several).
   *
   * @param in items in
   * @param kept items kept
   * @param dropped items dropped
   * @param fp human items dropped
   * @param fn synthetic items kept
   */
  record Counts(double in, double kept, double dropped, double fp, double fn) {
    static final Counts ZERO = new Counts(0, 0, 0, 0, 0);

    /** Synthetic items dropped. */
    double tp() {
      return dropped - fp;
    }

    /** Human items kept. */
    double tn() {
      return kept - fn;
    }

    /** Share of synthetic items dropped, TP / (TP + FN). */
    double recall() {
      return tp() / (tp() + fn);
    }

    /** Share of human items dropped, FP / (FP + TN). */
    double falsePositiveRate() {
      return fp / (fp + tn());
    }

    /** The sum of two counts. */
    Counts plus(Counts o) {
      return new Counts(in + o.in, kept + o.kept, dropped + o.dropped, fp + o.fp, fn + o.fn);
    }
  }

  /** True for a pipeline metric name this class sums. */
  static boolean isMetric(String metric) {
    return metric.startsWith("pipeline-") && slot(metric).isPresent();
  }

  /** The catalogue entry of a summed pipeline metric, with its position and stage. */
  private static java.util.Optional<Metric.Parsed> slot(String metric) {
    return MetricCatalogue.parse(metric).filter(p -> SUMMED.contains(p.metric()));
  }

  /** Each model's stages, summed over the run; models without a pipeline are left out. */
  static Map<String, Map<Stage, Counts>> sum(MetricsFile f) {
    Map<String, Map<Stage, Counts>> out = new TreeMap<>();
    // Models share their metric names: each is parsed once, not once per model.
    Map<String, java.util.Optional<Metric.Parsed>> slots = new java.util.HashMap<>();
    for (String model : f.models()) {
      Map<Stage, double[]> acc = new TreeMap<>();
      for (Map.Entry<String, Series> e : f.of(model).entrySet()) {
        var parsed = slots.computeIfAbsent(e.getKey(), Pipeline::slot);
        if (parsed.isEmpty()) {
          continue;
        }
        List<String> parts = parsed.get().parts();
        double[] c =
            acc.computeIfAbsent(
                new Stage(Integer.parseInt(parts.get(0)), parts.get(1)), s -> new double[5]);
        c[SUMMED.indexOf(parsed.get().metric())] += e.getValue().sum();
      }
      if (!acc.isEmpty()) {
        Map<Stage, Counts> stages = new TreeMap<>();
        acc.forEach((s, c) -> stages.put(s, new Counts(c[0], c[1], c[2], c[3], c[4])));
        out.put(model, stages);
      }
    }
    return out;
  }

  /** Adds {@code b}'s counts to {@code a}'s, model by model and stage by stage. */
  static void addInto(Map<String, Map<Stage, Counts>> a, Map<String, Map<Stage, Counts>> b) {
    b.forEach(
        (model, stages) ->
            stages.forEach(
                (s, c) ->
                    a.computeIfAbsent(model, m -> new TreeMap<>()).merge(s, c, Counts::plus)));
  }

  /** One 2 x 2 matrix per stage, per model, as in a single run. */
  static void matrices(Html h, Map<String, Map<Stage, Counts>> byModel) {
    h.note(
        "Summed over the run. A positive is a synthetic item, so TP is a synthetic item "
            + "dropped and FP a human item dropped; FN is a synthetic item kept and TN a human item "
            + "kept. Recall = TP / (TP + FN); false-positive rate = FP / (FP + TN).");
    for (Map.Entry<String, Map<Stage, Counts>> m : byModel.entrySet()) {
      h.el("h3", "", m.getKey());
      h.raw("<div class=\"matrices\">\n");
      for (Map.Entry<Stage, Counts> e : m.getValue().entrySet()) {
        Counts c = e.getValue();
        h.raw("<div>").el("div", "", e.getKey().label() + " (" + whole(c.in()) + " in)");
        h.table(List.of("", "dropped", "kept"));
        h.tr()
            .td("l", "synthetic", "")
            .td("tp", "TP " + whole(c.tp()), "synthetic dropped")
            .td("fn", "FN " + whole(c.fn()), "synthetic kept")
            .endTr();
        h.tr()
            .td("l", "human", "")
            .td("fp", "FP " + whole(c.fp()), "human dropped")
            .td("tn", "TN " + whole(c.tn()), "human kept")
            .endTr();
        h.endTable();
        h.el(
            "div",
            "note",
            "recall "
                + Html.num(c.recall())
                + ", false-positive rate "
                + Html.num(c.falsePositiveRate()));
        h.raw("</div>\n");
      }
      h.raw("</div>\n");
    }
  }

  /** One row per cell, model and stage, as in a sweep: counts summed over the replicates. */
  static void table(
      Html h,
      List<String> params,
      List<SweepDir.Cell> cells,
      Map<Integer, Map<String, Map<Stage, Counts>>> byCell) {
    List<String> header = new ArrayList<>(List.of("<cell"));
    params.forEach(p -> header.add("<" + p));
    header.addAll(
        List.of("<model", "<stage", "in", "TP", "FP", "FN", "TN", "recall", "false-positive rate"));
    h.table(header);
    for (SweepDir.Cell cell : cells) {
      byCell
          .getOrDefault(cell.id(), Map.of())
          .forEach(
              (model, stages) ->
                  stages.forEach(
                      (s, c) -> {
                        h.tr().td("l", Integer.toString(cell.id()), "");
                        cell.values().forEach(v -> h.td("l", v, ""));
                        h.td("l", model, "")
                            .td("l", s.label(), "")
                            .td("", whole(c.in()), "")
                            .td("", whole(c.tp()), "synthetic dropped")
                            .td("", whole(c.fp()), "human dropped")
                            .td("", whole(c.fn()), "synthetic kept")
                            .td("", whole(c.tn()), "human kept")
                            .td("", Html.num(c.recall()), "")
                            .td("", Html.num(c.falsePositiveRate()), "")
                            .endTr();
                      }));
    }
    h.endTable();
  }

  /** A count without decimals. */
  private static String whole(double v) {
    return String.format(java.util.Locale.ROOT, "%,.0f", v);
  }
}
