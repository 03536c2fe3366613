package ouroboros.sim.engine;

import ouroboros.sim.scenario.check.ScenarioException;
import ouroboros.sim.scenario.compile.WorldCompiler;
import ouroboros.sim.scenario.load.ScenarioLoader;
import ouroboros.sim.scenario.spec.Scenario;

/** Builds worlds for tests from scenario text. */
public final class Worlds {
  private Worlds() {}

  /** Parses scenario YAML and compiles it with the given seed. */
  public static World of(String yaml, long seed) {
    try {
      Scenario s = new ScenarioLoader().parse("test.yaml", yaml);
      return WorldCompiler.compile(s, seed);
    } catch (ScenarioException e) {
      throw new AssertionError("test scenario rejected:\n" + e.getMessage(), e);
    }
  }

  /**
   * R independent Gaussian chains in one world (SCIENCE.md's Shumailov setting): model i starts as
   * the truth, publishes M items per tick to its own site and crawls only that site, so with
   * retention 1 each generation trains on exactly the previous generation's M samples (replace) or
   * on all of them so far (accumulate). Generation g is fitted at tick g-1.
   */
  public static String chains(
      int replicates, int m, int generations, String regime, String variance) {
    StringBuilder b = new StringBuilder();
    b.append("name: chains\nticks: ").append(generations).append('\n');
    b.append("domain: {type: gaussian, mean: [0.0], variance: [1.0]}\n");
    b.append("web: {retention: 1}\nsites:\n");
    for (int i = 0; i < replicates; i++) {
      b.append("  - id: s").append(i).append('\n');
    }
    b.append("models:\n");
    for (int i = 0; i < replicates; i++) {
      b.append("  - {id: m")
          .append(i)
          .append(", regime: ")
          .append(regime)
          .append(", initial: truth, scrape: ")
          .append(m)
          .append(", publish-rate: ")
          .append(m)
          .append(", site: s")
          .append(i)
          .append(", crawl: {sites: [s")
          .append(i)
          .append("]}")
          .append(", estimator: {variance: ")
          .append(variance)
          .append("}}\n");
    }
    return b.toString();
  }
}
