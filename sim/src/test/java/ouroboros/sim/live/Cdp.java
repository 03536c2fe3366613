package ouroboros.sim.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium (Debian's {@code /usr/bin/chromium}) driven over the DevTools protocol, for a
 * page that keeps changing: unlike {@code --dump-dom} or {@code --screenshot}, which look once, a
 * test can evaluate scripts in the page while it runs. Every console message, uncaught exception
 * and browser log entry of level warning or error is kept in {@link #console}.
 */
final class Cdp implements AutoCloseable {
  /** Where Debian installs it. */
  static final Path BINARY = Path.of("/usr/bin/chromium");

  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
  private final ObjectMapper json = new ObjectMapper();
  private final Process chrome;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final StringBuilder partial = new StringBuilder();
  private String session;

  /** The page's console messages, exceptions, and warnings and errors of the browser's log. */
  final List<String> console = new CopyOnWriteArrayList<>();

  private Cdp(Process chrome, String ws) throws Exception {
    this.chrome = chrome;
    this.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(URI.create(ws), new Listener())
            .get(30, TimeUnit.SECONDS);
  }

  /** Starts chromium with a fresh profile in {@code work} and a window of the given size. */
  static Cdp launch(Path work, int width, int height) throws Exception {
    Files.createDirectories(work);
    Path err = work.resolve("chromium.err");
    Process p =
        new ProcessBuilder(
                BINARY.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                "--remote-debugging-port=0",
                "--user-data-dir=" + work.resolve("profile").toAbsolutePath(),
                "--window-size=" + width + "," + height,
                "about:blank")
            .redirectOutput(work.resolve("chromium.out").toFile())
            .redirectError(err.toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      Matcher m = LISTENING.matcher(Files.exists(err) ? Files.readString(err) : "");
      if (m.find()) {
        return new Cdp(p, m.group(1));
      }
      if (!p.isAlive()) {
        throw new AssertionError("chromium exited: " + Files.readString(err));
      }
      Thread.sleep(50);
    }
    p.destroyForcibly();
    throw new AssertionError("chromium did not start its DevTools server in 60 s");
  }

  /** Opens {@code url} in a new page of {@code width} x {@code height} CSS pixels. */
  void open(String url, int width, int height) throws Exception {
    String target =
        call("Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
    session =
        call("Target.attachToTarget", Map.of("targetId", target, "flatten", true))
            .path("sessionId")
            .asText();
    call("Runtime.enable", Map.of());
    call("Log.enable", Map.of());
    call("Page.enable", Map.of());
    call(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    call("Page.navigate", Map.of("url", url));
  }

  /** The value of a script evaluated in the page (JSON-serialisable), or null. */
  JsonNode eval(String expression) throws Exception {
    JsonNode r =
        call(
            "Runtime.evaluate",
            Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
    if (r.has("exceptionDetails")) {
      throw new AssertionError("evaluating " + expression + ": " + r.path("exceptionDetails"));
    }
    return r.path("result").path("value");
  }

  /** A PNG of the page's viewport. */
  byte[] screenshot() throws Exception {
    String data = call("Page.captureScreenshot", Map.of("format", "png")).path("data").asText();
    return Base64.getDecoder().decode(data);
  }

  /** Sends a command (to the page once one is open) and waits for its result. */
  private JsonNode call(String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode msg = json.createObjectNode();
    msg.put("id", id);
    msg.put("method", method);
    msg.set("params", json.valueToTree(params));
    if (session != null) {
      msg.put("sessionId", session);
    }
    CompletableFuture<JsonNode> f = new CompletableFuture<>();
    pending.put(id, f);
    socket.sendText(json.writeValueAsString(msg), true).get(30, TimeUnit.SECONDS);
    JsonNode reply = f.get(60, TimeUnit.SECONDS);
    if (reply.has("error")) {
      throw new AssertionError(method + ": " + reply.path("error"));
    }
    return reply.path("result");
  }

  /** Takes one message from the browser. */
  private void receive(String text) throws Exception {
    JsonNode m = json.readTree(text);
    if (m.has("id")) {
      CompletableFuture<JsonNode> f = pending.remove(m.path("id").asInt());
      if (f != null) {
        f.complete(m);
      }
      return;
    }
    JsonNode p = m.path("params");
    switch (m.path("method").asText()) {
      case "Runtime.consoleAPICalled" -> {
        StringBuilder b = new StringBuilder("console." + p.path("type").asText() + ":");
        p.path("args")
            .forEach(
                a ->
                    b.append(' ').append(a.has("value") ? a.path("value") : a.path("description")));
        console.add(b.toString());
      }
      case "Runtime.exceptionThrown" ->
          console.add(
              "exception: "
                  + p.path("exceptionDetails")
                      .path("exception")
                      .path("description")
                      .asText(p.path("exceptionDetails").path("text").asText()));
      case "Log.entryAdded" -> {
        String level = p.path("entry").path("level").asText();
        if (level.equals("error") || level.equals("warning")) {
          console.add(
              "log."
                  + level
                  + ": "
                  + p.path("entry").path("text").asText()
                  + " "
                  + p.path("entry").path("url").asText());
        }
      }
      default -> {}
    }
  }

  /**
   * Closes the browser and waits for it and every process it started to end, so that its profile
   * directory can be deleted.
   */
  @Override
  public void close() throws Exception {
    List<ProcessHandle> family = new java.util.ArrayList<>(chrome.descendants().toList());
    session = null;
    try {
      call("Browser.close", Map.of());
    } catch (Exception | AssertionError e) {
      // The browser may close the socket before it answers; it goes away below in any case.
    }
    if (!chrome.waitFor(20, TimeUnit.SECONDS)) {
      chrome.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    for (ProcessHandle p : family) {
      try {
        p.onExit().get(10, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        p.destroyForcibly();
        p.onExit().get(10, TimeUnit.SECONDS);
      }
    }
  }

  /** Collects a message's parts and hands whole ones on. */
  private final class Listener implements WebSocket.Listener {
    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          receive(text);
        } catch (Exception e) {
          console.add("unreadable DevTools message: " + e);
        }
      }
      ws.request(1);
      return null;
    }
  }
}
