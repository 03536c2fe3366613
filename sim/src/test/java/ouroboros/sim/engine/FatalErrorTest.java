package ouroboros.sim.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import ouroboros.agents.domain.Domain;

/**
 * A simulation built to contain fatal errors ({@code new Simulation(threads, true)}, as sweeps run
 * in their JVM): an {@link OutOfMemoryError} thrown inside an agent fails the run, stops that
 * simulation's actor system and leaves the JVM alive (Akka's default would end it with exit code
 * 255, and this test JVM with it). A new simulation then runs a world as usual.
 */
class FatalErrorTest {
  private static final String WORLD =
      """
      name: fatal
      ticks: 4
      domain: {type: gaussian}
      engine: {phase-timeout-seconds: 60}
      humans:
        - {id: people, publish-rate: 20}
      models:
        - {id: m, regime: replace, scrape: 20, publish-rate: 5,
           pipeline: [{stage: verification, keep: 0.5}]}
      """;

  @Test
  void outOfMemoryInAnAgent_runFails_jvmLives_nextSimulationRuns() {
    World base = Worlds.of(WORLD, 3);
    Domain gaussian = base.domain();
    Domain exhausted =
        (Domain)
            Proxy.newProxyInstance(
                Domain.class.getClassLoader(),
                new Class<?>[] {Domain.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("truthScore")) {
                    throw new OutOfMemoryError("injected: Java heap space");
                  }
                  try {
                    return method.invoke(gaussian, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    long start = System.nanoTime();
    try (Simulation sim = new Simulation(2, true)) {
      RunOutcome outcome = sim.run(base.withDomain(exhausted), r -> {});
      assertFalse(outcome.completed());
      // The agents' guards catch the error and fail the run with the heap's size; an error that
      // escaped them would stop the actor system instead ("fatal JVM error, most likely out of
      // memory").
      assertTrue(outcome.failure().contains("out of memory"), outcome.failure());
    }
    assertTrue((System.nanoTime() - start) / 1e9 < 50, "failed at once, not at the timeout");
    try (Simulation next = new Simulation(2, true)) {
      RunOutcome outcome = next.run(base, r -> {});
      assertTrue(outcome.completed(), outcome.failure());
    }
  }
}
