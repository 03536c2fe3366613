package ouroboros.sim.checkpoint;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ouroboros.agents.actor.AgentProtocol;
import ouroboros.sim.engine.Barrier;
import ouroboros.sim.engine.Resumption;
import ouroboros.sim.graph.GraphListener;
import ouroboros.sim.output.AtomicFiles;
import ouroboros.sim.output.BuildInfo;
import ouroboros.sim.output.Checkpointing;
import ouroboros.sim.output.RunLayout;
import ouroboros.sim.output.RunWriter;
import ouroboros.sim.web.WebStore;

/**
 * The checkpoints of one run (docs/checkpoints.md): every K ticks, at the barrier after the observe
 * phase, the web, every agent's state and the observers' state (the run writer's metrics.csv offset
 * and summary, the topology window) go into {@value #FILE} in the run directory, replacing the
 * previous one. A resumed run restores all of them before its first tick.
 */
public final class RunCheckpoints implements Checkpointing {
  /** The checkpoint's file name in the run directory. */
  public static final String FILE = "checkpoint.bin";

  static final String RUN = "run";
  static final String WRITER = "writer";
  static final String GRAPH = "graph";
  static final String WEB = "web";
  static final String AGENTS = "agents";

  private final Path dir;
  private final int every;
  private final GraphListener graph;
  private final Checkpoint from;
  private RunWriter writer;
  private byte[] digest;
  private int written;
  private long lastBytes;
  private long lastNanos;

  private RunCheckpoints(Path dir, int every, GraphListener graph, Checkpoint from) {
    if (every < 0) {
      throw new IllegalArgumentException("every is negative: " + every);
    }
    this.dir = dir;
    this.every = every;
    this.graph = graph;
    this.from = from;
  }

  /** Checkpoints every {@code every} ticks (0: none) of a run that starts at tick 0. */
  public static RunCheckpoints every(Path dir, int every, GraphListener graph) {
    return new RunCheckpoints(dir, every, graph, null);
  }

  /**
   * Reads the checkpoint of the run in {@code dir} and checks it against the directory's
   * scenario.yaml; the checkpoints of the resumed run keep the interval the run was started with.
   */
  public static RunCheckpoints resume(Path dir, GraphListener graph) throws CheckpointException {
    Path file = dir.resolve(FILE);
    Checkpoint c = CheckpointFile.read(file);
    byte[] digest;
    try {
      digest = digest(RunLayout.of(dir).scenario());
    } catch (IOException e) {
      throw new CheckpointException(
          RunLayout.of(dir).scenario() + ": cannot read the run's scenario: " + e.getMessage());
    }
    if (!MessageDigest.isEqual(digest, c.scenarioDigest())) {
      throw new CheckpointException(
          file + ": the checkpoint is of another scenario than " + RunLayout.of(dir).scenario());
    }
    int every;
    try (DataInputStream in = input(c.section(RUN))) {
      every = in.readInt();
    } catch (IOException e) {
      throw new CheckpointException(file + ": the checkpoint is corrupt (section run)");
    }
    if (every < 1) {
      // A run that checkpoints does so every 1 tick or more: a file that says less was edited.
      throw new CheckpointException(
          file + ": the checkpoint is corrupt (section run: an interval of " + every + " ticks)");
    }
    for (String s : List.of(WRITER, WEB, AGENTS)) {
      c.section(s);
    }
    if ((graph != null) != c.sections().containsKey(GRAPH)) {
      throw new CheckpointException(file + ": the checkpoint's topology state does not match");
    }
    RunCheckpoints r = new RunCheckpoints(dir, every, graph, c);
    r.digest = digest;
    return r;
  }

  /** The tick the checkpoint being resumed ends at. */
  public int tick() {
    return from == null ? -1 : from.tick();
  }

  /** The checkpoint interval in ticks (0: none). */
  public int interval() {
    return every;
  }

  /** How many checkpoints this run wrote. */
  public int written() {
    return written;
  }

  /** The size of the last checkpoint written, in bytes. */
  public long lastBytes() {
    return lastBytes;
  }

  /**
   * How long the last checkpoint took, from the barrier to the file on the disk, in nanoseconds.
   */
  public long lastNanos() {
    return lastNanos;
  }

  @Override
  public boolean resuming() {
    return from != null;
  }

