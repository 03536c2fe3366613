package ouroboros.sim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Tags;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.cli.Main;
import ouroboros.sim.testing.Repo;

/**
 * The metrics endpoint, end to end: a run started in-process with {@code --metrics-port 0 --hold}
 * serves {@code /metrics} in Prometheus text format, with every name of docs/dashboards.md's "Live
 * metrics" table, and its health check; another process reaches it on 127.0.0.1 and not on this
 * machine's other address; interrupting the held run closes the server.
 */
// Slow: bound by a second JVM and real HTTP scrapes, not by computation; plain `mvn verify` runs
// it.
@Tag("slow")
class MetricsEndpointTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final List<String> MODELS = List.of("lab-replace", "lab-accumulate", "lab-fresh");

  @Test
  @Timeout(180)
  void heldRun_servesDocumentedMetricsAndHealth_onLoopbackOnly(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("metrics-test.yaml");
    Files.writeString(file, Reports.scenario(20));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AtomicInteger code = new AtomicInteger(-1);
    Thread runner =
        new Thread(
            () ->
                code.set(
                    Main.run(
                        new String[] {
                          "run",
                          file.toString(),
                          "--quiet",
                          "--out",
                          tmp.resolve("run").toString(),
                          "--metrics-port",
                          "0",
                          "--hold"
                        },
                        new PrintWriter(out, true),
                        new PrintWriter(err, true))),
            "held-run");
    runner.start();
    String url;
    try {
      waitFor(out, "holding: ", runner);
      Matcher m =
          Pattern.compile("metrics: (http://127\\.0\\.0\\.1:(\\d+)/metrics)")
              .matcher(out.toString());
      assertTrue(m.find(), "the bound address is printed: " + out);
      url = m.group(1);
      assertNotEquals("0", m.group(2));

      HttpResponse<String> metrics = get(url);
      assertEquals(200, metrics.statusCode());
      assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
      PrometheusText text = PrometheusText.parse(metrics.body());
      for (String name : documentedNames()) {
        assertTrue(text.types.containsKey(name), name + " is documented but not served");
      }
      checkValues(text);

      HttpResponse<String> health = get(url.replace("/metrics", MetricsServer.HEALTH_PATH));
      assertEquals(200, health.statusCode());
      assertTrue(health.body().contains("healthy"), health.body());
      HttpResponse<String> graph = get(url.replace("/metrics", "/graph/nodes"));
      assertEquals(200, graph.statusCode(), "one server: the graph is on the metrics address too");
      assertTrue(graph.body().contains("\"lab-replace\""), graph.body());

      checkReachableOnLoopbackOnly(url, tmp);
    } finally {
      runner.interrupt();
      runner.join(30_000);
    }
    assertFalse(runner.isAlive());
    assertEquals(0, code.get(), err.toString());
    assertFalse(err.toString().contains("error"), err.toString());
    assertThrows(ConnectException.class, () -> get(url), "the server closes when the hold ends");
    assertTrue(Files.readString(tmp.resolve("run/summary.json")).contains("\"complete\" : true"));
  }

  /** The values of a finished 20-tick run with three models. */
  private static void checkValues(PrometheusText text) {
    assertEquals(19, text.samples("ouroboros_engine_tick").get(0).value());
    assertEquals(20, text.samples("ouroboros_engine_ticks_total").get(0).value());
    assertEquals(0, text.samples("ouroboros_engine_running").get(0).value(), "the run ended");
    assertEquals(
        "metrics-test", text.samples("ouroboros_web_size").get(0).labels().get("scenario"));
    Set<String> phases =
        text.samples("ouroboros_engine_phase_seconds_count").stream()
            .map(s -> s.labels().get("phase"))
            .collect(Collectors.toSet());
    assertEquals(Set.of("events", "publish", "retrain"), phases);
    List<PrometheusText.Sample> risk = text.samples("ouroboros_model_risk");
    assertEquals(
        Set.copyOf(MODELS),
        risk.stream().map(s -> s.labels().get("model")).collect(Collectors.toSet()));
    for (PrometheusText.Sample s : risk) {
      assertEquals(Set.of("model", "family", "regime", "scenario", "run"), s.labels().keySet());
      assertTrue(
          s.labels().get("run").matches("metrics-test-\\d{8}-\\d{6}-[0-9a-f]{4}"),
          "the run label: " + s.labels());
      assertEquals("gaussian", s.labels().get("family"));
    }
    List<PrometheusText.Sample> verdicts = text.samples("ouroboros_model_verdict");
    assertEquals(MODELS.size() * 8, verdicts.size());
    for (PrometheusText.Sample s : verdicts) {
      double v = s.value();
      assertTrue(v == 0 || v == 1 || Double.isNaN(v), s.toString());
    }
    assertEquals(20, value(text, "ouroboros_model_generation", "lab-replace"));
    // The graph: each lab trains on its own blog only; lab-fresh also on the archive.
    assertEquals(0, value(text, "ouroboros_model_human_ancestry", "lab-replace"));
    assertEquals(1, value(text, "ouroboros_model_predicted_collapse", "lab-replace"));
    assertEquals(1, value(text, "ouroboros_model_human_ancestry", "lab-fresh"));
    assertEquals(0, value(text, "ouroboros_model_predicted_collapse", "lab-fresh"));
    assertTrue(value(text, "ouroboros_model_training_depth", "lab-replace") > 1);
  }

  /** The value of a per-model series. */
  private static double value(PrometheusText text, String name, String model) {
    return text.samples(name).stream()
        .filter(s -> s.labels().get("model").equals(model))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " has no series for " + model))
        .value();
  }

  /**
   * A second JVM asks for the metrics on 127.0.0.1 (it must answer) and on a non-loopback address
   * of this machine (it must not). As a control, the same probe must reach a server bound to every
   * address on that non-loopback address, so the refusal is the binding's doing.
   */
  private static void checkReachableOnLoopbackOnly(String url, Path tmp) throws Exception {
    InetAddress other = nonLoopbackAddress();
    List<String> urls = new ArrayList<>(List.of(url));
    MetricsServer control = null;
    try {
      if (other != null) {
        String host = other.getHostAddress();
        urls.add(url.replace("127.0.0.1", host));
        control = MetricsServer.start(InetAddress.getByName("0.0.0.0"), 0, Tags.empty());
        urls.add("http://" + host + ":" + control.port() + MetricsServer.METRICS_PATH);
      }
      List<String> answers = probe(tmp, urls);
      assertEquals("200", answers.get(0), "loopback from another process");
      Assumptions.assumeTrue(
          other != null,
          "this machine has no up, non-loopback IPv4 address, so there is no other address to"
              + " try");
      assertEquals("200", answers.get(2), "control: a server bound to 0.0.0.0 is reachable");
      assertTrue(
          answers.get(1).startsWith("unreachable"),
          "the default binding must refuse " + urls.get(1) + ", got " + answers.get(1));
    } finally {
      if (control != null) {
        control.close();
      }
    }
  }

  /** Runs the probe in a second JVM; one answer per URL: a status code or "unreachable ...". */
  private static List<String> probe(Path tmp, List<String> urls) throws Exception {
    Path source = tmp.resolve("Probe.java");
    Files.writeString(
        source,
        """
        import java.net.HttpURLConnection;
        import java.net.URL;
        public class Probe {
          public static void main(String[] args) {
            for (String u : args) {
              try {
                HttpURLConnection c = (HttpURLConnection) new URL(u).openConnection();
                c.setConnectTimeout(5000);
                c.setReadTimeout(10000);
                System.out.println(c.getResponseCode());
              } catch (Exception e) {
                System.out.println("unreachable " + e);
              }
            }
          }
        }
        """);
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> cmd = new ArrayList<>(List.of(java, source.toString()));
    cmd.addAll(urls);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), output);
    List<String> answers = output.lines().toList();
    assertEquals(urls.size(), answers.size(), output);
    return answers;
  }

  /** An up, non-loopback, non-link-local IPv4 address of this machine, or null. */
  static InetAddress nonLoopbackAddress() throws IOException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress a : Collections.list(nic.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
          return a;
        }
      }
    }
    return null;
  }

  /**
   * The Prometheus names in the first column of docs/dashboards.md's "Live metrics" table, except
   * those whose row says they appear only later.
   */
  static List<String> documentedNames() throws IOException {
    String page = Files.readString(Repo.root().resolve("docs/dashboards.md"));
    int start = page.indexOf("\n## Live metrics");
    assertTrue(start >= 0, "docs/dashboards.md has a Live metrics section");
    int end = page.indexOf("\n## ", start + 1);
    String section = page.substring(start, end < 0 ? page.length() : end);
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^\\| `([a-z_:]+)` \\|(.*)$").matcher(section);
    while (m.find()) {
      if (!m.group(2).contains("appears after")) {
        names.add(m.group(1));
      }
    }
    assertTrue(names.size() > 20, "the table lists the names: " + names);
    return names;
  }

  /** GET a URL. */
  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Waits until {@code out} contains {@code text}, failing if the run thread ends first. */
  private static void waitFor(StringWriter out, String text, Thread runner)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!out.toString().contains(text)) {
      if (!runner.isAlive()) {
        throw new AssertionError("the run ended without printing '" + text + "': " + out);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no '" + text + "' after 120 s: " + out);
      }
      Thread.sleep(50);
    }
  }
}
