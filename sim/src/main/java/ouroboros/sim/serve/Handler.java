package ouroboros.sim.serve;

import java.io.IOException;

/**
 * Answers one request on an {@link HttpEndpoints} server. It runs on one of the server's threads;
 * an {@link IOException} means the client went away, and is not an error.
 */
@FunctionalInterface
public interface Handler {
  /** Answers {@code x}; the server closes the connection afterwards. */
  void handle(Exchange x) throws IOException;
}
