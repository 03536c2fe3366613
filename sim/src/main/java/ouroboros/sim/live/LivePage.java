package ouroboros.sim.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;

/**
 * The live page's HTTP side, mounted on the metrics server next to {@code /metrics} (see {@code
 * ouroboros.sim.metrics.MetricsServer}):
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
 * <p>At most {@value #MAX_STREAMS} streams at once (each holds one of the server's threads); more
 * get 503.
 */
public final class LivePage implements HttpHandler {
  /** Where the page is. */
  public static final String PATH = "/live/";

  /** Where its events are. */
  public static final String EVENTS_PATH = "/live/events";

  /** Streams served at once. */
  static final int MAX_STREAMS = 4;

  /** Milliseconds between keep-alive comments. */
  static final long KEEP_ALIVE_MS = 10_000;

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

  @Override
  public void handle(HttpExchange x) throws IOException {
    try (x) {
      String method = x.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        x.getResponseHeaders().set("Allow", "GET, HEAD");
        text(x, 405, "method not allowed\n");
        return;
      }
      String path = x.getRequestURI().getPath();
      if (path.equals("/") || path.equals("/live")) {
        x.getResponseHeaders().set("Location", PATH);
        x.sendResponseHeaders(302, -1);
      } else if (path.equals(EVENTS_PATH)) {
        events(x);
      } else if (path.startsWith(PATH)) {
        String name = path.substring(PATH.length());
        file(x, name.isEmpty() ? "index.html" : name);
      } else {
        text(x, 404, "not found: " + path + "; the live page is at " + PATH + "\n");
      }
    }
  }

  /** Sends a file of the page, if it is one. */
  private static void file(HttpExchange x, String name) throws IOException {
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
    x.getResponseHeaders().set("Content-Type", TYPES.get(ext) + "; charset=utf-8");
    x.getResponseHeaders().set("Cache-Control", "no-cache");
    boolean head = x.getRequestMethod().equals("HEAD");
    x.sendResponseHeaders(200, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = x.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /**
   * Streams the events until the hub closes or the page goes away (a write then fails). After the
   * last tick it sends {@code end} and keeps the stream open with comments, so that the page does
   * not reconnect and replay the run.
   */
  private void events(HttpExchange x) throws IOException {
    if (!streams.tryAcquire()) {
      text(x, 503, "too many live pages open at once (" + MAX_STREAMS + ")\n");
      return;
    }
    try {
      x.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      x.getResponseHeaders().set("Cache-Control", "no-cache");
      if (x.getRequestMethod().equals("HEAD")) {
        x.sendResponseHeaders(200, -1);
        return;
      }
      x.sendResponseHeaders(200, 0);
      OutputStream out = x.getResponseBody();
      out.write("retry: 2000\n\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      long seen = 0;
      boolean ended = false;
      while (true) {
        List<String> events = hub.after(seen, KEEP_ALIVE_MS, !ended);
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
          b.append(": waiting\n\n");
        }
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      streams.release();
    }
  }

  private static void text(HttpExchange x, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    boolean head = x.getRequestMethod().equals("HEAD");
    x.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = x.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static String extension(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
