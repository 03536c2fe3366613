package ouroboros.sim.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.cli.Main;

/**
 * {@code resume} takes {@code run}'s endpoint options: a resumed run serves its metrics and graph,
 * and the ticks-completed counter goes on from the checkpoint's count (docs/checkpoints.md), while
 * a bad endpoint option is refused as {@code run} refuses it.
 */
class ResumeEndpointsTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path tmp;

  /**
   * Runs 8 ticks with a checkpoint after tick 4, then marks the run stopped, as a kill leaves it.
   */
  private Path stoppedRun() throws Exception {
    Path scenario = tmp.resolve("s.yaml");
    Files.writeString(
        scenario,
        """
        name: served
        seed: 1
        ticks: 8
        domain: {type: gaussian}
        humans: [{id: people, publish-rate: 20}]
        models: [{id: m, regime: replace, scrape: 20, publish-rate: 20}]
        """);
    Path out = tmp.resolve("run");
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {
              "run",
              scenario.toString(),
              "--out",
              out.toString(),
              "--checkpoint-every",
              "5",
              "--keep-checkpoint",
              "--quiet",
              "--no-report",
              "--threads",
              "1"
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(0, code, err::toString);
    Path summary = out.resolve("summary.json");
    Files.writeString(
        summary, Files.readString(summary).replace("\"complete\" : true", "\"complete\" : false"));
    return out;
  }

  @Test
  @Timeout(180)
  void resume_serveMetricsAndGraph_ticksCounterGoesOnFromCheckpoint() throws Exception {
    Path run = stoppedRun();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AtomicInteger code = new AtomicInteger(-1);
    Thread runner =
        new Thread(
            () ->
                code.set(
                    Main.run(
                        new String[] {
                          "resume",
                          run.toString(),
                          "--quiet",
                          "--no-report",
                          "--metrics-port",
                          "0",
                          "--graph-port",
                          "0",
                          "--hold"
                        },
                        new PrintWriter(out, true),
                        new PrintWriter(err, true))),
            "held-resume");
    runner.start();
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (!out.toString().contains("holding: ")) {
        assertTrue(runner.isAlive(), "ended without holding: " + out + err);
        assertTrue(System.nanoTime() < deadline, "no hold after 120 s: " + out + err);
        Thread.sleep(50);
      }
      Matcher m =
          Pattern.compile("metrics: (http://127\\.0\\.0\\.1:\\d+/metrics)").matcher(out.toString());
      assertTrue(m.find(), out.toString());
      String metrics = get(m.group(1));
      assertEquals(8.0, value(metrics, "ouroboros_engine_ticks_total"), metrics);
      assertEquals(7.0, value(metrics, "ouroboros_engine_tick"), metrics);
      Matcher g =
          Pattern.compile("graph: (http://127\\.0\\.0\\.1:\\d+/graph)").matcher(out.toString());
      assertTrue(g.find(), out.toString());
      assertTrue(get(g.group(1) + "/nodes").contains("\"m\""), "the graph is served");
    } finally {
      runner.interrupt();
      runner.join(30_000);
    }
    assertFalse(runner.isAlive());
    assertEquals(0, code.get(), err.toString());
    assertTrue(Files.readString(run.resolve("summary.json")).contains("\"complete\" : true"));
  }

  @Test
  void resume_badMetricsPort_refusedBeforeTickZero() throws Exception {
    Path run = stoppedRun();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"resume", run.toString(), "--quiet", "--metrics-port", "70000"},
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(2, code, err.toString());
    assertEquals(
        "error: --metrics-port: found 70000, expected a port from 0 to 65535\n", err.toString());
    assertTrue(Files.exists(run.resolve(RunCheckpoints.FILE)), "the checkpoint is untouched");
  }

  private static String get(String url) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), url);
    return r.body();
  }

  /** The value of the sample named {@code name} (with or without labels) in Prometheus text. */
  private static double value(String text, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? (\\S+)$").matcher(text);
    assertTrue(m.find(), name + " is not served");
    return Double.parseDouble(m.group(2));
  }
}
