package ouroboros.sim.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a file as byte ranges of one reusable buffer, without a string per line: a report
 * reads millions of {@code metrics.csv} rows and keeps a few of them. Lines end at {@code \n}; a
 * {@code \r} before it is dropped. Not thread-safe.
 */
final class CsvLines {
  private final InputStream in;
  private byte[] buf = new byte[1 << 16];
  private int start;
  private int limit;
  private boolean eof;

  /** The line [{@link #from}, {@link #to}) of {@link #bytes} after {@link #next}. */
  private int from;

  private int to;

  /** Whether the current line ended at a {@code \n} (not at the end of the file). */
  private boolean ended;

  /** Lines of {@code in}, which the caller closes. */
  CsvLines(InputStream in) {
    this.in = in;
  }

  /** Moves to the next line; false at the end of the file. */
  boolean next() throws IOException {
    while (true) {
      for (int i = start; i < limit; i++) {
        if (buf[i] == '\n') {
          take(i);
          ended = true;
          start = i + 1;
          return true;
        }
      }
      if (eof) {
        if (start < limit) {
          take(limit);
          ended = false;
          start = limit;
          return true;
        }
        return false;
      }
      fill();
    }
  }

  /** The current line spans start..end (exclusive), less a final carriage return. */
  private void take(int end) {
    from = start;
    to = end > start && buf[end - 1] == '\r' ? end - 1 : end;
  }

  /** Moves the unread bytes to the front (growing the buffer when full) and reads more. */
  private void fill() throws IOException {
    if (start > 0) {
      System.arraycopy(buf, start, buf, 0, limit - start);
      limit -= start;
      start = 0;
    }
    if (limit == buf.length) {
      buf = Arrays.copyOf(buf, 2 * buf.length);
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
  }

  /** The buffer holding the current line; valid until the next call of {@link #next}. */
  byte[] bytes() {
    return buf;
  }

  /**
   * Whether the current line ended at a {@code \n}: only a file's last line can end without one, as
   * when a write was cut short.
   */
  boolean ended() {
    return ended;
  }

  /** Where the current line starts in {@link #bytes}. */
  int from() {
    return from;
  }

  /** Where the current line ends (exclusive) in {@link #bytes}. */
  int to() {
    return to;
  }

  /** The position of {@code b} in the current line at or after {@code at}, or -1. */
  int indexOf(byte b, int at) {
    for (int i = at; i < to; i++) {
      if (buf[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** The text of bytes [a, b) of the buffer, as UTF-8. */
  String text(int a, int b) {
    return new String(buf, a, b - a, StandardCharsets.UTF_8);
  }

  /** The current line's text. */
  String line() {
    return text(from, to);
  }
}
