package ouroboros.sim.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import ouroboros.agents.model.RetrainReport;
import ouroboros.sim.engine.Phase;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.engine.TickListener;
import ouroboros.sim.engine.TickResult;
import ouroboros.sim.engine.World;
import ouroboros.sim.scenario.load.ScenarioLoader;
import ouroboros.sim.scenario.spec.Scenario;

/**
 * Writes a run directory, incrementally and atomically (ARCHITECTURE.md, invariant 5):
 *
 * <ul>
 *   <li>{@code scenario.yaml}: the resolved scenario, seed included, written before tick 0;
 *   <li>{@code metrics.csv}: appended whole ticks at a time, each batch in one write;
 *   <li>{@code summary.json}: replaced atomically, with {@code complete: false} until the run ends;
 *   <li>{@code copies.csv}: with {@code copies:}, per-tick statistics across the copies, built from
 *       metrics.csv at the end ({@link CopiesTable});
 *   <li>{@code timing.json}: wall time and throughput, at the end. Timing lives only here, so the
 *       other files are byte-identical for the same scenario and seed.
 * </ul>
 *
 * <p>The clock's thread only gathers what reads the tick's web snapshot (the web rows and the
 * contributors' rows, of which the interaction graph's are made on its own thread and awaited by
 * the writer's, see {@link RunMetrics.Contributor#rowsLater}); formatting, the summary and every
 * file write run on one writer thread (a {@link WriteQueue} of {@value #QUEUE_TICKS} ticks), so the
 * next tick need not wait for the disk. The files are checkpointed together: the rows of finished
 * ticks are appended to metrics.csv, then summary.json is rewritten ({@link SummaryCheckpoints}),
 * at most once per {@link #CHECKPOINT} or {@value SummaryCheckpoints#SUMMARY_COST_FACTOR} times the
 * time a summary takes to build, whichever is longer (at most {@value
 * SummaryCheckpoints#MAX_STRETCH} intervals), and always at the end; in between, whenever {@value
 * #MAX_PENDING_BYTES} bytes of rows are waiting, they are appended alone. A run killed mid-way thus
 * loses at most the last checkpoint interval of rows (a second, up to ten for a large summary), and
 * its summary.json is never more than one checkpoint interval behind its metrics.csv: every row of
 * the ticks the summary counts is in metrics.csv, whole (SIGKILL may cut an append after them:
 * Linux stops a write between two pages), and readers of a run that did not complete read those
 * ticks only (the report, and resume, which cuts the file back to its checkpoint). Rewriting
 * summary.json after every tick cost 15% of the wall time of a run of 1,000 small models.
 */
public final class RunWriter implements TickListener, AutoCloseable {
  /** The most time between two checkpoints of metrics.csv and summary.json. */
  public static final Duration CHECKPOINT = Duration.ofSeconds(1);

  /** Rows waiting beyond this many bytes force them to be appended to metrics.csv. */
  static final int MAX_PENDING_BYTES = 4 << 20;

  /** Ticks the writer thread may fall behind before the clock waits. */
  static final int QUEUE_TICKS = 16;

  private final Path dir;
  private final RunLayout files;
  private final World world;
  private final RunSummary summary;
  private final MetricsChannel metrics;
  private final long startNanos = System.nanoTime();
  private final long[] phaseNanos = new long[Phase.values().length];
  private final int threads;
  private final List<RunMetrics.Contributor> contributors;
  private final WriteQueue queue;
  private final int humans;
  private final boolean[] kept;
  private final Set<String> dropped;
  private final SummaryCheckpoints checkpoints;
  private final CsvRowBytes pending = new CsvRowBytes();

  /** The models' rows of a tick, on the writer thread. */
  private final ModelRows modelRows = new ModelRows();

  private long published;
  private java.util.function.Consumer<List<MetricRow>> rows;

  /** On the clock's thread: the first tick this process ran (after a resume, not tick 0); -1. */
  private int firstTick = -1;

  /** Counted down once {@link #abort} has written what it writes (or found the run finishing). */
  private final java.util.concurrent.CountDownLatch aborted =
      new java.util.concurrent.CountDownLatch(1);

  private final java.util.concurrent.atomic.AtomicBoolean finishing =
      new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * Creates the directory's files for {@code world}, compiled from the resolved {@code scenario};
   * {@code threads} is recorded in timing.json.
   */
  public RunWriter(Path dir, Scenario scenario, World world, int threads) throws IOException {
    this(dir, scenario, world, threads, List.of());
  }

  /** The same, with {@code contributors} adding rows to metrics.csv at each tick. */
  public RunWriter(
      Path dir,
      Scenario scenario,
      World world,
      int threads,
      List<RunMetrics.Contributor> contributors)
      throws IOException {
    this(dir, scenario, world, threads, contributors, CHECKPOINT);
  }

  /** The same, with checkpoints at most once per {@code checkpoint} (zero: after every tick). */
  RunWriter(
      Path dir,
      Scenario scenario,
      World world,
      int threads,
      List<RunMetrics.Contributor> contributors,
      Duration checkpoint)
      throws IOException {
    this(dir, scenario, world, threads, contributors, checkpoint, false);
  }

