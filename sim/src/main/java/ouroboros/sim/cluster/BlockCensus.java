package ouroboros.sim.cluster;

import akka.actor.Address;
import akka.actor.AddressFromURIString;
import akka.actor.typed.ActorSystem;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Where Cluster Sharding placed a run's blocks: each block is asked where it lives ({@link
 * BlockEntity.Locate}), which also starts it, before tick 0. The run's log prints the blocks of
 * each node, and when a node is lost, which blocks it held (docs/cluster.md, node loss).
 */
final class BlockCensus {
  private BlockCensus() {}

  /** How long the census waits for a block's answer. */
  private static final Duration ASK = Duration.ofSeconds(60);

  /**
   * Asks the {@code blocks} blocks of run {@code run} where they live; the blocks of each node, in
   * block order, the nodes in address order.
   */
  static Map<Address, List<Integer>> take(ActorSystem<?> system, String run, int blocks)
      throws Exception {
    ClusterSharding sharding = ClusterSharding.get(system);
    List<CompletableFuture<BlockEntity.Located>> answers = new ArrayList<>();
    for (int b = 0; b < blocks; b++) {
      answers.add(
          sharding
              .entityRefFor(BlockEntity.KEY, run + "/" + b)
              .<BlockEntity.Located>ask(BlockEntity.Locate::new, ASK)
              .toCompletableFuture());
    }
    Map<String, List<Integer>> byNode = new TreeMap<>();
    for (int b = 0; b < blocks; b++) {
      String node = answers.get(b).get(ASK.toSeconds(), TimeUnit.SECONDS).node();
      byNode.computeIfAbsent(node, n -> new ArrayList<>()).add(b);
    }
    Map<Address, List<Integer>> census = new LinkedHashMap<>();
    // byNode is sorted by node already.
    byNode.forEach((node, b) -> census.put(AddressFromURIString.parse(node), List.copyOf(b)));
    return census;
  }

  /** The census as one line: each node's address, its number of blocks and which. */
  static String describe(Map<Address, List<Integer>> census) {
    List<String> parts = new ArrayList<>();
    census.forEach((node, held) -> parts.add(node + " " + held.size() + " (" + ranges(held) + ")"));
    return String.join(", ", parts);
  }

  /** Ascending block numbers as ranges: {@code 0-3 5 7-8}. */
  static String ranges(List<Integer> blocks) {
    StringBuilder b = new StringBuilder();
    int k = 0;
    while (k < blocks.size()) {
      int start = blocks.get(k);
      int end = start;
      while (k + 1 < blocks.size() && blocks.get(k + 1) == end + 1) {
        end = blocks.get(++k);
      }
      k++;
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(start == end ? String.valueOf(start) : start + "-" + end);
    }
    return b.toString();
  }
}
