package ouroboros.sim.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * HTTP/1.x on the wire (RFC 9112), the small part {@link HttpEndpoints} needs: it reads a request's
 * line and headers, and writes a response's status line and headers. Request bodies are never read:
 * every connection closes after its response.
 */
final class Wire {
  /** A request that cannot be answered, with the status that says why. */
  static final class Refused extends IOException {
    private final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }

    /** The status to answer with. */
    int status() {
      return status;
    }
  }

  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final int MAX_HEADERS = 100;
  private static final Map<Integer, String> REASONS =
      Map.ofEntries(
          Map.entry(200, "OK"),
          Map.entry(302, "Found"),
          Map.entry(400, "Bad Request"),
          Map.entry(404, "Not Found"),
          Map.entry(405, "Method Not Allowed"),
          Map.entry(408, "Request Timeout"),
          Map.entry(431, "Request Header Fields Too Large"),
          Map.entry(500, "Internal Server Error"),
          Map.entry(503, "Service Unavailable"),
          Map.entry(505, "HTTP Version Not Supported"));

  private Wire() {}

  /**
   * Reads a request's line and headers, at most {@code maxBytes} of them; the caller bounds the
   * time (a socket timeout).
   *
   * @throws Refused when the request is malformed or too large
   * @throws IOException when the connection fails or ends first (an {@link java.io.EOFException})
   */
  static Request read(InputStream in, int maxBytes) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    int total = 0;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new java.io.EOFException("the client closed the connection before its request ended");
      }
      if (++total > maxBytes) {
        throw new Refused(431, "the request line and headers pass " + maxBytes + " bytes");
      }
      if (b != '\n') {
        line.write(b);
        continue;
      }
      String text = line.toString(StandardCharsets.ISO_8859_1);
      line.reset();
      if (text.endsWith("\r")) {
        text = text.substring(0, text.length() - 1);
      }
      if (text.isEmpty() && lines.isEmpty()) {
        continue; // RFC 9112 2.2: ignore empty lines before the request line.
      }
      if (text.isEmpty()) {
        return parse(lines);
      }
      if (lines.size() > MAX_HEADERS) {
        throw new Refused(431, "more than " + MAX_HEADERS + " headers");
      }
      lines.add(text);
    }
  }

  /** The request of a request line and its header lines. */
  private static Request parse(List<String> lines) throws Refused {
    String[] parts = lines.get(0).split(" ", -1);
    if (parts.length != 3 || !TOKEN.matcher(parts[0]).matches()) {
      throw new Refused(400, "malformed request line");
    }
    if (!parts[2].equals("HTTP/1.1") && !parts[2].equals("HTTP/1.0")) {
      throw new Refused(parts[2].startsWith("HTTP/") ? 505 : 400, "not HTTP/1.0 or HTTP/1.1");
    }
    URI uri;
    try {
      uri = new URI(parts[1]);
    } catch (URISyntaxException e) {
      throw new Refused(400, "malformed request target");
    }
    String path = uri.getPath();
    if (path == null || !path.startsWith("/")) {
      throw new Refused(400, "the request target has no absolute path");
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String h : lines.subList(1, lines.size())) {
      int colon = h.indexOf(':');
      if (colon <= 0 || !TOKEN.matcher(h.substring(0, colon)).matches()) {
        throw new Refused(400, "malformed header line");
      }
      headers
          .computeIfAbsent(h.substring(0, colon).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(h.substring(colon + 1).strip());
    }
    headers.replaceAll((k, v) -> List.copyOf(v));
    return new Request(parts[0], path, uri.getRawQuery(), headers);
  }

  /** A status line and headers, with the empty line that ends them. */
  static byte[] head(int status, Map<String, String> headers) {
    StringBuilder b = new StringBuilder(256);
    b.append("HTTP/1.1 ")
        .append(status)
        .append(' ')
        .append(REASONS.getOrDefault(status, "Status"))
        .append("\r\n");
    headers.forEach((k, v) -> b.append(k).append(": ").append(v).append("\r\n"));
    return b.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}
