package ouroboros.sim.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import ouroboros.agents.model.ModelCore;
import ouroboros.agents.model.RetrainReport;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.engine.TickResult;
import ouroboros.sim.engine.World;
import ouroboros.sim.output.AtomicFiles;
import ouroboros.sim.output.MetricCatalogue;
import ouroboros.sim.output.MetricRow;
import ouroboros.sim.output.Observers;
import ouroboros.sim.output.OutputOptions;
import ouroboros.sim.output.RunLayout;
import ouroboros.sim.output.RunMetrics;
import ouroboros.sim.scenario.load.Yaml;

/**
 * Keeps a run's interaction graph and writes it (issue 5), in the observe phase:
 *
 * <ul>
 *   <li>{@code graph/w<start>-<end>.json} and {@code .dot}: the graph of each block of {@link
 *       GraphOptions#window()} ticks (0..W-1, W..2W-1, ...), written atomically when its last tick
 *       ends; a run that ends inside a block writes that block up to its last tick;
 *   <li>{@code graph/final.dot}: the last block's graph, when the run ends;
 *   <li>three rows per model at each retrain in {@code metrics.csv}, through {@link
 *       RunMetrics.Contributor}: {@code human-ancestry}, {@code training-depth} and {@code
 *       predicted-collapse} (1, 0 or NA), from the graph of the window that ends at that tick (the
 *       last W ticks).
 * </ul>
 *
 * <p>A run that does not keep every model's rows (see {@link OutputOptions}: by default, one of
 * more than 1,000 models) writes only {@code graph/final.dot}, not the blocks' files, which would
 * grow with models times blocks, and its {@code final.dot} draws only the models whose rows it
 * keeps (the sample), with the edges among them and from people, so that it does not grow with the
 * web.
 *
 * <p>The work runs on the listener's own thread ({@link GraphWorker}), one tick after another in
 * tick order, so that the clock's thread only hands each tick's reports over and starts the next
 * tick: the window, its analysis, the rows (which the run writer's thread waits for, see {@link
 * #rowsLater}) and the blocks' files. Every field but the hand-over's is touched on that thread
 * only, or on the clock's thread once the thread has caught up ({@link #analysisAt}, {@link #save},
 * {@link #onFinish}). A failure there fails the run at the clock's next call (the next tick's
 * observe phase, or the end), naming the tick it happened at; metrics.csv ends before that tick.
 *
 * <p>{@link #current()} hands the latest window's analysis, which is immutable, to other threads,
 * such as the live endpoint's; {@link #analysisAt} hands it to other listeners of the observe
 * phase, such as the live meters', waiting for the graph's thread to catch up. The files depend
 * only on the reports, so they are byte-identical for the same scenario and seed.
 */
public final class GraphListener implements Observers.Topology {
  /** The graph's directory in a run directory. */
  public static final String DIR = RunLayout.GRAPH_DIR;

  /** The DOT file of the last window. */
  public static final String FINAL_DOT = RunLayout.FINAL_DOT;

  /** Metric: human ancestry a_i. */
  public static final String HUMAN_ANCESTRY = MetricCatalogue.HUMAN_ANCESTRY.name();

  /** Metric: mean synthetic depth of the training data in the window. */
  public static final String TRAINING_DEPTH = MetricCatalogue.TRAINING_DEPTH.name();

  /** Metric: 1 when the graph predicts collapse, 0 bounded, NA unknown. */
  public static final String PREDICTED_COLLAPSE = MetricCatalogue.PREDICTED_COLLAPSE.name();

  private final Path dir;
  private final int humans;
  private final int window;
  private final GraphWindow records;
  private final ObjectMapper json = Yaml.json();
  private int lastTick = -1;
  private int lastWritten = -1;

  /** The analysis of the window ending at {@link #lastTick}; null until asked for. */
  private GraphAnalysis latest;

  private GraphAnalysis lastBlock;
  private volatile GraphAnalysis live;
  private final GraphWriters files = new GraphWriters();

  /**
   * The size of the last block's JSON, a hint to size the next one's buffer (any value is safe).
   */
  private int jsonSize = 1 << 16;

  private final boolean blockFiles;
  private final boolean[] kept;

  /** The graph's thread; the fields above it, but {@link #live}, are its own. */
  private final GraphWorker worker = new GraphWorker();

  /** On the clock's thread: the last tick handed over, and the future of its rows. */
  private int handedOver = -1;

  private CompletableFuture<List<MetricRow>> handedRows;

