package ouroboros.sim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.cli.Main;
import ouroboros.sim.metrics.DashboardQueries.Dashboard;
import ouroboros.sim.metrics.DashboardQueries.Target;
import ouroboros.sim.scenario.compile.WorldCompiler;
import ouroboros.sim.scenario.load.ScenarioLoader;
import ouroboros.sim.testing.Repo;
import ouroboros.sim.testing.Servers;

/**
 * The dashboards against a real Prometheus (issue 6): {@code promtool} accepts the repository's
 * {@code prometheus/prometheus.yml}; a Prometheus started on loopback scrapes a paced run of {@link
 * #SCENARIO} every second; and every PromQL query of every panel of every dashboard in {@code
 * grafana/dashboards/}, with Grafana's variables given real values, returns at least one series
 * through Prometheus's HTTP API. Every Infinity query (the topology dashboard's Node Graph) goes
 * instead to the same run's graph endpoint ({@code --serve-graph}), with the dashboard's host and
 * port replaced by the run's: it must answer with a non-empty JSON array whose every element has
 * every field the query reads. Needs Debian's {@code prometheus} package: without it the tests
 * skip, unless {@value Servers#REQUIRE}=1 (as in CI) makes them fail.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
@Tag("slow")
class PrometheusIntegrationTest {
  /**
   * The scenario the run plays, under {@code scenarios/}: the one docker compose runs, with a
   * pipeline whose stages make both errors, several models and a graph with every kind of node.
   */
  static final String SCENARIO = "live.yaml";

  /** How long the paced run lasts: the pace is the scenario's ticks over this. */
  static final Duration RUN = Duration.ofSeconds(15);

  /** Prometheus's scrape interval, and the scrapes of the run to wait for. */
  static final Duration SCRAPE = Duration.ofSeconds(1);

  static final int MIN_SCRAPES = 5;

  /** The step of range queries, which is also {@code $__interval}. */
  static final Duration STEP = Duration.ofSeconds(2);

  /** The longest wait for anything: generous, for a loaded machine. */
  static final Duration WAIT = Duration.ofSeconds(120);

  static final String PROMETHEUS_UID = "ouroboros-prometheus";
  static final String INFINITY_UID = "ouroboros-infinity";

  @TempDir static Path tmp;
  private static PrometheusProcess prometheus;
  private static Thread runner;
  private static final StringWriter OUT = new StringWriter();
  private static final StringWriter ERR = new StringWriter();
  private static final AtomicInteger EXIT = new AtomicInteger(-1);
  private static int ticks;

  /** The run's graph endpoint, {@code http://127.0.0.1:PORT}. */
  private static String graphBase;

  private static final Pattern GRAPH_URL =
      Pattern.compile("graph: (http://127\\.0\\.0\\.1:\\d+)/graph");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Why the tests skip: a server is not installed. */
  private static String missing;

  /** Prints Prometheus's log when a test fails. */
  @RegisterExtension
  static final TestWatcher LOG_ON_FAILURE =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          printLog(context.getDisplayName());
        }
      };

  /** Starts Prometheus, then the paced run, and waits until Prometheus has scraped it. */
  @BeforeAll
  static void start() throws Exception {
    missing = Servers.missing("prometheus", "prometheus");
    if (missing == null) {
      missing = Servers.missing("promtool", "prometheus");
    }
    if (missing != null) {
      return;
    }
    Path binary = Servers.require("prometheus", "prometheus");
    Path file = Repo.scenario(SCENARIO);
    ticks = WorldCompiler.compile(new ScenarioLoader().load(file), 1).ticks();
    int port = PrometheusProcess.freeLoopbackPort();
    Path config = tmp.resolve("prometheus.yml");
    Files.writeString(config, config("127.0.0.1:" + port));
    String check = promtool("check", "config", config.toString());
    try {
      prometheus = PrometheusProcess.start(binary, config, tmp, WAIT);
      String pace = String.format(Locale.ROOT, "%.3f", ticks / (double) RUN.toSeconds());
      runner =
          new Thread(
              () ->
                  EXIT.set(
                      Main.run(
                          new String[] {
                            "run",
                            file.toString(),
                            "--quiet",
                            "--out",
                            tmp.resolve("run").toString(),
                            "--metrics-port",
                            Integer.toString(port),
                            "--graph-port",
                            "0",
                            "--pace",
                            pace,
                            "--hold"
                          },
                          new PrintWriter(OUT, true),
                          new PrintWriter(ERR, true))),
              "paced-run");
      runner.start();
      // Done when a scrape saw the run ended (so every series has its final value) and the
      // run was scraped often enough for rate() over a few scrape intervals.
      prometheus.await(
          "the run ended, scraped " + MIN_SCRAPES + " times",
          WAIT,
          () -> {
            if (!runner.isAlive() || ERR.toString().contains("error")) {
              throw new AssertionError(
                  "the run stopped or failed (exit " + EXIT.get() + "): " + ERR + OUT);
            }
            return OUT.toString().contains("holding: ")
                && scalar("ouroboros_engine_running{job=\"ouroboros\"}") == 0
                && scalar("sum_over_time(up{job=\"ouroboros\"}[10m])") >= MIN_SCRAPES
                && scalar("up{job=\"ouroboros\"}") == 1;
          });
      Matcher m = GRAPH_URL.matcher(OUT.toString());
      assertTrue(m.find(), "the graph endpoint's address is printed: " + OUT);
      graphBase = m.group(1);
    } catch (Throwable e) {
      printLog("start (promtool said: " + check.strip() + ")");
      throw e;
    }
  }

  /** Skips each test when the servers are missing (fails under {@value Servers#REQUIRE}=1). */
  @BeforeEach
  void skipWithoutServers() {
    Servers.skipOrFail(missing);
  }

  /** Stops Prometheus and the held run; then the run must have exited cleanly. */
  @AfterAll
  static void stop() throws Exception {
    try {
      if (prometheus != null) {
        prometheus.close();
      }
    } finally {
      if (runner != null) {
        runner.interrupt();
        runner.join(30_000);
      }
    }
    if (runner != null) {
      assertEquals(0, EXIT.get(), "the run's exit code; stderr: " + ERR);
    }
  }

  @Test
  void promtool_acceptsTheRepositoryConfig() throws Exception {
    promtool("check", "config", Repo.root().resolve("prometheus/prometheus.yml").toString());
  }

  @Test
  void prometheus_scrapedThePacedRunWhileItWentOn_untilItsLastTick() throws Exception {
    assertEquals(
        1,
        scalar("max_over_time(ouroboros_engine_running{job=\"ouroboros\"}[10m])"),
        "no scrape saw the run going on");
    assertEquals(ticks - 1, scalar("ouroboros_engine_tick{job=\"ouroboros\"}"), "last tick");
    assertTrue(
        scalar("count_over_time(ouroboros_engine_tick{job=\"ouroboros\"}[10m])") >= MIN_SCRAPES,
        "scrapes with the run's meters");
  }

  @Test
  void everyPanelQueryOfEveryDashboard_returnsAtLeastOneSeries() throws Exception {
    List<Dashboard> dashboards = DashboardQueries.load(Repo.root().resolve("grafana/dashboards"));
    assertFalse(dashboards.isEmpty(), "no dashboards");
    List<String> failures = new ArrayList<>();
    int targets = 0;
    int checked = 0;
    int infinity = 0;
    for (Dashboard d : dashboards) {
      targets += d.targets().size();
      Map<String, String> values;
      try {
        values =
            GrafanaTemplating.resolve(
                d.variables(),
                GrafanaTemplating.globals(d.timeRange(), SCRAPE, STEP),
                prometheus,
                d.timeRange());
      } catch (IllegalArgumentException | IOException e) {
        failures.add(d.file() + ": " + e.getMessage());
        continue;
      }
      for (Target t : d.targets()) {
        String where =
            d.file() + " (" + d.title() + "), panel " + t.panel() + ", query " + t.refId();
        String uid =
            t.datasourceUid() == null
                ? null
                : GrafanaTemplating.substitute(t.datasourceUid(), values);
        if (INFINITY_UID.equals(uid)) {
          infinity++;
          checkInfinity(where, t, failures);
        } else if (!PROMETHEUS_UID.equals(uid)) {
          failures.add(
              where
                  + ": datasource "
                  + t.datasourceUid()
                  + " is neither "
                  + PROMETHEUS_UID
                  + " nor "
                  + INFINITY_UID);
        } else if (t.expr().isBlank()) {
          failures.add(where + ": no expr");
        } else {
          checked++;
          check(where, t, values, d.timeRange(), failures);
        }
      }
    }
    System.out.printf(
        "%d dashboards, %d targets: %d PromQL queries checked, %d Infinity%n",
        dashboards.size(), targets, checked, infinity);
    assertTrue(
        failures.isEmpty(),
        failures.size() + " dashboard queries fail:\n  " + String.join("\n  ", failures));
    assertEquals(targets, checked + infinity, "every target is PromQL or Infinity");
    assertTrue(checked > 0, "no PromQL query in any dashboard");
  }

  /** Runs one PromQL target as Grafana would (instant and/or range); adds what went wrong. */
  private static void check(
      String where, Target t, Map<String, String> values, Duration range, List<String> failures) {
    String expr;
    try {
      expr = GrafanaTemplating.substitute(t.expr(), values);
    } catch (IllegalArgumentException e) {
      failures.add(where + ": " + e.getMessage());
      return;
    }
    String shown = t.expr().equals(expr) ? t.expr() : t.expr() + " (run as: " + expr + ")";
    try {
      if (t.instant() && PrometheusProcess.results(prometheus.query(expr)).isEmpty()) {
        failures.add(where + ": instant query returns no series: " + shown);
      }
      if (t.range()
          && PrometheusProcess.results(prometheus.queryRange(expr, range, STEP)).isEmpty()) {
        failures.add(where + ": range query returns no series: " + shown);
      }
    } catch (IOException e) {
      failures.add(where + ": " + e.getMessage() + ": " + shown);
    }
  }

  /**
   * Runs one Infinity target against the run's graph endpoint, its URL's scheme, host and port
   * replaced by the endpoint's: a JSON array, not empty, each element with every column the query
   * reads, and the fields the Node Graph panel needs for the query's format (nodes: id; edges: id,
   * source, target). Adds what went wrong.
   */
  private static void checkInfinity(String where, Target t, List<String> failures) {
    URI dashboardUrl = URI.create(t.url());
    if (dashboardUrl.getPath() == null || dashboardUrl.getPath().isEmpty()) {
      failures.add(where + ": an Infinity query without a URL path: " + t.url());
      return;
    }
    List<String> needed = new ArrayList<>(t.columns());
    List<String> required =
        switch (t.format()) {
          case "node-graph-nodes" -> List.of("id");
          case "node-graph-edges" -> List.of("id", "source", "target");
          default -> List.of();
        };
    for (String field : required) {
      if (!needed.contains(field)) {
        failures.add(where + ": format " + t.format() + " needs the column " + field);
      }
    }
    String url = graphBase + dashboardUrl.getRawPath();
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode body = r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
      if (body == null || !body.isArray() || body.isEmpty()) {
        failures.add(
            where
                + ": "
                + url
                + " (for "
                + t.url()
                + ") answers "
                + r.statusCode()
                + ", not a non-empty JSON array: "
                + r.body());
        return;
      }
      for (JsonNode row : body) {
        for (String field : needed) {
          if (!row.has(field)) {
            failures.add(where + ": " + url + " has an element without " + field + ": " + row);
            return;
          }
        }
        for (String field : required) {
          if (!row.path(field).isTextual()) {
            failures.add(
                where + ": " + url + " has an element whose " + field + " is not a string: " + row);
            return;
          }
        }
      }
    } catch (IOException e) {
      failures.add(where + ": " + url + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failures.add(where + ": " + url + ": interrupted");
    }
  }

  /**
   * A Prometheus configuration for this test: the repository's scrape job (its name, which the
   * dashboards may filter on, and its metrics path) aimed at {@code target}, every second.
   */
  private static String config(String target) throws IOException {
    JsonNode repo =
        new YAMLMapper().readTree(Repo.root().resolve("prometheus/prometheus.yml").toFile());
    JsonNode job = repo.path("scrape_configs").path(0);
    assertEquals("ouroboros", job.path("job_name").asText(), "the repository's scrape job");
    String interval = SCRAPE.toSeconds() + "s";
    return String.format(
        """
        global:
          scrape_interval: %1$s
          scrape_timeout: %1$s
          evaluation_interval: %1$s
        scrape_configs:
          - job_name: %2$s
            metrics_path: %3$s
            static_configs:
              - targets: ["%4$s"]
        """,
        interval,
        job.path("job_name").asText(),
        job.path("metrics_path").asText("/metrics"),
        target);
  }

  /** The single value an instant query returns, or NaN when it returns none or fails. */
  private static double scalar(String expr) {
    try {
      List<JsonNode> r = PrometheusProcess.results(prometheus.query(expr));
      return r.size() == 1
          ? Double.parseDouble(r.get(0).path("value").path(1).asText("NaN"))
          : Double.NaN;
    } catch (IOException | NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** Runs promtool (skipping or failing when it is missing); it must exit 0. Its output. */
  private static String promtool(String... args) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(List.of(Servers.require("promtool", "prometheus").toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "promtool hangs: " + cmd);
    assertEquals(0, p.exitValue(), String.join(" ", cmd) + ":\n" + output);
    return output;
  }

  /** Prints Prometheus's log (to the test's output file under surefire). */
  private static void printLog(String why) {
    if (prometheus != null) {
      System.err.println("--- prometheus log (" + why + ") ---\n" + prometheus.log());
    }
  }
}
