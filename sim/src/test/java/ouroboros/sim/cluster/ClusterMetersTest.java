package ouroboros.sim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.testing.ChildJvm;
import ouroboros.sim.testing.Repo;

/**
 * Issue 13: a worker's node meters ({@code node --metrics-port}) carry the run's {@code run} and
 * {@code scenario} labels, the same as the clock's node's series, so that the Engine dashboard's
 * Nodes row ({@code ouroboros_node_agents{run="$run"}}) shows every node of a run, not only the
 * clock's; and the bytes each node counts are those of every message over Artery (control messages
 * and Akka's own traffic included), more than the items and reports alone.
 */
@Tag("slow")
class ClusterMetersTest {
  private static final List<String> HEAP = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1");
  private static final Pattern AGENTS =
      Pattern.compile("(?m)^ouroboros_node_agents\\{([^}]*)\\} (\\S+)$");

  @TempDir Path tmp;

  @Test
  void workerMeters_carryTheClocksRunLabels() throws Exception {
    String seed = "127.0.0.1:" + freePort();
    int workerPort = freePort();
    int clockPort = freePort();
    try (ChildJvm worker =
            ChildJvm.start(
                tmp.resolve("worker.log"),
                HEAP,
                "node",
                "--join",
                seed,
                "--threads",
                "1",
                "--metrics-port",
                String.valueOf(workerPort));
        ChildJvm clock =
            ChildJvm.start(
                tmp.resolve("clock.log"),
                HEAP,
                "run",
                Repo.root().resolve("scenarios/quickstart.yaml").toString(),
                "--set",
                "ticks=200",
                "--pace",
                "20",
                "--out",
                tmp.resolve("run").toString(),
                "--quiet",
                "--no-report",
                "--threads",
                "1",
                "--cluster",
                seed,
                "--min-nodes",
                "2",
                "--metrics-port",
                String.valueOf(clockPort))) {
      AtomicReference<String> workerLabels = new AtomicReference<>();
      worker.await(
          () -> {
            Matcher m = AGENTS.matcher(scrape(workerPort));
            if (m.find()) {
              workerLabels.set(m.group(1));
              return true;
            }
            return false;
          },
          Duration.ofSeconds(90),
          Duration.ofMillis(250),
          "a node meter on the worker's /metrics");
      String clockLabels = null;
      Matcher m = AGENTS.matcher(scrape(clockPort));
      if (m.find()) {
        clockLabels = m.group(1);
      }
      assertNotNull(clockLabels, "the clock's node meters: " + clock.log());
      String run = label(clockLabels, "run");
      assertNotNull(run, clockLabels);
      assertTrue(run.startsWith("quickstart-"), run);
      assertEquals(run, label(workerLabels.get(), "run"), workerLabels.get());
      assertEquals("quickstart", label(workerLabels.get(), "scenario"), workerLabels.get());
      assertTrue(
          !label(workerLabels.get(), "node").equals(label(clockLabels, "node")),
          workerLabels.get() + " against " + clockLabels);

      // The node meters count every message over Artery, more than the items and reports alone.
      assertTrue(clock.waitFor(Duration.ofMinutes(3)), "the run did not end: " + clock.log());
      assertEquals(0, clock.process().exitValue(), clock.log());
      assertTrue(worker.waitFor(Duration.ofMinutes(1)), "the worker did not stop: " + worker.log());
      assertAllMoreThanItems(clock.log(), CLOCK_TRAFFIC);
      assertAllMoreThanItems(worker.log(), WORKER_TRAFFIC);
    }
  }

  private static final Pattern CLOCK_TRAFFIC =
      Pattern.compile(
          "cluster: this node sent (\\d+) and received (\\d+) bytes of items and reports, in \\d+"
              + " block calls; all its messages over Artery: (\\d+) sent, (\\d+) received");
  private static final Pattern WORKER_TRAFFIC =
      Pattern.compile(
          "node: sent (\\d+) and received (\\d+) bytes of items and reports; all its messages"
              + " over Artery: (\\d+) sent, (\\d+) received");

  /** In a node's closing line, items and reports flowed both ways, and all bytes exceed them. */
  private static void assertAllMoreThanItems(String log, Pattern line) {
    Matcher m = line.matcher(log);
    assertTrue(m.find(), "no closing traffic line: " + log);
    long sent = Long.parseLong(m.group(1));
    long received = Long.parseLong(m.group(2));
    assertTrue(sent > 0 && received > 0, m.group());
    assertTrue(Long.parseLong(m.group(3)) > sent, m.group());
    assertTrue(Long.parseLong(m.group(4)) > received, m.group());
  }

  private static String label(String labels, String name) {
    Matcher m = Pattern.compile("(?:^|,)" + name + "=\"([^\"]*)\"").matcher(labels);
    return m.find() ? m.group(1) : null;
  }

  private static String scrape(int port) throws Exception {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (ConnectException notYet) {
      return "";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
