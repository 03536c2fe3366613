package ouroboros.sim.cli;

import akka.actor.Address;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import ouroboros.sim.cluster.ClusterNode;
import ouroboros.sim.engine.EngineLimits;
import ouroboros.sim.engine.Simulation;
import ouroboros.sim.metrics.MetricsServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ouroboros node --join HOST:PORT}: a worker of a cluster run (docs/cluster.md). It joins
 * the clock's node at HOST:PORT, hosts the blocks of agents Cluster Sharding places on it, and
 * stops when the clock's node leaves or becomes unreachable. It binds loopback unless {@code
 * --bind} names another address.
 */
@Command(
    name = "node",
    description =
        "Start a worker of a cluster run: join the clock's node (ouroboros run --cluster) and host"
            + " the agents placed on this node until that node leaves.")
final class NodeCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--join",
      required = true,
      paramLabel = "HOST:PORT",
      description = "The clock's node, as given to 'ouroboros run --cluster HOST:PORT'.")
  private String join;

  @Option(
      names = "--bind",
      paramLabel = "HOST:PORT",
      description =
          "Address this node listens on (default: 127.0.0.1:0, loopback on a free port). Another"
              + " host makes the node reachable from other machines: turn on TLS (docs/cluster.md);"
              + " 0.0.0.0 listens on every interface and tells the others this machine's address.")
  private String bind = "127.0.0.1:0";

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Dispatcher threads, at most 1024 (default: the number of cores).")
  private Integer threads;

  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      description =
          "Serve this node's meters (agents hosted, bytes sent and received) at /metrics on PORT"
              + " for Prometheus, tagged node=HOST:PORT of this node (default: not served).")
  private Integer metricsPort;

  @Option(
      names = "--metrics-host",
      paramLabel = "HOST",
      description =
          "Address the metrics endpoint binds to (default: "
              + MetricsServer.DEFAULT_HOST
              + "); another one is reachable from other machines.")
  private String metricsHost = MetricsServer.DEFAULT_HOST;

  /** What keeps the node's meters from being served, as an error line; null when nothing does. */
  private String metricsProblem() {
    if (metricsPort < 0 || metricsPort > 65535) {
      return "error: --metrics-port: found " + metricsPort + ", expected a port from 0 to 65535";
    }
    String wrong =
        ClusterNode.listenProblem(
            "--metrics-port", new ClusterNode.HostPort(metricsHost, metricsPort));
    // A host that does not resolve or is not this machine's is --metrics-host's fault.
    return wrong != null && !wrong.contains("cannot listen on")
        ? wrong.replace("--metrics-port", "--metrics-host")
        : wrong;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ClusterNode.HostPort seed;
    ClusterNode.HostPort self;
    try {
      seed = ClusterNode.seedAddress("--join", join);
      self = ClusterNode.hostPort("--bind", bind);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return Main.BAD_INPUT;
    }
    String wrong = ClusterNode.seedProblem("--join", seed);
    if (wrong == null) {
      wrong = ClusterNode.listenProblem("--bind", self);
    }
    if (wrong == null && metricsPort != null) {
      wrong = metricsProblem();
    }
    if (wrong != null) {
      err.println(wrong);
      return Main.BAD_INPUT;
    }
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (n < 1 || n > EngineLimits.MAX_THREADS) {
      err.println(
          "error: --threads: found "
              + n
              + ", expected a whole number from 1 to "
              + EngineLimits.MAX_THREADS);
      return Main.BAD_INPUT;
    }
    try (Simulation sim = new Simulation(n, ClusterNode.config(self, self, seed))) {
      ClusterNode.startWorker(
          sim.system(), new Address("akka", ClusterNode.SYSTEM, seed.host(), seed.port()), out);
      out.println("node: listening at " + ClusterNode.address(sim.system()) + ", joining " + seed);
      out.flush();
      try (NodeMeters meters = NodeMeters.serve(sim.system(), metricsHost, metricsPort, out)) {
        sim.system().getWhenTerminated().toCompletableFuture().get();
      }
      ouroboros.sim.cluster.NodeTraffic t = ouroboros.sim.cluster.NodeTraffic.get(sim.system());
      out.printf(
          "node: sent %d and received %d bytes of items and reports; all its messages over"
              + " Artery: %d sent, %d received%n",
          t.bytesSent(), t.bytesReceived(), t.transportSent(), t.transportReceived());
      if (ClusterNode.lostTheClock(sim.system())) {
        // The run did not end here: a script or a restart policy must see it (docs/exit-codes.md).
        return Main.RUN_FAILED;
      }
    }
    return 0;
  }
}
