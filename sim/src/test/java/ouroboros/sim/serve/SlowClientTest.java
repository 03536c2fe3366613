package ouroboros.sim.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import ouroboros.sim.graph.GraphServer;
import ouroboros.sim.live.LiveHub;
import ouroboros.sim.live.LivePage;
import ouroboros.sim.metrics.MetricsServer;

/**
 * Slow and rude clients against the run's HTTP server, mounted as {@code ouroboros run} mounts it
 * ({@code /metrics}, the health check, {@code /graph} and the live page), on loopback only. Each
 * case holds a few dozen connections at most and closes every one of them. Waits are generous, for
 * a loaded machine, and each case fails only when a request waits for a stalled one, which takes
 * the length of a timeout set far above those waits.
 */
// Slow: bound by real sockets held open to their timeouts, not by computation; plain `mvn verify`
// runs it.
@Tag("slow")
class SlowClientTest {
  /** Long enough that a request queued behind a stalled one would miss every wait below. */
  private static final Duration LONG = Duration.ofSeconds(120);

  private static final int WAIT_MS = 20_000;

  private final List<Socket> sockets = new ArrayList<>();
  private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  private final Logger serveLog = Logger.getLogger("ouroboros.sim.serve");
  private final Logger root = Logger.getLogger("");
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          logged.add(r);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private MetricsServer metrics;
  private LiveHub hub;
  private HttpEndpoints server;
  private int port;

  @BeforeEach
  void captureLogs() {
    capture.setLevel(Level.ALL);
    root.addHandler(capture);
    serveLog.setLevel(Level.FINE);
  }

  @AfterEach
  void closeEverything() {
    for (Socket s : sockets) {
      try {
        s.close();
      } catch (IOException e) {
        // Closed either way.
      }
    }
    if (hub != null) {
      hub.close();
    }
    if (server != null) {
      server.close();
    }
    if (metrics != null) {
      metrics.close();
    }
    root.removeHandler(capture);
    serveLog.setLevel(null);
  }

  @Test
  @Timeout(90)
  void halfOpenRequests_doNotBlockMetricsGraphOrHealth() throws Exception {
    start(new ServeLimits(32, LONG, LONG, 16 * 1024));
    for (int i = 0; i < 12; i++) {
      send(connect(), "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nAcc"); // stalls mid-header
      connect(); // connects and says nothing
    }
    waitUntil(() -> server.openConnections() == 24, "the 24 stalled connections are accepted");
    for (String path : List.of(MetricsServer.METRICS_PATH, GraphServer.GRAPH_PATH, HEALTH)) {
      long start = System.nanoTime();
      String response = get(path);
      assertEquals(200, status(response), path + ": " + response);
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertTrue(ms < WAIT_MS, path + " took " + ms + " ms behind the stalled requests");
    }
    assertTrue(get(MetricsServer.METRICS_PATH).contains("slow_client_gauge"));
    waitUntil(() -> server.openConnections() == 24, "the stalled ones are still open");
  }

  @Test
  @Timeout(90)
  void stalledAndTricklingRequests_get408AtTheRequestTimeout() throws Exception {
    start(new ServeLimits(32, Duration.ofMillis(1500), LONG, 16 * 1024));
    Socket stalled = connect();
    send(stalled, "GET /graph HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    Socket trickling = connect();
    long start = System.nanoTime();
    // One byte every 300 ms: each read is quick, the whole request never ends.
    String request = "GET /graph HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + "a".repeat(200);
    try {
      for (int i = 0; i < request.length(); i++) {
        send(trickling, request.substring(i, i + 1));
        Thread.sleep(300);
      }
    } catch (IOException e) {
      // The server closed it: the deadline counts from the connection, not from the last byte.
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertTrue(ms < 60_000, "a trickling client held its connection for " + ms + " ms");
    assertEquals(408, status(readAll(stalled)));
    waitUntil(() -> server.openConnections() == 0, "both slots are free again");
    assertEquals(200, status(get(HEALTH)));
  }

  @Test
  @Timeout(90)
  void connectionLimit_refusesTheNextOneWith503AtOnce_andRecovers() throws Exception {
    start(new ServeLimits(6, LONG, LONG, 16 * 1024));
    List<Socket> held = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Socket s = connect();
      send(s, "GET /metrics HTTP/1.1\r\n");
      held.add(s);
    }
    waitUntil(() -> server.openConnections() == 6, "the 6 stalled connections are accepted");
    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      String response = get(MetricsServer.METRICS_PATH);
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertEquals(503, status(response), response);
      assertTrue(response.contains("Retry-After: 1"), response);
      assertTrue(ms < WAIT_MS, "the refusal took " + ms + " ms");
    }
    assertEquals(3, server.rejected());
    for (Socket s : held) {
      s.close();
    }
    waitUntil(() -> server.openConnections() == 0, "closed connections free their slots");
    assertEquals(200, status(get(MetricsServer.METRICS_PATH)));
  }