  /** A listener that writes into {@code runDir/graph}, created at the first write. */
  public GraphListener(Path runDir, World world, GraphOptions options) {
    this.dir = Objects.requireNonNull(runDir, "runDir").resolve(DIR);
    boolean[] kept =
        new OutputOptions(world.perModelRows(), world.sampleSize())
            .kept(world.models().size(), world.seed());
    this.blockFiles = !OutputOptions.aggregates(kept);
    this.kept = blockFiles ? null : kept;
    this.humans = world.humans().size();
    this.window = options.window();
    this.records = GraphWindow.of(world, window);
  }

  /**
   * Takes the fits made before tick 0 ({@code initial: fit-truth}) on the graph's thread: until its
   * first successful retrain, such a model counts as trained on the truth items it was fitted on,
   * as one that starts as the truth does from the start (see {@link GraphWindow}). A resumed run
   * has them in its checkpoint's window.
   */
  @Override
  public void onInitialFits(List<RetrainReport> reports) throws IOException {
    List<RetrainReport> fits = List.copyOf(reports);
    worker.submit(
        ModelCore.INITIAL_TICK,
        () -> {
          records.addInitialFits(fits);
          return null;
        });
  }

  /**
   * The latest analysis made (at a tick with retrains, at the end of a block, or for another
   * listener), or null before the first.
   */
  public GraphAnalysis current() {
    return live;
  }

