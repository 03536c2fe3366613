package ouroboros.sim.metrics;

import com.sun.net.httpserver.HttpHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The live metrics endpoint: a Micrometer {@link PrometheusMeterRegistry}, with the JVM and process
 * binders (memory, garbage collection, threads, processor, uptime), served by the Prometheus
 * client's {@link HTTPServer} on {@value #METRICS_PATH}, with its health check on {@value
 * #HEALTH_PATH} (it answers 200 "Exporter is healthy."). The server runs on daemon threads and only
 * reads the registry, so it cannot change what a run computes. Bind it to 127.0.0.1 unless the user
 * asks for another address (ARCHITECTURE.md, invariant 6).
 */
public final class MetricsServer implements AutoCloseable {
  /** The default port, the one the Prometheus client's exporters use. */
  public static final int DEFAULT_PORT = 9464;

  /** The default address. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** Where the metrics are. */
  public static final String METRICS_PATH = "/metrics";

  /** Where the health check is. */
  public static final String HEALTH_PATH = "/-/healthy";

  private final PrometheusMeterRegistry registry;
  private final JvmGcMetrics gc;
  private final HTTPServer server;
  private final InetAddress address;
  private final String run;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);

  private MetricsServer(
      PrometheusMeterRegistry registry,
      JvmGcMetrics gc,
      HTTPServer server,
      InetAddress address,
      String run) {
    this.registry = registry;
    this.gc = gc;
    this.server = server;
    this.address = address;
    this.run = run;
  }

  /**
   * Starts serving a new registry.
   *
   * @param address the address to bind to
   * @param port the port, or 0 for a free one
   * @param commonTags tags every meter carries
   * @throws IOException when the address cannot be bound, such as a port in use
   */
  public static MetricsServer start(InetAddress address, int port, Tags commonTags)
      throws IOException {
    return start(address, port, commonTags, null);
  }

  /**
   * Starts serving a new registry, with {@code pages} answering every path other than the metrics
   * and the health check (the live page, {@code ouroboros.sim.live.LivePage}); null keeps the
   * Prometheus client's own index page there.
   *
   * @throws IOException when the address cannot be bound, such as a port in use
   */
  public static MetricsServer start(
      InetAddress address, int port, Tags commonTags, HttpHandler pages) throws IOException {
    Objects.requireNonNull(address, "address");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port is not in [0, 65535]: " + port);
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags(commonTags);
    new JvmMemoryMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    try {
      HTTPServer.Builder builder =
          HTTPServer.builder()
              .inetAddress(address)
              .port(port)
              .registry(registry.getPrometheusRegistry())
              .metricsHandlerPath(METRICS_PATH)
              .registerHealthHandler(true);
      if (pages != null) {
        builder.defaultHandler(pages);
      }
      HTTPServer server = builder.buildAndStart();
      String run =
          commonTags.stream()
              .filter(t -> t.getKey().equals(RUN_LABEL))
              .map(Tag::getValue)
              .findFirst()
              .orElse(null);
      return new MetricsServer(registry, gc, server, address, run);
    } catch (IOException | RuntimeException e) {
      gc.close();
      registry.close();
      throw e;
    }
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

  /** The bound port. */
  public int port() {
    return server.getPort();
  }

  /** The URL of a path on this server, such as {@code http://127.0.0.1:9464/metrics}. */
  public String url(String path) {
    String host = address.getHostAddress();
    if (address instanceof Inet6Address) {
      host = "[" + host.replaceFirst("%.*$", "") + "]";
    }
    return "http://" + host + ":" + port() + path;
  }

  /**
   * Keeps serving until the JVM shuts down (Ctrl-C runs a shutdown hook that stops the server) or
   * until this thread is interrupted, then closes the server.
   */
  public void serveUntilStopped() {
    Thread hook = new Thread(this::close, "ouroboros-metrics-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is shutting down, and the hook is closing the server.
      }
      close();
    }
  }

  /** Stops the server and closes the registry; later calls do nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.close();
      gc.close();
      registry.close();
      stopped.countDown();
    }
  }
}
