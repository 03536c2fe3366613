package ouroboros.sim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.scenario.check.ScenarioException;
import ouroboros.sim.scenario.spec.ModelSpec;
import ouroboros.sim.scenario.spec.Scenario;

/** A sweep path into a population's template varies every member of the population. */
class PopulationSweepTest {
  /** A base scenario's first lines, before its models. */
  private static final String HEAD =
      """
      name: pop
      seed: 3
      ticks: 5
      domain: {type: gaussian, dimensions: 1}
      humans:
        - {id: people, publish-rate: 5}
      """;

  @TempDir Path tmp;

  @Test
  void sweepPath_intoTemplate_everyMemberTakesTheValue() throws Exception {
    Files.writeString(
        tmp.resolve("base.yaml"),
        HEAD
            + """
            populations:
              - id: labs
                kind: model
                count: 4
                id-pattern: "lab-{i}"
                template: {regime: replace, scrape: 10, publish-rate: 10}
            """);
    Path sweep = tmp.resolve("sweep.yaml");
    Files.writeString(
        sweep,
        """
        base: base.yaml
        grid:
          populations[labs].template.publish-rate: [5, 9]
          populations[labs].template.fresh-human-fraction: [0.1]
        """);
    SweepPlan plan = SweepPlan.check(SweepFile.read(sweep));
    List<Scenario> cells = plan.scenarios();
    assertEquals(2, cells.size());
    for (int c = 0; c < 2; c++) {
      List<ModelSpec> models = cells.get(c).models();
      assertEquals(4, models.size());
      for (ModelSpec m : models) {
        assertEquals(c == 0 ? 5 : 9, m.publishRate());
        assertEquals(0.1, m.freshHumanFraction());
      }
    }
  }

  @Test
  void sweepPath_everyModel_coversHandListedModelsAndPopulationMembers() throws Exception {
    // QA, stop 32: models[*] set only the hand-listed model, and the cell was labelled as if all.
    String base =
        HEAD
            + """
        MODELS
        populations:
          - id: labs
            kind: model
            count: 3
            id-pattern: "lab-{i}"
            template: {regime: {cycle: [replace, accumulate]}, scrape: 10, publish-rate: 10}
          - {id: folk, kind: human, count: 2, id-pattern: "p{i}", template: {publish-rate: 5}}
        """;
    for (String models :
        List.of("models:\n  - {id: solo, regime: replace, scrape: 10, publish-rate: 10}", "")) {
      Files.writeString(tmp.resolve("base.yaml"), base.replace("MODELS", models));
      Path sweep = tmp.resolve("sweep.yaml");
      Files.writeString(sweep, "base: base.yaml\ngrid:\n  models[*].regime: [window, replace]\n");
      List<Scenario> cells = SweepPlan.check(SweepFile.read(sweep)).scenarios();
      for (int c = 0; c < 2; c++) {
        List<ModelSpec> all = cells.get(c).models();
        assertEquals(models.isEmpty() ? 3 : 4, all.size());
        for (ModelSpec m : all) {
          assertEquals(c == 0 ? "window" : "replace", m.regime(), m.id());
        }
        assertEquals(3, cells.get(c).humans().size(), "humans[*] is not models[*]");
      }
    }
  }

  @Test
  void reportModel_missingFromACellByItsCount_messageNamesThatCell() throws Exception {
    // QA: with count [1, 3], report.model lab-2 was refused as not "a model of the base
    // scenario, one of [solo, lab-0]", though the base has it: only the cell of count 1 has not.
    Files.writeString(
        tmp.resolve("base.yaml"),
        HEAD
            + """
            models:
              - {id: solo, regime: replace, scrape: 10, publish-rate: 10}
            populations:
              - id: labs
                kind: model
                count: 3
                id-pattern: "lab-{i}"
                template: {regime: replace, scrape: 10, publish-rate: 10}
            """);
    Path sweep = tmp.resolve("sweep.yaml");
    Files.writeString(
        sweep,
        """
        base: base.yaml
        report: {model: lab-2}
        grid:
          populations[labs].count: [3, 1]
        """);
    ScenarioException e =
        assertThrows(ScenarioException.class, () -> SweepPlan.check(SweepFile.read(sweep)));
    assertEquals(
        sweep
            + ":2:17: report.model: found 'lab-2', expected a model every cell has, one of [solo, lab-0]"
            + " ('lab-2' is missing from cell 1, where populations[labs].count = 1)",
        e.errors().get(0).message());
  }

  @Test
  void reportModel_aPopulation_takenAsByTheReportsOption() throws Exception {
    // QA: report.model could not name population:labs, though report --model can.
    String base =
        HEAD
            + """
            output: {per-model-rows: ROWS}
            models:
              - {id: solo, regime: replace, scrape: 10, publish-rate: 10}
            populations:
              - id: labs
                kind: model
                count: 3
                id-pattern: "lab-{i}"
                template: {regime: replace, scrape: 10, publish-rate: 10}
            """;
    Path sweep = tmp.resolve("sweep.yaml");
    Files.writeString(tmp.resolve("base.yaml"), base.replace("ROWS", "none"));
    Files.writeString(
        sweep, "base: base.yaml\nreport: {model: population:labs}\ngrid:\n  ticks: [2, 3]\n");
    assertEquals(2, SweepPlan.check(SweepFile.read(sweep)).scenarios().size());
    Files.writeString(
        sweep, "base: base.yaml\nreport: {model: population:lab}\ngrid:\n  ticks: [2]\n");
    ScenarioException misspelt =
        assertThrows(ScenarioException.class, () -> SweepPlan.check(SweepFile.read(sweep)));
    assertEquals(
        sweep
            + ":2:17: report.model: found 'population:lab', expected a model or population every"
            + " cell has, one of [solo, lab-0, lab-1, lab-2, population:models, population:labs]"
            + " (did you mean 'population:labs'?)",
        misspelt.errors().get(0).message());
    // Runs that keep every model's rows write no population rows: the message says why.
    Files.writeString(tmp.resolve("base.yaml"), base.replace("ROWS", "all"));
    Files.writeString(
        sweep, "base: base.yaml\nreport: {model: population:labs}\ngrid:\n  ticks: [2]\n");
    ScenarioException all =
        assertThrows(ScenarioException.class, () -> SweepPlan.check(SweepFile.read(sweep)));
    assertEquals(
        sweep
            + ":2:17: report.model: found 'population:labs', expected a model or population every"
            + " cell has, one of [solo, lab-0, lab-1, lab-2] ('population:labs' is missing from"
            + " cell 0, where ticks = 2: its runs keep every model's rows, so they write no"
            + " population rows; see the scenario's output.per-model-rows)",
        all.errors().get(0).message());
  }
}
