package ouroboros.sim.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live page in headless Chromium, while a paced run goes on: it loads without a console
 * message, its charts gain points as ticks arrive, every chart draws (its canvas is not blank), the
 * graph shows the scenario's models, and when the run ends the charts hold every tick. A page that
 * logs an error shows that the console check can fail. The screenshot is kept in {@code
 * target/live-screenshots/}.
 *
 * <p>Needs {@code /usr/bin/chromium} ({@code apt-get install -y --no-install-recommends chromium}).
 * Without it the tests are skipped, unless {@code OUROBOROS_REQUIRE_SERVERS=1} (as in CI), where
 * they fail.
 */
@Tag("slow")
class LiveBrowserTest {
  private static final Path SHOTS = Path.of("target", "live-screenshots");
  private static final int TICKS = 120;
  private static final String CHARTS = "['risk', 'share', 'pipeline']";

  @TempDir Path tmp;

  @BeforeAll
  static void needChromium() {
    boolean present = Files.isExecutable(Cdp.BINARY);
    if (!present && "1".equals(System.getenv("OUROBOROS_REQUIRE_SERVERS"))) {
      fail(
          Cdp.BINARY
              + " is missing and OUROBOROS_REQUIRE_SERVERS=1: install it with"
              + " apt-get install -y --no-install-recommends chromium");
    }
    assumeTrue(present, Cdp.BINARY + " is missing, so the browser tests are skipped");
  }

  @Test
  @Timeout(300)
  void livePage_duringAPacedRun_chartsGainPointsAndGraphShowsTheModels() throws Exception {
    Path file = LiveRun.write(tmp, TICKS);
    // The browser first, as it is the slow one to start; the run waits for the page to open its
    // stream (--wait-for-viewer), so that a slow browser on a loaded machine still finds the run
    // going on when it looks.
    try (Cdp chrome = Cdp.launch(tmp.resolve("chromium"), 1400, 1500);
        LiveRun run =
            new LiveRun(
                file,
                tmp.resolve("run"),
                "--wait-for-viewer",
                "--metrics-port",
                "0",
                "--pace",
                "6",
                "--hold")) {
      chrome.open(run.liveUrl(), 1400, 1500);
      JsonNode first = waitFor(chrome, s -> s.path("tick").asInt() >= 2, 90);
      Thread.sleep(2_000);
      JsonNode second = state(chrome);
      assertTrue(
          second.path("tick").asInt() < TICKS - 1,
          "the run was still going when sampled: " + second);
      for (String chart : List.of("risk", "share", "pipeline")) {
        int a = first.path("points").path(chart).asInt();
        int b = second.path("points").path(chart).asInt();
        assertTrue(
            a > 0 && b > a, chart + " gains points while the run goes on: " + a + " -> " + b);
      }
      assertTrue(
          second.path("tick").asInt() > first.path("tick").asInt(), "ticks arrive: " + second);

      JsonNode end = waitFor(chrome, s -> s.path("ended").asBoolean(), 120);
      for (String chart : List.of("risk", "share", "pipeline")) {
        assertEquals(TICKS, end.path("points").path(chart).asInt(), chart + " holds every tick");
      }
      List<String> nodes = new ArrayList<>();
      end.path("nodes").forEach(n -> nodes.add(n.asText()));
      assertTrue(
          nodes.containsAll(List.of("lab-a", "lab-b", "lab-careful", "people")), nodes.toString());
      assertEquals(3 * 8, end.path("verdictCells").asInt(), "a verdict per model and definition");
      Files.createDirectories(SHOTS);
      Files.write(SHOTS.resolve("live.png"), chrome.screenshot());
      assertEquals(List.of(), chrome.console, "console messages");
      JsonNode inked = inked(chrome);
      for (String chart : List.of("risk", "share", "pipeline")) {
        assertTrue(inked.path(chart).asDouble() > 0.01, chart + " is drawn, not blank: " + inked);
      }
    }
  }

  @Test
  @Timeout(120)
  void consoleCheck_pageWithAnError_fails() throws Exception {
    Path page = tmp.resolve("broken.html");
    Files.writeString(
        page,
        "<!DOCTYPE html><html><head><link rel=\"icon\" href=\"data:,\"></head><body>"
            + "<script>console.error('boom'); null.x;</script></body></html>");
    try (Cdp chrome = Cdp.launch(tmp.resolve("chromium"), 800, 600)) {
      chrome.open(page.toUri().toString(), 800, 600);
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (chrome.console.size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(
          chrome.console.stream()
              .anyMatch(l -> l.startsWith("console.error:") && l.contains("boom")),
          chrome.console.toString());
      assertTrue(
          chrome.console.stream().anyMatch(l -> l.startsWith("exception:")),
          chrome.console.toString());
    }
  }

  /** The page's state: its last tick, points per chart, nodes, verdict cells, whether it ended. */
  private static JsonNode state(Cdp chrome) throws Exception {
    return chrome.eval(
        "(() => { const l = window.live; if (!l) return {tick: -1};"
            + " return {tick: l.lastTick, ended: l.ended, points: l.points(), nodes: l.nodes(),"
            + " verdictCells: document.querySelectorAll('#verdicts td:not(.id)').length}; })()");
  }

  /**
   * The share of each chart's canvas that is drawn on (not transparent). Reading pixels back makes
   * Chromium log a performance warning, so this comes after the console check.
   */
  private static JsonNode inked(Cdp chrome) throws Exception {
    return chrome.eval(
        "(() => { const inked = {}; for (const c of "
            + CHARTS
            + ") { const u = window.live.charts[c]; const cv = u.ctx.canvas;"
            + " const d = u.ctx.getImageData(0, 0, cv.width, cv.height).data;"
            + " let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;"
            + " inked[c] = n / (cv.width * cv.height); } return inked; })()");
  }

  /** Polls the page's state until {@code done} holds, for at most {@code seconds}. */
  private static JsonNode waitFor(Cdp chrome, Predicate<JsonNode> done, int seconds)
      throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    JsonNode s = state(chrome);
    while (!done.test(s)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "the page did not get there in "
                + seconds
                + " s: "
                + s
                + "; console: "
                + chrome.console);
      }
      Thread.sleep(100);
      s = state(chrome);
    }
    return s;
  }
}
