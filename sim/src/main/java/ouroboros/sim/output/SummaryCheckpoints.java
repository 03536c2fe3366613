package ouroboros.sim.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import ouroboros.sim.scenario.load.Yaml;

/**
 * The timed rewrite of a run's {@code summary.json} (see {@link RunWriter}): a checkpoint appends
 * the rows waiting for metrics.csv, then replaces summary.json, at most once per checkpoint
 * interval or {@value #SUMMARY_COST_FACTOR} times the time a summary takes to build, whichever is
 * longer, but never more than {@value #MAX_STRETCH} intervals apart. A summary's build time is its
 * size times the least time per byte of the builds but the first: the first builds run before the
 * JIT has compiled the summary's code (measured: 450, 165, 64, then 9 ms for the same 250 KB
 * summary on a loaded machine; QA, stop 35, saw the last build's 0.4 s keep summary.json 8 seconds
 * and 380 ticks behind metrics.csv), and the summary grows as models retrain and are released. The
 * new summary goes to its temporary file first, so that only a rename separates the moves of the
 * two files. Used on the run writer's thread only.
 */
final class SummaryCheckpoints {
  /** A checkpoint waits at least this many times the time a summary takes to build. */
  static final int SUMMARY_COST_FACTOR = 20;

  /** The longest time between two checkpoints, in configured intervals. */
  static final int MAX_STRETCH = 10;

  /** What a checkpoint does between preparing summary.json and renaming it into place. */
  @FunctionalInterface
  interface Flush {
    /** Appends the waiting rows to metrics.csv. */
    void run() throws IOException;
  }

  private final Path file;
  private final RunSummary summary;
  private final long intervalNanos;
  private final ObjectMapper json = Yaml.json().registerModule(DecimalJson.module());
  private long last = System.nanoTime();
  private long buildNanos;
  private double nanosPerByte = Double.POSITIVE_INFINITY;
  private int builds;

  /**
   * Checkpoints of {@code summary} into {@code file}, at most once per {@code intervalNanos} (zero:
   * whenever asked).
   */
  SummaryCheckpoints(Path file, RunSummary summary, long intervalNanos) {
    this.file = Objects.requireNonNull(file, "file");
    this.summary = Objects.requireNonNull(summary, "summary");
    if (intervalNanos < 0) {
      throw new IllegalArgumentException("checkpoint interval is negative: " + intervalNanos);
    }
    this.intervalNanos = intervalNanos;
  }

  /** The JSON writer the run files share: {@link Yaml#json}'s, doubles through DecimalText. */
  ObjectMapper json() {
    return json;
  }

  /** Whether a checkpoint is due: the interval has passed since the last one. */
  boolean due() {
    return System.nanoTime() - last >= interval();
  }

  /**
   * The time between two checkpoints: the configured interval, or {@value #SUMMARY_COST_FACTOR}
   * times what a summary takes to build when that is longer, so that rewriting a large summary
   * costs the writer thread at most about 1/{@value #SUMMARY_COST_FACTOR} of its time, up to
   * {@value #MAX_STRETCH} configured intervals. Zero (tests) stays zero.
   */
  long interval() {
    long stretched = Math.min(SUMMARY_COST_FACTOR * buildNanos, MAX_STRETCH * intervalNanos);
    return intervalNanos == 0 ? 0 : Math.max(intervalNanos, stretched);
  }

  /**
   * Records that a summary of {@code bytes} bytes took {@code nanos} to build: its cost is its size
   * times the least time per byte so far, leaving out the first build (a slower build per byte ran
   * colder code or on a busier machine; a larger summary takes longer at the same rate).
   */
  void built(long nanos, int bytes) {
    if (builds++ > 0) {
      nanosPerByte = Math.min(nanosPerByte, nanos / (double) Math.max(1, bytes));
      buildNanos = (long) (nanosPerByte * bytes);
    }
  }

  /**
   * Builds the summary, writes it to its temporary file, runs {@code flush} (the rows waiting for
   * metrics.csv), then renames the summary into place.
   */
  void checkpoint(Flush flush) throws IOException {
    long t0 = System.nanoTime();
    byte[] bytes = bytes();
    built(System.nanoTime() - t0, bytes.length);
    AtomicFiles.Commit next = AtomicFiles.prepare(file, bytes);
    flush.run();
    next.commit();
    last = System.nanoTime();
  }

  /** Writes the summary atomically, outside the timed checkpoints. */
  void write() throws IOException {
    AtomicFiles.write(file, bytes());
  }

  /** The summary's JSON, with a final newline. */
  private byte[] bytes() throws IOException {
    byte[] bytes = json.writeValueAsBytes(summary.toMap());
    byte[] withNewline = Arrays.copyOf(bytes, bytes.length + 1);
    withNewline[bytes.length] = '\n';
    return withNewline;
  }
}
