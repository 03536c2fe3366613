package ouroboros.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import ouroboros.agents.data.Batch;
import ouroboros.agents.domain.Domain;
import ouroboros.agents.domain.EstimatorSettings;
import ouroboros.agents.domain.Evaluation;
import ouroboros.agents.domain.FitException;
import ouroboros.agents.domain.Metrics;
import ouroboros.agents.domain.Model;
import ouroboros.agents.domain.SamplingSettings;
import ouroboros.agents.model.RetrainReport;
import ouroboros.sim.testing.EngineTest;

/**
 * ARCHITECTURE.md invariant 4: a fit that throws or diverges keeps the model's previous parameters,
 * is counted, and the run goes on.
 */
class FaultTest extends EngineTest {
  private static List<RetrainReport> reportsOf(World world) {
    List<RetrainReport> all = new ArrayList<>();
    RunOutcome outcome = sim.run(world, r -> all.addAll(r.reports()));
    assertTrue(outcome.completed(), outcome.failure());
    return all;
  }

  @Test
  void retrain_degenerateCovariance_keepsTruthAndCountsFailures() {
    // One item per retrain: the MLE covariance is zero, which is not positive definite.
    World w =
        Worlds.of(
            """
        name: degenerate
        ticks: 5
        domain: {type: gaussian, dimensions: 2}
        models:
          - {id: m, regime: replace, initial: truth, scrape: 1, publish-rate: 10}
        """,
            1);
    List<RetrainReport> reports = reportsOf(w);
    assertEquals(5, reports.size());
    for (int i = 0; i < 5; i++) {
      RetrainReport r = reports.get(i);
      assertTrue(r.fitFailed());
      assertEquals(i + 1, r.fitFailures());
      assertEquals(0, r.generation(), "a failed fit does not make a generation");
      assertEquals(
          0.0,
          r.evaluation().get(Metrics.POPULATION_RISK),
          1e-12,
          "the model keeps the truth it started from");
    }
  }

  @Test
  void retrain_fitThrows_previousParametersKeptAndRunCompletes() {
    World base =
        Worlds.of(
            """
        name: throwing
        ticks: 6
        domain: {type: gaussian}
        humans:
          - {id: people, publish-rate: 50}
        models:
          - {id: m, regime: replace, scrape: 50, publish-rate: 10}
        collapse: {baseline-cap: 0}   # no baseline fits: the flaky domain counts model fits only
        """,
            3);
    // A test-only domain: the Gaussian, except that fits 3 and 4 throw.
    Domain gaussian = base.domain();
    Domain flaky =
        new Domain() {
          private int fits;

          @Override
          public String family() {
            return "flaky";
          }

          @Override
          public int width() {
            return gaussian.width();
          }

          @Override
          public Batch sampleTruth(int n, UniformRandomProvider rng) {
            return gaussian.sampleTruth(n, rng);
          }

          @Override
          public Model truthModel() {
            return gaussian.truthModel();
          }

          @Override
          public Model fit(Batch data, double[] w, EstimatorSettings s) throws FitException {
            fits++;
            if (fits == 3 || fits == 4) {
              throw new IllegalStateException("injected failure " + fits);
            }
            return gaussian.fit(data, w, s);
          }

          @Override
          public Batch sample(Model m, int n, SamplingSettings s, UniformRandomProvider r) {
            return gaussian.sample(m, n, s, r);
          }

          @Override
          public double truthScore(Batch b, int i) {
            return gaussian.truthScore(b, i);
          }

          @Override
          public Evaluation evaluate(Model m) {
            return gaussian.evaluate(m);
          }

          @Override
          public void writeModel(Model m, java.io.DataOutput out) throws java.io.IOException {
            gaussian.writeModel(m, out);
          }

          @Override
          public Model readModel(java.io.DataInput in) throws java.io.IOException {
            return gaussian.readModel(in);
          }
        };
    World world = base.withDomain(flaky);
    List<RetrainReport> r = reportsOf(world);
    assertEquals(6, r.size());
    assertFalse(r.get(1).fitFailed());
    assertTrue(r.get(2).fitFailed());
    assertEquals("injected failure 3", r.get(2).failure());
    assertTrue(r.get(3).fitFailed());
    assertEquals(2, r.get(3).fitFailures());
    assertEquals(r.get(1).generation(), r.get(3).generation());
    assertEquals(r.get(1).evaluation(), r.get(2).evaluation(), "parameters kept");
    assertEquals(r.get(1).evaluation(), r.get(3).evaluation(), "parameters kept");
    assertFalse(r.get(4).fitFailed());
    assertEquals(r.get(1).generation() + 1, r.get(4).generation());
    assertEquals(2, r.get(5).fitFailures());
  }

