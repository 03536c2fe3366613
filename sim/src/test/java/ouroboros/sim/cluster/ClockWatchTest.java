package ouroboros.sim.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.CoordinatedShutdown;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import ouroboros.sim.engine.Simulation;

/**
 * What a worker says when it leaves the cluster: "the run is over" when asked to leave at the end
 * of a run, and that a signal stopped it when its JVM's shutdown hook makes it leave. QA: a worker
 * stopped with SIGTERM mid-run said the run was over, while the clock went on without it.
 */
class ClockWatchTest {

  @Test
  void leave_askedForByTheClock_saysTheRunIsOver() throws Exception {
    String log =
        leave(
            sim ->
                akka.cluster.typed.Cluster.get(sim.system())
                    .manager()
                    .tell(
                        akka.cluster.typed.Leave.create(
                            akka.cluster.typed.Cluster.get(sim.system()).selfMember().address())));
    assertTrue(log.contains("node: the run is over; leaving the cluster"), log);
  }

  @Test
  void leave_byTheJvmShutdownHook_saysASignalStoppedIt() throws Exception {
    String log =
        leave(
            sim -> CoordinatedShutdown.get(sim.system()).run(CoordinatedShutdown.jvmExitReason()));
    assertTrue(
        log.contains("node: stopped by a signal (SIGTERM or Ctrl-C); leaving the cluster"), log);
    assertTrue(!log.contains("the run is over"), log);
  }

  /**
   * Starts a worker alone in its own cluster (it joins itself; the clock it watches never comes),
   * makes it leave with {@code how} once it is up, and returns what it printed.
   */
  private static String leave(Consumer<Simulation> how) throws Exception {
    ClusterNode.HostPort self = ClusterNode.hostPort("--bind", "127.0.0.1:" + freePort());
    StringWriter out = new StringWriter();
    PrintWriter printer = new PrintWriter(out, true);
    try (Simulation sim = new Simulation(1, ClusterNode.config(self, self, self))) {
      ClusterNode.startWorker(
          sim.system(),
          new akka.actor.Address("akka", ClusterNode.SYSTEM, "127.0.0.1", 1),
          printer);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!out.toString().contains("node: up in the cluster") && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(out.toString().contains("node: up in the cluster"), out.toString());
      how.accept(sim);
      sim.system().getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    return out.toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