  /**
   * A writer that goes on with the files of a run resumed from a checkpoint: scenario.yaml,
   * metrics.csv and summary.json are left as they are until {@link #resumeAt} cuts metrics.csv back
   * to the checkpoint's length.
   */
  public static RunWriter resuming(
      Path dir, Scenario scenario, World world, int threads, List<RunMetrics.Contributor> c)
      throws IOException {
    return new RunWriter(dir, scenario, world, threads, c, CHECKPOINT, true);
  }

  private RunWriter(
      Path dir,
      Scenario scenario,
      World world,
      int threads,
      List<RunMetrics.Contributor> contributors,
      Duration checkpoint,
      boolean resuming)
      throws IOException {
    List<RunMetrics.Contributor> all = new java.util.ArrayList<>(contributors);
    SiteRows sites = SiteRows.of(scenario);
    if (sites != null) {
      all.add(sites);
    }
    this.contributors = List.copyOf(all);
    this.dir = dir;
    this.files = RunLayout.of(dir);
    this.world = world;
    this.threads = threads;
    OutputOptions options = new OutputOptions(world.perModelRows(), world.sampleSize());
    boolean[] kept = options.kept(world.models().size(), world.seed());
    this.summary = new RunSummary(world, kept, Groups.of(world));
    this.checkpoints = new SummaryCheckpoints(files.summary(), summary, checkpoint.toNanos());
    this.humans = world.humans().size();
    this.kept = kept;
    this.dropped = new HashSet<>();
    for (int i = 0; i < kept.length; i++) {
      if (!kept[i]) {
        dropped.add(world.models().get(i).id());
      }
    }
    Files.createDirectories(dir);
    if (resuming) {
      this.metrics = MetricsChannel.existing(files.metrics());
    } else {
      AtomicFiles.write(
          files.scenario(),
          new ScenarioLoader()
              .write(scenario.withSeed(world.seed()))
              .getBytes(StandardCharsets.UTF_8));
      this.metrics = MetricsChannel.create(files.metrics());
      metrics.append(MetricRow.HEADER + "\n");
      checkpoints.write();
    }
    this.queue = new WriteQueue("ouroboros-run-writer", QUEUE_TICKS);
  }

  /**
   * Hands {@code r} (null: nothing) every row appended to metrics.csv from now on, in file order, a
   * batch (a list nothing changes afterwards) at a time, on the writer's thread; call it before the
   * first tick.
   */
  public void rows(java.util.function.Consumer<List<MetricRow>> r) {
    this.rows = r;
  }

  /** The run directory. */
  public Path dir() {
    return dir;
  }

  /** The summary so far; read it once the run has finished. */
  public RunSummary summary() {
    return summary;
  }

  /**
   * Writes generation 1 of the models fitted before tick 0 as rows at tick -1, before tick 0's
   * rows; the summary holds it as such a model's latest state until it retrains in the run.
   */
  @Override
  public void onInitialFits(List<RetrainReport> reports) throws IOException {
    if (finishing.get()) {
      return;
    }
    queue.submit(
        () -> {
          append(modelRows.withModelRows(-1, listed(reports), new ArrayList<>()));
          summary.update(-1, reports);
        });
  }

  /** The reports of the models whose rows metrics.csv keeps. */
  private List<RetrainReport> listed(List<RetrainReport> reports) {
    if (dropped.isEmpty()) {
      return reports;
    }
    return reports.stream().filter(rep -> kept[rep.agent() - humans]).toList();
  }

  @Override
  public void onTick(TickResult r) throws IOException {
    if (finishing.get()) {
      return;
    }
    List<MetricRow> rows = RunMetrics.webRows(r);
    List<CompletableFuture<List<MetricRow>>> extra = new ArrayList<>(contributors.size());
    for (RunMetrics.Contributor c : contributors) {
      extra.add(c.rowsLater(r));
    }
    int tick = r.tick();
    if (firstTick < 0) {
      firstTick = tick;
    }
    List<RetrainReport> reports = r.reports();
    queue.submit(() -> writeTick(tick, reports, rows, extra));
    published += r.published();
    for (int i = 0; i < phaseNanos.length; i++) {
      phaseNanos[i] += r.phaseNanos()[i];
    }
  }

