package ouroboros.sim.serve;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The run's one HTTP server: the metrics, the health check, the graph and the live page, on one or
 * more addresses ({@link #listen}), with one bounded pool of threads and one connection limit for
 * all of them ({@link ServeLimits}).
 *
 * <ul>
 *   <li>Each connection is served by one thread of a pool as large as the connection limit, and
 *       carries one request ({@code Connection: close}). A client that connects and stalls holds
 *       its own thread only, until the request timeout; the others go on being answered.
 *   <li>A connection beyond the limit gets 503 at once and is closed; it waits for nothing.
 *   <li>A request line and headers that do not arrive within the request timeout get 408; each
 *       write of a response that a client does not read for the write timeout ends the connection.
 *   <li>A client that hangs up early is not an error: it is logged at {@code FINE}, never with a
 *       stack trace. A handler that fails is logged at {@code WARNING}, one line, and answered 500.
 *   <li>Only {@code GET} and {@code HEAD}; other methods get 405. Every address answers {@value
 *       #HEALTH_PATH} with 200.
 * </ul>
 *
 * <p>It is written on plain sockets rather than the JDK's {@code com.sun.net.httpserver}, which in
 * Java 17 has neither a per-connection read timeout (only JVM-wide system properties, read once)
 * nor a connection limit. Bind it to 127.0.0.1 unless the user asks for another address
 * (ARCHITECTURE.md, invariant 6).
 */
public final class HttpEndpoints implements AutoCloseable {
  /** The health check every address answers. */
  public static final String HEALTH_PATH = "/-/healthy";

  private static final Logger LOG = Logger.getLogger(HttpEndpoints.class.getName());
  private static final long REAP_MILLIS = 200;
  private static final int MAX_LINGERING = 64;
  private static final long LINGER_NANOS = 1_000_000_000L;
  private static final int MAX_DRAIN = 64 * 1024;

  private final ServeLimits limits;
  private final Semaphore permits;
  private final ThreadPoolExecutor pool;
  private final ScheduledExecutorService reaper;
  private final Set<Connection> open = ConcurrentHashMap.newKeySet();
  private final Queue<Lingering> lingering = new ConcurrentLinkedQueue<>();
  private final List<Site> sites = new CopyOnWriteArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicInteger rejected = new AtomicInteger();

  /**
   * Whether this machine can listen on {@code a}: a wildcard, a loopback address, or one that a
   * network interface of this machine has (yes when that cannot be told: binding then says what is
   * wrong). Binding to another address fails with "Cannot assign requested address", which the
   * options that name a host check for first (the HTTP endpoints' and the cluster's).
   */
  public static boolean canListenOn(java.net.InetAddress a) {
    if (a.isAnyLocalAddress() || a.isLoopbackAddress()) {
      return true;
    }
    try {
      return java.net.NetworkInterface.getByInetAddress(a) != null;
    } catch (java.net.SocketException e) {
      return true;
    }
  }

  /** A server with no address yet; {@link #listen} adds them. */
  public HttpEndpoints(ServeLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.permits = new Semaphore(limits.maxConnections());
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            limits.maxConnections(),
            limits.maxConnections(),
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> daemon(r, "ouroboros-http-" + n.incrementAndGet()));
    pool.allowCoreThreadTimeOut(true);
    this.reaper =
        Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "ouroboros-http-reaper"));
    reaper.scheduleWithFixedDelay(this::reap, REAP_MILLIS, REAP_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** The limits. */
  public ServeLimits limits() {
    return limits;
  }

  /** Connections open now, served or waiting for their request. */
  public int openConnections() {
    return open.size();
  }

  /** Connections refused so far because the limit was reached. */
  public int rejected() {
    return rejected.get();
  }

  /**
   * Listens on an address and answers there with {@code routes}: a path maps to its handler; a key
   * ending in {@code *} is a prefix, such as {@code /live/*}. {@value #HEALTH_PATH} is added.
   *
   * @param port the port, or 0 for a free one
   * @throws IOException when the address cannot be bound, such as a port in use
   */
  public Site listen(InetAddress address, int port, Map<String, Handler> routes)
      throws IOException {
    Objects.requireNonNull(address, "address");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port is not in [0, 65535]: " + port);
    }
    if (closed.get()) {
      throw new IllegalStateException("the server is closed");
    }
    Map<String, Handler> all = new TreeMap<>(routes);
    all.putIfAbsent(HEALTH_PATH, x -> x.text(200, "healthy\n"));
    ServerSocket socket = new ServerSocket();
    try {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(address, port), 64);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    Site site = new Site(this, socket, address, Map.copyOf(all));
    sites.add(site);
    daemon(() -> accept(site), "ouroboros-http-accept-" + site.port()).start();
    return site;
  }

  /** Accepts connections on a site until the server closes. */
  private void accept(Site site) {
    while (!closed.get()) {
      Socket s;
      try {
        s = site.socket().accept();
      } catch (IOException e) {
        if (!closed.get()) {
          LOG.log(Level.FINE, "accept failed on port {0}: {1}", new Object[] {site.port(), e});
          pause();
        }
        continue;
      }
      if (!permits.tryAcquire()) {
        refuse(s);
        continue;
      }
      long deadline = System.nanoTime() + limits.requestTimeout().toNanos();
      Connection c = new Connection(s, deadline, limits.writeTimeout().toNanos());
      open.add(c);
      try {
        pool.execute(() -> serve(site, c));
      } catch (RejectedExecutionException e) {
        c.close();
        open.remove(c);
        permits.release();
      }
    }
  }

  /**
   * Answers 503 to a connection beyond the limit. The socket closes a moment later, so that the
   * answer is not lost to a reset when the client's request is still unread (at most {@value
   * #MAX_LINGERING} sockets wait so; more close at once).
   */
  private void refuse(Socket s) {
    rejected.incrementAndGet();
    LOG.log(Level.FINE, "connection limit ({0}) reached: 503", limits.maxConnections());
    try {
      byte[] body =
          ("too many connections (" + limits.maxConnections() + "); try again\n")
              .getBytes(StandardCharsets.UTF_8);
      OutputStream out = s.getOutputStream();
      out.write(Wire.head(503, plain(body.length, "Retry-After", "1")));
      out.write(body);
      s.shutdownOutput();
    } catch (IOException e) {
      LOG.log(Level.FINE, "refused client went away: {0}", e.toString());
    }
    if (lingering.size() < MAX_LINGERING) {
      lingering.add(new Lingering(s, System.nanoTime() + LINGER_NANOS));
    } else {
      close(s);
    }
  }

  /** A refused socket and when to close it. */
  private record Lingering(Socket socket, long closeAt) {}

  /** Reads one request on a connection and answers it. */
  private void serve(Site site, Connection c) {
    Socket s = c.socket();
    try {
      s.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(c.input(), 1024);
      OutputStream out = new BufferedOutputStream(c.output(), 8192);
      Request request;
      try {
        request = Wire.read(in, limits.maxHeadBytes());
      } catch (Wire.Refused e) {
        error(out, e.status(), e.getMessage());
        drain(s, in);
        return;
      } catch (SocketTimeoutException e) {
        error(out, 408, "the request line and headers did not arrive in time");
        drain(s, in);
        return;
      }
      Exchange x = new Exchange(request, out, c::hungUp);
      dispatch(site, x);
      out.flush();
      s.shutdownOutput();
    } catch (IOException e) {
      LOG.log(Level.FINE, "client went away: {0}", e.toString());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "a handler failed: {0}", e.toString());
    } finally {
      c.close();
      open.remove(c);
      permits.release();
    }
  }

  /** Routes a request to its handler; 404, 405 or 500 when there is none or it fails. */
  private void dispatch(Site site, Exchange x) throws IOException {
    Handler h = site.route(x.path());
    if (h == null) {
      x.text(404, "not found: " + x.path() + "; this address answers " + site.paths() + "\n");
      return;
    }
    if (!x.method().equals("GET") && !x.method().equals("HEAD")) {
      x.header("Allow", "GET, HEAD");
      x.text(405, "method not allowed: " + x.method() + "\n");
      return;
    }
    try {
      h.handle(x);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "{0} failed: {1}", new Object[] {x.path(), e.toString()});
      if (!x.committed()) {
        x.text(500, "internal error\n");
      }
      return;
    }
    if (!x.committed()) {
      x.text(500, "no response\n");
    }
  }

  /**
   * After an error answer, reads and drops what the client still sends (until it closes, 64 KiB, or
   * the request timeout, which the connection's input enforces), so that closing with unread input
   * does not reset the connection before the client has read the answer.
   */
  private static void drain(Socket s, InputStream in) throws IOException {
    s.shutdownOutput();
    byte[] skip = new byte[4096];
    int total = 0;
    try {
      for (int n; total < MAX_DRAIN && (n = in.read(skip)) >= 0; ) {
        total += n;
      }
    } catch (SocketTimeoutException e) {
      // The request timeout passed: close now.
    }
  }

  /** Writes an error response outside of an exchange (the request could not be read). */
  private static void error(OutputStream out, int status, String message) throws IOException {
    byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
    out.write(Wire.head(status, plain(body.length)));
    out.write(body);
    out.flush();
  }

  /** The headers of a plain-text response of {@code length} bytes, and more name-value pairs. */
  private static Map<String, String> plain(int length, String... more) {
    Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.put("Content-Type", "text/plain; charset=utf-8");
    h.put("Content-Length", Integer.toString(length));
    h.put("Connection", "close");
    for (int i = 0; i + 1 < more.length; i += 2) {
      h.put(more[i], more[i + 1]);
    }
    return h;
  }

  /** Closes the connections whose write waited past the write timeout, and refused sockets. */
  private void reap() {
    long now = System.nanoTime();
    for (Lingering l = lingering.peek(); l != null && now - l.closeAt() > 0; l = lingering.peek()) {
      lingering.poll();
      close(l.socket());
    }
    for (Connection c : open) {
      if (c.overdue(now)) {
        LOG.log(Level.FINE, "a client stopped reading: closing {0}", c.socket());
        c.close();
      }
    }
  }

  /**
   * Keeps serving until the JVM shuts down (Ctrl-C runs a shutdown hook that stops the server) or
   * until this thread is interrupted, then closes the server. When the JVM is already shutting down
   * (a signal came first) it closes the server and returns at once.
   */
  public void serveUntilStopped() {
    Thread hook = new Thread(this::close, "ouroboros-http-shutdown");
    try {
      Runtime.getRuntime().addShutdownHook(hook);
    } catch (IllegalStateException e) {
      close(); // Shutdown in progress: nothing to serve until
      return;
    }
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is shutting down, and the hook is closing the server.
      }
      close();
    }
  }

  /** Stops listening and closes every connection; later calls do nothing. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (Site site : sites) {
      try {
        site.socket().close();
      } catch (IOException e) {
        // Closed either way.
      }
    }
    open.forEach(Connection::close);
    lingering.forEach(l -> close(l.socket()));
    pool.shutdownNow();
    reaper.shutdownNow();
    stopped.countDown();
  }

  /** Closes a socket; errors are ignored. */
  private static void close(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // Closed either way.
    }
  }

  /** A daemon thread. */
  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Waits a little after a failed accept, such as when the process is out of file handles. */
  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
