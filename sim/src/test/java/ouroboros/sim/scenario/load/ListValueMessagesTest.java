package ouroboros.sim.scenario.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import ouroboros.sim.scenario.check.ScenarioError;
import ouroboros.sim.scenario.check.ScenarioException;

/**
 * What the loader says of values in lists and of a timeline event's tick (QA): a tick written as a
 * decimal or beyond an int expects a tick of the run, not Java's int range.
 */
class ListValueMessagesTest {
  private static final String HEAD =
      """
      name: small
      seed: 1
      ticks: 20
      domain: {type: gaussian, dimensions: 1, mean: [0.0], variance: [1.0]}
      sites:
        - id: forum
        - id: blog
      humans:
        - {id: people, publish-rate: 2, site: forum}
      models:
        - {id: lab, regime: replace, initial: truth, scrape: 10, publish-rate: 10, site: blog}
      """;

  /** The errors of a refused scenario. */
  private static List<ScenarioError> refused(String text) {
    return assertThrows(ScenarioException.class, () -> new ScenarioLoader().parse("s.yaml", text))
        .errors();
  }

  /** The one error of a scenario whose only event is at {@code tick}. */
  private static ScenarioError tick(String tick) {
    List<ScenarioError> errors =
        refused(HEAD + "timeline:\n  - {tick: " + tick + ", retire: lab}\n");
    assertEquals(1, errors.size(), errors.toString());
    return errors.get(0);
  }

  @Test
  void eventTick_decimalOrBeyondAnInt_expectsATickOfTheRun() {
    String run = "a tick from 0 to 19 (the run has 20 ticks)";
    assertEquals(
        run + ", written without a decimal point or exponent, such as 10", tick("1e1").expected());
    assertEquals("timeline[0].tick", tick("1e1").path());
    assertEquals(run, tick("2.5").expected());
    assertEquals(run, tick("1e12").expected());
    assertEquals(run, tick("3000000000").expected());
    assertEquals(run, tick("'5'").expected());
    assertEquals(run, tick("25").expected());
    for (String t : List.of("1e1", "1e12", "3000000000")) {
      assertTrue(!tick(t).expected().contains("2147483647"), tick(t).toString());
    }
  }

  @Test
  void emptyEntryOfAListOfValues_saysSo_withTheOtherProblems() {
    String text =
        HEAD.replace("scrape: 10", "scrape: 0")
            + "ai-share:\n  - site: blog\n    points:\n      - [0, 0.1]\n      -\n";
    List<ScenarioError> errors = refused(text);
    ScenarioError point = errors.get(0);
    assertEquals("ai-share[0].points[1]", point.path(), errors.toString());
    assertEquals("an empty entry", point.found(), errors.toString());
    assertEquals(text.lines().toList().size(), point.line(), errors.toString());
    assertTrue(
        errors.stream().anyMatch(e -> e.path().equals("models[0].scrape")), errors.toString());
    List<ScenarioError> sites =
        refused(
            HEAD
                + "  - id: lab-b\n    regime: replace\n    scrape: 10\n    publish-rate: 10\n"
                + "    crawl:\n      sites:\n        - forum\n        -\n");
    assertEquals("models[1].crawl.sites[1]", sites.get(0).path(), sites.toString());
    assertEquals("an empty entry", sites.get(0).found(), sites.toString());
  }
}
