package ouroboros.sim.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.cli.Main;
import ouroboros.sim.testing.ChildJvm;

/**
 * Issue 14: a run killed with SIGKILL at any point and then resumed ends with metrics.csv,
 * summary.json and the graph files byte-identical to an uninterrupted run's. The run goes on in a
 * child JVM, killed between two checkpoints, right after one, and during a checkpoint's write (a
 * test-only property pauses the writer half-way through the temporary file); {@code ouroboros
 * resume} then finishes it. Covers a Gaussian world with a human source that reposts, a timeline
 * and a pipeline of stages, a categorical world and an n-gram text world.
 */
@Tag("slow")
class KillResumeTest {
  @TempDir Path tmp;

  /** One uninterrupted run per scenario, shared by the tests of that scenario. */
  @TempDir static Path references;

  private static final java.util.Map<String, Path> REFERENCE = new java.util.HashMap<>();

  private static final String GAUSSIAN =
      """
      name: gaussian-kill
      seed: 5
      ticks: 240
      domain: {type: gaussian, dimensions: 2}
      sites: [{id: forum}, {id: blog}]
      humans:
        - {id: people, publish-rate: 60, site: forum, laundering: {share: 0.2, strip: 0.5}}
      models:
        - id: acc
          regime: accumulate-subsample
          scrape: 80
          publish-rate: 60
          site: blog
          pipeline:
            - {stage: dedup}
            - {stage: human-anchor, reserve: 200, fraction: 0.2}
        - {id: rep, regime: replace, scrape: 60, publish-rate: 40, site: blog, initial: fit-truth}
        - {id: win, regime: window, window: 3, scrape: 60, publish-rate: 40, site: forum}
      web: {retention: 4}
      timeline:
        - {tick: 100, set: {path: "models[rep].scrape", value: 90}}
      """;

  private static final String CATEGORICAL =
      """
      name: categorical-kill
      seed: 9
      ticks: 200
      domain: {type: categorical, categories: 50}
      humans:
        - {id: people, publish-rate: 100}
      models:
        - {id: a, regime: accumulate, scrape: 200, publish-rate: 100}
        - {id: b, regime: replace, scrape: 200, publish-rate: 100}
      web: {retention: 3}
      """;

  private static final String TEXT =
      """
      name: text-kill
      seed: 3
      ticks: 120
      domain: {type: ngram-text, vocabulary: 60, max-length: 12}
      humans:
        - {id: people, publish-rate: 40}
      models:
        - {id: a, regime: accumulate, scrape: 60, publish-rate: 40}
        - {id: b, regime: replace, scrape: 60, publish-rate: 40}
      web: {retention: 2}
      """;

  /** Where the child JVM is killed. */
  private enum Point {
    BETWEEN,
    RIGHT_AFTER,
    DURING_WRITE
  }

  @Test
  void gaussian_killedBetweenCheckpoints_resumedIdentical() throws Exception {
    check(GAUSSIAN, Point.BETWEEN);
  }

  @Test
  void gaussian_killedRightAfterACheckpoint_resumedIdentical() throws Exception {
    check(GAUSSIAN, Point.RIGHT_AFTER);
  }

  @Test
  void gaussian_killedDuringACheckpointWrite_resumedIdentical() throws Exception {
    check(GAUSSIAN, Point.DURING_WRITE);
  }

  @Test
  void categorical_killedDuringACheckpointWrite_resumedIdentical() throws Exception {
    check(CATEGORICAL, Point.DURING_WRITE);
  }

  @Test
  void text_killedBetweenCheckpoints_resumedIdentical() throws Exception {
    check(TEXT, Point.BETWEEN);
  }

