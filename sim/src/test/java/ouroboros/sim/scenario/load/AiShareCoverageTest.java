package ouroboros.sim.scenario.load;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import ouroboros.sim.scenario.check.ScenarioError;
import ouroboros.sim.scenario.check.ScenarioException;

/**
 * An ai-share curve is met by scaling the publish rates of the models on its site (QA, timeline
 * review): a timeline that leaves the site with no model publishing there while the curve still
 * asks for a share above 0 ran, and the site's synthetic share fell to 0 against the curve. It is
 * refused at the event that left the site so, or at the curve's site when no model publishes there
 * yet.
 */
class AiShareCoverageTest {
  /** Three labs on medium, a curve there up to tick 9, and a TIMELINE. */
  private static final String BASE =
      """
      name: cover
      seed: 3
      ticks: 10
      domain: {type: gaussian, dimensions: 1, mean: [0.0], variance: [1.0]}
      sites: [{id: medium}, {id: other}]
      humans:
        - {id: people, publish-rate: 100, site: medium}
      populations:
        - id: labs
          kind: model
          count: 3
          id-pattern: "l{i}"
          template:
            regime: replace
            initial: truth
            scrape: 20
            publish-rate: {cycle: [1, 2, 3]}
            site: medium
            crawl: {sites: [medium]}
      models:
        - {id: m, regime: replace, initial: truth, scrape: 20, publish-rate: 5, site: other}
      ai-share:
        - {site: medium, points: POINTS}
      timeline:
      """;

  private static String scenario(String points, String... events) {
    StringBuilder b = new StringBuilder(BASE.replace("POINTS", points));
    for (String e : events) {
      b.append("  - ").append(e).append('\n');
    }
    return b.toString();
  }

  private static List<ScenarioError> refused(String text) {
    return assertThrows(ScenarioException.class, () -> new ScenarioLoader().parse("c.yaml", text))
        .errors();
  }

  @Test
  void ratesSetToZero_curveStillAsking_refusedAtTheEvent() {
    List<ScenarioError> errors =
        refused(
            scenario(
                "[[0, 0.2], [9, 0.5]]",
                "{tick: 5, set: {agent: labs, publish-rate: 0}}",
                "{tick: 7, retire: labs}"));
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).path().startsWith("timeline[0].set.publish-rate"), errors.toString());
    assertTrue(
        errors.get(0).found().contains("leaves site 'medium' with no model publishing there")
            && errors.get(0).found().endsWith("from tick 5"),
        errors.toString());
  }

  @Test
  void everyModelRetired_curveStillAsking_refusedAtTheRetirement() {
    List<ScenarioError> errors =
        refused(scenario("[[0, 0.2], [9, 0.5]]", "{tick: 7, retire: labs}"));
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).path().startsWith("timeline[0].retire"), errors.toString());
    assertTrue(errors.get(0).found().endsWith("from tick 7"), errors.toString());
  }

  @Test
  void curveAskingAgainOneTickAfterAZeroPoint_refusedFromThatTick() {
    // Retired at 5, where the curve is 0; it asks for 0.1 from tick 6 on, between its points.
    List<ScenarioError> errors =
        refused(scenario("[[0, 0.2], [5, 0], [8, 0.3]]", "{tick: 5, retire: labs}"));
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).found().endsWith("from tick 6"), errors.toString());
  }

  @Test
  void longRun_checkedAtItsEventsAndPoints_notTickByTick() {
    // 100 million ticks: the check visits the ticks where it can first fail, not every tick.
    List<ScenarioError> errors =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () ->
                refused(
                    scenario("[[0, 0.2], [9, 0.5]]", "{tick: 70000000, retire: labs}")
                        .replace("ticks: 10", "ticks: 100000000")));
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).found().endsWith("from tick 70000000"), errors.toString());
  }

  @Test
  void siteWhoseOnlyModelIsReleasedLater_refusedAtTheCurve() {
    String text =
        scenario("[[0, 0.2], [9, 0.5]]", "{tick: 3, release: {id: late, like: m, site: medium}}")
            .replace("site: medium\n      crawl", "site: other\n      crawl");
    List<ScenarioError> errors = refused(text);
    assertEquals(1, errors.size(), errors.toString());
    assertEquals("ai-share[0].site", errors.get(0).path());
    assertTrue(errors.get(0).found().endsWith("no model publishes at tick 0"), errors.toString());
  }

  @Test
  void siteLeftOnlyWhereTheCurveAsksForNothing_orAnotherModelStillPublishes_accepted() {
    assertDoesNotThrow(
        () ->
            new ScenarioLoader()
                .parse(
                    "c.yaml",
                    scenario(
                        "[[0, 0.2], [6, 0.5], [7, 0]]",
                        "{tick: 5, set: {agent: l0, publish-rate: 0}}",
                        "{tick: 7, retire: labs}")));
    assertDoesNotThrow(
        () ->
            new ScenarioLoader()
                .parse(
                    "c.yaml",
                    scenario(
                        "[[0, 0.2], [4, 0.3], [5, 0], [6, 0.5]]",
                        "{tick: 5, set: {agent: labs, publish-rate: 0}}",
                        "{tick: 6, set: {path: 'models[l1].publish-rate', value: 4}}")));
  }
}
