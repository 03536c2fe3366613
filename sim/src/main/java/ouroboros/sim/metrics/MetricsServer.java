package ouroboros.sim.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import ouroboros.sim.serve.Handler;
import ouroboros.sim.serve.HttpEndpoints;
import ouroboros.sim.serve.ServeLimits;
import ouroboros.sim.serve.Site;

/**
 * The live metrics endpoint: a Micrometer {@link PrometheusMeterRegistry}, with the JVM and process
 * binders (memory, garbage collection, threads, processor, uptime), served on {@value
 * #METRICS_PATH} of the run's one HTTP server ({@link HttpEndpoints}), with its health check on
 * {@value #HEALTH_PATH}. The server only reads the registry, so it cannot change what a run
 * computes. Either {@link #create} makes the registry and {@link #routes} mounts it on a server the
 * caller owns (the run's, next to the graph and the live page), or {@link #start} makes both. Bind
 * it to 127.0.0.1 unless the user asks for another address (ARCHITECTURE.md, invariant 6).
 */
public final class MetricsServer implements AutoCloseable {
  /** The default port, the one the Prometheus client's exporters use. */
  public static final int DEFAULT_PORT = 9464;

  /** The default address. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** Where the metrics are. */
  public static final String METRICS_PATH = "/metrics";

  /** Where the health check is. */
  public static final String HEALTH_PATH = HttpEndpoints.HEALTH_PATH;

  private final PrometheusMeterRegistry registry;
  private final JvmGcMetrics gc;
  private final List<MeterBinder> binders;
  private final String run;
  private final AtomicBoolean closed = new AtomicBoolean();
  private HttpEndpoints server;
  private Site site;

  private MetricsServer(
      PrometheusMeterRegistry registry, JvmGcMetrics gc, List<MeterBinder> binders, String run) {
    this.registry = registry;
    this.gc = gc;
    this.binders = binders;
    this.run = run;
  }

  /** A new registry whose meters carry {@code commonTags}, not served yet: see {@link #routes}. */
  public static MetricsServer create(Tags commonTags) {
    PrometheusMeterRegistry registry =
        new PrometheusMeterRegistry(
            PrometheusConfig.DEFAULT, new TickConsistentRegistry(), Clock.SYSTEM);
    registry.config().commonTags(commonTags);
    JvmGcMetrics gc = new JvmGcMetrics();
    List<MeterBinder> binders =
        List.of(
            new JvmMemoryMetrics(),
            gc,
            new JvmThreadMetrics(),
            new ProcessorMetrics(),
            new UptimeMetrics());
    binders.forEach(b -> b.bindTo(registry));
    String run =
        commonTags.stream()
            .filter(t -> t.getKey().equals(RUN_LABEL))
            .map(Tag::getValue)
            .findFirst()
            .orElse(null);
    return new MetricsServer(registry, gc, binders, run);
  }

  /**
   * Starts serving a new registry on a server of its own, with the default limits.
   *
   * @param address the address to bind to
   * @param port the port, or 0 for a free one
   * @param commonTags tags every meter carries
   * @throws IOException when the address cannot be bound, such as a port in use
   */
  public static MetricsServer start(InetAddress address, int port, Tags commonTags)
      throws IOException {
    Objects.requireNonNull(address, "address");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port is not in [0, 65535]: " + port);
    }
    MetricsServer m = create(commonTags);
    try {
      m.server = new HttpEndpoints(ServeLimits.DEFAULTS);
      m.site = m.server.listen(address, port, m.routes());
      return m;
    } catch (IOException | RuntimeException e) {
      m.close();
      throw e;
    }
  }

  /** The routes that serve this registry: {@value #METRICS_PATH}. */
  public Map<String, Handler> routes() {
    return Map.of(METRICS_PATH, new ScrapeHandler(registry.getPrometheusRegistry()));
  }

  /** The label every series of a run carries, so that runs in one Prometheus stay apart. */
  public static final String RUN_LABEL = "run";

  /** The label of the scenario's name. */
  public static final String SCENARIO_LABEL = "scenario";

  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * A new run id: the scenario's name, the local start time to the second and four random hex
   * digits, such as {@code quickstart-20260101-120000-3fa2}; two runs of one scenario started in
   * the same second still differ (but for one chance in 65,536).
   */
  public static String runId(String scenario) {
    return scenario
        + "-"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
        + "-"
        + String.format("%04x", RANDOM.nextInt(1 << 16));
  }

  /** The common tags of a run's series: its scenario's name and its run id. */
  public static Tags runTags(String scenario, String runId) {
    return Tags.of(SCENARIO_LABEL, scenario, RUN_LABEL, runId);
  }

  /** The run id this server's series carry ({@value #RUN_LABEL}), or null when none. */
  public String run() {
    return run;
  }

  /** The registry the server shows; bind meters here. */
  public MeterRegistry registry() {
    return registry;
  }

  /**
   * The simple class names of Micrometer's binders bound to the registry, whose meters keep
   * Micrometer's names; docs/dashboards.md names them, and lists only the meters the dashboards
   * read.
   */
  List<String> binderNames() {
    return binders.stream().map(b -> b.getClass().getSimpleName()).toList();
  }

  /** The bound port, when {@link #start} started a server. */
  public int port() {
    return served().port();
  }

  /** The URL of a path on this server, such as {@code http://127.0.0.1:9464/metrics}. */
  public String url(String path) {
    return served().url(path);
  }

  /** The site {@link #start} listens on. */
  private Site served() {
    if (site == null) {
      throw new IllegalStateException("not started: the caller serves the routes");
    }
    return site;
  }

  /** Stops the server, if {@link #start} started one, and closes the registry; once. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      if (server != null) {
        server.close();
      }
      gc.close();
      registry.close();
    }
  }
}
