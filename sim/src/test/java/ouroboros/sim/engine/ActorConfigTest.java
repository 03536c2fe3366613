package ouroboros.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.ExtendedActorSystem;
import akka.actor.typed.javadsl.Adapter;
import akka.serialization.SerializationExtension$;
import org.junit.jupiter.api.Test;

/**
 * A simulation in one JVM starts its actor system without Akka's serialization extension (which
 * builds every configured serializer, Jackson's and the cluster's, at start-up), and still runs a
 * world; the configuration of an actor system with remoting keeps Akka's library extensions.
 */
class ActorConfigTest {
  private static final String WORLD =
      """
      name: local
      ticks: 3
      domain: {type: gaussian}
      humans:
        - {id: people, publish-rate: 20}
      models:
        - {id: m, regime: replace, scrape: 20, publish-rate: 5}
      """;

  @Test
  void localSimulation_startsNoSerializationExtension_andRuns() {
    try (Simulation sim = new Simulation(1)) {
      ExtendedActorSystem classic = (ExtendedActorSystem) Adapter.toClassic(sim.system());
      assertFalse(classic.hasExtension(SerializationExtension$.MODULE$));
      RunOutcome outcome = sim.run(Worlds.of(WORLD, 5), r -> {});
      assertTrue(outcome.completed(), outcome.failure());
      assertFalse(classic.hasExtension(SerializationExtension$.MODULE$));
    }
  }

  @Test
  void remoteConfiguration_keepsAkkaLibraryExtensions() {
    assertTrue(
        ActorConfig.of(1, false)
            .getStringList("akka.library-extensions")
            .contains("akka.serialization.SerializationExtension$"));
    assertEquals(
        java.util.List.of(
            "akka.actor.typed.internal.adapter.ActorSystemAdapter$LoadTypedExtensions"),
        ActorConfig.of(1, true).getStringList("akka.library-extensions"));
  }
}
