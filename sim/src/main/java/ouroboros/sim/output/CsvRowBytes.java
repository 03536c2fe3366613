package ouroboros.sim.output;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Lines of {@code metrics.csv} written straight into one reused, growing byte array: the text of
 * {@link MetricRow#appendCsv} in UTF-8, without a StringBuilder, a String or an encoding pass per
 * batch. Three things a run writes over and over are not formatted again:
 *
 * <ul>
 *   <li>a row's prefix {@code tick,agent,generation,} when it is that of the row before (the rows
 *       of one agent come together), copied from that row;
 *   <li>a name's UTF-8 bytes, kept per String instance (the catalogue's names are constants);
 *   <li>a decimal value's text, kept per value (a model's metrics repeat one another, and a model
 *       that did not retrain repeats its last values).
 * </ul>
 *
 * Not thread-safe: one per writer thread.
 */
final class CsvRowBytes {
  /** Entries of each cache; a power of two. */
  private static final int CACHE = 1 << 10;

  private byte[] bytes = new byte[1 << 16];
  private int size;

  /** Where the last row's prefix starts, and its length; -1: no row since {@link #clear}. */
  private int prefixAt = -1;

  private int prefixLength;
  private int lastTick;
  private String lastAgent;
  private int lastGeneration;

  /** Names and their UTF-8 bytes, at the slot of the name's identity hash. */
  private final String[] names = new String[CACHE];

  private final byte[][] nameBytes = new byte[CACHE][];

  /** Decimal values (their bits) and their text, at the slot of a hash of the bits. */
  private final long[] valueBits = new long[CACHE];

  private final String[] valueText = new String[CACHE];

  /** An empty buffer. */
  CsvRowBytes() {}

  /** Appends {@code row}'s CSV line and a newline. */
  void add(MetricRow row) {
    add(row.tick(), row.agent(), row.generation(), row.metric(), row.value());
  }

  /** Appends the CSV line of a row with these fields, and a newline. */
  void add(int tick, String agent, int generation, String metric, double value) {
    int start = size;
    if (prefixAt >= 0
        && tick == lastTick
        && generation == lastGeneration
        && (agent == lastAgent || agent.equals(lastAgent))) {
      ensure(prefixLength);
      System.arraycopy(bytes, prefixAt, bytes, size, prefixLength);
      size += prefixLength;
    } else {
      ensure(32);
      size = NumberOutput.outputInt(tick, bytes, size);
      bytes[size++] = ',';
      name(agent);
      ensure(16);
      bytes[size++] = ',';
      size = NumberOutput.outputInt(generation, bytes, size);
      bytes[size++] = ',';
      lastTick = tick;
      lastAgent = agent;
      lastGeneration = generation;
      prefixLength = size - start;
    }
    prefixAt = start;
    name(metric);
    ensure(40);
    bytes[size++] = ',';
    value(value);
    bytes[size++] = '\n';
  }

  /** Appends {@code s} in UTF-8. */
  private void name(String s) {
    java.util.Objects.requireNonNull(s, "a name"); // a null would match an empty slot
    int slot = System.identityHashCode(s) & (CACHE - 1);
    byte[] b;
    if (names[slot] == s) {
      b = nameBytes[slot];
    } else {
      b = s.getBytes(StandardCharsets.UTF_8);
      names[slot] = s;
      nameBytes[slot] = b;
    }
    ensure(b.length);
    System.arraycopy(b, 0, bytes, size, b.length);
    size += b.length;
  }

  /**
   * Appends {@link MetricRow#format}'s text of {@code v}; room for 32 bytes is there. Double's text
   * is ASCII, so {@link String#getBytes(int, int, byte[], int)} copies it without encoding it.
   */
  @SuppressWarnings("deprecation")
  private void value(double v) {
    if (Double.isNaN(v)) {
      bytes[size++] = 'N';
      bytes[size++] = 'A';
      return;
    }
    if (MetricRow.whole(v)) {
      size = NumberOutput.outputLong((long) v, bytes, size);
      return;
    }
    long bits = Double.doubleToRawLongBits(v);
    long h = bits * 0x9E3779B97F4A7C15L;
    int slot = (int) (h >>> 54) & (CACHE - 1);
    String text = valueText[slot];
    if (text == null || valueBits[slot] != bits) {
      text = DecimalText.text(v);
      valueBits[slot] = bits;
      valueText[slot] = text;
    }
    text.getBytes(0, text.length(), bytes, size);
    size += text.length();
  }

  /** Makes room for {@code n} more bytes. */
  private void ensure(int n) {
    if (size + n > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
    }
  }

  /** The bytes written so far: the first {@link #size} of this array, which later writes reuse. */
  byte[] array() {
    return bytes;
  }

  /** How many bytes are written. */
  int size() {
    return size;
  }

  /** Forgets the bytes written; the caches stay. */
  void clear() {
    size = 0;
    prefixAt = -1;
  }
}
