package ouroboros.sim.scenario.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import ouroboros.agents.domain.SamplingSettings;
import ouroboros.sim.engine.World;
import ouroboros.sim.engine.Worlds;
import ouroboros.sim.scenario.check.ScenarioException;
import ouroboros.sim.scenario.load.ScenarioLoader;

/** The text domain's decoding keys: beam-width, beam-prompt and repetition-penalty. */
class DecodingKeysTest {
  private static String text(String sampling) {
    return """
        name: decoding
        ticks: 2
        domain: {type: ngram-text, vocabulary: 50, max-length: 10, successors: 10}
        models:
          - {id: lab, regime: replace, scrape: 20, publish-rate: 20, sampling: %s}
        """
        .formatted(sampling);
  }

  @Test
  void keys_reachTheModelsSettings_andDefaultsAreOff() {
    World w = Worlds.of(text("{beam-width: 5, beam-prompt: 2, repetition-penalty: 3.0}"), 1);
    assertEquals(new SamplingSettings(1.0, 0, 1.0, 5, 2, 3.0), w.models().get(0).sampling());
    World plain = Worlds.of(text("{top-k: 4}"), 1);
    SamplingSettings s = plain.models().get(0).sampling();
    assertEquals(new SamplingSettings(1.0, 4, 1.0), s);
    assertTrue(!s.decodes());
  }

  @Test
  void badValues_areRejectedWithTheirKeys() {
    String m =
        assertThrows(
                ScenarioException.class,
                () ->
                    new ScenarioLoader()
                        .parse(
                            "bad.yaml",
                            text("{beam-width: -1, repetition-penalty: 0}")
                                + "  - {id: other, regime: replace, scrape: 5, publish-rate: 5,"
                                + " sampling: {beam-prompt: 3}}\n"))
            .getMessage();
    for (String expected :
        new String[] {
          "sampling.beam-width: found -1, expected a whole number from 0 to 100",
          "sampling.repetition-penalty: found 0.0, expected a penalty greater than 0",
          "sampling.beam-prompt: found 3, expected no 'beam-prompt' without a 'beam-width'"
        }) {
      assertTrue(m.contains(expected), "no '" + expected + "' in:\n" + m);
    }
  }

  @Test
  void beamWidth_inAGaussianDomain_isRejected() {
    String yaml =
        """
        name: g
        ticks: 2
        domain: {type: gaussian, mean: [0.0], variance: [1.0]}
        models:
          - {id: lab, regime: replace, scrape: 20, publish-rate: 20, sampling: {beam-width: 5}}
        """;
    String m =
        assertThrows(ScenarioException.class, () -> new ScenarioLoader().parse("g.yaml", yaml))
            .getMessage();
    assertTrue(m.contains("beam-width"), m);
  }
}
