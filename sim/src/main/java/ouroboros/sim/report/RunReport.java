package ouroboros.sim.report;

import static ouroboros.sim.output.WebMetrics.NEW_SYNTHETIC_SHARE;
import static ouroboros.sim.output.WebMetrics.SYNTHETIC_SHARE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import ouroboros.agents.collapse.Definition;
import ouroboros.sim.output.MetricCatalogue;

/**
 * The report of one run: the scenario, the final values per model (the columns of the end-of-run
 * table), the verdict matrix, risk and diversity over ticks, the synthetic share of the web, the
 * pipeline's confusion matrices when the run has a pipeline, and the final interaction graph when
 * the run directory has one.
 */
final class RunReport {
  /** The verdict metrics, d1-verdict to d8-verdict. */
  private static final java.util.Set<String> VERDICTS =
      java.util.Arrays.stream(Definition.values())
          .map(Definition::verdictMetric)
          .collect(java.util.stream.Collectors.toSet());

  /** The metrics.csv rows the report reads. */
  static final Predicate<String> METRICS =
      m ->
          m.equals(MetricCatalogue.POPULATION_RISK.name())
              || m.equals(MetricCatalogue.DIVERSITY_RATIO.name())
              || m.equals(Definition.CATASTROPHIC_RISK.numberMetric())
              || DefinitionCharts.isMetric(m)
              || VERDICTS.contains(m)
              || m.equals(SYNTHETIC_SHARE.name())
              || m.equals(NEW_SYNTHETIC_SHARE.name())
              || Pipeline.isMetric(m);

  /** Chart width, in CSS pixels. */
  static final int WIDTH = 1000;

  /** Chart height, in CSS pixels. */
  static final int HEIGHT = 400;

  static final String NO_REPLICATES =
      "One run, so no confidence bands: a sweep with replicates draws 95% bands.";

  private RunReport() {}

  /** The page. */
  static String render(RunDir run) {
    Html h = new Html("Ouroboros report: " + run.scenario());
    Map<String, Map<Pipeline.Stage, Pipeline.Counts>> pipeline = Pipeline.sum(run.metrics());
    boolean graph = GraphSection.present(run.dir());
    Map<String, String> nav = new LinkedHashMap<>();
    if (!run.populations().isEmpty()) {
      nav.put("populations", "Populations");
    }
    // A run that keeps no model's rows (output.per-model-rows: none) has its populations only.
    boolean listed = !run.models().isEmpty() || run.populations().isEmpty();
    if (listed) {
      nav.put("summary", "Final values");
      nav.put("verdicts", "Verdicts");
      nav.put("risk", "Risk and diversity");
    }
    List<DefinitionCharts.Other> others =
        listed ? DefinitionCharts.others(run, models(run)) : List.of();
    if (!others.isEmpty()) {
      nav.put("definitions", "Other definitions");
    }
    var copies = copiesTable(run);
    if (!copies.isEmpty()) {
      nav.put(CopiesSection.ID, "Copies");
    }
    nav.put("web", "Synthetic share");
    if (!pipeline.isEmpty()) {
      nav.put("pipeline", "Pipeline");
    }
    if (graph) {
      nav.put("graph", "Interaction graph");
    }
    header(h, run, nav);
    if (!run.populations().isEmpty()) {
      h.h2("populations", "Populations");
      populations(h, run);
    }
    if (listed) {
      modelSections(h, run, others);
    } else {
      h.note(
          "This run keeps no model's rows (the scenario's output.per-model-rows is none), so there"
              + " is no table or chart model by model: the populations above are what it reports"
              + " of its models.");
    }
    if (!copies.isEmpty()) {
      h.h2(CopiesSection.ID, "Copies: mean and 95% interval over generations");
      CopiesSection.render(h, copies);
    }
    h.h2("web", "Synthetic share of the web");
    h.figure(
        () ->
            ChartImage.render(
                "chart-web",
                "synthetic share of the web over ticks",
                RunCharts.webChart(run),
                WIDTH,
                HEIGHT),
        "synthetic-share: share of the visible items with synthetic depth above 0; "
            + "new-synthetic-share: the same among the items published at that tick.");
    if (!pipeline.isEmpty()) {
      h.h2("pipeline", "Pipeline: confusion matrices per stage");
      Pipeline.matrices(h, pipeline);
    }
    if (graph) {
      GraphSection.render(h, run.dir());
    }
    return h.finish();
  }

