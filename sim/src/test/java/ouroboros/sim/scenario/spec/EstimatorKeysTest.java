package ouroboros.sim.scenario.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import ouroboros.agents.domain.EstimatorSettings;
import ouroboros.agents.domain.EstimatorSettings.Combine;
import ouroboros.sim.engine.World;
import ouroboros.sim.engine.Worlds;
import ouroboros.sim.scenario.check.ScenarioException;
import ouroboros.sim.scenario.load.ScenarioLoader;

/** The estimator keys 'combine' (He et al.) and 'warm-start' (Bertrand et al.). */
class EstimatorKeysTest {
  private static String gaussian(String estimator) {
    return """
        name: fits
        ticks: 2
        domain: {type: gaussian, mean: [0.0], variance: [1.0]}
        models:
          - {id: lab, regime: replace, scrape: 20, publish-rate: 20, estimator: %s}
        """
        .formatted(estimator);
  }

  private static String rejected(String yaml) {
    return assertThrows(ScenarioException.class, () -> new ScenarioLoader().parse("b.yaml", yaml))
        .getMessage();
  }

  @Test
  void keys_reachTheModelsSettings_andDefaultsArePooledFromScratch() {
    EstimatorSettings s =
        Worlds.of(gaussian("{combine: fits, warm-start: 0.25}"), 1).models().get(0).estimator();
    assertEquals(Combine.FITS, s.combine());
    assertEquals(0.25, s.warmStart());
    World plain = Worlds.of(gaussian("{variance: unbiased}"), 1);
    assertEquals(Combine.POOLED, plain.models().get(0).estimator().combine());
    assertEquals(0.0, plain.models().get(0).estimator().warmStart());
  }

  @Test
  void badValues_areRejectedWithTheirKeys() {
    String m = rejected(gaussian("{combine: convex, warm-start: 1.5}"));
    assertTrue(m.contains("estimator.combine: found 'convex', expected"), m);
    assertTrue(m.contains("pooled") && m.contains("fits"), m);
    assertTrue(m.contains("estimator.warm-start: found 1.5, expected a step in [0, 1]"), m);
  }

  @Test
  void combine_outsideTheGaussianDomain_isRejected() {
    String m =
        rejected(
            """
            name: t
            ticks: 2
            domain: {type: ngram-text, vocabulary: 50, max-length: 10, successors: 10}
            models:
              - {id: lab, regime: replace, scrape: 20, publish-rate: 20, estimator: {combine: fits, warm-start: 0.5}}
            """);
    assertTrue(m.contains("estimator.combine"), m);
    assertTrue(m.contains("estimator.warm-start"), m);
  }
}
