package ouroboros.sim.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Serves the current interaction graph as JSON while a run goes on, for Grafana's Infinity data
 * source and its Node Graph panel, with the JDK's HTTP server:
 *
 * <ul>
 *   <li>{@value #GRAPH_PATH}: the whole document of {@link GraphJson} (window, nodes, edges,
 *       classes) for the window that ends at the latest tick;
 *   <li>{@value #NODES_PATH} and {@value #EDGES_PATH}: the nodes and the edges alone, as JSON
 *       arrays: Infinity's Node Graph formats take one query for nodes and one for edges.
 * </ul>
 *
 * <p>Before the first tick the lists are empty. The server only reads the immutable analysis the
 * listener hands over, on one daemon thread of its own, so it cannot change what a run computes.
 * Bind it to 127.0.0.1 unless the user asks for another address (ARCHITECTURE.md, invariant 6).
 */
public final class GraphServer implements AutoCloseable {
  /** The default port, next to the metrics endpoint's 9464. */
  public static final int DEFAULT_PORT = 9465;

  /** The default address. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** The whole graph. */
  public static final String GRAPH_PATH = "/graph";

  /** The nodes alone. */
  public static final String NODES_PATH = "/graph/nodes";

  /** The edges alone. */
  public static final String EDGES_PATH = "/graph/edges";

  private final HttpServer server;
  private final ExecutorService executor;
  private final InetAddress address;
  private final Supplier<GraphAnalysis> source;
  private final ObjectMapper json = JsonMapper.builder().build();

  private GraphServer(
      HttpServer server,
      ExecutorService executor,
      InetAddress address,
      Supplier<GraphAnalysis> source) {
    this.server = server;
    this.executor = executor;
    this.address = address;
    this.source = source;
  }

  /**
   * Starts serving.
   *
   * @param address the address to bind to
   * @param port the port, or 0 for a free one
   * @param source the current analysis, or null before the first tick; called on the server's
   *     thread, so it must be safe to call from there
   * @throws IOException when the address cannot be bound, such as a port in use
   */
  public static GraphServer start(InetAddress address, int port, Supplier<GraphAnalysis> source)
      throws IOException {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(source, "source");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port is not in [0, 65535]: " + port);
    }
    HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "ouroboros-graph-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    GraphServer g = new GraphServer(server, executor, address, source);
    server.createContext("/", g::handle);
    server.start();
    return g;
  }

  /** Answers one request. */
  private void handle(HttpExchange x) throws IOException {
    try (x) {
      String method = x.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        x.getResponseHeaders().set("Allow", "GET, HEAD");
        send(x, 405, "text/plain", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String path = x.getRequestURI().getPath();
      Object body =
          switch (path) {
            case GRAPH_PATH, GRAPH_PATH + "/" -> document();
            case NODES_PATH -> document().get("nodes");
            case EDGES_PATH -> document().get("edges");
            default -> null;
          };
      if (body == null) {
        send(
            x,
            404,
            "text/plain",
            ("not found: "
                    + path
                    + "; try "
                    + GRAPH_PATH
                    + ", "
                    + NODES_PATH
                    + " or "
                    + EDGES_PATH
                    + "\n")
                .getBytes(StandardCharsets.UTF_8));
        return;
      }
      send(x, 200, "application/json", json.writeValueAsBytes(body));
    }
  }

  /** The current document. */
  private Map<String, Object> document() {
    GraphAnalysis a = source.get();
    return a == null ? GraphJson.empty() : GraphJson.toMap(a);
  }

  /** Sends a response; HEAD gets the headers only. */
  private static void send(HttpExchange x, int status, String type, byte[] body)
      throws IOException {
    x.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    boolean head = x.getRequestMethod().equals("HEAD");
    x.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = x.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The URL of a path on this server, such as {@code http://127.0.0.1:9465/graph}. */
  public String url(String path) {
    String host = address.getHostAddress();
    if (address instanceof Inet6Address) {
      host = "[" + host.replaceFirst("%.*$", "") + "]";
    }
    return "http://" + host + ":" + port() + path;
  }

  /** Stops serving. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