  @Override
  public Resumption resume(RunWriter w) throws IOException {
    this.writer = w;
    if (from == null) {
      return null;
    }
    try {
      try (DataInputStream in = input(from.section(WRITER))) {
        long length = in.readLong();
        if (length < 0) {
          throw new CheckpointException(
              dir.resolve(FILE)
                  + ": the checkpoint is corrupt (section writer: a metrics.csv of "
                  + length
                  + " bytes)");
        }
        w.resumeAt(length);
        w.summary().restore(in);
      }
      if (graph != null) {
        try (DataInputStream in = input(from.section(GRAPH))) {
          graph.restore(in);
        }
      }
      List<byte[]> agents;
      try (DataInputStream in = input(from.section(AGENTS))) {
        agents = Resumption.readAgents(in);
      }
      return new Resumption(from.tick(), from.section(WEB), agents);
    } catch (CheckpointException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  @Override
  public Barrier barrier(RunWriter w) {
    this.writer = w;
    if (every == 0) {
      return Barrier.NONE;
    }
    return new Barrier() {
      @Override
      public boolean due(int tick) {
        return (tick + 1) % every == 0;
      }

      @Override
      public void write(int tick, WebStore web, List<AgentProtocol.StateSaved> states)
          throws IOException {
        RunCheckpoints.this.write(tick, web, states);
      }
    };
  }

  /** Writes the checkpoint after {@code tick}. */
  private void write(int tick, WebStore web, List<AgentProtocol.StateSaved> states)
      throws IOException {
    long t0 = System.nanoTime();
    if (digest == null) {
      digest = digest(RunLayout.of(dir).scenario());
    }
    Map<String, byte[]> sections = new LinkedHashMap<>();
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(b);
    out.writeInt(every);
    sections.put(RUN, take(b, out));
    out.writeLong(writer.flushForCheckpoint());
    if (writer.summary().ticksCompleted() <= tick) {
      // The writer stopped taking ticks (SIGTERM, Ctrl-C: RunWriter.abort) before this one's rows:
      // a checkpoint after it would count rows metrics.csv does not hold, and a resume would go on
      // without them. The last checkpoint stays, with the rows it counts.
      return;
    }
    writer.summary().save(out);
    sections.put(WRITER, take(b, out));
    if (graph != null) {
      graph.save(out); // waits for the graph files handed to the writer so far
      sections.put(GRAPH, take(b, out));
      // Each graph file was forced before its rename; the renames are forced here, so that a power
      // cut after this checkpoint cannot lose a graph file the checkpoint counts as written.
      Path graphDir = dir.resolve(RunLayout.GRAPH_DIR);
      if (Files.isDirectory(graphDir)) {
        AtomicFiles.forceDirectory(graphDir);
      }
    }
    web.save(out);
    sections.put(WEB, take(b, out));
    List<byte[]> agents = new ArrayList<>(states.size());
    for (AgentProtocol.StateSaved s : states) {
      if (!s.failure().isEmpty()) {
        throw new IOException("agent " + s.agent() + " could not save its state: " + s.failure());
      }
      agents.add(s.state());
    }
    Resumption.writeAgents(out, agents);
    sections.put(AGENTS, take(b, out));
    lastBytes =
        CheckpointFile.write(
            dir.resolve(FILE), new Checkpoint(BuildInfo.current().line(), digest, tick, sections));
    lastNanos = System.nanoTime() - t0;
    written++;
  }

  /**
   * After a run that completed every tick: deletes {@value #FILE}, since nothing is left to resume,
   * unless {@code keep} ({@code --keep-checkpoint}), so that a finished run directory holds only
   * its results. The deletion is forced to the disk.
   */
  public void completed(boolean keep) throws IOException {
    if (keep || !Files.deleteIfExists(dir.resolve(FILE))) {
      return;
    }
    AtomicFiles.forceDirectory(dir.toAbsolutePath());
  }

  /** The bytes written to {@code b} so far; empties it. */
  private static byte[] take(ByteArrayOutputStream b, DataOutputStream out) throws IOException {
    out.flush();
    byte[] bytes = b.toByteArray();
    b.reset();
    return bytes;
  }

  private static DataInputStream input(byte[] bytes) {
    return new DataInputStream(new ByteArrayInputStream(bytes));
  }

  /** SHA-256 of a file. */
  static byte[] digest(Path file) throws IOException {
    try {
      return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
