package ouroboros.sim.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.testing.Repo;

/**
 * The live page's endpoint, end to end through {@code ouroboros run --live}: the page and its
 * vendored libraries are served next to {@code /metrics}; the event stream carries one event per
 * tick whose numbers are those of the run's files; a run with {@code --live} writes the same files
 * as one without; {@code --live} alone paces the run.
 */
// Slow: bound by paced runs over HTTP, not by computation; plain `mvn verify` runs it.
@Tag("slow")
class LiveEndpointTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  @Timeout(180)
  void heldRun_streamsOneEventPerTick_matchingTheRunFiles() throws Exception {
    Path file = LiveRun.write(tmp, 12);
    try (LiveRun run =
        new LiveRun(
            file, tmp.resolve("run"), "--live", "--metrics-port", "0", "--pace", "50", "--hold")) {
      String url = run.liveUrl();
      run.waitFor("holding: ");
      String base = url.substring(0, url.length() - LivePage.PATH.length());

      HttpResponse<String> page = get(url);
      assertEquals(200, page.statusCode());
      assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
      for (String src :
          List.of(
              "vendor/uplot/uPlot.iife.min.js", "vendor/cytoscape/cytoscape.min.js", "live.js")) {
        assertTrue(page.body().contains("src=\"" + src + "\""), src);
        assertEquals(200, get(url + src).statusCode(), src);
      }
      assertTrue(get(url + "vendor/uplot/LICENSE").body().contains("MIT"));
      assertTrue(get(url + "vendor/cytoscape/LICENSE").body().contains("MIT"));
      assertEquals(404, get(url + "../metrics.csv").statusCode());
      assertEquals(404, get(url + "nothing.js").statusCode());
      assertEquals(302, get(base + "/").statusCode());
      assertEquals(200, get(base + "/metrics").statusCode(), "metrics are still served");

      List<JsonNode> ticks = events(url + "events");
      assertEquals(12, ticks.size());
      for (int t = 0; t < 12; t++) {
        assertEquals(t, ticks.get(t).path("tick").asInt());
        assertEquals(t == 11, ticks.get(t).has("graph"), "only the latest tick has the graph");
      }
      JsonNode last = ticks.get(11);
      assertEquals("models", last.path("view").asText());
      assertEquals(8, last.path("definitions").size());
      List<String> ids = new ArrayList<>();
      last.path("models").forEach(m -> ids.add(m.path("id").asText()));
      assertEquals(List.of("lab-a", "lab-b", "lab-careful"), ids);
      List<String> nodes = new ArrayList<>();
      last.path("graph").path("nodes").forEach(n -> nodes.add(n.path("id").asText()));
      assertTrue(nodes.containsAll(ids), nodes.toString());

      Map<String, double[]> csv = latest(tmp.resolve("run/metrics.csv"));
      for (JsonNode m : last.path("models")) {
        String id = m.path("id").asText();
        assertEquals(csv.get(id + " population-risk")[0], m.path("risk").asDouble(), 1e-12, id);
        assertEquals(8, m.path("verdicts").size(), id);
        for (int d = 0; d < 8; d++) {
          String v = m.path("verdicts").get(d).asText();
          double expected = csv.get(id + " d" + (d + 1) + "-verdict")[0];
          assertEquals(
              Double.isNaN(expected) ? "n/a" : expected == 1 ? "yes" : "no",
              v,
              id + " d" + (d + 1));
        }
      }
      JsonNode stage = last.path("pipeline").get(0);
      assertEquals("ai-detector", stage.path("stage").asText());
      assertEquals(
          sum(tmp.resolve("run/metrics.csv"), "pipeline-1-ai-detector-kept"),
          stage.path("kept").asLong());
      assertEquals(
          sum(tmp.resolve("run/metrics.csv"), "pipeline-1-ai-detector-dropped"),
          stage.path("dropped").asLong());
      assertTrue(stage.path("dropped").asLong() > 0, "the detector drops something");
      double share = last.path("web").path("syntheticShare").asDouble();
      assertEquals(csv.get("web synthetic-share")[0], share, 1e-12);
    }
  }

  @Test
  @Timeout(180)
  void liveRun_writesTheSameFilesAsARunWithout() throws Exception {
    Path file = LiveRun.write(tmp, 8);
    try (LiveRun plain = new LiveRun(file, tmp.resolve("plain"))) {
      assertEquals(0, plain.join(), plain.err.toString());
    }
    try (LiveRun live =
        new LiveRun(file, tmp.resolve("live"), "--live", "--metrics-port", "0", "--pace", "1000")) {
      assertEquals(0, live.join(), live.err.toString());
      assertTrue(live.out.toString().contains("live: http://127.0.0.1:"), live.out.toString());
    }
    for (String name : List.of("metrics.csv", "summary.json")) {
      assertArrayEquals(
          Files.readAllBytes(tmp.resolve("plain").resolve(name)),
          Files.readAllBytes(tmp.resolve("live").resolve(name)),
          name);
    }
  }

  @Test
  @Timeout(180)
  void waitForViewer_startsTickZeroOnlyOnceThePageStreams() throws Exception {
    Path file = LiveRun.write(tmp, 6);
    Path dir = tmp.resolve("run");
    try (LiveRun run =
        new LiveRun(file, dir, "--wait-for-viewer", "--metrics-port", "0", "--pace", "50")) {
      String url = run.liveUrl();
      run.waitFor("waiting for the live page");
      Thread.sleep(1_500);
      assertEquals(-1, run.code.get(), "still waiting: " + run.out + run.err);
      // QA, stop 32: /metrics had no ouroboros_* series while the run waited.
      String base = url.substring(0, url.length() - LivePage.PATH.length());
      String metrics = get(base + "/metrics").body();
      assertTrue(metrics.contains("ouroboros_engine_running"), metrics);
      assertTrue(metrics.contains("ouroboros_engine_tick"), metrics);
      assertTrue(
          !Files.exists(dir.resolve("metrics.csv"))
              || Files.readString(dir.resolve("metrics.csv")).lines().count() <= 1,
          "no tick ran before the page opened");
      List<JsonNode> ticks = events(url + "events");
      assertEquals(6, ticks.size(), "the page saw every tick from tick 0");
      assertEquals(0, ticks.get(0).path("tick").asInt());
      assertEquals(0, run.join(), run.err.toString());
    }
  }

  @Test
  @Timeout(180)
  void live_withoutPace_runsAtAPaceAPersonCanFollow() throws Exception {
    Path file = LiveRun.write(tmp, 4);
    long start = System.nanoTime();
    try (LiveRun run = new LiveRun(file, tmp.resolve("run"), "--live", "--metrics-port", "0")) {
      assertEquals(0, run.join(), run.err.toString());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    // Four ticks at 2 per second: three intervals of half a second at least.
    assertTrue(seconds >= 1.5, "4 ticks took only " + seconds + " s");
  }

  @Test
  @Tag("slow")
  @Timeout(300)
  void manyModels_populationView_withQuantiles() throws Exception {
    Path file = Repo.scenario("populations/labs.yaml");
    try (LiveRun run =
        new LiveRun(
            file,
            tmp.resolve("run"),
            "--live",
            "--metrics-port",
            "0",
            "--pace",
            "1000",
            "--hold",
            "--set",
            "ticks=13",
            "--set",
            "populations[labs].count=40",
            "--set",
            "populations[blogs].count=40")) {
      String url = run.liveUrl();
      run.waitFor("holding: ");
      List<JsonNode> ticks = events(url + "events");
      assertEquals(13, ticks.size());
      JsonNode last = ticks.get(12);
      assertEquals("populations", last.path("view").asText());
      assertFalse(last.has("models"), "no line per model");
      JsonNode labs = last.path("populations").get(0);
      assertEquals("labs", labs.path("id").asText());
      assertEquals(40, labs.path("models").asInt());
      JsonNode risk = labs.path("risk");
      double[] q = {
        risk.path("q05").asDouble(),
        risk.path("q25").asDouble(),
        risk.path("median").asDouble(),
        risk.path("q75").asDouble(),
        risk.path("q95").asDouble()
      };
      for (int k = 1; k < q.length; k++) {
        assertTrue(q[k - 1] <= q[k], "quantiles in order: " + risk);
      }
      assertTrue(q[0] < q[4], "a band, not a line: " + risk);
      assertEquals(8, labs.path("verdicts").size(), labs.path("verdicts").toString());
      for (Iterator<JsonNode> it = labs.path("verdicts").elements(); it.hasNext(); ) {
        JsonNode c = it.next();
        assertEquals(
            labs.path("reported").asInt(),
            c.get(0).asInt() + c.get(1).asInt() + c.get(2).asInt(),
            "each model that retrained has a verdict: " + c);
      }
      assertTrue(labs.path("reported").asInt() > 0);
    }
  }

  /** Reads the event stream until its {@code end} event; the tick events. */
  private static List<JsonNode> events(String url) throws Exception {
    HttpResponse<Stream<String>> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
            HttpResponse.BodyHandlers.ofLines());
    List<JsonNode> out = new ArrayList<>();
    assertEquals(200, r.statusCode());
    assertEquals(
        "text/event-stream; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
    try (Stream<String> lines = r.body()) {
      String event = "";
      for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
        String line = it.next();
        if (line.startsWith("event: ")) {
          event = line.substring(7);
        } else if (line.startsWith("data: ") && event.equals("tick")) {
          out.add(JSON.readTree(line.substring(6)));
        } else if (line.startsWith("data: ") && event.equals("end")) {
          break;
        }
      }
    }
    return out;
  }

  /** The latest value of each "agent metric" in a metrics.csv, as a one-element array. */
  private static Map<String, double[]> latest(Path csv) throws Exception {
    Map<String, double[]> out = new HashMap<>();
    for (String line : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
      String[] f = line.split(",");
      out.put(f[1] + " " + f[3], new double[] {value(f[4])});
    }
    return out;
  }

  /** The sum of a metric over a metrics.csv. */
  private static long sum(Path csv, String metric) throws Exception {
    long s = 0;
    for (String line : Files.readAllLines(csv)) {
      String[] f = line.split(",");
      if (f[3].equals(metric)) {
        s += Math.round(value(f[4]));
      }
    }
    return s;
  }

  private static double value(String s) {
    return s.equals("NA") || s.isEmpty() ? Double.NaN : Double.parseDouble(s);
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
