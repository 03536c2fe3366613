package ouroboros.sim.engine;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.Map;

/**
 * The configuration of a simulation's actor system: the dispatcher's thread count, warnings and
 * errors only in the log, no JVM exit on a fatal error, and for an actor system without remoting
 * only the library extensions a local run uses.
 */
final class ActorConfig {
  /**
   * Akka's library extensions for an actor system without remoting: the typed receptionist's loader
   * only. Akka otherwise starts its serialization extension with every actor system (akka-actor's
   * reference.conf), and that extension builds every configured serializer at once: Jackson's
   * object mappers with their Scala and java.time modules, the cluster's, distributed data's and
   * sharding's protobuf serializers; about 1,100 classes and a sixth of a one-tick run's CPU time,
   * for messages that never leave the JVM. The stream materializer (akka-stream's) is left out too.
   * An extension that something does use is still started on its first use.
   */
  private static final Config LOCAL_EXTENSIONS =
      ConfigFactory.parseMap(
          Map.of(
              "akka.library-extensions",
              List.of("akka.actor.typed.internal.adapter.ActorSystemAdapter$LoadTypedExtensions")));

  private ActorConfig() {}

  /**
   * The configuration for {@code threads} dispatcher threads; {@code local}: an actor system
   * without remoting (no cluster configuration added), which starts fewer library extensions.
   */
  static Config of(int threads, boolean local) {
    Config base =
        ConfigFactory.parseMap(
                Map.of(
                    "akka.actor.default-dispatcher.fork-join-executor.parallelism-min", threads,
                    "akka.actor.default-dispatcher.fork-join-executor.parallelism-max", threads,
                    "akka.actor.default-dispatcher.fork-join-executor.parallelism-factor", 1.0,
                    "akka.loglevel", "WARNING",
                    "akka.stdout-loglevel", "OFF",
                    "akka.log-dead-letters", "off",
                    "akka.log-dead-letters-during-shutdown", "off",
                    "akka.coordinated-shutdown.exit-jvm", "off",
                    // Out-of-memory errors are caught in the actors (OutOfMemory); one that
                    // escapes stops the actor system, which ends the run, rather than the JVM.
                    "akka.jvm-exit-on-fatal-error", "off"))
            .withFallback(ConfigFactory.load());
    return local ? LOCAL_EXTENSIONS.withFallback(base) : base;
  }
}
