package ouroboros.sim.cli;

import akka.actor.Address;
import akka.actor.typed.ActorSystem;
import io.micrometer.core.instrument.Tags;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import ouroboros.sim.cluster.NodeTraffic;
import ouroboros.sim.metrics.MetricsServer;
import ouroboros.sim.metrics.NodeMetrics;

/**
 * A worker's meters ({@code ouroboros node --metrics-port}): its {@link NodeMetrics}, tagged with
 * the node's HOST:PORT and the run's labels ({@code scenario} and {@code run}, as the clock's node
 * tags its series, so that the dashboards' {@code run="$run"} selectors find the workers too),
 * brought up to the node's {@link NodeTraffic} once a second and served at /metrics. A worker
 * learns the run's labels only when the clock's node prepares the run, so its node meters appear
 * then; until then /metrics shows the JVM's meters only.
 */
final class NodeMeters implements AutoCloseable {
  private final MetricsServer server;
  private final ScheduledExecutorService poll;

  private NodeMeters(MetricsServer server, ScheduledExecutorService poll) {
    this.server = server;
    this.poll = poll;
  }

  /**
   * Serves {@code system}'s node meters on {@code host:port}; nothing when {@code port} is null.
   */
  static NodeMeters serve(ActorSystem<?> system, String host, Integer port, PrintWriter out)
      throws IOException {
    if (port == null) {
      return new NodeMeters(null, null);
    }
    Address self = akka.cluster.typed.Cluster.get(system).selfMember().address();
    String node = self.host().get() + ":" + self.port().get();
    MetricsServer server = MetricsServer.start(InetAddress.getByName(host), port, Tags.empty());
    NodeTraffic traffic = NodeTraffic.get(system);
    Runnable catchUp =
        new Runnable() {
          private NodeMetrics meters;

          @Override
          public void run() {
            if (meters == null) {
              Map<String, String> labels = traffic.labels();
              if (labels == null) {
                return;
              }
              Tags tags = Tags.empty();
              for (Map.Entry<String, String> e : labels.entrySet()) {
                tags = tags.and(e.getKey(), e.getValue());
              }
              meters = new NodeMetrics(node, 0, tags);
              meters.bindTo(server.registry());
            }
            meters.catchUp(traffic.agents(), traffic.transportSent(), traffic.transportReceived());
          }
        };
    ScheduledExecutorService poll =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "node-meters");
              t.setDaemon(true);
              return t;
            });
    poll.scheduleAtFixedRate(catchUp, 0, 1, TimeUnit.SECONDS);
    out.println("node: metrics at " + server.url(MetricsServer.METRICS_PATH));
    out.flush();
    return new NodeMeters(server, poll);
  }

  @Override
  public void close() {
    if (poll != null) {
      poll.shutdownNow();
    }
    if (server != null) {
      server.close();
    }
  }
}