  /**
   * Ends the files: the summary with how the run ended (its {@code failure}, if any), metrics.csv
   * forced to the disk, timing.json. When a write failed earlier (a full disk), it still tries to
   * record the reason in summary.json, then throws that failure. Only the first call, of this or
   * {@link #abort}, does anything.
   */
  @Override
  public void onFinish(RunOutcome outcome) throws IOException {
    if (!finishing.compareAndSet(false, true)) {
      return;
    }
    int completed = outcome.ticksCompleted();
    IOException failed = null;
    try {
      queue.submit(
          () -> {
            // summary.json's "complete" comes last: a run killed before it is resumed, and one
            // killed after it has every file (copies.csv was missing, and resume refused).
            flushRows();
            metrics.force();
            if (world.copies() != null) {
              CopiesTable.write(files.metrics(), files.copies());
            }
            TimingFile.write(
                files.timing(),
                (System.nanoTime() - startNanos) / 1e9,
                threads,
                completed,
                firstTick < 0 ? 0 : Math.max(0, completed - firstTick),
                published,
                phaseNanos,
                checkpoints.json());
            summary.finish(outcome.failure());
            checkpoint();
          });
      queue.drain();
    } catch (IOException e) {
      failed = e;
    } finally {
      queue.close();
    }
    if (failed != null) {
      // The writer thread has stopped: record why in summary.json if the disk lets us.
      String why = WriteFailure.describe(failed);
      summary.finish(
          outcome.failure().isEmpty() ? "writing the run files failed: " + why : outcome.failure());
      try {
        checkpoints.write();
      } catch (IOException | RuntimeException e) {
        // summary.json keeps its last checkpoint, "complete": false.
      }
    }
    close();
    if (failed != null) {
      throw failed;
    }
  }

  /**
   * Records that the run stopped early for {@code reason} (the JVM is shutting down: SIGTERM,
   * Ctrl-C): the ticks queued so far are written, then summary.json with {@code "failure": reason},
   * waiting at most {@code wait}. Later ticks are ignored. Does nothing when the run is already
   * finishing.
   */
  public void abort(String reason, Duration wait) {
    if (!finishing.compareAndSet(false, true)) {
      aborted.countDown();
      return;
    }
    try {
      queue.submit(
          () -> {
            summary.finish(reason);
            checkpoint();
            metrics.force();
          });
      queue.drain(wait);
    } catch (IOException | RuntimeException e) {
      // Shutting down: summary.json keeps its last checkpoint, "complete": false.
    } finally {
      aborted.countDown();
    }
  }

  /**
   * For the thread that ran the clock of a run stopped by a signal: waits at most {@code wait} for
   * {@link #abort} (on the shutdown hook's thread) to write what it writes, then returns the ticks
   * summary.json counts, so that what the command prints is what the files hold.
   */
  public int ticksWrittenOnAbort(Duration wait) {
    try {
      aborted.await(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return summary.ticksCompleted();
  }

  /**
   * On the writer thread: a tick's rows, with the contributors' once they are made, and summary,
   * and a checkpoint when one is due. A contributor that failed leaves the tick out (it tells the
   * clock why).
   */
  private void writeTick(
      int tick,
      List<RetrainReport> reports,
      List<MetricRow> rows,
      List<CompletableFuture<List<MetricRow>>> extra)
      throws IOException {
    for (CompletableFuture<List<MetricRow>> f : extra) {
      List<MetricRow> more;
      try {
        more = f.join();
      } catch (CompletionException | java.util.concurrent.CancellationException e) {
        return;
      }
      summary.contributed(more); // every model's, for the populations' statistics
      for (MetricRow row : more) {
        if (dropped.isEmpty() || !dropped.contains(row.agent())) {
          rows.add(row);
        }
      }
    }
    append(modelRows.withModelRows(tick, listed(reports), rows));
    summary.update(tick, reports);
    if (checkpoints.due()) {
      checkpoint();
    } else if (pending.size() >= MAX_PENDING_BYTES) {
      flushRows();
    }
  }

  /** On the writer thread: appends {@code list} to the waiting rows, and hands it to the reader. */
  private void append(List<MetricRow> list) {
    for (MetricRow row : list) {
      pending.add(row);
    }
    if (rows != null) {
      rows.accept(list);
    }
  }

  /** Appends the waiting rows to metrics.csv, then rewrites summary.json. */
  private void checkpoint() throws IOException {
    checkpoints.checkpoint(this::flushRows);
  }

  /** Appends the waiting rows to metrics.csv. */
  private void flushRows() throws IOException {
    if (pending.size() > 0) {
      metrics.append(pending.array(), 0, pending.size());
      pending.clear();
    }
  }

  @Override
  public void close() throws IOException {
    queue.close();
    metrics.close();
  }

  /**
   * For a checkpoint at a tick barrier: waits for the writer thread to write every tick queued so
   * far, appends the waiting rows to metrics.csv and forces it to the disk; returns its length, the
   * offset a resumed run cuts it back to. summary.json is not rewritten: the checkpoint holds the
   * summary's state instead.
   */
  public long flushForCheckpoint() throws IOException {
    long[] at = new long[1];
    queue.submit(
        () -> {
          flushRows();
          metrics.force();
          at[0] = metrics.size();
        });
    queue.drain();
    return at[0];
  }

  /**
   * For a resumed run, before its first tick: cuts metrics.csv back to {@code offset} (the rows a
   * killed run wrote after its checkpoint go) and appends from there.
   */
  public void resumeAt(long offset) throws IOException {
    metrics.resumeAt(offset);
  }
}
