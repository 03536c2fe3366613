package ouroboros.sim.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import ouroboros.sim.cluster.ClusterNode;
import ouroboros.sim.cluster.ClusterPlacement;
import ouroboros.sim.engine.Simulation;
import ouroboros.sim.scenario.load.ScenarioLoader;
import ouroboros.sim.scenario.spec.Scenario;
import picocli.CommandLine.Option;

/**
 * The cluster options of {@code ouroboros run} (docs/cluster.md): with {@code --cluster HOST:PORT}
 * the run's node binds HOST:PORT, is the cluster's seed node and runs the clock, and waits for
 * {@code --min-nodes} nodes (itself included) before tick 0. A picocli mixin of {@link RunCommand}.
 */
final class ClusterOptions {
  @Option(
      names = "--cluster",
      paramLabel = "HOST:PORT",
      description =
          "Run on a cluster: bind HOST:PORT (such as 127.0.0.1:25520), run the clock here, and"
              + " place the agents on the nodes that join with 'ouroboros node --join HOST:PORT'."
              + " The files are the same as in one JVM (docs/cluster.md).")
  String cluster;

  @Option(
      names = "--bind",
      paramLabel = "HOST:PORT",
      description =
          "With --cluster: listen on HOST:PORT instead (such as 0.0.0.0:25520 in a container whose"
              + " name the --cluster address gives); the others still reach --cluster's address.")
  String bind;

  @Option(
      names = "--min-nodes",
      paramLabel = "N",
      description =
          "With --cluster: wait for N nodes, this one included, before tick 0 (default: 1).")
  Integer minNodes;

  @Option(
      names = "--cluster-wait",
      paramLabel = "SECONDS",
      description = "With --cluster: how long to wait for --min-nodes nodes (default: 120).")
  Integer waitSeconds;

  /** The placement of the run's current attempt, with --cluster. */
  private ClusterPlacement placement;

  /** What is wrong with the options, as an error line; null when they are fine. */
  String problem() {
    if (cluster == null) {
      return minNodes != null || waitSeconds != null || bind != null
          ? "error: --bind, --min-nodes and --cluster-wait need --cluster HOST:PORT"
          : null;
    }
    try {
      ClusterNode.HostPort at = ClusterNode.seedAddress("--cluster", cluster);
      String wrong = ClusterNode.seedProblem("--cluster", at);
      if (wrong == null) {
        wrong =
            bind == null
                ? ClusterNode.listenProblem("--cluster", at)
                : ClusterNode.listenProblem("--bind", ClusterNode.hostPort("--bind", bind));
      }
      if (wrong != null) {
        return wrong;
      }
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    if (minNodes != null && minNodes < 1) {
      return "error: --min-nodes: found " + minNodes + ", expected a whole number of at least 1";
    }
    if (waitSeconds != null && waitSeconds < 1) {
      return "error: --cluster-wait: found " + waitSeconds + ", expected seconds, at least 1";
    }
    return null;
  }

  /**
   * The simulation of a run: in this JVM, or, with --cluster, on this node of a cluster with the
   * agents placed on its nodes, whose meters then carry {@code labels} (the run's metrics labels).
   */
  Simulation open(
      int threads, Scenario scenario, long seed, Map<String, String> labels, PrintWriter out) {
    if (cluster == null) {
      return new Simulation(threads);
    }
    ClusterNode.HostPort at = ClusterNode.seedAddress("--cluster", cluster);
    ClusterNode.HostPort listen = bind == null ? at : ClusterNode.hostPort("--bind", bind);
    Simulation sim = new Simulation(threads, ClusterNode.config(at, listen, at));
    ClusterNode.start(sim.system());
    placement =
        new ClusterPlacement(
            sim.system(),
            new ScenarioLoader().write(scenario),
            labels,
            seed,
            minNodes == null ? 1 : minNodes,
            Duration.ofSeconds(waitSeconds == null ? 120 : waitSeconds),
            out);
    return sim.place(placement);
  }

  /** Whether a run can lose a node and go on (with --cluster). */
  boolean recovers() {
    return cluster != null;
  }

  /** Why the current attempt lost a node that held blocks, or null when it lost none. */
  String lost() {
    return placement == null ? null : placement.lost().toCompletableFuture().getNow(null);
  }

  /**
   * The simulation of the next attempt after a node loss: {@code sim}'s actor system, with the
   * blocks placed on the nodes left.
   */
  Simulation survivors(Simulation sim) {
    placement = placement.survivors();
    return sim.place(placement);
  }

  /**
   * With --cluster, once the run is over: lets the workers leave the cluster before this node shuts
   * down (ClusterNode.releaseWorkers), waiting at most 10 s.
   */
  void release(Simulation sim) throws InterruptedException {
    if (cluster != null) {
      ouroboros.sim.cluster.ClusterNode.releaseWorkers(sim.system(), Duration.ofSeconds(10));
    }
  }

  /** The node tag of this process's meters: {@code --cluster}'s HOST:PORT, or "local". */
  String node() {
    return cluster == null ? ouroboros.sim.metrics.NodeMetrics.LOCAL : cluster;
  }

  /** With --cluster, feeds {@code meters}' node meters from this node's traffic. */
  void meter(Simulation sim, ouroboros.sim.metrics.MetricsListener meters) {
    if (cluster != null && meters != null) {
      ouroboros.sim.cluster.NodeTraffic t = ouroboros.sim.cluster.NodeTraffic.get(sim.system());
      meters.traffic(t::agents, t::transportSent, t::transportReceived);
    }
  }
}
