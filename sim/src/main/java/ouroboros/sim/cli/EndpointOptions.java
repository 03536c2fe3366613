package ouroboros.sim.cli;

import ouroboros.sim.graph.GraphServer;
import ouroboros.sim.metrics.MetricsServer;
import ouroboros.sim.metrics.ModelMeters;
import picocli.CommandLine.Option;

/**
 * The options of {@code run} that serve the run over HTTP while it goes on: live metrics, the
 * interaction graph and the live page, on loopback unless a host is given (docs/dashboards.md). A
 * picocli mixin of {@link RunCommand}.
 */
final class EndpointOptions {
  /** The pace of {@code --live} without {@code --pace}, in ticks per second. */
  static final double LIVE_PACE = 2;

  @Option(
      names = "--serve-metrics",
      description = "Serve live metrics on http://HOST:PORT/metrics while the run goes on.")
  boolean serveMetrics;

  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      description =
          "Port of the metrics endpoint (default: 9464; 0 picks a free one, printed)."
              + " Implies --serve-metrics.")
  Integer metricsPort;

  @Option(
      names = "--metrics-host",
      paramLabel = "HOST",
      description =
          "Address the metrics endpoint binds to (default: 127.0.0.1)."
              + " Implies --serve-metrics.")
  String metricsHost;

  @Option(
      names = "--metrics-max-models",
      paramLabel = "N",
      description =
          "Models with their own metrics label; the rest are aggregated under"
              + " model=\"other\" (default: 200).")
  Integer metricsMaxModels;

  @Option(
      names = "--hold",
      description =
          "Keep serving metrics (and the graph, when served) after the last tick until"
              + " Ctrl-C. Implies --serve-metrics.")
  boolean hold;

  /**
   * {@code --live}: serve a live page that follows the run. Its option is declared by each command
   * ({@link RunCommand}, {@link ResumeCommand}), since only {@code run} has {@code --pace}.
   */
  boolean live;

  /** The start of each command's description of {@code --live}. */
  static final String LIVE =
      "Serve a live page on http://HOST:PORT/live/ (next to /metrics) that follows the run tick by"
          + " tick";

  @Option(
      names = "--wait-for-viewer",
      description =
          "With --live: start tick 0 only once the live page is open in a browser, so that it"
              + " shows the run from its start. Implies --live.")
  boolean waitForViewer;

  @Option(
      names = "--serve-graph",
      description =
          "Serve the current interaction graph as JSON on http://HOST:PORT/graph"
              + " (and /graph/nodes, /graph/edges) while the run goes on.")
  boolean serveGraph;

  @Option(
      names = "--graph-port",
      paramLabel = "PORT",
      description =
          "Port of the graph endpoint (default: 9465; 0 picks a free one, printed)."
              + " Implies --serve-graph.")
  Integer graphPort;

  @Option(
      names = "--graph-host",
      paramLabel = "HOST",
      description =
          "Address the graph endpoint binds to (default: 127.0.0.1)." + " Implies --serve-graph.")
  String graphHost;

  /** The first bad endpoint option, as the line to print, or null when they are all fine. */
  String problem() {
    if (port() < 0 || port() > 65535) {
      return "error: --metrics-port: found " + port() + ", expected a port from 0 to 65535";
    }
    if (graphPortOrDefault() < 0 || graphPortOrDefault() > 65535) {
      return "error: --graph-port: found "
          + graphPortOrDefault()
          + ", expected a port from 0 to 65535";
    }
    if (maxModels() < 0) {
      return "error: --metrics-max-models: found "
          + maxModels()
          + ", expected a whole number of at least 0";
    }
    return null;
  }

  /** The metrics port, or its default. */
  int port() {
    return metricsPort != null ? metricsPort : MetricsServer.DEFAULT_PORT;
  }

  /** The graph port, or its default. */
  int graphPortOrDefault() {
    return graphPort != null ? graphPort : GraphServer.DEFAULT_PORT;
  }

  /** Models with their own metrics label. */
  int maxModels() {
    return metricsMaxModels != null ? metricsMaxModels : ModelMeters.DEFAULT_MAX_MODELS;
  }

  /** Whether any option asks for the metrics server (the live page and --hold do). */
  boolean servesMetrics() {
    return serveMetrics || metricsPort != null || metricsHost != null || hold || live;
  }

  /** Whether any option asks for the graph endpoint. */
  boolean servesGraph() {
    return serveGraph || graphPort != null || graphHost != null;
  }

  /** The metrics host, or loopback. */
  String metricsHostOrDefault() {
    return metricsHost != null ? metricsHost : MetricsServer.DEFAULT_HOST;
  }

  /** The graph host, or loopback. */
  String graphHostOrDefault() {
    return graphHost != null ? graphHost : GraphServer.DEFAULT_HOST;
  }
}