  @Test
  @Timeout(90)
  void liveStreams_areCappedBelowTheConnectionLimit_andDoNotStarveMetrics() throws Exception {
    start(new ServeLimits(8, LONG, LONG, 16 * 1024));
    for (int i = 0; i < LivePage.MAX_STREAMS; i++) {
      Socket s = connect();
      send(s, "GET " + LivePage.EVENTS_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      assertTrue(readUntil(s, "retry: ").startsWith("HTTP/1.1 200"), "stream " + i);
    }
    String fifth = get(LivePage.EVENTS_PATH);
    assertEquals(503, status(fifth), fifth);
    for (String path : List.of(MetricsServer.METRICS_PATH, GraphServer.NODES_PATH, HEALTH)) {
      assertEquals(200, status(get(path)), path + " while every stream is open");
    }
  }

  @Test
  @Timeout(90)
  void closedLivePages_freeTheirStreamsPromptly_afterTheEndToo() throws Exception {
    // QA: after the end event of a held run, a closed page kept its stream until a keep-alive
    // comment failed to go out (10 to 20 s), so reloading the page four times got 503.
    start(new ServeLimits(8, LONG, LONG, 16 * 1024));
    hub.publish("{\"tick\":0}", "{\"tick\":0}");
    hub.finish();
    for (int i = 0; i < LivePage.MAX_STREAMS; i++) {
      Socket s = connect();
      send(s, "GET " + LivePage.EVENTS_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      assertTrue(readUntil(s, "event: end").startsWith("HTTP/1.1 200"), "stream " + i);
      s.close(); // the page is reloaded: the old one closes its stream
    }
    long deadline = System.nanoTime() + Duration.ofMillis(LivePage.KEEP_ALIVE_MS / 2).toNanos();
    String answer;
    while (true) {
      Socket s = connect();
      send(s, "GET " + LivePage.EVENTS_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      answer = readUntil(s, "\r\n");
      s.close();
      if (status(answer) != 503 || System.nanoTime() > deadline) {
        break;
      }
      Thread.sleep(50);
    }
    assertEquals(
        200,
        status(answer),
        "a new page within "
            + LivePage.KEEP_ALIVE_MS / 2
            + " ms of closing "
            + LivePage.MAX_STREAMS
            + ": "
            + answer);
    waitUntil(() -> server.openConnections() == 0, "every closed page's connection ended");
  }

  @Test
  @Timeout(90)
  void earlyHangUps_logNoSevereAndNoWarning() throws Exception {
    start(new ServeLimits(32, Duration.ofSeconds(3), Duration.ofSeconds(3), 16 * 1024));
    for (int i = 0; i < 8; i++) {
      connect().close(); // connects and hangs up
      Socket partial = connect();
      send(partial, "GET /metr");
      reset(partial);
      Socket scrape = connect(); // asks for the metrics, resets before reading them
      send(scrape, "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      reset(scrape);
    }
    Socket stream = connect(); // a live page that goes away mid-stream
    send(stream, "GET " + LivePage.EVENTS_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    readUntil(stream, "retry: ");
    reset(stream);
    for (int t = 0; t < 5; t++) {
      hub.publish("{\"tick\":" + t + "}", "{\"tick\":" + t + "}");
      Thread.sleep(100);
    }
    waitUntil(() -> server.openConnections() == 0, "every connection ended");
    List<LogRecord> loud =
        logged.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue()).toList();
    assertTrue(loud.isEmpty(), () -> "logged: " + describe(loud));
    assertTrue(
        logged.stream().allMatch(r -> r.getThrown() == null),
        () -> "stack traces: " + describe(logged));
    assertTrue(
        logged.stream().anyMatch(r -> r.getMessage().startsWith("client went away")),
        () -> "the stream's failed write is logged at FINE: " + describe(logged));
  }

  @Test
  @Timeout(90)
  void clientThatStopsReading_isClosedAtTheWriteTimeout() throws Exception {
    start(new ServeLimits(8, LONG, Duration.ofSeconds(1), 16 * 1024));
    Socket s = new Socket();
    s.setReceiveBufferSize(4096);
    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
    sockets.add(s);
    send(s, "GET /endless HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    readUntil(s, "\r\n\r\n"); // the headers came; now it reads no more
    waitUntil(() -> server.openConnections() == 0, "the stuck write is given up");
    assertEquals(200, status(get(HEALTH)));
  }

  @Test
  @Timeout(60)
  void malformedOrHugeRequests_getTheirStatus() throws Exception {
    start(new ServeLimits(8, LONG, LONG, 1024));
    assertEquals(400, status(raw("NONSENSE\r\n\r\n")));
    assertEquals(400, status(raw("GET relative HTTP/1.1\r\n\r\n")));
    assertEquals(505, status(raw("GET / HTTP/2.0\r\n\r\n")));
    assertEquals(431, status(raw("GET / HTTP/1.1\r\nX: " + "a".repeat(2000) + "\r\n\r\n")));
    assertEquals(405, status(raw("DELETE /metrics HTTP/1.1\r\n\r\n")));
    assertEquals(404, status(raw("GET /nothing HTTP/1.0\r\n\r\n")));
    assertEquals(200, status(raw("HEAD /graph HTTP/1.0\r\n\r\n")));
  }

  private static final String HEALTH = HttpEndpoints.HEALTH_PATH;

  /** Starts a server with the run's routes, a few hundred gauges and an endless response. */
  private void start(ServeLimits limits) throws IOException {
    metrics = MetricsServer.create(Tags.of("run", "slow"));
    for (int i = 0; i < 300; i++) {
      Gauge.builder("slow.client.gauge", () -> 1).tag("i", "" + i).register(metrics.registry());
    }
    hub = new LiveHub();
    Map<String, ouroboros.sim.serve.Handler> routes = new HashMap<>(metrics.routes());
    routes.putAll(GraphServer.routes(() -> null));
    routes.putAll(new LivePage(hub).routes());
    routes.put(
        "/endless",
        x -> {
          OutputStream out = x.stream(200, "application/octet-stream");
          byte[] chunk = new byte[64 * 1024];
          while (true) {
            out.write(chunk);
          }
        });
    server = new HttpEndpoints(limits);
    port = server.listen(InetAddress.getLoopbackAddress(), 0, routes).port();
  }

  /** A connection to the server, closed after the test. */
  private Socket connect() throws IOException {
    Socket s = new Socket();
    sockets.add(s);
    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
    s.setSoTimeout(WAIT_MS);
    return s;
  }

  /** A whole GET on a new connection: the response, read to its end. */
  private String get(String path) throws IOException {
    return raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  }

  /** Sends {@code request} on a new connection and reads the response to its end. */
  private String raw(String request) throws IOException {
    Socket s = connect();
    send(s, request);
    return readAll(s);
  }

  private static void send(Socket s, String text) throws IOException {
    s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    s.getOutputStream().flush();
  }

  /** Reads until the server closes the connection. */
  private static String readAll(Socket s) throws IOException {
    return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
  }

  /** Reads until {@code marker} has arrived; what was read. */
  private static String readUntil(Socket s, String marker) throws IOException {
    InputStream in = s.getInputStream();
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    while (!b.toString(StandardCharsets.ISO_8859_1).contains(marker)) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("closed before '" + marker + "': " + b);
      }
      b.write(c);
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  /** Hangs up with a reset, the rudest way. */
  private static void reset(Socket s) throws IOException {
    s.setSoLinger(true, 0);
    s.close();
  }

  private static int status(String response) {
    assertTrue(response.startsWith("HTTP/1.1 "), "not a response: '" + response + "'");
    return Integer.parseInt(response.substring(9, 12));
  }

  private static void waitUntil(BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMillis(WAIT_MS).toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "not within " + WAIT_MS + " ms: " + what);
      Thread.sleep(20);
    }
  }

  private static String describe(List<LogRecord> records) {
    StringBuilder b = new StringBuilder();
    for (LogRecord r : records) {
      b.append('\n').append(r.getLevel()).append(' ').append(r.getLoggerName()).append(": ");
      b.append(r.getMessage()).append(' ').append(java.util.Arrays.toString(r.getParameters()));
    }
    return b.toString();
  }
}
