package ouroboros.sim.cli;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import ouroboros.sim.engine.World;
import ouroboros.sim.graph.GraphListener;
import ouroboros.sim.live.LiveFeed;
import ouroboros.sim.live.LiveHub;
import ouroboros.sim.live.LivePage;
import ouroboros.sim.metrics.MetricsListener;
import ouroboros.sim.metrics.MetricsServer;
import ouroboros.sim.output.Observers;
import ouroboros.sim.output.ShutdownRelease;

/**
 * What {@code run} and {@code resume} serve while a run goes on, as their {@link EndpointOptions}
 * ask: the endpoints ({@link RunEndpoints}), the live page's hub, and the listeners that feed them.
 * Closing it stops serving.
 */
final class ServedRun implements AutoCloseable {
  private final EndpointOptions serve;
  private final World world;
  private final GraphListener graph;
  private final RunEndpoints endpoints;
  private final LiveHub hub;
  private final Tags labels;

  private ServedRun(
      EndpointOptions serve,
      World world,
      GraphListener graph,
      RunEndpoints endpoints,
      LiveHub hub,
      Tags labels) {
    this.serve = serve;
    this.labels = labels;
    this.world = world;
    this.graph = graph;
    this.endpoints = endpoints;
    this.hub = hub;
  }

  /**
   * Opens what {@code serve} asks for (nothing when it asks for nothing) and prints where it is
   * served.
   *
   * @throws RunEndpoints.BadOption when a host is unknown or an address cannot be bound
   */
  static ServedRun open(
      EndpointOptions serve, String name, World world, GraphListener graph, PrintWriter stdout)
      throws RunEndpoints.BadOption {
    LiveHub hub = serve.live ? new LiveHub() : null;
    Tags labels = MetricsServer.runTags(name, MetricsServer.runId(name));
    RunEndpoints endpoints = null;
    boolean serveM = serve.servesMetrics();
    boolean serveG = serve.servesGraph();
    if (serveM || serveG) {
      try {
        endpoints =
            RunEndpoints.open(
                serveM ? serve.metricsHostOrDefault() : null,
                serve.port(),
                serveG ? serve.graphHostOrDefault() : null,
                serve.graphPortOrDefault(),
                labels,
                hub == null ? null : new LivePage(hub),
                graph::current);
      } catch (RunEndpoints.BadOption | RuntimeException e) {
        if (hub != null) {
          hub.close();
        }
        throw e;
      }
      endpoints.print(stdout);
    }
    return new ServedRun(serve, world, graph, endpoints, hub, labels);
  }

  /**
   * With {@code --wait-for-viewer}, waits for the live page to open; whether the run may start
   * (false after an interrupt, which it prints).
   */
  boolean awaitViewer(PrintWriter stdout, PrintWriter stderr) {
    return awaitViewer(0, stdout, stderr);
  }

  /**
   * As {@link #awaitViewer(PrintWriter, PrintWriter)}, for a run that starts at tick {@code first}.
   */
  boolean awaitViewer(int first, PrintWriter stdout, PrintWriter stderr) {
    if (!serve.waitForViewer) {
      return true;
    }
    stdout.println("waiting for the live page to open before tick " + first + " (Ctrl-C to stop)");
    stdout.flush();
    try {
      return hub.awaitViewer();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stderr.println("error: interrupted while waiting for the live page");
      return false;
    }
  }

  /** The listener that feeds the live metrics, or null when they are not served. */
  MetricsListener meters() {
    return meters(ouroboros.sim.metrics.NodeMetrics.LOCAL);
  }

  /** As {@link #meters()}, with the node meters tagged {@code node}. */
  MetricsListener meters(String node) {
    MetricsServer metrics = endpoints == null ? null : endpoints.metrics();
    return metrics == null
        ? null
        : new MetricsListener(metrics.registry(), world, serve.maxModels(), graph, node);
  }

  /**
   * The run's metrics labels (its scenario and run id), which its series carry when served and
   * which a cluster's workers give their own meters.
   */
  Map<String, String> labels() {
    Map<String, String> m = new LinkedHashMap<>();
    for (Tag t : labels) {
      m.put(t.getKey(), t.getValue());
    }
    return m;
  }

  /** The listener that feeds the live page, or null without {@code --live}. */
  LiveFeed feed() {
    return hub == null ? null : new LiveFeed(hub, world, graph);
  }

  /**
   * With {@code --hold}: serves until Ctrl-C; not when the JVM is already shutting down (a SIGTERM
   * or Ctrl-C stopped the run), which would hold nothing.
   */
  void holdIfAsked(PrintWriter stdout) {
    if (serve.hold && !ShutdownRelease.jvmShuttingDown()) {
      stdout.println("holding: serving " + endpoints.serving() + " until Ctrl-C");
      stdout.flush();
      endpoints.serveUntilStopped();
    }
  }

  /** Stops serving. */
  @Override
  public void close() {
    if (hub != null) {
      hub.close();
    }
    if (endpoints != null) {
      endpoints.close();
    }
  }

  /**
   * The observers of a run or a resume, in their order: the graph first, then the live meters and
   * the live page when not null, then the progress line unless {@code quiet}.
   */
  static Observers observers(
      World world,
      GraphListener graph,
      MetricsListener meters,
      LiveFeed feed,
      boolean quiet,
      PrintWriter stderr) {
    return observers(world, graph, meters, feed, quiet, stderr, null);
  }

  /** The same, with {@code rows} (or null) reading metrics.csv's rows as they are written. */
  static Observers observers(
      World world,
      GraphListener graph,
      MetricsListener meters,
      LiveFeed feed,
      boolean quiet,
      PrintWriter stderr,
      java.util.function.Consumer<java.util.List<ouroboros.sim.output.MetricRow>> rows) {
    return Observers.builder()
        .rows(rows)
        .topology(graph)
        .sink(meters)
        .sink(feed)
        .sink(
            quiet
                ? null
                : new ProgressListener(
                    world.name(), world.ticks(), PlainProgress.terminal(), stderr))
        .build();
  }
}
