package ouroboros.sim.scenario.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import ouroboros.sim.scenario.spec.HumanSpec;
import ouroboros.sim.scenario.spec.Scenario;

/** A scenario written as a run's scenario.yaml loads back to the same scenario. */
class ScenarioWriteTest {
  @Test
  void write_idsThatLookLikeNumbers_quotedSoTheyLoadBack() throws Exception {
    // QA, stop 33: ids ".inf", "0x10", "1_000", "1e3" and ".5" were written plain, and the run's
    // scenario.yaml did not load back (".inf": "expected a finite number") or, read by another
    // YAML reader or the JSON schema, gave numbers.
    List<String> ids = List.of(".inf", ".nan", "0x10", "1_000", "1e3", ".5", "1", "yes", "null");
    StringBuilder text =
        new StringBuilder("name: ids\nseed: 1\nticks: 2\ndomain: {type: gaussian}\nhumans:\n");
    for (String id : ids) {
      text.append("  - {id: \"").append(id).append("\", publish-rate: 5}\n");
    }
    ScenarioLoader loader = new ScenarioLoader();
    Scenario s = loader.parse("ids.yaml", text.toString());
    String written = loader.write(s);
    for (String id : ids) {
      assertTrue(written.contains("id: \"" + id + "\""), written);
    }
    Scenario back = loader.parse("scenario.yaml", written);
    assertEquals(ids, back.humans().stream().map(HumanSpec::id).toList());
    assertEquals(written, loader.write(back));
  }
}
