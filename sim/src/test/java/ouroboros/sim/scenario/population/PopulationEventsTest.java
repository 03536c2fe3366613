package ouroboros.sim.scenario.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ouroboros.sim.scenario.population.PopulationTest.LABS;
import static ouroboros.sim.scenario.population.PopulationTest.load;
import static ouroboros.sim.scenario.population.PopulationTest.scenario;

import java.util.List;
import org.junit.jupiter.api.Test;
import ouroboros.sim.scenario.check.ScenarioException;

/**
 * Timeline events addressed to a population (QA, timeline review): an entry of several kinds is
 * refused whatever it names, an event naming a population of another kind is refused once, and what
 * does not depend on the member names none.
 */
class PopulationEventsTest {
  /** A human population beside the labs. */
  private static final String FOLK =
      """
        - id: folk
          kind: human
          count: 3
          id-pattern: "h{i}"
          template: {publish-rate: 10, site: forum}
      """;

  /** The refusal of the labs and folk populations with this one timeline entry. */
  private static ScenarioException refused(String entry) {
    return assertThrows(
        ScenarioException.class,
        () -> load(scenario(LABS.replace("COUNT", "3") + FOLK, "timeline:\n  - " + entry + "\n")));
  }

  @Test
  void entryOfTwoKinds_namingAPopulation_refusedAtTheEntry() {
    // QA: retire: labs beside a release, a set or a humans event kept only the retire (or only
    // the humans event), and the scenario ran without the rest.
    for (String entry :
        List.of(
            "{tick: 2, retire: labs, release: {id: new, like: lab-0}}",
            "{tick: 2, retire: labs, set: {agent: lab-0, publish-rate: 3}}",
            "{tick: 2, humans: {id: folk, publish-rate: 20}, set: {agent: h0, publish-rate: 1}}",
            "{tick: 2, retire: labs, humans: {id: h0, publish-rate: 20}}",
            "{tick: 2, retire: lab-0, humans: {id: folk, publish-rate: 20}}")) {
      ScenarioException e = refused(entry);
      assertEquals(1, e.errors().size(), entry + ": " + e.getMessage());
      assertTrue(
          e.getMessage()
              .contains(
                  "timeline[0]: found 2 events in one entry, expected exactly one of [release,"
                      + " retire, set, humans] beside 'tick'"),
          entry + ": " + e.getMessage());
    }
  }

  @Test
  void releaseLikeAPopulation_saysItIsOne() {
    // QA retest, stop 34: 'like: labs' listed the members and suggested lab-0, without saying why.
    ScenarioException e = refused("{tick: 2, release: {id: new, like: labs}}");
    assertEquals(1, e.errors().size(), e.getMessage());
    assertTrue(
        e.getMessage()
            .contains(
                "timeline[0].release.like: found 'labs', a population of models, expected the id of"
                    + " one model under 'models' or of an earlier release, one of [lab-0, lab-1,"
                    + " lab-2]: it copies one"),
        e.getMessage());
  }

  @Test
  void eventNamingAPopulationOfAnotherKind_oneErrorNamingIt() {
    // QA: one error per member, each suggesting an arbitrary agent of the right kind.
    String[][] cases = {
      {
        "{tick: 2, humans: {id: labs, publish-rate: 20}}",
        "timeline[0].humans.id: found 'labs', a population of models, expected the id of a human"
            + " source or of a population of human sources, one of [folk, h0, h1, h2, people]"
      },
      {
        "{tick: 2, set: {path: \"models[folk].scrape\", value: 20}}",
        "timeline[0].set.path: found 'folk', a population of human sources, expected the id of a"
            + " model or of a population of models, one of [lab-0, lab-1, lab-2, labs]"
      },
      {
        "{tick: 2, set: {path: \"humans[labs].publish-rate\", value: 20}}",
        "timeline[0].set.path: found 'labs', a population of models"
      },
      {"{tick: 2, retire: folk}", "timeline[0].retire: found 'folk', a population of human"}
    };
    for (String[] c : cases) {
      ScenarioException e = refused(c[0]);
      assertEquals(1, e.errors().size(), c[0] + ": " + e.getMessage());
      assertTrue(e.getMessage().contains(c[1]), c[0] + ": " + e.getMessage());
    }
  }

  @Test
  void tickOfAnEventNamingAPopulation_noMemberNote() {
    // QA: "timeline[0].tick (member lab-0, and 2 more)": the tick is the same for every member.
    ScenarioException late = refused("{tick: 6, retire: labs}");
    assertEquals(1, late.errors().size(), late.getMessage());
    assertTrue(
        late.getMessage().contains("timeline[0].tick: found 6, expected a tick from 0 to 5"),
        late.getMessage());
    ScenarioException none = refused("{retire: labs}");
    assertTrue(
        none.getMessage().contains("timeline[0].tick: found nothing, expected the required key"),
        none.getMessage());
    assertTrue(!none.getMessage().contains("member"), none.getMessage());
  }

  @Test
  void setPathPickingTwoStagesOfEveryMember_reportedOnce() {
    // QA: a set through a population whose template lists a stage twice gave one error per member.
    String twice =
        LABS.replace("COUNT", "3")
            + "      pipeline: [{stage: ai-detector, tpr: 0.6, fpr: 0.05},"
            + " {stage: ai-detector, tpr: 0.6, fpr: 0.05}]\n";
    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () ->
                load(
                    scenario(
                        twice,
                        "timeline:\n  - {tick: 2, set: {path: 'models[labs].pipeline[ai-detector]"
                            + ".tpr', value: 0.5}}\n")));
    assertEquals(1, e.errors().size(), e.getMessage());
    assertTrue(
        e.getMessage()
            .contains(
                "timeline[0].set.path (member lab-0, and 2 more): found 2 entries named"
                    + " 'ai-detector' in models[labs].pipeline (at [0, 1]), expected a selector"
                    + " that picks one: address each by its index, models[labs].pipeline[0] or"
                    + " models[labs].pipeline[1]"),
        e.getMessage());
  }
}
