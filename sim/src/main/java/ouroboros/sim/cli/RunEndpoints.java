package ouroboros.sim.cli;

import io.micrometer.core.instrument.Tags;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import ouroboros.sim.graph.GraphAnalysis;
import ouroboros.sim.graph.GraphServer;
import ouroboros.sim.live.LivePage;
import ouroboros.sim.metrics.MetricsServer;
import ouroboros.sim.serve.Handler;
import ouroboros.sim.serve.HttpEndpoints;
import ouroboros.sim.serve.ServeLimits;
import ouroboros.sim.serve.Site;

/**
 * What {@code ouroboros run} serves, on one {@link HttpEndpoints} server (one thread pool, one
 * connection limit): the metrics address answers {@code /metrics}, the health check, the graph and,
 * with {@code --live}, the live page; the graph address ({@code --serve-graph}, 9465 by default,
 * for Grafana) answers the graph and the health check. When both are asked for on the same address
 * and port, that one address answers all of it.
 */
final class RunEndpoints implements AutoCloseable {
  /** An option whose value cannot be served; the message is the whole error line. */
  static final class BadOption extends Exception {
    BadOption(String message) {
      super(message);
    }
  }

  private final HttpEndpoints server;
  private final MetricsServer metrics;
  private final Site metricsSite;
  private final Site graphSite;
  private final boolean live;

  private RunEndpoints(
      HttpEndpoints server, MetricsServer metrics, Site metricsSite, Site graphSite, boolean live) {
    this.server = server;
    this.metrics = metrics;
    this.metricsSite = metricsSite;
    this.graphSite = graphSite;
    this.live = live;
  }

  /**
   * Binds the addresses asked for.
   *
   * @param metricsHost the metrics address, or null when the metrics are not served
   * @param graphHost the graph's own address, or null when it has none
   * @param live the live page, or null without {@code --live}
   * @throws BadOption when a host is unknown or an address cannot be bound
   */
  static RunEndpoints open(
      String metricsHost,
      int metricsPort,
      String graphHost,
      int graphPort,
      Tags tags,
      LivePage live,
      Supplier<GraphAnalysis> graph)
      throws BadOption {
    HttpEndpoints server = new HttpEndpoints(ServeLimits.DEFAULTS);
    MetricsServer metrics = null;
    try {
      Site metricsSite = null;
      InetAddress metricsAddress = null;
      if (metricsHost != null) {
        metricsAddress = address("--metrics-host", metricsHost);
        metrics = MetricsServer.create(tags);
        Map<String, Handler> routes = new HashMap<>(metrics.routes());
        routes.putAll(GraphServer.routes(graph));
        if (live != null) {
          routes.putAll(live.routes());
        }
        metricsSite =
            bind(server, "--metrics-port", "metrics", metricsAddress, metricsPort, routes);
      }
      Site graphSite = null;
      if (graphHost != null) {
        InetAddress a = address("--graph-host", graphHost);
        graphSite =
            a.equals(metricsAddress) && graphPort == metricsPort && graphPort != 0
                ? metricsSite
                : bind(
                    server, "--graph-port", "the graph", a, graphPort, GraphServer.routes(graph));
      }
      return new RunEndpoints(server, metrics, metricsSite, graphSite, live != null);
    } catch (BadOption | RuntimeException e) {
      server.close();
      if (metrics != null) {
        metrics.close();
      }
      throw e;
    }
  }

  /**
   * The address of a host option's value: one of this machine's (else binding fails with "Cannot
   * assign requested address", which was reported under the port option).
   */
  private static InetAddress address(String option, String host) throws BadOption {
    try {
      InetAddress a = InetAddress.getByName(host);
      if (!HttpEndpoints.canListenOn(a)) {
        throw new BadOption(
            "error: "
                + option
                + ": found '"
                + host
                + "' ("
                + a.getHostAddress()
                + "), expected a host name or an address of this machine");
      }
      return a;
    } catch (UnknownHostException e) {
      throw new BadOption(
          "error: "
              + option
              + ": found '"
              + host
              + "', expected a host name or an address of this machine");
    }
  }

  /** Listens on an address, or says which option could not be served. */
  private static Site bind(
      HttpEndpoints server,
      String option,
      String what,
      InetAddress address,
      int port,
      Map<String, Handler> routes)
      throws BadOption {
    try {
      return server.listen(address, port, routes);
    } catch (IOException e) {
      throw new BadOption(
          "error: "
              + option
              + ": cannot serve "
              + what
              + " on "
              + address.getHostAddress()
              + ":"
              + port
              + ": "
              + e.getMessage());
    }
  }

  /** The metrics, or null when they are not served. */
  MetricsServer metrics() {
    return metrics;
  }

  /** Prints where each thing is served, one line each. */
  void print(PrintWriter out) {
    if (metricsSite != null) {
      out.println(
          "metrics: "
              + metricsSite.url(MetricsServer.METRICS_PATH)
              + " (run=\""
              + metrics.run()
              + "\")");
      if (live) {
        out.println("live: " + metricsSite.url(LivePage.PATH));
      }
    }
    if (graphSite != null) {
      out.println("graph: " + graphSite.url(GraphServer.GRAPH_PATH));
    }
    out.flush();
  }

  /** "URL and URL": what is being served, for the line that says the run holds. */
  String serving() {
    StringBuilder b = new StringBuilder();
    if (metricsSite != null) {
      b.append(metricsSite.url(MetricsServer.METRICS_PATH));
      if (live) {
        b.append(" and ").append(metricsSite.url(LivePage.PATH));
      }
    }
    if (graphSite != null) {
      b.append(b.length() == 0 ? "" : " and ").append(graphSite.url(GraphServer.GRAPH_PATH));
    }
    return b.toString();
  }

  /** Serves until Ctrl-C or an interrupt, then closes. */
  void serveUntilStopped() {
    server.serveUntilStopped();
    close();
  }

  /** Stops serving and closes the registry. */
  @Override
  public void close() {
    server.close();
    if (metrics != null) {
      metrics.close();
    }
  }
}
