package ouroboros.sim.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import ouroboros.sim.engine.Simulation;

/**
 * Base of tests that run worlds through the real engine: one {@link Simulation} (one actor system,
 * two dispatcher threads) per test class, started before its first test and shut down after its
 * last.
 */
public abstract class EngineTest {
  /** The simulation the class's tests run their worlds on. */
  protected static Simulation sim;

  @BeforeAll
  static void startSimulation() {
    sim = new Simulation(2);
  }

  @AfterAll
  static void stopSimulation() {
    sim.close();
  }
}
