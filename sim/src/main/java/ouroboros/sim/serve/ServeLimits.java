package ouroboros.sim.serve;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits of an {@link HttpEndpoints} server. Every connection has one thread of a pool of
 * {@code maxConnections} threads, so a connection that stalls holds one thread and never the
 * others; a connection beyond the limit gets 503 at once and is closed.
 *
 * @param maxConnections connections open at once, over every address the server listens on; also
 *     the number of threads
 * @param requestTimeout how long a client has, from the moment it connects, to send the whole
 *     request line and headers; then it gets 408 and is closed
 * @param writeTimeout how long one write of a response may wait for a client that does not read;
 *     then the connection is closed. A stream (Server-Sent Events) may stay open for as long as it
 *     keeps being read
 * @param maxHeadBytes the largest request line and headers, together, in bytes; more gets 431
 */
public record ServeLimits(
    int maxConnections, Duration requestTimeout, Duration writeTimeout, int maxHeadBytes) {
  /** The defaults: 32 connections, 5 s for a request, 30 s for a write, 16 KiB of headers. */
  public static final ServeLimits DEFAULTS =
      new ServeLimits(32, Duration.ofSeconds(5), Duration.ofSeconds(30), 16 * 1024);

  /** Checks the limits. */
  public ServeLimits {
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(writeTimeout, "writeTimeout");
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections is below 1: " + maxConnections);
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout is not positive: " + requestTimeout);
    }
    if (writeTimeout.isNegative() || writeTimeout.isZero()) {
      throw new IllegalArgumentException("writeTimeout is not positive: " + writeTimeout);
    }
    if (maxHeadBytes < 256) {
      throw new IllegalArgumentException("maxHeadBytes is below 256: " + maxHeadBytes);
    }
  }
}
