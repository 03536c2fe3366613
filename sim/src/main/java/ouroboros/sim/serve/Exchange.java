package ouroboros.sim.serve;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * One request and its response on an {@link HttpEndpoints} server. A handler sets headers, then
 * either {@link #send}s a whole body or opens a {@link #stream} (a body that ends when the
 * connection closes, for Server-Sent Events). Every response says {@code Connection: close}: one
 * request per connection, so an idle connection never holds a thread. A {@code HEAD} request gets
 * the headers only.
 */
public final class Exchange {
  private final Request request;
  private final OutputStream out;
  private final BooleanSupplier hungUp;
  private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private boolean committed;

  /**
   * An exchange writing its response to {@code out}, which guards each write with a timeout, on a
   * connection that {@code hungUp} tells closed by the client.
   */
  Exchange(Request request, OutputStream out, BooleanSupplier hungUp) {
    this.request = Objects.requireNonNull(request, "request");
    this.out = Objects.requireNonNull(out, "out");
    this.hungUp = Objects.requireNonNull(hungUp, "hungUp");
  }

  /** The request. */
  public Request request() {
    return request;
  }

  /** The request's method. */
  public String method() {
    return request.method();
  }

  /** The request's decoded path. */
  public String path() {
    return request.path();
  }

  /** Whether the request is a {@code HEAD}, which gets no body. */
  public boolean head() {
    return request.method().equals("HEAD");
  }

  /**
   * Whether the client has closed the connection, for a handler that streams and may write nothing
   * for a while: a write fails only some time after the client went away (the first one after it
   * often succeeds), so a stream that writes every few seconds would hold its connection long after
   * its page was closed.
   */
  public boolean hungUp() {
    return hungUp.getAsBoolean();
  }

  /** Whether the status line went out. */
  public boolean committed() {
    return committed;
  }

  /** Sets a response header, replacing one of the same name. */
  public void header(String name, String value) {
    if (committed) {
      throw new IllegalStateException("the response is committed: " + name);
    }
    headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
  }

  /** Sends a whole response: {@code type} is a media type without its charset, or null. */
  public void send(int status, String type, byte[] body) throws IOException {
    if (type != null) {
      header("Content-Type", type);
    }
    header("Content-Length", Integer.toString(body.length));
    writeHead(status);
    if (!head()) {
      out.write(body);
    }
    out.flush();
  }

  /** Sends a plain UTF-8 text response. */
  public void text(int status, String body) throws IOException {
    send(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends the status and headers, and returns the body's stream; the body ends when the connection
   * closes. For {@code HEAD}, a stream that drops what is written.
   */
  public OutputStream stream(int status, String type) throws IOException {
    if (type != null) {
      header("Content-Type", type);
    }
    writeHead(status);
    out.flush();
    if (head()) {
      return OutputStream.nullOutputStream();
    }
    // Closing the body flushes it; the server closes the connection.
    return new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        out.flush();
      }
    };
  }

  /** Writes the status line and the headers. */
  private void writeHead(int status) throws IOException {
    if (committed) {
      throw new IllegalStateException("the response is committed");
    }
    committed = true;
    headers.put("Connection", "close");
    out.write(Wire.head(status, headers));
  }
}