  @Test
  void stageThrows_runFailsAtOnce_namingTheAgent() {
    // An exception outside a fit (here a pipeline stage's call into the domain) is a bug, not a
    // contained fault: the run must fail at once with the agent and the cause, not after the
    // phase timeout (30 s here).
    World base =
        Worlds.of(
            """
        name: throwing-stage
        ticks: 4
        domain: {type: gaussian}
        engine: {phase-timeout-seconds: 30}
        humans:
          - {id: people, publish-rate: 20}
        models:
          - {id: m, regime: replace, scrape: 20, publish-rate: 5,
             pipeline: [{stage: verification, keep: 0.5}]}
        """,
            3);
    Domain gaussian = base.domain();
    Domain broken =
        (Domain)
            java.lang.reflect.Proxy.newProxyInstance(
                Domain.class.getClassLoader(),
                new Class<?>[] {Domain.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("truthScore")) {
                    throw new IllegalStateException("injected scoring bug");
                  }
                  try {
                    return method.invoke(gaussian, args);
                  } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    World world = base.withDomain(broken);
    long start = System.nanoTime();
    RunOutcome outcome = sim.run(world, r -> {});
    double seconds = (System.nanoTime() - start) / 1e9;
    assertFalse(outcome.completed());
    assertTrue(
        outcome.failure().contains("agent m failed in the retrain phase of tick 0")
            && outcome.failure().contains("injected scoring bug"),
        outcome.failure());
    assertTrue(seconds < 20, "failed after " + seconds + " s, not at once");
  }

  @Test
  void coreFailsToBuild_runFailsAtOnce_namingTheAgent() {
    // An agent builds its core when it starts, on a dispatcher thread; a core that cannot be built
    // (here the domain's truth model throws for the model's initial parameters) fails the run at
    // once, before the first tick, naming the agent.
    World base =
        Worlds.of(
            """
        name: broken-start
        ticks: 3
        domain: {type: gaussian}
        engine: {phase-timeout-seconds: 30}
        humans:
          - {id: people, publish-rate: 20}
        models:
          - {id: m, regime: replace, scrape: 20, publish-rate: 5, initial: truth}
        """,
            3);
    Domain gaussian = base.domain();
    Domain broken =
        (Domain)
            java.lang.reflect.Proxy.newProxyInstance(
                Domain.class.getClassLoader(),
                new Class<?>[] {Domain.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("truthModel")) {
                    throw new IllegalStateException("injected start-up bug");
                  }
                  try {
                    return method.invoke(gaussian, args);
                  } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    long start = System.nanoTime();
    RunOutcome outcome = sim.run(base.withDomain(broken), r -> {});
    double seconds = (System.nanoTime() - start) / 1e9;
    assertFalse(outcome.completed());
    assertEquals(0, outcome.ticksCompleted());
    assertTrue(
        outcome.failure().contains("agent m failed to start")
            && outcome.failure().contains("injected start-up bug"),
        outcome.failure());
    assertTrue(seconds < 20, "failed after " + seconds + " s, not at once");
  }
}
