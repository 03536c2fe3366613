package ouroboros.sim.scenario.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ouroboros.sim.scenario.population.PopulationTest.LABS;
import static ouroboros.sim.scenario.population.PopulationTest.error;
import static ouroboros.sim.scenario.population.PopulationTest.load;
import static ouroboros.sim.scenario.population.PopulationTest.scenario;

import java.util.List;
import org.junit.jupiter.api.Test;
import ouroboros.sim.scenario.check.ScenarioException;
import ouroboros.sim.scenario.spec.ModelSpec;
import ouroboros.sim.scenario.spec.Scenario;

/**
 * Populations at the edges a researcher's testing found (stop 32): templates inside a choice and in
 * mapping keys, and messages that stay located, grouped and short with many members.
 */
class PopulationEdgesTest {
  /** The refusal of a scenario of {@code populations} and {@code more}. */
  private static ScenarioException refused(String populations, String more) {
    return assertThrows(ScenarioException.class, () -> load(scenario(populations, more)));
  }

  @Test
  void handWrittenMemberOfAPopulation_addressedWithIt() throws Exception {
    // QA, stop 32: a hand-written model with population: labs was counted in labs's statistics
    // but left out by retire: labs.
    String text =
        scenario(LABS.replace("COUNT", "3"), "timeline:\n  - {tick: 2, retire: labs}\n")
            .replace(
                "populations:\n",
                "models:\n  - {id: extra, population: labs, regime: replace, scrape: 20,"
                    + " publish-rate: 10}\npopulations:\n");
    Scenario s = load(text);
    assertEquals(
        List.of("lab-0", "lab-1", "lab-2", "extra"),
        s.timeline().stream().map(e -> e.retire()).toList());
  }

  @Test
  void populationNamedModels_refusedAtItsId() {
    // QA: a population 'models' merged in the outputs with the models that name no population.
    String text =
        scenario(LABS.replace("COUNT", "3").replace("id: labs", "id: models"), "")
            .replace(
                "populations:\n",
                "models:\n  - {id: solo, regime: replace, scrape: 20, publish-rate: 10}\n"
                    + "populations:\n");
    assertEquals(
        "s.yaml:14:9: populations[models].id: found 'models', expected another population id:"
            + " 'models' is the group of the models without a population key in the outputs",
        error(text).strip());
  }

  @Test
  void idPattern_misspeltPlaceholder_namedAsSuch() {
    // QA, stop 32: a misspelt placeholder was reported as no {i} at all.
    for (String bad : List.of("{i:4}", "{i:05d}", "{ i }", "{i")) {
      String misspelt =
          error(scenario(LABS.replace("COUNT", "4").replace("lab-{i}", "lab-" + bad), ""));
      assertTrue(
          misspelt.contains(
              "found 'lab-"
                  + bad
                  + "', whose '"
                  + bad
                  + "' is not a placeholder ({i}, {i:0N} with N from 1 to 9, {id}), for 4"
                  + " members"),
          misspelt);
    }
  }

  @Test
  void choiceValuesAndMappingKeys_areTemplatesToo() throws Exception {
    // QA, stop 32: "b{i}" inside a choice and as a publish-to key stayed "b{i}", and a draw
    // inside a choice was refused as a mapping.
    String blogs = "  - {id: blogs, kind: site, count: 40, id-pattern: \"b{i}\"}\n";
    String labs =
        LABS.replace("COUNT", "40")
            .replace(
                "fresh-human-fraction: {draw: {uniform: [0, 0.2]}}",
                "fresh-human-fraction: {draw: {choice: [0.1, {draw: {uniform: [0.2, 0.3]}}]}}\n"
                    + "      site: {draw: {choice: [\"b{i}\"]}}")
            .replace(
                "crawl: {sites: [forum]}",
                "crawl: {sites: [forum]}\n      publish-to: {forum: 0.5, \"b{i}\": 0.5}")
            .replace("      site: {draw: {choice: [\"b{i}\"]}}\n", "");
    Scenario withKeys = load(scenario(blogs + labs, ""));
    int fixed = 0;
    for (ModelSpec m : withKeys.models()) {
      int i = Integer.parseInt(m.id().substring("lab-".length()));
      assertEquals(java.util.Map.of("forum", 0.5, "b" + i, 0.5), m.publishTo(), m.id());
      double f = m.freshHumanFraction();
      assertTrue(f == 0.1 || f >= 0.2 && f <= 0.3, m.id() + ": " + f);
      fixed += f == 0.1 ? 1 : 0;
    }
    assertTrue(fixed > 5 && fixed < 35, "drawn 0.1 for " + fixed + " of 40");
    Scenario withSite =
        load(
            scenario(
                blogs
                    + LABS.replace("COUNT", "3")
                        .replace(
                            "crawl: {sites: [forum]}",
                            "crawl: {sites: [forum]}\n      site: {draw: {choice: [\"b{i}\"]}}"),
                ""));
    for (ModelSpec m : withSite.models()) {
      assertEquals("b" + m.id().substring("lab-".length()), m.site());
    }
  }

  @Test
  void timelineSet_onAModelWrongOnItsOwn_blamesOnlyTheModel() {
    // QA, stop 32: the template's error came once more at the event, as if its value were 5.
    ScenarioException e =
        refused(
            LABS.replace("COUNT", "2").replace("{draw: {uniform: [0, 0.2]}}", "5"),
            "timeline:\n  - {tick: 1, set: {path: \"models[lab-1].crawl.sites\", value: [forum]}}\n");
    assertEquals(1, e.errors().size(), e.getMessage());
    assertTrue(
        e.getMessage()
            .contains(
                "populations[labs].template.fresh-human-fraction (member lab-0, and 1 more):"
                    + " found 5.0, expected a probability in [0, 1]"),
        e.getMessage());
  }

