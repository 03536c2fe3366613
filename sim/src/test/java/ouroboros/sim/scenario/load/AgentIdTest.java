package ouroboros.sim.scenario.load;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ouroboros.sim.scenario.check.ScenarioException;

/** Agent ids are a column of metrics.csv: no commas or quotes, and not the reserved 'web'. */
class AgentIdTest {

  @ParameterizedTest
  @ValueSource(strings = {"'a,b'", "'say \"hi\"'", "web", "'two words'"})
  void parse_badAgentId_rejectedAtTheId(String id) {
    String yaml =
        "name: ids\nticks: 1\ndomain: {type: gaussian}\nmodels:\n"
            + "  - {id: "
            + id
            + ", regime: replace, scrape: 5, publish-rate: 5}\n";
    ScenarioException e =
        assertThrows(ScenarioException.class, () -> new ScenarioLoader().parse("ids.yaml", yaml));
    assertTrue(
        e.getMessage().startsWith("ids.yaml:5:") && e.getMessage().contains("models[0].id"),
        e.getMessage());
  }
}
