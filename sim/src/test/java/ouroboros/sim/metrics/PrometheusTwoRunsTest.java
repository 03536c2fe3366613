package ouroboros.sim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.cli.Main;
import ouroboros.sim.metrics.DashboardQueries.Dashboard;
import ouroboros.sim.metrics.DashboardQueries.Target;
import ouroboros.sim.testing.Repo;
import ouroboros.sim.testing.Servers;

/**
 * Two runs of one scenario scraped by one Prometheus (issue 12) stay apart: their series carry
 * distinct {@code run} labels, each run's selector finds only its own series, and the models
 * dashboard's queries with {@code $run} set to one run return series of that run only. Needs
 * Debian's {@code prometheus} package: without it the test skips, unless {@value Servers#REQUIRE}=1
 * makes it fail.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
@Tag("slow")
class PrometheusTwoRunsTest {
  private static final int TICKS = 10;
  private static final Duration WAIT = Duration.ofSeconds(120);

  @TempDir Path tmp;

  @Test
  void twoRunsInOnePrometheus_haveDistinctRunLabels_andDashboardQueriesKeepThemApart()
      throws Exception {
    Servers.skipOrFail(Servers.missing("prometheus", "prometheus"));
    Path binary = Servers.require("prometheus", "prometheus");
    Path scenario = tmp.resolve("two.yaml");
    Files.writeString(scenario, Reports.scenario(TICKS));
    int[] ports = {PrometheusProcess.freeLoopbackPort(), PrometheusProcess.freeLoopbackPort()};
    assertNotEquals(ports[0], ports[1]);
    Path config = tmp.resolve("prometheus.yml");
    Files.writeString(
        config,
        """
        global: {scrape_interval: 1s, scrape_timeout: 1s, evaluation_interval: 1s}
        scrape_configs:
          - job_name: ouroboros
            static_configs:
              - targets: ["127.0.0.1:%d", "127.0.0.1:%d"]
        """
            .formatted(ports[0], ports[1]));
    List<Thread> runs = new ArrayList<>();
    List<StringWriter> errs = new ArrayList<>();
    AtomicInteger failures = new AtomicInteger();
    try (PrometheusProcess prometheus = PrometheusProcess.start(binary, config, tmp, WAIT)) {
      for (int i = 0; i < 2; i++) {
        StringWriter err = new StringWriter();
        errs.add(err);
        String[] args = {
          "run",
          scenario.toString(),
          "--quiet",
          "--out",
          tmp.resolve("run" + i).toString(),
          "--metrics-port",
          Integer.toString(ports[i]),
          "--hold"
        };
        Thread t =
            new Thread(
                () -> {
                  if (Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err))
                      != 0) {
                    failures.incrementAndGet();
                  }
                },
                "run-" + i);
        runs.add(t);
        t.start();
      }
      prometheus.await(
          "both runs ended and were scraped",
          WAIT,
          () -> {
            if (failures.get() > 0) {
              throw new AssertionError("a run failed: " + errs);
            }
            return values(prometheus, "ouroboros_engine_running == 0").size() == 2;
          });
      Set<String> runIds = new TreeSet<>();
      for (JsonNode s : values(prometheus, "ouroboros_engine_tick")) {
        runIds.add(s.path("metric").path("run").asText());
        assertEquals("metrics-test", s.path("metric").path("scenario").asText());
        assertEquals(TICKS - 1, s.path("value").path(1).asDouble(), "last tick");
      }
      assertEquals(2, runIds.size(), "two runs, two run labels: " + runIds);
      for (String run : runIds) {
        assertTrue(run.startsWith("metrics-test-"), run);
        String sel = "{run=\"" + run + "\"}";
        assertEquals(1, values(prometheus, "ouroboros_engine_tick" + sel).size(), run);
        assertEquals(3, values(prometheus, "ouroboros_model_risk" + sel).size(), "3 models");
      }
      assertEquals(6, values(prometheus, "ouroboros_model_risk").size(), "3 models per run");

      // The models dashboard, with $run set to each run in turn, reads that run only.
      Dashboard models =
          DashboardQueries.load(Repo.root().resolve("grafana/dashboards")).stream()
              .filter(d -> d.file().equals("models.json"))
              .findFirst()
              .orElseThrow();
      for (String run : runIds) {
        Map<String, String> vars =
            new java.util.HashMap<>(
                GrafanaTemplating.globals(
                    Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(2)));
        vars.put("run", run);
        vars.put("model", "lab-replace");
        vars.put("DS_PROMETHEUS", PrometheusIntegrationTest.PROMETHEUS_UID);
        int checked = 0;
        for (Target t : models.targets()) {
          List<JsonNode> r = values(prometheus, GrafanaTemplating.substitute(t.expr(), vars));
          assertTrue(!r.isEmpty(), t.panel() + " finds nothing for " + run);
          for (JsonNode s : r) {
            if (s.path("metric").has("run")) {
              assertEquals(run, s.path("metric").path("run").asText(), t.panel());
            }
          }
          checked++;
        }
        assertTrue(checked > 5, "queries checked: " + checked);
      }
    } finally {
      for (Thread t : runs) {
        t.interrupt();
        t.join(30_000);
      }
    }
    assertEquals(0, failures.get(), "exit codes; stderr: " + errs);
  }

  /** The series of an instant query; none when it fails. */
  private static List<JsonNode> values(PrometheusProcess prometheus, String expr) {
    try {
      return PrometheusProcess.results(prometheus.query(expr));
    } catch (java.io.IOException e) {
      return List.of();
    }
  }
}
