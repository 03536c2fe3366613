package ouroboros.sim.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.cli.Main;
import ouroboros.sim.testing.ChildJvm;
import ouroboros.sim.testing.Repo;

/**
 * Issue 13: a run on a cluster of JVMs on loopback gives the same metrics.csv, summary.json and
 * graph files as the same run in one JVM, on three nodes (the clock's and two workers) and on two.
 * Every node is a child JVM with a small heap; whatever happens, {@link #killChildren} kills them.
 */
@Tag("slow")
class ClusterRunTest {
  private static final List<String> HEAP = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1");
  private static final List<ChildJvm> CHILDREN = new ArrayList<>();
  private static final String[] SCENARIO = {
    Repo.root().resolve("scenarios/quickstart.yaml").toString(), "--set", "ticks=12", "--seed", "7"
  };

  @TempDir static Path tmp;
  private static Path alone;

  @BeforeAll
  static void runInOneJvm() {
    alone = tmp.resolve("alone");
    StringWriter err = new StringWriter();
    int code = Main.run(args(alone), new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertEquals(0, code, err.toString());
  }

  @AfterAll
  static void killChildren() throws InterruptedException {
    for (ChildJvm c : CHILDREN) {
      c.close();
    }
  }

  @Test
  void run_threeNodes_filesIdenticalToOneJvm() throws Exception {
    assertSameFiles(alone, runOnCluster("three", 3));
  }

  @Test
  void run_twoNodes_filesIdenticalToOneJvm() throws Exception {
    assertSameFiles(alone, runOnCluster("two", 2));
  }

  /** Runs the scenario with its clock node and {@code nodes - 1} workers; the run directory. */
  private static Path runOnCluster(String name, int nodes) throws Exception {
    int port = freePort();
    String seed = "127.0.0.1:" + port;
    for (int w = 1; w < nodes; w++) {
      start(tmp.resolve(name + "-worker" + w + ".log"), "node", "--join", seed, "--threads", "1");
    }
    Path out = tmp.resolve(name);
    List<String> run = new ArrayList<>(List.of(args(out)));
    run.addAll(List.of("--cluster", seed, "--min-nodes", String.valueOf(nodes)));
    ChildJvm clock = start(tmp.resolve(name + "-clock.log"), run.toArray(String[]::new));
    assertTrue(clock.waitFor(Duration.ofMinutes(4)), "the clock node did not end: " + clock.log());
    assertEquals(0, clock.process().exitValue(), clock.log());
    assertTrue(clock.log().contains("cluster: " + nodes + " nodes"), clock.log());
    return out;
  }

  private static ChildJvm start(Path log, String... args) throws IOException {
    ChildJvm c = ChildJvm.start(log, HEAP, args);
    CHILDREN.add(c);
    return c;
  }

  private static String[] args(Path out) {
    List<String> a = new ArrayList<>(List.of("run"));
    a.addAll(List.of(SCENARIO));
    a.addAll(List.of("--out", out.toString(), "--quiet", "--no-report", "--threads", "2"));
    return a.toArray(String[]::new);
  }

  /** metrics.csv, summary.json and every graph file are byte-identical. */
  private static void assertSameFiles(Path expected, Path actual) throws IOException {
    List<Path> files = new ArrayList<>(List.of(Path.of("metrics.csv"), Path.of("summary.json")));
    try (Stream<Path> graph = Files.list(expected.resolve("graph"))) {
      graph.map(p -> Path.of("graph", p.getFileName().toString())).sorted().forEach(files::add);
    }
    assertTrue(files.size() > 3, "the run wrote graph files: " + files);
    for (Path f : files) {
      assertArrayEquals(
          Files.readAllBytes(expected.resolve(f)),
          Files.readAllBytes(actual.resolve(f)),
          f.toString());
    }
    try (Stream<Path> graph = Files.list(actual.resolve("graph"))) {
      assertEquals(files.size() - 2, graph.count(), "the same graph files");
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
