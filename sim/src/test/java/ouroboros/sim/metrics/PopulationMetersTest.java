package ouroboros.sim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import ouroboros.agents.model.RetrainReport;
import ouroboros.sim.output.PopulationStats;

/** Per-population meters: uncapped means and firing shares over each population's models. */
class PopulationMetersTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private double gauge(String name, String population, String... more) {
    var s = registry.get(name).tag("population", population);
    for (int i = 0; i < more.length; i += 2) {
      s = s.tag(more[i], more[i + 1]);
    }
    return s.gauge().value();
  }

  @Test
  void update_meansAndSharesPerPopulation() {
    PopulationMeters m = new PopulationMeters("gaussian", List.of("a", "b", "a", "a"), 1);
    m.bindTo(registry);
    assertEquals(3, gauge(MeterNames.POPULATION_MODELS, "a"));
    assertEquals(1, gauge(MeterNames.POPULATION_MODELS, "b"));
    assertTrue(Double.isNaN(gauge(MeterNames.POPULATION_RISK, "a")), "no retrain yet");

    // Agents 1..4 are the models 0..3; x is the risk and generation, d1 fires when x is odd.
    m.update(
        List.of(
            Reports.report(1, "m0", 1), Reports.report(3, "m2", 4), Reports.report(2, "m1", 7)));
    assertEquals(2.5, gauge(MeterNames.POPULATION_RISK, "a"), 1e-12, "mean of 1 and 4");
    assertEquals(5 / 3.0, gauge(MeterNames.POPULATION_GENERATION, "a"), 1e-12, "m3 counts as 0");
    assertEquals(0.5, gauge(MeterNames.POPULATION_VERDICT, "a", "definition", "d1"), 1e-12);
    assertTrue(
        Double.isNaN(gauge(MeterNames.POPULATION_VERDICT, "a", "definition", "d6")),
        "d6 applies to none");
    assertEquals(7, gauge(MeterNames.POPULATION_RISK, "b"));
    assertEquals(1, gauge(MeterNames.POPULATION_VERDICT, "b", "definition", "d1"));
  }

  /**
   * The live mean generation is summary.json's: over every model of the population, one that has
   * not retrained yet counting as generation 0, before tick 0 as at every tick of a population
   * whose models first retrain at different ticks.
   */
  @Test
  void generation_countsEveryModelAsPopulationStatsDoes() {
    List<String> groups = List.of("a", "a", "b", "a", "b");
    PopulationMeters m = new PopulationMeters("gaussian", groups, 1);
    m.bindTo(registry);
    RetrainReport[] latest = new RetrainReport[groups.size()];
    // Model k first retrains at tick k, then at every tick; its generation is its retrain count.
    for (int tick = -1; tick < groups.size(); tick++) {
      List<RetrainReport> reports = new java.util.ArrayList<>();
      for (int k = 0; k <= tick; k++) {
        reports.add(Reports.report(k + 1, "m" + k, tick - k + 1));
        latest[k] = reports.get(reports.size() - 1);
      }
      m.update(reports);
      for (PopulationStats.Population p : PopulationStats.of(groups, latest)) {
        assertEquals(
            p.metrics().get("generation").mean(),
            gauge(MeterNames.POPULATION_GENERATION, p.id()),
            1e-12,
            "population " + p.id() + " at tick " + tick);
      }
    }
  }
}
