package ouroboros.sim.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import ouroboros.sim.serve.Exchange;
import ouroboros.sim.serve.Handler;

/**
 * The live page's HTTP side, mounted on the run's one HTTP server next to {@code /metrics} (see
 * {@link #routes} and {@code ouroboros.sim.serve.HttpEndpoints}):
 *
 * <ul>
 *   <li>{@value #PATH}: the page, its script and style, and the vendored charting and graph
 *       libraries under {@code vendor/}, all from the jar, so the page needs no network;
 *   <li>{@value #EVENTS_PATH}: the ticks as Server-Sent Events ({@code text/event-stream}), one
 *       {@code tick} event per tick with its JSON, and an {@code end} event when the run is over; a
 *       comment every {@value #KEEP_ALIVE_MS} ms while nothing happens;
 *   <li>{@code /}: a redirect to the page.
 * </ul>
 *
 * <p>At most {@value #MAX_STREAMS} streams at once; more get 503. A stream holds one of the
 * server's connections and threads for as long as the page is open, so this cap, well below the
 * server's connection limit, keeps the metrics and the graph answered however many pages are
 * opened.
 */
public final class LivePage implements Handler {
  /** Where the page is. */
  public static final String PATH = "/live/";

  /** Where its events are. */
  public static final String EVENTS_PATH = "/live/events";

  /** Streams served at once. */
  public static final int MAX_STREAMS = 4;

  /** Milliseconds between keep-alive comments. */
  public static final long KEEP_ALIVE_MS = 10_000;

  /**
   * Milliseconds between checks, while nothing is sent, that the page is still open: a closed page
   * frees its stream within about this long, not at the next write that fails (10 to 20 s after).
   */
  public static final long HANG_UP_CHECK_MS = 250;

  private static final String RESOURCES = "/ouroboros/sim/live/";
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html",
          "js", "text/javascript",
          "css", "text/css",
          "txt", "text/plain");
  private static final List<String> FILES =
      List.of(
          "index.html",
          "live.js",
          "live.css",
          "vendor/uplot/uPlot.iife.min.js",
          "vendor/uplot/uPlot.min.css",
          "vendor/uplot/LICENSE",
          "vendor/cytoscape/cytoscape.min.js",
          "vendor/cytoscape/LICENSE",
          "vendor/VERSIONS");

  private final LiveHub hub;
  private final Semaphore streams = new Semaphore(MAX_STREAMS);

  /** Serves the events of {@code hub}. */
  public LivePage(LiveHub hub) {
    this.hub = Objects.requireNonNull(hub, "hub");
  }

  /** The routes of the page: {@code /}, {@code /live} (redirects) and {@value #PATH}. */
  public Map<String, Handler> routes() {
    return Map.of("/", this, "/live", this, PATH + "*", this);
  }

  @Override
  public void handle(Exchange x) throws IOException {
    String path = x.path();
    if (path.equals("/") || path.equals("/live")) {
      x.header("Location", PATH);
      x.send(302, null, new byte[0]);
    } else if (path.equals(EVENTS_PATH)) {
      events(x);
    } else if (path.startsWith(PATH)) {
      String name = path.substring(PATH.length());
      file(x, name.isEmpty() ? "index.html" : name);
    } else {
      text(x, 404, "not found: " + path + "; the live page is at " + PATH + "\n");
    }
  }

  /** Sends a file of the page, if it is one. */
  private static void file(Exchange x, String name) throws IOException {
    if (!FILES.contains(name)) {
      text(x, 404, "not found: " + PATH + name + "\n");
      return;
    }
    byte[] body;
    try (InputStream in = LivePage.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        text(x, 500, "missing from the jar: " + name + "\n");
        return;
      }
      body = in.readAllBytes();
    }
    String ext = name.contains("LICENSE") || name.endsWith("VERSIONS") ? "txt" : extension(name);
    x.header("Cache-Control", "no-cache");
    x.send(200, TYPES.get(ext) + "; charset=utf-8", body);
  }

  /**
   * Streams the events until the hub closes or the page goes away (the connection's end is seen
   * within {@value #HANG_UP_CHECK_MS} ms while nothing is sent, or a write fails). After the last
   * tick it sends {@code end} and keeps the stream open with comments, so that the page does not
   * reconnect and replay the run.
   */
  private void events(Exchange x) throws IOException {
    if (!streams.tryAcquire()) {
      text(x, 503, "too many live pages open at once (" + MAX_STREAMS + ")\n");
      return;
    }
    try {
      x.header("Cache-Control", "no-cache");
      OutputStream out = x.stream(200, "text/event-stream; charset=utf-8");
      if (x.head()) {
        return;
      }
      out.write("retry: 2000\n\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      hub.viewerConnected();
      long seen = 0;
      boolean ended = false;
      long lastWrite = System.nanoTime();
      while (true) {
        List<String> events = hub.after(seen, HANG_UP_CHECK_MS, !ended);
        if (events == null) {
          return;
        }
        StringBuilder b = new StringBuilder();
        for (String e : events) {
          b.append("event: tick\ndata: ").append(e).append("\n\n");
        }
        seen += events.size();
        if (events.isEmpty() && !ended && hub.finished()) {
          // Every tick is out: the hub is finished only after the last one was published.
          b.append("event: end\ndata: {\"ticks\":").append(seen).append("}\n\n");
          ended = true;
        } else if (events.isEmpty()) {
          if (x.hungUp()) {
            return; // the page was closed: its stream is free for another
          }
          if (System.nanoTime() - lastWrite < KEEP_ALIVE_MS * 1_000_000) {
            continue;
          }
          b.append(": waiting\n\n");
        }
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        lastWrite = System.nanoTime();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      streams.release();
    }
  }

  private static void text(Exchange x, int status, String body) throws IOException {
    x.text(status, body);
  }

  private static String extension(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
