package ouroboros.sim.serve;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Objects;

/**
 * One accepted connection of an {@link HttpEndpoints} server, with its deadlines: reading the
 * request must end by a fixed time after the connection opened (a socket timeout set to the time
 * left before each read, so a client that sends a byte now and then cannot stretch it), and each
 * write of the response must end within the write timeout (a deadline that the server's reaper
 * checks, closing the socket when it passed, since a blocked socket write has no timeout of its
 * own).
 */
final class Connection {
  private static final long NONE = Long.MAX_VALUE;

  private final Socket socket;
  private final long readDeadline;
  private final long writeTimeoutNanos;
  private volatile long writeDeadline = NONE;

  /** A connection whose request must be read by {@code readDeadline} (System.nanoTime()). */
  Connection(Socket socket, long readDeadline, long writeTimeoutNanos) {
    this.socket = Objects.requireNonNull(socket, "socket");
    this.readDeadline = readDeadline;
    this.writeTimeoutNanos = writeTimeoutNanos;
  }

  /** The socket. */
  Socket socket() {
    return socket;
  }

  /** Whether a write has waited past its deadline at {@code now} (System.nanoTime()). */
  boolean overdue(long now) {
    long d = writeDeadline;
    return d != NONE && now - d > 0;
  }

  /** Closes the socket, which ends a blocked read or write on it; errors are ignored. */
  void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // Nothing to do: the socket is unusable either way.
    }
  }

  /**
   * Whether the client has closed or reset the connection: a read that waits at most a millisecond
   * finds the end of its input. Only once the request is read (one request per connection, so the
   * client sends nothing more; anything it does send is dropped). A client that half-closes its
   * side after the request (shutdownOutput, {@code nc -N}) counts as gone too; browsers' event
   * streams do not.
   */
  boolean hungUp() {
    try {
      socket.setSoTimeout(1);
      return socket.getInputStream().read(new byte[256]) < 0;
    } catch (SocketTimeoutException e) {
      return false; // still open, nothing sent
    } catch (IOException e) {
      return true; // reset, or closed by the server
    }
  }

  /** The request's input: each read may wait only until the read deadline. */
  InputStream input() throws IOException {
    return new FilterInputStream(socket.getInputStream()) {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        long left = (readDeadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          throw new SocketTimeoutException("the request took too long");
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
        return super.read(b, off, len);
      }
    };
  }

  /** The response's output: each write may wait only for the write timeout. */
  OutputStream output() throws IOException {
    return new FilterOutputStream(socket.getOutputStream()) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        writeDeadline = System.nanoTime() + writeTimeoutNanos;
        try {
          out.write(b, off, len);
        } finally {
          writeDeadline = NONE;
        }
      }

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }
    };
  }
}
