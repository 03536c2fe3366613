package ouroboros.sim.cluster;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.Props;
import akka.actor.typed.SpawnProtocol;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.sharding.typed.javadsl.Entity;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of an Ouroboros cluster: the Akka configuration of a node (Artery TCP on the bind address,
 * the seed node, Java serialization off, the message bindings, sharding that never moves or
 * passivates a block during a run) and what every node starts: the block region of Cluster Sharding
 * and the node's {@link NodeHost}.
 */
public final class ClusterNode {
  private ClusterNode() {}

  /** The name of every node's actor system (a cluster's systems must share it). */
  public static final String SYSTEM = "ouroboros";

  /** Artery's largest message, in bytes: a tick's contributions, or a checkpoint after a loss. */
  public static final int MAX_FRAME = 16 << 20;

  /** How long a node stays unreachable before the split-brain resolver downs it. */
  public static final java.time.Duration STABLE_AFTER = java.time.Duration.ofSeconds(5);

  /**
   * The configuration of a node that other nodes reach at {@code self}, listening on {@code bind}
   * (the same address, or a wildcard such as {@code 0.0.0.0} in a container), and joining the
   * cluster through the seed node {@code seed} (itself, for the clock's node). A wildcard {@code
   * self} host is replaced by this machine's address.
   */
  public static Config config(HostPort self, HostPort bind, HostPort seed) {
    Map<String, Object> c = new HashMap<>();
    c.put("akka.actor.provider", "cluster");
    c.put("akka.remote.artery.transport", "tcp");
    c.put(
        "akka.remote.artery.canonical.hostname",
        self.wildcard() ? "<getHostAddress>" : self.host());
    c.put("akka.remote.artery.canonical.port", self.port());
    if (!bind.equals(self)) {
      c.put("akka.remote.artery.bind.hostname", bind.host());
      c.put("akka.remote.artery.bind.port", bind.port());
    } else if (self.wildcard()) {
      // A worker's --bind 0.0.0.0:PORT: tell the others this machine's address, and listen on
      // every interface (Artery binds the canonical address, one interface, unless told).
      c.put("akka.remote.artery.bind.hostname", self.host().equals("[::]") ? "::" : self.host());
    }
    // A tick's contributions travel in one message; room for worlds of a few hundred thousand
    // items per tick (docs/cluster.md).
    c.put("akka.remote.artery.advanced.maximum-frame-size", MAX_FRAME);
    c.put("akka.remote.artery.advanced.buffer-pool-size", 16);
    c.put("akka.remote.artery.advanced.instruments", List.of(TransportCount.class.getName()));
    c.put(
        "akka.cluster.seed-nodes",
        List.of("akka://" + SYSTEM + "@" + seed.host() + ":" + seed.port()));
    c.put("akka.cluster.log-info", "off");
    c.put("akka.cluster.jmx.enabled", "off");
    c.put("akka.actor.allow-java-serialization", "off");
    c.put("akka.actor.warn-about-java-serializer-usage", "off");
    c.put("akka.actor.serializers.ouroboros-wire", WireSerializer.class.getName());
    c.put(
        "akka.actor.serialization-bindings.\"ouroboros.agents.actor.CborSerializable\"",
        "jackson-cbor");
    c.put("akka.actor.serialization-bindings.\"ouroboros.sim.cluster.Wire\"", "ouroboros-wire");
    // A block holds agents' state: never stop one for being idle, never move one mid-run.
    c.put("akka.cluster.sharding.passivation.strategy", "none");
    c.put("akka.cluster.sharding.rebalance-interval", "200d");
    // Node loss (docs/cluster.md): Akka's split-brain resolver downs a node that stayed unreachable
    // for STABLE_AFTER, keeping the side of the oldest node, the clock's (the seed, up first), even
    // when it is alone; Cluster Sharding then re-places the lost node's blocks on the survivors.
    c.put("akka.cluster.downing-provider-class", "akka.cluster.sbr.SplitBrainResolverProvider");
    c.put("akka.cluster.split-brain-resolver.active-strategy", "keep-oldest");
    c.put("akka.cluster.split-brain-resolver.keep-oldest.down-if-alone", "off");
    c.put("akka.cluster.split-brain-resolver.stable-after", STABLE_AFTER.toMillis() + "ms");
    // Never down every node, the clock's included, when reachability keeps changing (a loaded
    // machine): keep-oldest keeps the clock's side, and the run waits for the others.
    c.put("akka.cluster.split-brain-resolver.down-all-when-unstable", "off");
    return ConfigFactory.parseMap(c);
  }

  /**
   * At the end of a run on the clock's node: asks every other member to leave the cluster and waits
   * up to {@code wait} until they are gone. A worker that leaves shuts down gracefully (its actor
   * system's coordinated shutdown ends {@code ouroboros node}) while this node still runs, so that
   * neither side cuts a connection under the other's streams when this node then shuts down;
   * whether the workers left in time.
   */
  public static boolean releaseWorkers(ActorSystem<?> system, Duration wait)
      throws InterruptedException {
    akka.cluster.typed.Cluster cluster = akka.cluster.typed.Cluster.get(system);
    akka.actor.Address self = cluster.selfMember().address();
    for (akka.cluster.Member m : cluster.state().getMembers()) {
      if (!m.address().equals(self)) {
        cluster.manager().tell(akka.cluster.typed.Leave.create(m.address()));
      }
    }
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      boolean alone = true;
      for (akka.cluster.Member m : cluster.state().getMembers()) {
        alone &= m.address().equals(self);
      }
      if (alone) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }

