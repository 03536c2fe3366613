package ouroboros.sim.serve;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request's line and headers, as {@link Wire} read them.
 *
 * @param method the method, such as {@code GET}
 * @param path the decoded path, such as {@code /graph/nodes}
 * @param query the raw query string, or null when there is none
 * @param headers the headers, by lower-case name, each with its values in order
 */
public record Request(String method, String path, String query, Map<String, List<String>> headers) {
  /** Checks and copies. */
  public Request {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    headers = Map.copyOf(headers);
  }

  /** The values of a header, in order; empty when it is absent. */
  public List<String> header(String name) {
    return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
  }
}
