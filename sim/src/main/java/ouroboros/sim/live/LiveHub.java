package ouroboros.sim.live;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands the live page's events from the clock's thread to the threads that stream them: one JSON
 * event per tick, kept in order. A page that connects late first gets the ticks it missed (each
 * without the interaction graph, which only the latest tick carries, so that a reconnect does not
 * resend a graph per tick), then every new tick as it ends. It keeps at most {@link #HISTORY} ticks
 * for late pages; older ones are dropped, and a page that connects after that starts there.
 * Publishing never blocks on a slow page.
 */
public final class LiveHub {
  /** Ticks kept for pages that connect late. */
  public static final int HISTORY = 20_000;

  private final List<String> history = new ArrayList<>();
  private long dropped;
  private String latest;
  private String briefOfLatest;
  private boolean finished;
  private boolean closed;
  private int viewers;

  /** A hub with nothing published yet. */
  public LiveHub() {}

  /**
   * Publishes a tick's event.
   *
   * @param brief the event without the graph, which late pages get for the ticks they missed
   * @param full the event with the graph
   */
  public synchronized void publish(String brief, String full) {
    if (latest != null) {
      history.set(history.size() - 1, briefOfLatest);
    }
    history.add(full);
    briefOfLatest = brief;
    latest = full;
    if (history.size() > HISTORY) {
      history.remove(0);
      dropped++;
    }
    notifyAll();
  }

  /** Marks the run as over: streams end after the last event unless the server holds. */
  public synchronized void finish() {
    finished = true;
    notifyAll();
  }

  /** Ends every stream. */
  public synchronized void close() {
    closed = true;
    notifyAll();
  }

  /** Whether the run is over. */
  public synchronized boolean finished() {
    return finished;
  }

  /**
   * The events after the {@code seen}-th one (counting from the first ever published), waiting up
   * to {@code millis} for one when there is none, or, with {@code orFinish}, until the run is over;
   * empty when none came, null when the hub is closed.
   */
  public synchronized List<String> after(long seen, long millis, boolean orFinish)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (!closed && dropped + history.size() <= seen && !(orFinish && finished)) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        return List.of();
      }
      wait(left);
    }
    if (closed) {
      return null;
    }
    int from = (int) Math.max(0, seen - dropped);
    return List.copyOf(history.subList(from, history.size()));
  }

  /** Counts a page that has opened its event stream (see {@link #awaitViewer}). */
  public synchronized void viewerConnected() {
    viewers++;
    notifyAll();
  }

  /**
   * Waits until a page has opened its event stream, so that a run can start at the moment someone
   * watches; false when the hub closed first.
   */
  public synchronized boolean awaitViewer() throws InterruptedException {
    while (viewers == 0 && !closed) {
      wait();
    }
    return viewers > 0;
  }

  /** Events published so far, dropped ones included. */
  public synchronized long published() {
    return dropped + history.size();
  }
}
