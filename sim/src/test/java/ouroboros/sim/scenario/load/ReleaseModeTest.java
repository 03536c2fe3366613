package ouroboros.sim.scenario.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import ouroboros.sim.scenario.check.ScenarioError;
import ouroboros.sim.scenario.check.ScenarioException;
import ouroboros.sim.scenario.path.Timelines;
import ouroboros.sim.scenario.spec.ModelSpec;
import ouroboros.sim.scenario.spec.Scenario;
import ouroboros.sim.scenario.spec.TrainsOnSpec;

/**
 * A release keeps its like model's mode (QA, timeline review): one like a static-graph model may
 * give its own {@code trains-on} and {@code human-share}, replacing the copied ones and checked as
 * a model's (a source may name a population); one like a model that crawls the web may not, and
 * each key of the other mode is refused once, naming the like model as written.
 */
class ReleaseModeTest {
  /** A population of two static-graph models, a crawling model, and a timeline ENTRY. */
  private static final String BASE =
      """
      name: modes
      ticks: 12
      domain: {type: gaussian, dimensions: 1, mean: [0.0], variance: [1.0]}
      humans:
        - {id: people, publish-rate: 100}
      populations:
        - id: pair
          kind: model
          count: 2
          id-pattern: "p{i}"
          template:
            regime: replace
            initial: truth
            scrape: 50
            publish-rate: 50
            trains-on: [{source: pair}]
      models:
        - {id: crawler, regime: replace, scrape: 50, publish-rate: 50}
      timeline:
        - {tick: 1, retire: pair}
        - ENTRY
      """;

  private static Scenario load(String entry) throws ScenarioException {
    return new ScenarioLoader().parse("modes.yaml", BASE.replace("ENTRY", entry));
  }

  private static List<ScenarioError> refused(String entry) {
    return assertThrows(ScenarioException.class, () -> load(entry)).errors();
  }

  @Test
  void releaseLikeStaticModel_givesTrainsOnAndHumanShare_theyReplaceTheCopiedOnes()
      throws Exception {
    Scenario s =
        load(
            "{tick: 6, release: {id: newp, like: p0, human-share: 0.2,"
                + " trains-on: [{source: pair, weight: 2}, {source: people}]}}");
    // the resolved release, as the world builds it from the like model
    ModelSpec r = Timelines.find(Timelines.allModels(s.models(), s.timeline()), "newp");
    assertEquals(0.2, r.humanShare());
    assertEquals(
        List.of(
            new TrainsOnSpec("p0", 2.0),
            new TrainsOnSpec("p1", 2.0),
            new TrainsOnSpec("people", 1.0)),
        r.trainsOn());
  }

  @Test
  void releaseLikeStaticModel_freshHumanFraction_refusedOnceNamingTheLikeAsWritten() {
    // QA: the message was read as naming 'p1' for a release like p0; it names the like as written.
    List<ScenarioError> errors =
        refused("{tick: 6, release: {id: newp, like: p0, fresh-human-fraction: 0.5}}");
    assertEquals(1, errors.size(), errors.toString());
    assertEquals("timeline[1].release.fresh-human-fraction", errors.get(0).path());
    assertEquals(
        "'fresh-human-fraction' in a release like 'p0', which has 'trains-on'",
        errors.get(0).found());
    assertTrue(errors.get(0).expected().startsWith("'human-share'"), errors.toString());
  }

  @Test
  void releaseLikeCrawlingModel_trainsOnAndHumanShare_eachRefusedOnce() {
    List<ScenarioError> errors =
        refused(
            "{tick: 6, release: {id: newc, like: crawler, human-share: 0.2,"
                + " trains-on: [{source: people}]}}");
    assertEquals(2, errors.size(), errors.toString());
    assertEquals("timeline[1].release.human-share", errors.get(0).path());
    assertEquals(
        "'human-share' in a release like 'crawler', which crawls the web", errors.get(0).found());
    assertTrue(errors.get(0).expected().startsWith("'fresh-human-fraction'"), errors.toString());
    assertEquals("timeline[1].release.trains-on", errors.get(1).path());
    assertTrue(
        errors.get(1).expected().startsWith("a release like a model with 'trains-on'"),
        errors.toString());
  }

  @Test
  void releaseTrainsOnAndHumanShare_checkedAsAModels_atTheirPlaceInTheFile() {
    List<ScenarioError> errors =
        refused(
            "{tick: 6, release: {id: newp, like: p0, human-share: 1.5,"
                + " trains-on: [{source: pair}, {source: p1}, {source: nobody}]}}");
    assertEquals(3, errors.size(), errors.toString());
    assertEquals("timeline[1].release.human-share", errors.get(0).path());
    assertEquals("timeline[1].release.trains-on[1].source", errors.get(1).path());
    assertTrue(
        errors.get(1).expected().contains("'p1' is already included through population 'pair'"),
        errors.toString());
    assertEquals("timeline[1].release.trains-on[2].source", errors.get(2).path());
    assertEquals("'nobody'", errors.get(2).found());
  }
}
