package ouroboros.sim.serve;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** One address an {@link HttpEndpoints} server listens on, with the paths it answers there. */
public final class Site {
  private final HttpEndpoints server;
  private final ServerSocket socket;
  private final InetAddress address;
  private final Map<String, Handler> routes;

  /** A site of {@code server}, bound to {@code socket}. */
  Site(
      HttpEndpoints server, ServerSocket socket, InetAddress address, Map<String, Handler> routes) {
    this.server = Objects.requireNonNull(server, "server");
    this.socket = Objects.requireNonNull(socket, "socket");
    this.address = Objects.requireNonNull(address, "address");
    this.routes = Map.copyOf(routes);
  }

  /** The server. */
  public HttpEndpoints server() {
    return server;
  }

  /** The bound port. */
  public int port() {
    return socket.getLocalPort();
  }

  /** The URL of a path here, such as {@code http://127.0.0.1:9464/metrics}. */
  public String url(String path) {
    String host = address.getHostAddress();
    if (address instanceof Inet6Address) {
      host = "[" + host.replaceFirst("%.*$", "") + "]";
    }
    return "http://" + host + ":" + port() + path;
  }

  /** The listening socket. */
  ServerSocket socket() {
    return socket;
  }

  /** The handler of a path: an exact route, else the longest prefix route; null when none. */
  Handler route(String path) {
    Handler h = routes.get(path);
    if (h != null) {
      return h;
    }
    String best = null;
    for (String key : routes.keySet()) {
      if (key.endsWith("*")) {
        String prefix = key.substring(0, key.length() - 1);
        if (path.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
          best = prefix;
        }
      }
    }
    return best == null ? null : routes.get(best + "*");
  }

  /** The paths answered here, sorted, for a 404's hint. */
  String paths() {
    return String.join(", ", new TreeSet<>(routes.keySet()));
  }
}