  /** The rows of copies.csv the copies section charts; empty for a run without copies. */
  private static java.util.Map<String, java.util.Map<String, List<CopiesSection.Row>>> copiesTable(
      RunDir run) {
    try {
      return CopiesSection.read(run.dir());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The tables and charts model by model: final values, verdicts, risk and the definitions. */
  private static void modelSections(Html h, RunDir run, List<DefinitionCharts.Other> others) {
    h.h2("summary", "Final values");
    summary(h, run);
    h.h2("verdicts", "Verdicts of the eight definitions of collapse");
    verdicts(h, run);
    h.h2("risk", "Risk and diversity over ticks");
    List<String> models = models(run);
    String many =
        models.size() > OverTicks.MAX_LINES
            ? " With "
                + models.size()
                + " models, the chart draws the "
                + OverTicks.TOP
                + " that end furthest towards collapse, and the median of all with a band from"
                + " the 10% to the 90% quantile."
            : "";
    h.figure(
        () ->
            ChartImage.render(
                "chart-risk", RISK_ALT, RunCharts.riskChart(run, models), WIDTH, HEIGHT),
        "The domain's population risk after each retrain (for the Gaussian, KL(truth || model) "
            + "in nats)."
            + many);
    h.figure(
        () ->
            ChartImage.render(
                "chart-risk-ratio",
                "risk ratio of each model over ticks, with definition 1's threshold",
                RunCharts.riskRatioChart(run, models),
                WIDTH,
                HEIGHT),
        "Definition 1 (catastrophic increase) fires when risk_g / risk_1 is above the red line "
            + "(collapse.catastrophic-ratio); a dashed marker, in the model's colour, is the tick "
            + "where it first fired."
            + many);
    h.figure(
        () ->
            ChartImage.render(
                "chart-diversity",
                "diversity ratio of each model over ticks, with definition 5's threshold",
                RunCharts.diversityChart(run, models),
                WIDTH,
                HEIGHT),
        "Variance ratio (continuous domains) or entropy ratio (discrete ones): 1 is the "
            + "truth's diversity; definition 5 fires below the red line (collapse.diversity-min); "
            + "a dashed marker is the tick where it first fired."
            + many);
    DefinitionCharts.section(h, run, models, others, many, NO_REPLICATES);
  }

  /** Title, description, run facts and the section links. */
  private static void header(Html h, RunDir run, Map<String, String> nav) {
    h.el("h1", "", "Ouroboros report: " + run.scenario());
    if (!run.description().isEmpty()) {
      h.p(run.description());
    }
    StringBuilder facts = new StringBuilder();
    facts.append("seed ").append(run.seed()).append(", ").append(run.ticks()).append(" ticks");
    if (!run.domain().isEmpty()) {
      facts.append(", domain ").append(run.domain());
    }
    int total =
        run.populations().isEmpty()
            ? run.models().size()
            : run.populations().stream().mapToInt(RunDir.PopulationFinal::models).sum();
    facts.append(", ").append(total).append(total == 1 ? " model" : " models");
    if (total != run.models().size()) {
      facts.append(" (").append(run.models().size()).append(" with rows of their own)");
    }
    if (!Double.isNaN(run.wallSeconds())) {
      facts.append(String.format(Locale.ROOT, ", %.1f s wall time", run.wallSeconds()));
    }
    h.p(facts.toString());
    if (!run.complete()) {
      h.el(
          "p",
          "note",
          "The run did not finish: it stopped after "
              + run.ticksCompleted()
              + " ticks"
              + (run.failure().isEmpty() ? "." : ": " + run.failure()));
    }
    navigation(h, nav);
  }

  /** Links to the sections. */
  static void navigation(Html h, Map<String, String> nav) {
    h.raw("<nav>");
    nav.forEach(
        (id, title) -> h.raw("<a href=\"#" + Html.esc(id) + "\">" + Html.esc(title) + "</a>"));
    h.raw("</nav>\n");
  }

  /** One row per population: its models, the risk's mean and quantiles, the firing shares. */
  private static void populations(Html h, RunDir run) {
    List<String> header =
        new ArrayList<>(
            List.of(
                "<population",
                "models",
                "risk mean",
                "risk q05",
                "risk q25",
                "risk median",
                "risk q75",
                "risk q95"));
    for (int d = 1; d <= RunDir.DEFINITIONS; d++) {
      header.add("d" + d + " fires");
    }
    h.table(header);
    for (RunDir.PopulationFinal p : run.populations()) {
      h.tr().td("l", p.id(), "").td("", Integer.toString(p.models()), "");
      for (double v : p.risk()) {
        h.td("", Html.num(v), "");
      }
      for (double f : p.firing()) {
        h.td("", Double.isNaN(f) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * f), "");
      }
      h.endTr();
    }
    h.endTable();
    h.note(
        "Over every model of each population (its final state): the population risk's mean"
            + " and quantiles, and for each definition the share of the models where it applies"
            + " that it fires for. The tables and charts below show only the models the run keeps"
            + " (the scenario's output.per-model-rows).");
  }

  /** The end-of-run table's columns, one row per model. */
  private static void summary(Html h, RunDir run) {
    h.table(
        List.of(
            "<model",
            "<regime",
            "generation",
            "risk",
            diversityName(run.domain()),
            "human share",
            "fit failures",
            "<12345678"));
    for (RunDir.ModelFinal m : run.models()) {
      StringBuilder letters = new StringBuilder();
      for (String v : m.verdicts()) {
        letters.append(
            switch (v) {
              case "yes" -> 'Y';
              case "no" -> 'n';
              case "n/a" -> '-';
              default -> ' ';
            });
      }
      h.tr()
          .td("l", m.id(), "")
          .td("l", m.regime(), "")
          .td("", Integer.toString(m.generation()), "")
          .td("", Html.num(m.risk()), "")
          .td("", Html.num(m.diversity()), "")
          .td("", Html.num(m.humanShare()), "")
          .td("", Integer.toString(m.fitFailures()), "")
          .raw("<td class=\"l\"><code>" + Html.esc(letters.toString().strip()) + "</code></td>")
          .endTr();
    }
    h.endTable();
    h.note(
        "As the end-of-run table: generation = successful fits; risk = the domain's "
            + "population risk; "
            + diversityName(run.domain())
            + " = the diversity ratio; human share = the human share "
            + "of the last training set; 12345678 = the eight verdicts (Y fires, n does not, - does "
            + "not apply).");
  }

  /**
   * What the diversity ratio is in a domain: an entropy ratio for the discrete domains, a variance
   * ratio otherwise (as {@code Domain.diversityRatioName()} says; the report has only the name).
   */
  static String diversityName(String domain) {
    return switch (domain) {
      case "categorical", "text" -> "entropy ratio";
      case "" -> "diversity ratio";
      default -> "variance ratio";
    };
  }

  /** The verdict matrix: model by definition, coloured, with the tick each first fired. */
  private static void verdicts(Html h, RunDir run) {
    definitionHeader(h, "model");
    for (RunDir.ModelFinal m : run.models()) {
      h.tr().td("l", m.id(), "");
      for (int d = 1; d <= RunDir.DEFINITIONS; d++) {
        String v = m.verdicts().get(d - 1);
        Series s = run.metrics().get(m.id(), Definition.values()[d - 1].verdictMetric());
        int first = s == null ? Series.NONE : s.firstTick(1);
        String cls =
            switch (v) {
              case "yes" -> "yes c";
              case "no" -> "no c";
              default -> "na c";
            };
        String text = v.isEmpty() ? "-" : v;
        String tip = first == Series.NONE ? "" : "first fired at tick " + first;
        if (first != Series.NONE) {
          text += v.equals("yes") ? " (first t" + first + ")" : " (fired t" + first + ")";
        }
        h.td(cls, text, tip);
      }
      h.endTr();
    }
    h.endTable();
    h.note(
        "Each model's verdicts after its last retrain: yes (fires), no, or n/a (does not "
            + "apply, in this domain or not yet). \"first tN\": it first fired at tick N; \"fired "
            + "tN\": it fired at tick N but no longer fires at the end.");
  }

  private static final String RISK_ALT =
      "population risk of each model over ticks (one run: no confidence bands)";

  /** The ids of the models the run keeps rows for. */
  static List<String> models(RunDir run) {
    List<String> models = new ArrayList<>();
    run.models().forEach(m -> models.add(m.id()));
    return models;
  }

  /** Opens a table whose last eight columns are d1..d8, each with its title. */
  static void definitionHeader(Html h, String... first) {
    h.raw("<div class=\"wide\"><table>\n<tr>");
    for (String f : first) {
      h.raw("<th class=\"l\">" + Html.breakable(f) + "</th>");
    }
    for (Definition d : Definition.values()) {
      h.raw(
          "<th title=\""
              + Html.esc(d.title())
              + "\">d"
              + d.index()
              + "<br><small>"
              + Html.esc(d.title())
              + "</small></th>");
    }
    h.raw("</tr>\n");
  }
}