  /**
   * The analysis of the window that ends at tick {@code r}, for another listener of the same
   * observe phase (the live meters), whether it runs before this one or after. Called on the
   * clock's thread, which waits for the graph's thread to catch up.
   */
  public GraphAnalysis analysisAt(TickResult r) {
    try {
      handOver(r);
      worker.drain();
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    return analysis();
  }

  /** File name stem of the block start..end: {@code w<start>-<end>}. */
  public static String windowName(int start, int end) {
    return RunLayout.windowName(start, end);
  }

  @Override
  public void onTick(TickResult r) throws IOException {
    handOver(r);
  }

  /** Tick r's rows, waiting for the graph's thread. */
  @Override
  public List<MetricRow> rows(TickResult r) {
    try {
      return rowsLater(r).join();
    } catch (java.util.concurrent.CompletionException e) {
      try {
        worker.rethrow();
      } catch (IOException io) {
        throw new UncheckedIOException(io.getMessage(), io);
      }
      throw e;
    }
  }

  /**
   * Tick r's rows, made on the graph's thread: the run writer's thread waits for them. They
   * complete exceptionally when the graph failed at r or before; the clock's next call here throws
   * that failure.
   */
  @Override
  public CompletableFuture<List<MetricRow>> rowsLater(TickResult r) {
    try {
      handOver(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    return handedRows;
  }

  /**
   * On the clock's thread: hands tick r's reports to the graph's thread, once per tick; throws the
   * failure of an earlier tick's work there.
   */
  private void handOver(TickResult r) throws IOException {
    if (r.tick() == handedOver) {
      // Handed over (onTick, then rowsLater): a failure since then shows in its rows' future.
      return;
    }
    worker.rethrow();
    int tick = r.tick();
    List<RetrainReport> reports = r.reports();
    handedRows = worker.submit(tick, () -> step(tick, reports));
    handedOver = tick;
  }

  /**
   * On the graph's thread: adds tick {@code tick}'s reports to the window; their rows, from the
   * window's analysis when there are any; and a block's files when the tick ends one.
   */
  private List<MetricRow> step(int tick, List<RetrainReport> reports) throws IOException {
    advance(tick, reports);
    List<MetricRow> rows = reports.isEmpty() ? List.of() : rows(tick, reports, analysis());
    if ((tick + 1) % window == 0) {
      write(analysis());
    }
    return rows;
  }

  /** Three rows per report, from analysis {@code a}. */
  private List<MetricRow> rows(int tick, List<RetrainReport> reports, GraphAnalysis a) {
    List<MetricRow> rows = new ArrayList<>(3 * reports.size());
    for (RetrainReport rep : reports) {
      int i = rep.agent() - humans;
      rows.add(new MetricRow(tick, rep.id(), rep.generation(), HUMAN_ANCESTRY, a.ancestry(i)));
      rows.add(new MetricRow(tick, rep.id(), rep.generation(), TRAINING_DEPTH, a.depth(i)));
      rows.add(
          new MetricRow(
              tick, rep.id(), rep.generation(), PREDICTED_COLLAPSE, a.prediction(i).value()));
    }
    return rows;
  }

  /** Drains and stops the graph's thread (throwing its failure), then writes the last files. */
  @Override
  public void onFinish(RunOutcome outcome) throws IOException {
    try {
      try {
        worker.drain();
      } finally {
        worker.close();
      }
      if (lastTick >= 0) {
        if (lastWritten < lastTick) {
          write(GraphAnalysis.of(records.graph(lastTick - lastTick % window, lastTick)));
        }
        GraphAnalysis last = lastBlock;
        files.drain(); // the blocks' files first, so that their failure is the one thrown
        files.dot(
            () -> {
              Files.createDirectories(dir);
              AtomicFiles.write(dir.resolve(FINAL_DOT), dot(last, kept));
            });
        files.drain();
      }
    } finally {
      files.close(); // also after a failed tick; a restarted run starts new writers
    }
  }

  /**
   * Takes a tick's reports, once per tick. The window's analysis waits for {@link #analysis()}: a
   * tick without retrains, which writes no rows and ends no block, needs none.
   */
  private void advance(int tick, List<RetrainReport> reports) {
    if (tick == lastTick) {
      return;
    }
    records.add(tick, reports);
    lastTick = tick;
    latest = null;
  }

  /** The analysis of the window ending at the latest tick, made at the first call for that tick. */
  private GraphAnalysis analysis() {
    if (latest == null) {
      latest = GraphAnalysis.of(records.graphAt(lastTick));
      live = latest;
    }
    return latest;
  }

  /**
   * Writes a block's JSON and DOT files on the writer threads, so that rendering and writing them
   * does not hold up the next tick.
   */
  private void write(GraphAnalysis a) throws IOException {
    String name = windowName(a.graph().start(), a.graph().end());
    lastWritten = a.graph().end();
    lastBlock = a;
    if (!blockFiles) {
      return;
    }
    files.json(
        () -> {
          Files.createDirectories(dir);
          AtomicFiles.write(dir.resolve(name + RunLayout.JSON_EXT), json(a));
        });
    files.dot(
        () -> {
          Files.createDirectories(dir);
          AtomicFiles.write(dir.resolve(name + RunLayout.DOT_EXT), dot(a, null));
        });
  }

  /** The Node Graph JSON, with a final newline (as the mapper writes GraphJson.toMap). */
  private byte[] json(GraphAnalysis a) throws IOException {
    byte[] bytes = GraphJsonWriter.bytes(json, a, jsonSize + jsonSize / 8);
    jsonSize = bytes.length;
    return bytes;
  }

  /** The DOT text, of the kept models only when {@code kept} is not null. */
  private static byte[] dot(GraphAnalysis a, boolean[] kept) {
    String name = windowName(a.graph().start(), a.graph().end());
    return GraphDot.render(name, a, kept).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Writes the listener's state for a checkpoint: the last tick seen, the end of the last block
   * written and the window. The analyses are derived from the window when restored; the last
   * block's analysis is not kept: {@link #onFinish} draws the final graph from a block analysed
   * after the checkpoint (a checkpoint is never taken after the last tick).
   */
  public void save(java.io.DataOutput out) throws java.io.IOException {
    worker.drain();
    files.drain();
    out.writeInt(lastTick);
    out.writeInt(lastWritten);
    records.save(out);
  }

  /** Restores what {@link #save} wrote, before the first tick of a resumed run. */
  public void restore(java.io.DataInput in) throws java.io.IOException {
    worker.close();
    worker.reset();
    lastTick = in.readInt();
    handedOver = lastTick;
    lastWritten = in.readInt();
    records.restore(in);
    latest = lastTick < 0 ? null : GraphAnalysis.of(records.graphAt(lastTick));
    live = latest;
    lastBlock = lastWritten == lastTick ? latest : null;
  }

  /**
   * Deletes, in run directory {@code dir}, graph/wS-E.json and .dot of every window ending after
   * {@code tick}, and of every partial window (fewer than {@code window} ticks: a stopped or failed
   * run's last); how many files. A run that goes on after a checkpoint at {@code tick} writes those
   * windows again, whole, so that its graph files are those of an uninterrupted run.
   */
  public static int removeWindowsAfter(Path dir, int tick, int window) throws IOException {
    Path graphDir = dir.resolve(RunLayout.GRAPH_DIR);
    if (!Files.isDirectory(graphDir)) {
      return 0;
    }
    int removed = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(graphDir, "w*-*.json")) {
      for (Path f : files) {
        Matcher m = RunLayout.WINDOW_JSON.matcher(f.getFileName().toString());
        if (!m.matches()) {
          continue;
        }
        int start = Integer.parseInt(m.group(1));
        int end = Integer.parseInt(m.group(2));
        if (end > tick || end - start + 1 < window) {
          String stem = RunLayout.windowName(start, end);
          for (String ext : new String[] {RunLayout.JSON_EXT, RunLayout.DOT_EXT}) {
            if (Files.deleteIfExists(graphDir.resolve(stem + ext))) {
              removed++;
            }
          }
        }
      }
    }
    return removed;
  }
}
