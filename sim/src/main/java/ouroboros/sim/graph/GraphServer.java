package ouroboros.sim.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import ouroboros.sim.serve.Exchange;
import ouroboros.sim.serve.Handler;
import ouroboros.sim.serve.HttpEndpoints;
import ouroboros.sim.serve.ServeLimits;
import ouroboros.sim.serve.Site;

/**
 * Serves the current interaction graph as JSON while a run goes on, for Grafana's Infinity data
 * source and its Node Graph panel, on the run's one HTTP server ({@link HttpEndpoints}):
 *
 * <ul>
 *   <li>{@value #GRAPH_PATH}: the whole document of {@link GraphJson} (window, nodes, edges,
 *       classes) for the window that ends at the latest tick;
 *   <li>{@value #NODES_PATH} and {@value #EDGES_PATH}: the nodes and the edges alone, as JSON
 *       arrays: Infinity's Node Graph formats take one query for nodes and one for edges.
 * </ul>
 *
 * <p>Before the first tick the lists are empty. The server only reads the immutable analysis the
 * listener hands over, on its own threads, so it cannot change what a run computes. {@link #routes}
 * mounts the graph on a server the caller owns; {@link #start} makes one of its own. Bind it to
 * 127.0.0.1 unless the user asks for another address (ARCHITECTURE.md, invariant 6).
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

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final HttpEndpoints server;
  private final Site site;

  private GraphServer(HttpEndpoints server, Site site) {
    this.server = server;
    this.site = site;
  }

  /**
   * The routes that serve the graph: {@value #GRAPH_PATH} (and {@code /graph/}), {@value
   * #NODES_PATH} and {@value #EDGES_PATH}.
   *
   * @param source the current analysis, or null before the first tick; called on the server's
   *     threads, so it must be safe to call from there
   */
  public static Map<String, Handler> routes(Supplier<GraphAnalysis> source) {
    Objects.requireNonNull(source, "source");
    return Map.of(
        GRAPH_PATH,
        x -> send(x, document(source)),
        GRAPH_PATH + "/",
        x -> send(x, document(source)),
        NODES_PATH,
        x -> send(x, document(source).get("nodes")),
        EDGES_PATH,
        x -> send(x, document(source).get("edges")));
  }

  /**
   * Starts serving on a server of its own, with the default limits.
   *
   * @param address the address to bind to
   * @param port the port, or 0 for a free one
   * @param source as in {@link #routes}
   * @throws IOException when the address cannot be bound, such as a port in use
   */
  public static GraphServer start(InetAddress address, int port, Supplier<GraphAnalysis> source)
      throws IOException {
    Objects.requireNonNull(address, "address");
    Map<String, Handler> routes = routes(source);
    HttpEndpoints server = new HttpEndpoints(ServeLimits.DEFAULTS);
    try {
      return new GraphServer(server, server.listen(address, port, routes));
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** The current document. */
  private static Map<String, Object> document(Supplier<GraphAnalysis> source) {
    GraphAnalysis a = source.get();
    return a == null ? GraphJson.empty() : GraphJson.toMap(a);
  }

  /** Sends a JSON body. */
  private static void send(Exchange x, Object body) throws IOException {
    x.send(200, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
  }

  /** The bound port. */
  public int port() {
    return site.port();
  }

  /** The URL of a path on this server, such as {@code http://127.0.0.1:9465/graph}. */
  public String url(String path) {
    return site.url(path);
  }

  /** Stops serving. */
  @Override
  public void close() {
    server.close();
  }
}