  @Test
  void timelineId_misspeltPopulation_suggestsThePopulation() {
    // QA, stop 32: retire: labz suggested lab-0.
    String e =
        error(scenario(LABS.replace("COUNT", "2"), "timeline:\n  - {tick: 1, retire: labz}\n"));
    assertTrue(e.contains("found 'labz', expected the id of a model"), e);
    assertTrue(e.endsWith("(did you mean 'labs'?)"), e);
  }

  @Test
  void populationRetiredTwice_oneErrorForAllMembers() {
    // QA, stop 32: one line per member (1,000 members, about 150 KB).
    ScenarioException e =
        refused(
            LABS.replace("COUNT", "300"),
            "timeline:\n  - {tick: 1, retire: labs}\n  - {tick: 2, retire: labs}\n");
    assertEquals(1, e.errors().size(), e.getMessage());
    assertTrue(
        e.getMessage()
            .contains(
                "timeline[1].retire (member lab-0, and 299 more): found 'lab-0', expected a model"
                    + " not yet retired ('lab-0' is retired at tick 1)"),
        e.getMessage());
  }

  @Test
  void timelineId_amongAThousandMembers_listsTenAndACount() {
    String e =
        error(
            scenario(
                LABS.replace("COUNT", "1000"), "timeline:\n  - {tick: 1, retire: lab-1000}\n"));
    assertTrue(
        e.contains(
            "expected the id of a model, one of [lab-0, lab-1, lab-10, lab-100, lab-101, lab-102,"
                + " lab-103, lab-104, lab-105, lab-106, and 990 more] (did you mean 'lab-100'?)"),
        e);
    assertTrue(e.length() < 400, e);
  }

  /** The one refusal of a reader model of three labs with this trains-on list. */
  private static String reader(String trainsOn) {
    return error(
        scenario(
            LABS.replace("COUNT", "3"),
            "models:\n  - {id: reader, regime: replace, scrape: 20, publish-rate: 10,"
                + " trains-on: ["
                + trainsOn
                + "]}\n"));
  }

  @Test
  void trainsOn_sourceRepeatedThroughAPopulation_atTheEntry_namingThePopulation() {
    // QA: "models[0].trains-on: found 'lab-0', expected a source not listed before": the list,
    // not the entry, and no word of the population that listed it first.
    String e = reader("{source: labs}, {source: lab-0}");
    assertTrue(
        e.contains(
            "models[0].trains-on[1].source: found 'lab-0', expected a source not listed before in"
                + " this 'trains-on' ('lab-0' is already included through population 'labs')"),
        e);
    assertEquals(1, e.lines().count(), e);
    String twice = reader("{source: labs}, {source: labs}");
    assertTrue(
        twice.contains(
            "models[0].trains-on[1].source (member lab-0, and 2 more): found 'lab-0', expected a"
                + " source not listed before in this 'trains-on' ('lab-0' is already included"
                + " through population 'labs')"),
        twice);
    String weight = reader("{source: people}, {source: labs, weight: -1}");
    assertTrue(
        weight.contains("models[0].trains-on[1].weight: found -1.0, expected a weight of at least"),
        weight);
    assertEquals(1, weight.lines().count(), weight);
  }

  @Test
  void templateTrainsOn_sourceRepeatedThroughAPopulation_namesThePopulation() {
    // QA: a template's repeat was reported at the template with a member note, without the word
    // of the population that a hand-written model's repeat gets.
    String readers =
        """
          - id: readers
            kind: model
            count: 2
            id-pattern: "r-{i}"
            template: {regime: replace, scrape: 20, publish-rate: 10, trains-on: [LIST]}
        """;
    String direct =
        error(
            scenario(
                LABS.replace("COUNT", "3")
                    + readers.replace("LIST", "{source: labs}, {source: lab-1}"),
                ""));
    assertTrue(
        direct.contains(
            "populations[readers].template.trains-on (member r-0, and 1 more): found 'lab-1',"
                + " expected a source not listed before in this 'trains-on' ('lab-1' is already"
                + " included through population 'labs')"),
        direct);
    assertEquals(1, direct.lines().count(), direct);
    String twice =
        error(
            scenario(
                LABS.replace("COUNT", "3")
                    + readers.replace("LIST", "{source: labs}, {source: labs}"),
                ""));
    assertTrue(
        twice.contains(
            "populations[readers].template.trains-on (member r-0, and 5 more): found 'lab-0',"
                + " expected a source not listed before in this 'trains-on' ('lab-0' is already"
                + " included through population 'labs')"),
        twice);
    assertEquals(1, twice.lines().count(), twice);
    String plain =
        error(
            scenario(
                LABS.replace("COUNT", "3")
                    + readers.replace("LIST", "{source: people}, {source: people}"),
                ""));
    assertTrue(plain.endsWith("expected a source not listed before in this 'trains-on'"), plain);
  }

  @Test
  void trainsOn_misspeltPopulation_suggestsThePopulation() {
    // QA: {source: labz} listed the agents and suggested none.
    String e = reader("{source: labz}");
    assertTrue(e.contains("found 'labz', expected the id of a human source or model"), e);
    assertTrue(e.endsWith("(did you mean 'labs'?)"), e);
    String sites =
        error(
            scenario(
                "  - {id: blogs, kind: site, count: 2, id-pattern: \"b{i}\"}\n",
                "models:\n  - {id: reader, regime: replace, scrape: 20, publish-rate: 10,"
                    + " trains-on: [{source: blogs}]}\n"));
    assertTrue(
        sites.contains(
            "models[0].trains-on[0].source: found 'blogs', a population of sites, expected the id"
                + " of a human source or model or of a population of human sources or models"),
        sites);
  }
}