  private void check(String yaml, Point point) throws Exception {
    Path scenario = tmp.resolve("scenario.yaml");
    Files.writeString(scenario, yaml);
    Path reference = REFERENCE.get(yaml);
    if (reference == null) {
      reference = references.resolve("reference-" + REFERENCE.size());
      assertEquals(0, cli("run", scenario.toString(), "--out", reference.toString()));
      REFERENCE.put(yaml, reference);
    }
    Path killed = tmp.resolve("killed");
    int pause = point == Point.DURING_WRITE ? 3000 : 0;
    Path file = killed.resolve(RunCheckpoints.FILE);
    Path temporary = killed.resolve("." + RunCheckpoints.FILE + ".tmp");
    Duration timeout = Duration.ofSeconds(120);
    Duration poll = Duration.ofMillis(2);
    try (ChildJvm child = child(scenario, killed, pause)) {
      if (point == Point.DURING_WRITE) {
        // The second checkpoint's write: the first one is whole on the disk.
        child.await(
            () -> Files.exists(file) && Files.exists(temporary), timeout, poll, "a second write");
      } else {
        child.await(() -> Files.exists(file), timeout, poll, "a checkpoint");
        if (point == Point.BETWEEN) {
          long size = Files.size(killed.resolve("metrics.csv"));
          child.await(
              () -> Files.size(killed.resolve("metrics.csv")) > size, timeout, poll, "more rows");
        }
      }
      child.kill();
    }
    assertFalse(
        Files.readString(killed.resolve("summary.json")).contains("\"complete\" : true"),
        "killed before the end");
    // A run that failed rather than being killed also leaves its partial last window (such as
    // w10-14 when a checkpoint's write fails at tick 14); resume removes it, as the run writes it
    // again, whole.
    Files.createDirectories(killed.resolve("graph"));
    Files.writeString(killed.resolve("graph/w0-2.json"), "{}\n");
    Files.writeString(killed.resolve("graph/w0-2.dot"), "digraph \"w0-2\" {}\n");
    int resumedAfter = CheckpointFile.read(file).tick();
    assertEquals(0, cli("resume", killed.toString()), "resume");
    // QA, stop 34: a resumed run's ticks per second counted the ticks before its checkpoint too.
    var timing = new ObjectMapper().readTree(killed.resolve("timing.json").toFile());
    int ticks = timing.get("ticks-completed").asInt();
    assertEquals(
        ticks - resumedAfter - 1,
        timing.get("ticks-per-second").asDouble() * timing.get("wall-seconds").asDouble(),
        1e-6 * ticks,
        "ticks run by the resume");
    // QA: "ticks-completed" is the whole run's, the rates the last attempt's; "ticks-run" says so.
    assertEquals(ticks - resumedAfter - 1, timing.get("ticks-run").asInt(), timing.toString());
    assertArrayEquals(
        Files.readAllBytes(reference.resolve("metrics.csv")),
        Files.readAllBytes(killed.resolve("metrics.csv")),
        "metrics.csv");
    assertEquals(summary(reference), summary(killed), "summary.json");
    assertEquals(graph(reference), graph(killed), "graph files");
    assertFalse(Files.exists(temporary), "no temporary file left");
  }

  /** Runs the command line in this JVM, quietly, on two threads; the exit code. */
  private static int cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--quiet", "--no-report", "--threads", "2"));
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            all.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(err));
    if (code != 0) {
      System.err.println(err);
    }
    return code;
  }

  /** The run in a child JVM with checkpoints every 10 ticks. */
  private ChildJvm child(Path scenario, Path out, int pauseMs) throws IOException {
    List<String> jvm = new ArrayList<>(List.of("-Xmx512m"));
    if (pauseMs > 0) {
      jvm.add("-D" + CheckpointFile.PAUSE_PROPERTY + "=" + pauseMs);
    }
    return ChildJvm.start(
        tmp.resolve("child.log"),
        jvm,
        "run",
        scenario.toString(),
        "--out",
        out.toString(),
        "--checkpoint-every",
        "10",
        "--quiet",
        "--no-report",
        "--threads",
        "2");
  }

  /** summary.json without the lines that name the build. */
  private static String summary(Path dir) throws IOException {
    return Files.readString(dir.resolve("summary.json"));
  }

  /** Every graph file's text, by name. */
  private static TreeMap<String, String> graph(Path dir) throws IOException {
    TreeMap<String, String> out = new TreeMap<>();
    Path g = dir.resolve("graph");
    if (!Files.isDirectory(g)) {
      return out;
    }
    try (Stream<Path> files = Files.list(g)) {
      for (Path f : files.toList()) {
        out.put(f.getFileName().toString(), Files.readString(f));
      }
    }
    assertFalse(out.isEmpty());
    return out;
  }
}
