package ouroboros.sim.metrics;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A Prometheus server run as a child process for a test: on 127.0.0.1 at a free port, with its
 * storage in a temporary directory and its log in a file, and a client for the parts of its HTTP
 * API the tests use ({@code /api/v1/query}, {@code query_range}, {@code series}). Close it to stop
 * the process.
 */
final class PrometheusProcess implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final int ATTEMPTS = 3;

  private final Process process;
  private final Path log;
  private final String base;

  private final Thread killOnExit;

  private PrometheusProcess(Process process, Path log, String base) {
    this.process = requireNonNull(process);
    this.log = requireNonNull(log);
    this.base = requireNonNull(base);
    // Should the test JVM end without close(), the child must not outlive it.
    this.killOnExit = new Thread(process::destroyForcibly, "kill-prometheus");
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /**
   * Starts {@code binary} with {@code config}, keeping its data and log in {@code dir}, and waits
   * up to {@code timeout} until it is ready. Another port is tried when the free port it was given
   * has been taken meanwhile.
   */
  static PrometheusProcess start(Path binary, Path config, Path dir, Duration timeout)
      throws IOException, InterruptedException {
    Path log = dir.resolve("prometheus.log");
    for (int attempt = 1; ; attempt++) {
      int port = freeLoopbackPort();
      Process p =
          new ProcessBuilder(
                  binary.toString(),
                  "--config.file=" + config,
                  "--storage.tsdb.path=" + dir.resolve("data"),
                  "--web.listen-address=127.0.0.1:" + port,
                  "--log.level=info")
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      PrometheusProcess prometheus = new PrometheusProcess(p, log, "http://127.0.0.1:" + port);
      try {
        prometheus.await("Prometheus ready at " + prometheus.base, timeout, prometheus::ready);
        return prometheus;
      } catch (AssertionError e) {
        prometheus.close();
        if (attempt == ATTEMPTS || !prometheus.log().contains("address already in use")) {
          throw new AssertionError(
              e.getMessage() + "\n--- prometheus log ---\n" + prometheus.log(), e);
        }
      } catch (Throwable e) {
        prometheus.close();
        throw e;
      }
    }
  }

  /** The base URL, such as {@code http://127.0.0.1:40123}. */
  String base() {
    return base;
  }

  /** The process's log so far. */
  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  /** Whether {@code /-/ready} answers 200; fails at once when the process has exited. */
  boolean ready() {
    if (!process.isAlive()) {
      throw new AssertionError("prometheus exited with code " + process.exitValue());
    }
    try {
      return get("/-/ready", Map.of()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /** {@code /api/v1/query} at the server's present time: the whole JSON answer. */
  JsonNode query(String expr) throws IOException {
    return api("/api/v1/query", Map.of("query", expr));
  }

  /** {@code /api/v1/query_range} over the last {@code range}, one point every {@code step}. */
  JsonNode queryRange(String expr, Duration range, Duration step) throws IOException {
    long end = System.currentTimeMillis();
    return api(
        "/api/v1/query_range",
        Map.of(
            "query",
            expr,
            "start",
            seconds(end - range.toMillis()),
            "end",
            seconds(end),
            "step",
            seconds(step.toMillis())));
  }

  /** {@code /api/v1/series} matching {@code selector} over the last {@code range}. */
  JsonNode series(String selector, Duration range) throws IOException {
    long end = System.currentTimeMillis();
    return api(
        "/api/v1/series",
        Map.of("match[]", selector, "start", seconds(end - range.toMillis()), "end", seconds(end)));
  }

  /** {@code /api/v1/label/NAME/values} over the last {@code range}. */
  JsonNode labelValues(String name, Duration range) throws IOException {
    long end = System.currentTimeMillis();
    return api(
        "/api/v1/label/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/values",
        Map.of("start", seconds(end - range.toMillis()), "end", seconds(end)));
  }

  /** Polls {@code condition} every 200 ms until it holds, failing after {@code timeout}. */
  void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not " + what + " after " + timeout.toSeconds() + " s");
      }
      Thread.sleep(200);
    }
  }

  /** Stops the process: SIGTERM, then SIGKILL after 10 s. */
  @Override
  public void close() throws InterruptedException {
    try {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } finally {
      if (!process.isAlive()) {
        try {
          Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
          // the JVM is shutting down: the hook runs anyway
        }
      }
    }
  }

  /** A GET of the API; the parsed answer, whose {@code status} is {@code success}. */
  private JsonNode api(String path, Map<String, String> params) throws IOException {
    HttpResponse<String> r = get(path, params);
    JsonNode body;
    try {
      body = JSON.readTree(r.body());
    } catch (IOException e) {
      throw new IOException(path + " answered " + r.statusCode() + ", not JSON: " + r.body(), e);
    }
    if (r.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
      throw new IOException(
          path
              + " "
              + params
              + " answered "
              + r.statusCode()
              + ": "
              + body.path("errorType").asText()
              + ": "
              + body.path("error").asText());
    }
    return body;
  }

  /** A GET with URL-encoded parameters. */
  private HttpResponse<String> get(String path, Map<String, String> params) throws IOException {
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    for (Map.Entry<String, String> e : params.entrySet()) {
      query.add(
          URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
              + "="
              + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path + query))
            .timeout(Duration.ofSeconds(30))
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** Milliseconds since the epoch as the API's decimal seconds. */
  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  /** A port free on 127.0.0.1 a moment ago. */
  static int freeLoopbackPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** The series of a successful answer: a vector's or matrix's results; a scalar counts one. */
  static List<JsonNode> results(JsonNode answer) {
    JsonNode data = answer.path("data");
    if ("scalar".equals(data.path("resultType").asText())) {
      return List.of(data.path("result"));
    }
    return elements(data.path("result"));
  }

  /** The elements of a JSON array. */
  private static List<JsonNode> elements(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }
}
