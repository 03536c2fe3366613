package ouroboros.sim.sweep;

import java.util.ArrayList;
import java.util.List;
import ouroboros.sim.output.Groups;
import ouroboros.sim.output.OutputOptions;
import ouroboros.sim.output.SweepLayout;
import ouroboros.sim.scenario.check.ScenarioError;
import ouroboros.sim.scenario.check.Suggest;
import ouroboros.sim.scenario.path.Timelines;
import ouroboros.sim.scenario.spec.ModelSpec;
import ouroboros.sim.scenario.spec.Scenario;

/**
 * The sweep file's {@code report.model}, checked before any run: it takes what the report's {@code
 * --model} takes, a model's id or, for runs that aggregate per population (more than 1,000 models,
 * or a sample, or no model's rows: the scenario's {@code output} block), a population's rows,
 * {@code population:<id>}, and must name one that every cell has.
 */
final class ReportModelCheck {
  private ReportModelCheck() {}

  /**
   * The refusal of {@code report.model} (null: none, or one every cell has): the message offers the
   * names every cell has and, when the named one is in some cells only, names the first cell
   * without it and its values (a population's count can leave a model out; a cell of at most 1,000
   * models that keeps them all writes no population rows). Cells that did not load (null) are
   * skipped; their errors are reported on their own.
   */
  static ScenarioError check(SweepFile sweep, List<Scenario> scenarios) {
    String model = sweep.report().model();
    if (model == null) {
      return null;
    }
    List<String> everyCell = null;
    int missing = -1;
    boolean somewhere = false;
    boolean unaggregated = false;
    for (int c = 0; c < scenarios.size(); c++) {
      Scenario s = scenarios.get(c);
      if (s == null || s.models() == null) {
        continue;
      }
      List<String> names = new ArrayList<>(s.models().stream().map(ModelSpec::id).toList());
      List<String> populations = populations(s);
      boolean aggregates = aggregates(s);
      if (aggregates) {
        names.addAll(populations);
      }
      if (everyCell == null) {
        everyCell = names;
      } else {
        everyCell.retainAll(names);
      }
      if (names.contains(model)) {
        somewhere = true;
      } else if (missing < 0) {
        missing = c;
        unaggregated = !aggregates && populations.contains(model);
      }
    }
    if (missing < 0) {
      return null;
    }
    SweepFile.Cell cell = sweep.cells().get(missing);
    String values = SweepPlan.describe(cell);
    String why =
        unaggregated
            ? ": its runs keep every model's rows, so they write no population rows; see the"
                + " scenario's output.per-model-rows"
            : "";
    boolean populationNames = everyCell.stream().anyMatch(SweepLayout::isPopulation);
    return sweep
        .doc()
        .errorAt(
            "/report/model",
            "report.model",
            "'" + model + "'",
            (populationNames || SweepLayout.isPopulation(model)
                    ? "a model or population every cell has, one of "
                    : "a model every cell has, one of ")
                + everyCell
                + (somewhere || unaggregated
                    ? " ('"
                        + model
                        + "' is missing from cell "
                        + cell.index()
                        + (values.isEmpty() ? "" : ", where " + values)
                        + why
                        + ")"
                    : Suggest.didYouMean(model, everyCell)));
  }

  /**
   * The rows of a cell's populations, {@code population:<id>}, in order of first appearance: each
   * model's group (its population, else {@value Groups#DEFAULT}), timeline releases included, as a
   * run aggregates them.
   */
  private static List<String> populations(Scenario s) {
    return Timelines.allModels(s.models(), s.timeline()).stream()
        .map(m -> SweepLayout.populationKey(ModelSpec.groupOf(m)))
        .distinct()
        .toList();
  }

  /** Whether a cell's runs aggregate per population ({@link OutputOptions#aggregates}). */
  private static boolean aggregates(Scenario s) {
    long copies = s.copies() == null || s.copies().count() == null ? 1 : s.copies().count();
    long models = Timelines.allModels(s.models(), s.timeline()).size() * copies;
    return models > OutputOptions.ALL_ROWS_UP_TO
        || OutputOptions.aggregates(OutputOptions.of(s.output()).kept((int) models, 0L));
  }
}
