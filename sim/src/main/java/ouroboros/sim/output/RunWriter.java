package ouroboros.sim.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ouroboros.sim.engine.Phase;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.engine.TickListener;
import ouroboros.sim.engine.TickResult;
import ouroboros.sim.engine.World;
import ouroboros.sim.scenario.Scenario;
import ouroboros.sim.scenario.ScenarioLoader;
import ouroboros.sim.scenario.Yaml;

/**
 * Writes a run directory, incrementally and atomically (ARCHITECTURE.md, invariant 5):
 *
 * <ul>
 *   <li>{@code scenario.yaml}: the resolved scenario, seed included, written before tick 0;
 *   <li>{@code metrics.csv}: appended one whole tick at a time, each tick in a single write, so a
 *       killed run leaves a file that ends on a tick boundary;
 *   <li>{@code summary.json}: replaced atomically after every tick, with {@code complete: false}
 *       until the run ends;
 *   <li>{@code timing.json}: wall time and throughput, at the end. Timing lives only here, so the
 *       other files are byte-identical for the same scenario and seed.
 * </ul>
 */
public final class RunWriter implements TickListener, AutoCloseable {
  private final Path dir;
  private final World world;
  private final RunSummary summary;
  private final FileChannel metrics;
  private final ObjectMapper json = Yaml.json();
  private final long startNanos = System.nanoTime();
  private final long[] phaseNanos = new long[Phase.values().length];
  private final int threads;
  private final List<RunMetrics.Contributor> contributors;
  private long published;

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
    List<RunMetrics.Contributor> all = new java.util.ArrayList<>(contributors);
    SiteRows sites = SiteRows.of(scenario);
    if (sites != null) {
      all.add(sites);
    }
    this.contributors = List.copyOf(all);
    this.dir = dir;
    this.world = world;
    this.threads = threads;
    this.summary = new RunSummary(world);
    Files.createDirectories(dir);
    AtomicFiles.write(
        dir.resolve("scenario.yaml"),
        new ScenarioLoader()
            .write(scenario.withSeed(world.seed()))
            .getBytes(StandardCharsets.UTF_8));
    this.metrics =
        FileChannel.open(
            dir.resolve("metrics.csv"),
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
    writeFully(MetricRow.HEADER + "\n");
    writeSummary();
  }

  /** The run directory. */
  public Path dir() {
    return dir;
  }

  /** The summary so far. */
  public RunSummary summary() {
    return summary;
  }

  @Override
  public void onTick(TickResult r) throws IOException {
    StringBuilder b = new StringBuilder();
    for (MetricRow row : RunMetrics.rows(r, contributors)) {
      b.append(row.csv()).append('\n');
    }
    writeFully(b.toString());
    summary.update(r.tick(), r.reports());
    writeSummary();
    published += r.published();
    for (int i = 0; i < phaseNanos.length; i++) {
      phaseNanos[i] += r.phaseNanos()[i];
    }
  }

  @Override
  public void onFinish(RunOutcome outcome) throws IOException {
    summary.finish(outcome.failure());
    writeSummary();
    double wall = (System.nanoTime() - startNanos) / 1e9;
    Map<String, Object> timing = new LinkedHashMap<>();
    timing.put("wall-seconds", wall);
    timing.put("threads", threads);
    timing.put("ticks-completed", outcome.ticksCompleted());
    timing.put("ticks-per-second", outcome.ticksCompleted() / wall);
    timing.put("items-published", published);
    timing.put("items-per-second", published / wall);
    Map<String, Object> phases = new LinkedHashMap<>();
    for (Phase p : Phase.values()) {
      if (p != Phase.OBSERVE) {
        phases.put(p.key(), phaseNanos[p.ordinal()] / 1e9);
      }
    }
    timing.put("phase-seconds", phases);
    AtomicFiles.write(dir.resolve("timing.json"), json.writeValueAsBytes(timing));
    close();
  }

  @Override
  public void close() throws IOException {
    if (metrics.isOpen()) {
      metrics.close();
    }
  }

  /** Writes the summary atomically. */
  private void writeSummary() throws IOException {
    byte[] bytes = json.writeValueAsBytes(summary.toMap());
    byte[] withNewline = java.util.Arrays.copyOf(bytes, bytes.length + 1);
    withNewline[bytes.length] = '\n';
    AtomicFiles.write(dir.resolve("summary.json"), withNewline);
  }

  /** Appends text in one write call where the OS allows, looping until all is written. */
  private void writeFully(String text) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    while (buf.hasRemaining()) {
      metrics.write(buf);
    }
  }
}
