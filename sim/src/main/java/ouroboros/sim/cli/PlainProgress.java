package ouroboros.sim.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress for a pipe or a file, where a redrawn bar would write one line per redraw (issue 12: the
 * quickstart wrote 44 of them into a log, the watermark sweep 319): one plain line each time the
 * work crosses into a new tenth, so at most ten lines, such as {@code quickstart: 30% (60/200
 * ticks, 1.2 s) synthetic 99%}. Thread-safe, for a sweep's parallel runs.
 */
final class PlainProgress {
  private final String task;
  private final long total;
  private final PrintWriter err;
  private final long started = System.nanoTime();
  private int tenth;

  /** Progress over {@code total} steps, {@code done} of them done before it starts. */
  PlainProgress(String task, long total, long done, PrintWriter err) {
    this.task = task;
    this.total = total;
    this.err = err;
    this.tenth = tenths(done);
  }

  /** Whether a terminal is attached, so that a redrawn bar shows as one line. */
  static boolean terminal() {
    return System.console() != null;
  }

  /** Notes that {@code done} steps are done; prints a line when that starts a new tenth. */
  synchronized void at(long done, String extra) {
    int t = tenths(done);
    if (t <= tenth) {
      return;
    }
    tenth = t;
    err.printf(
        Locale.ROOT,
        "%s: %d%% (%d/%d ticks, %.1f s)%s%n",
        task,
        10 * t,
        done,
        total,
        (System.nanoTime() - started) / 1e9,
        extra);
    err.flush();
  }

  /** Whole tenths of the total that {@code done} reaches. */
  private int tenths(long done) {
    return total <= 0 ? 10 : (int) Math.min(10, 10 * done / total);
  }
}