  /** Starts the block region and the node host on {@code system}. */
  public static void start(ActorSystem<SpawnProtocol.Command> system) {
    ClusterSharding.get(system)
        .init(Entity.of(BlockEntity.KEY, ctx -> BlockEntity.create(ctx.getEntityId())));
    system.tell(
        new SpawnProtocol.Spawn<>(
            NodeHost.create(), "node-host", Props.empty(), system.ignoreRef()));
  }

  /**
   * Starts a worker on {@code system}: the block region, the node host, and the watch that stops
   * the node when the clock's node at {@code clock} goes away.
   */
  public static void startWorker(
      ActorSystem<SpawnProtocol.Command> system,
      akka.actor.Address clock,
      java.io.PrintWriter out) {
    start(system);
    system.tell(
        new SpawnProtocol.Spawn<>(
            ClockWatch.create(clock, out), "clock-watch", Props.empty(), system.ignoreRef()));
  }

  /** Whether a worker stopped because the clock's node became unreachable (its run did not end). */
  public static boolean lostTheClock(ActorSystem<?> system) {
    return NodeRuns.get(system).lostTheClock();
  }

  /** The address a node's system listens at, such as {@code akka://ouroboros@127.0.0.1:25520}. */
  public static String address(ActorSystem<?> system) {
    return akka.cluster.typed.Cluster.get(system).selfMember().address().toString();
  }

  /** Parses {@code HOST:PORT}; throws with a message naming {@code option} when it is not one. */
  public static HostPort hostPort(String option, String text) {
    return hostPort(option, text, 0);
  }

  /**
   * Parses the {@code HOST:PORT} of the cluster's seed (the clock's node), given to {@code option}
   * (--cluster, --join): as {@link #hostPort(String, String)}, but a port out of range is told to
   * be from 1, since {@link #seedProblem} refuses port 0 there.
   */
  public static HostPort seedAddress(String option, String text) {
    return hostPort(option, text, 1);
  }

  /** Parses {@code HOST:PORT}, whose range message starts at {@code lowest}. */
  private static HostPort hostPort(String option, String text, int lowest) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException(
          "error: "
              + option
              + ": found '"
              + text
              + "', expected HOST:PORT such as 127.0.0.1:25520");
    }
    String host = text.substring(0, colon);
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          "error: "
              + option
              + ": found port '"
              + text.substring(colon + 1)
              + "', expected a whole number from "
              + lowest
              + " to 65535");
    }
    return new HostPort(host, port);
  }

  /**
   * What keeps this node from listening on {@code at}, given to {@code option}, as an error line;
   * null when nothing does. The host must resolve to an address of this machine (or be a wildcard)
   * and the port, unless 0, be free: Artery's own failures come as an internal error with a stack
   * trace, after the node has started.
   */
  public static String listenProblem(String option, HostPort at) {
    java.net.InetAddress address;
    try {
      address = java.net.InetAddress.getByName(at.wildcard() ? "0.0.0.0" : at.host());
    } catch (java.net.UnknownHostException e) {
      return unresolved(option, at, "a host name or an address of this machine");
    }
    if (!ouroboros.sim.serve.HttpEndpoints.canListenOn(address)) {
      return "error: " + option + ": found '" + at + "', expected an address of this machine";
    }
    if (at.port() != 0) {
      try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
        probe.setReuseAddress(true);
        probe.bind(new java.net.InetSocketAddress(address, at.port()));
      } catch (java.io.IOException e) {
        return "error: " + option + ": cannot listen on " + at + ": " + e.getMessage();
      }
    }
    return null;
  }

  /**
   * What is wrong with {@code at}, given to {@code option} as the address of the cluster's seed
   * (the clock's node), as an error line; null when nothing is: its host must resolve and its port
   * be fixed, since the other nodes join it there.
   */
  public static String seedProblem(String option, HostPort at) {
    if (at.port() == 0) {
      return "error: "
          + option
          + ": found port 0, expected the fixed port the nodes join (such as "
          + at.host()
          + ":25520)";
    }
    try {
      java.net.InetAddress.getByName(at.host());
    } catch (java.net.UnknownHostException e) {
      return unresolved(option, at, "the clock's node's host name or address");
    }
    return null;
  }

  /** The error line of a host that does not resolve. */
  private static String unresolved(String option, HostPort at, String expected) {
    return "error: "
        + option
        + ": found the host '"
        + at.host()
        + "', which does not resolve, expected "
        + expected;
  }

  /** A host and a port. */
  public record HostPort(String host, int port) {
    /** Whether the host is a wildcard address (0.0.0.0 or ::), which listens on every interface. */
    public boolean wildcard() {
      return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    /** Whether the host is a loopback address (127.x.x.x, ::1 or localhost). */
    public boolean loopback() {
      return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }

    @Override
    public String toString() {
      return host + ":" + port;
    }
  }
}
