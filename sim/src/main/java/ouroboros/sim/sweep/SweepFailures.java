package ouroboros.sim.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ouroboros.sim.output.AtomicFiles;
import ouroboros.sim.output.CsvFields;
import ouroboros.sim.output.SweepLayout;

/**
 * The runs of a sweep that failed, kept in the sweep directory's {@code failures.csv} (header
 * {@code cell,replicate,seed,ticks,reason,scenario-sha256}, one row per failed run, sorted by cell
 * and replicate): the run's seed, the ticks it completed, why it failed, and the SHA-256 of the
 * {@code scenario.yaml} it was given, which tells the scenario apart as a complete run's own file
 * does. The file is rewritten atomically as soon as a run fails, so that it survives the sweep
 * being killed, and removed when no run has failed. {@code sweep --resume} reads it: a run listed
 * here with the scenario the sweep gives it is not run again unless {@code --retry-failed} is
 * given; one recorded for another scenario (the base was edited) is not this sweep's failure, and
 * is run again. A row without the last field (written before it was kept) is matched by its seed.
 */
public final class SweepFailures {
  /** The header line of failures.csv. */
  public static final String HEADER = "cell,replicate,seed,ticks,reason,scenario-sha256";

  /**
   * One failed run.
   *
   * @param cell the cell
   * @param replicate the replicate, 0-based
   * @param seed the run's seed
   * @param ticks the ticks it completed
   * @param reason why it failed
   * @param scenario the SHA-256 of the run's scenario.yaml ({@link #fingerprint}), or null in a row
   *     written without it
   */
  public record Entry(
      int cell, int replicate, long seed, int ticks, String reason, String scenario) {
    /** Whether this failure is of the run with this seed and scenario ({@link #fingerprint}). */
    public boolean of(long seed, String scenario) {
      return this.seed == seed && (this.scenario == null || this.scenario.equals(scenario));
    }
  }

  /** The SHA-256 of a run's scenario.yaml, in lower-case hex: what identifies its scenario. */
  public static String fingerprint(String scenarioYaml) {
    try {
      byte[] hash =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(scenarioYaml.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(hash);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private final Path file;
  private final Map<Long, Entry> entries = new TreeMap<>();

  private SweepFailures(Path file) {
    this.file = file;
  }

  /** The failures recorded in the sweep directory {@code dir}; none when it has no file. */
  public static SweepFailures read(Path dir) throws IOException {
    SweepFailures f = new SweepFailures(new SweepLayout(dir).failuresCsv());
    if (!Files.isRegularFile(f.file)) {
      return f;
    }
    List<String> lines = Files.readAllLines(f.file, StandardCharsets.UTF_8);
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isEmpty()) {
        continue;
      }
      List<String> v = CsvFields.split(lines.get(i));
      try {
        if (v.size() != 5 && v.size() != 6) {
          throw new NumberFormatException("fields: " + v.size());
        }
        f.put(
            new Entry(
                Integer.parseInt(v.get(0)),
                Integer.parseInt(v.get(1)),
                Long.parseLong(v.get(2)),
                Integer.parseInt(v.get(3)),
                v.get(4),
                v.size() == 6 && !v.get(5).isEmpty() ? v.get(5) : null));
      } catch (NumberFormatException e) {
        throw new IOException(
            f.file + ":" + (i + 1) + ": found '" + lines.get(i) + "', expected " + HEADER, e);
      }
    }
    return f;
  }

  private static long key(int cell, int replicate) {
    return ((long) cell << 32) | replicate;
  }

  /** The failure recorded for a run, or null. */
  public synchronized Entry get(int cell, int replicate) {
    return entries.get(key(cell, replicate));
  }

  /** Records a failure, replacing any earlier one of the same run (the file is not written). */
  public synchronized void put(Entry e) {
    entries.put(key(e.cell(), e.replicate()), e);
  }

  /** Forgets a run's failure (the file is not written). */
  public synchronized void remove(int cell, int replicate) {
    entries.remove(key(cell, replicate));
  }

  /** Records a failure and rewrites the file at once. */
  public synchronized void record(Entry e) throws IOException {
    put(e);
    write();
  }

  /** Every failure, by cell and replicate. */
  public synchronized List<Entry> entries() {
    return new ArrayList<>(entries.values());
  }

  /** Rewrites failures.csv atomically, or removes it when no run failed. */
  public synchronized void write() throws IOException {
    if (entries.isEmpty()) {
      Files.deleteIfExists(file);
      return;
    }
    StringBuilder b = new StringBuilder(HEADER).append('\n');
    for (Entry e : entries.values()) {
      b.append(e.cell())
          .append(',')
          .append(e.replicate())
          .append(',')
          .append(e.seed())
          .append(',')
          .append(e.ticks())
          .append(',')
          .append(SweepTables.csv(e.reason()))
          .append(',')
          .append(e.scenario() == null ? "" : e.scenario())
          .append('\n');
    }
    AtomicFiles.write(file, b.toString().getBytes(StandardCharsets.UTF_8));
  }
}
