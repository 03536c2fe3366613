package ouroboros.sim.cluster;

import akka.actor.Address;
import akka.cluster.Member;
import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The nodes an attempt of a cluster run lost, of those that held its blocks: the first ends the
 * attempt ({@link #first}, {@link #why}); a later one (two workers killed at once) is said on the
 * log and, like the first, not expected by the next attempt ({@link ClusterPlacement#survivors}).
 * Told from the cluster's event threads.
 */
final class NodeLosses {
  private final PrintWriter log;
  private final CompletableFuture<String> why = new CompletableFuture<>();
  private final Set<Address> all = ConcurrentHashMap.newKeySet();
  private volatile Address first;

  NodeLosses(PrintWriter log) {
    this.log = Objects.requireNonNull(log, "log");
  }

  /**
   * Node {@code node}, which held blocks {@code held} of the run's {@code blocks} blocks of {@code
   * size} agents, became unreachable or left ({@code how}).
   */
  synchronized void lost(Address node, String how, List<Integer> held, int blocks, int size) {
    if (!all.add(node)) {
      return;
    }
    if (first != null) {
      // The run is already going back to its checkpoint; the next attempt expects this one no more.
      log.printf(
          "cluster: node %s was lost too (%s); it held %d of the run's %d blocks%n",
          node, how, held.size(), blocks);
      log.flush();
      return;
    }
    first = node;
    why.complete(
        "node "
            + node
            + " was lost ("
            + how
            + "); it held "
            + held.size()
            + " of the run's "
            + blocks
            + " blocks of "
            + size
            + " agents (blocks "
            + BlockCensus.ranges(held)
            + ")");
  }

  /** Completes with why when the first node that holds blocks is lost. */
  CompletionStage<String> why() {
    return why;
  }

  /** The first node lost, or null. */
  Address first() {
    return first;
  }

  /** Every node lost so far. */
  Set<Address> all() {
    return Set.copyOf(all);
  }

  /**
   * How many of {@code expected} are still in {@code cluster} and not on their way out: a node the
   * split-brain resolver downed, or that left, is waited for no longer.
   */
  static int staying(Cluster cluster, Set<Address> expected) {
    int n = 0;
    for (Member m : cluster.state().getMembers()) {
      MemberStatus st = m.status();
      boolean staying =
          st == MemberStatus.up() || st == MemberStatus.joining() || st == MemberStatus.weaklyUp();
      if (staying && expected.contains(m.address())) {
        n++;
      }
    }
    return n;
  }
}
