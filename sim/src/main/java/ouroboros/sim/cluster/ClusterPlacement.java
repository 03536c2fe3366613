package ouroboros.sim.cluster;

import akka.actor.Address;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Props;
import akka.actor.typed.SpawnProtocol;
import akka.actor.typed.javadsl.AskPattern;
import akka.actor.typed.receptionist.Receptionist;
import akka.cluster.Member;
import akka.cluster.MemberStatus;
import akka.cluster.sharding.ShardRegion;
import akka.cluster.sharding.typed.ClusterShardingQuery;
import akka.cluster.sharding.typed.GetClusterShardingStats;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.typed.Cluster;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import ouroboros.sim.engine.AgentPost;
import ouroboros.sim.engine.Placement;
import ouroboros.sim.engine.Resumed;
import ouroboros.sim.engine.Resumption;
import ouroboros.sim.engine.World;

/**
 * The clock node's {@link Placement}: waits until {@code minNodes} nodes (itself included) are Up
 * and their hosts registered, prepares the run on each (the scenario text and seed cross the wire,
 * never compiled settings), and gives the clock a {@link BlockPost}. Blocks of {@link
 * #blockSize(int, int)} agents are placed by Cluster Sharding.
 */
public final class ClusterPlacement implements Placement {
  private final ActorSystem<SpawnProtocol.Command> system;
  private final String scenario;
  private final Map<String, String> labels;
  private final long seed;
  private final int minNodes;
  private final Duration wait;
  private final PrintWriter log;
  private final String run;
  private BlockPost post;
  private List<ActorRef<NodeHost.Command>> hosts = List.of();
  private int blocks;
  private int size;

  /** The blocks of each node, by the node's address, once the run is prepared. */
  private volatile Map<Address, List<Integer>> census = Map.of();

  /** The nodes that held blocks and were lost; see {@link #lost()}. */
  private final NodeLosses losses;

  /**
   * After a loss, the nodes not lost (less any downed while it waits, {@link NodeLosses#staying}).
   */
  private final Set<Address> expected;

  /**
   * A placement for one run of {@code scenario} (YAML as resolved) with {@code seed} on at least
   * {@code minNodes} nodes, waiting at most {@code wait} for them; progress lines go to {@code
   * log}. The workers' meters carry {@code labels}, the run's metrics labels.
   */
  public ClusterPlacement(
      ActorSystem<SpawnProtocol.Command> system,
      String scenario,
      Map<String, String> labels,
      long seed,
      int minNodes,
      Duration wait,
      PrintWriter log) {
    this(system, scenario, labels, seed, minNodes, wait, log, null);
  }

  private ClusterPlacement(
      ActorSystem<SpawnProtocol.Command> system,
      String scenario,
      Map<String, String> labels,
      long seed,
      int minNodes,
      Duration wait,
      PrintWriter log,
      Set<Address> expected) {
    this.expected = expected == null ? null : Set.copyOf(expected);
    this.system = Objects.requireNonNull(system);
    this.labels = Map.copyOf(labels);
    this.scenario = Objects.requireNonNull(scenario);
    this.seed = seed;
    if (minNodes < 1) {
      throw new IllegalArgumentException("minNodes is not strictly positive: " + minNodes);
    }
    this.minNodes = minNodes;
    this.wait = Objects.requireNonNull(wait);
    this.log = Objects.requireNonNull(log);
    this.losses = new NodeLosses(log);
    this.run = "run-" + Long.toHexString(System.nanoTime());
  }

  /**
   * Agents per block: the agents spread over four blocks per node, so that Cluster Sharding can
   * even the load out, and at least one agent per block.
   */
  public static int blockSize(int agents, int nodes) {
    return Math.max(1, (agents + 4 * nodes - 1) / (4 * nodes));
  }

  /** How long the nodes that are up must stay the same before a run is placed on them. */
  private static final Duration SETTLE = Duration.ofSeconds(1);

  @Override
  public void prepare(World world, Resumed resumed) throws Exception {
    Resumption from = resumed == null ? null : resumed.resumption();
    Instant deadline = Instant.now().plus(wait);
    Cluster cluster = Cluster.get(system);
    Address self = cluster.selfMember().address();
    log.printf("cluster: waiting for %d node(s) at %s%n", minNodes, self);
    log.flush();
    List<ActorRef<NodeHost.Command>> found = List.of();
    Set<Address> lastUp = Set.of();
    Instant upSince = Instant.now();
    while (true) {
      // Nodes that are up and reachable (a lost node is waited out until the split-brain resolver
      // has downed it or it is back), and the hosts the receptionist lists on them.
      Set<Address> up = new HashSet<>();
      boolean joining = false;
      for (Member m : cluster.state().getMembers()) {
        if (m.status() == MemberStatus.up()) {
          up.add(m.address());
        } else if (m.status() == MemberStatus.joining() || m.status() == MemberStatus.weaklyUp()) {
          joining = true;
        }
      }
      if (!up.equals(lastUp)) {
        lastUp = up;
        upSince = Instant.now();
      }
      boolean settled = cluster.state().getUnreachable().isEmpty() && !joining;
      // Every node that is up gets the run (Cluster Sharding places blocks on all of them): a
      // worker beyond --min-nodes that came up while the run was being prepared held blocks it
      // could not run, and the census timed out. So the run starts once the nodes up have stayed
      // the same for a moment and each has its host listed.
      int need =
          expected == null
              ? minNodes
              : Math.min(minNodes, Math.max(1, NodeLosses.staying(cluster, expected)));
      if (settled && up.size() >= need && !Instant.now().isBefore(upSince.plus(SETTLE))) {
        found = new ArrayList<>(hosts(Duration.ofSeconds(5)));
        found.removeIf(h -> !up.contains(address(h, self)));
        if (found.size() == up.size()) {
          break;
        }
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "only "
                + up.size()
                + " of "
                + need
                + " nodes were up"
                + (settled ? "" : " and reachable")
                + " after "
                + wait.toSeconds()
                + " s; start workers with 'ouroboros node --join "
                + self.host().get()
                + ":"
                + self.port().get()
                + "' or lower --min-nodes");
      }
      Thread.sleep(200);
    }
    // A checkpoint travels to the other nodes in parts that each fit one Artery message, ahead of
    // the Prepare; this node's host takes the agents and snapshot the clock restored.
    int remote = 0;
    for (ActorRef<NodeHost.Command> host : found) {
      remote += host.path().address().hasLocalScope() ? 0 : 1;
    }
    List<byte[]> parts =
        from == null || remote == 0
            ? List.of()
            : CheckpointParts.split(from, CheckpointParts.partBytes());
    if (!parts.isEmpty()) {
      long bytes = 0;
      for (byte[] part : parts) {
        bytes += part.length;
      }
      log.printf(
          "cluster: sending the checkpoint after tick %d (%d bytes) to %d other node(s) in %d"
              + " parts%n",
          from.tick(), bytes, remote, parts.size());
      log.flush();
    }
    size = blockSize(world.agentCount(), found.size());
    blocks = (world.agentCount() + size - 1) / size;
    List<CompletableFuture<NodeHost.Prepared>> answers = new ArrayList<>();
    for (ActorRef<NodeHost.Command> host : found) {
      boolean mine = host.path().address().hasLocalScope();
      if (mine && resumed != null) {
        NodeRuns.get(system).hand(run, resumed);
      }
      for (int i = 0; !mine && i < parts.size(); i++) {
        host.tell(new NodeHost.CheckpointPart(run, i, parts.size(), parts.get(i)));
      }
      answers.add(
          AskPattern.<NodeHost.Command, NodeHost.Prepared>ask(
                  host,
                  r ->
                      new NodeHost.Prepare(
                          run,
                          labels,
                          scenario,
                          seed,
                          size,
                          mine,
                          from == null ? -1 : from.tick(),
                          mine ? 0 : parts.size(),
                          r),
                  // a second more for every part: at least 4 MiB/s to each node
                  Duration.ofSeconds(60 + parts.size()),
                  system.scheduler())
              .toCompletableFuture());
    }
    List<ActorRef<NodeHost.Command>> others = new ArrayList<>();
    Replica local = null;
    for (int i = 0; i < found.size(); i++) {
      NodeHost.Prepared p = answers.get(i).get(60 + parts.size(), TimeUnit.SECONDS);
      if (!p.failure().isEmpty()) {
        throw new IllegalStateException(
            "node " + p.node() + " cannot run the world: " + p.failure());
      }
      if (p.agents() != world.agentCount()) {
        throw new IllegalStateException(
            "node "
                + p.node()
                + " compiled "
                + p.agents()
                + " agents, the clock "
                + world.agentCount());
      }
      if (found.get(i).path().address().hasLocalScope()) {
        local = NodeRuns.get(system).get(run).replica;
      } else {
        others.add(found.get(i));
      }
    }
    if (local == null) {
      throw new IllegalStateException("the clock's own node " + self + " has no node host");
    }
    hosts = found;
    ActorRef<BlockEntity.Done> gateway =
        AskPattern.<SpawnProtocol.Command, ActorRef<BlockEntity.Done>>ask(
                system,
                r ->
                    new SpawnProtocol.Spawn<>(Gateway.create(), "gateway-" + run, Props.empty(), r),
                Duration.ofSeconds(10),
                system.scheduler())
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    awaitRegions(found.size(), deadline);
    NodeTraffic traffic = NodeTraffic.get(system);
    post =
        new BlockPost(
            ClusterSharding.get(system), run, size, local, others, gateway, traffic::called);
    census = BlockCensus.take(system, run, blocks);
    system.tell(
        new SpawnProtocol.Spawn<>(
            NodeWatch.create(run, this::onLost),
            "node-watch-" + run,
            Props.empty(),
            system.ignoreRef()));
    log.printf(
        "cluster: %d nodes, %d agents in %d blocks of %d%n",
        found.size(), world.agentCount(), blocks, size);
    log.printf("cluster: blocks per node: %s%n", BlockCensus.describe(census));
    log.flush();
  }

  /**
   * Waits until the shard coordinator knows the block regions of {@code nodes} nodes. A node's
   * region registers with the coordinator on its own schedule, after the node is up: blocks started
   * before it did would all be placed on the nodes already known (on a loaded machine, every block
   * on the clock's node).
   */
  private void awaitRegions(int nodes, Instant deadline) throws Exception {
    while (true) {
      ShardRegion.ClusterShardingStats stats =
          AskPattern.<ClusterShardingQuery, ShardRegion.ClusterShardingStats>ask(
                  ClusterSharding.get(system).shardState(),
                  r -> new GetClusterShardingStats(BlockEntity.KEY, Duration.ofSeconds(5), r),
                  Duration.ofSeconds(10),
                  system.scheduler())
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
      if (stats.getRegions().size() >= nodes) {
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "the block regions of only "
                + stats.getRegions().size()
                + " of "
                + nodes
                + " nodes were known to Cluster Sharding after "
                + wait.toSeconds()
                + " s");
      }
      Thread.sleep(200);
    }
  }

  /** The address of a host's node, {@code self} for this node's own. */
  private static Address address(ActorRef<?> host, Address self) {
    return host.path().address().hasLocalScope() ? self : host.path().address();
  }

  /** A node became unreachable or left ({@code how}): when it holds blocks, the run is lost. */
  private void onLost(Address node, String how) {
    List<Integer> held = census.get(node);
    if (held != null) {
      losses.lost(node, how, held, blocks, size);
    }
  }

  @Override
  public java.util.concurrent.CompletionStage<String> lost() {
    return losses.why();
  }

  /** The run's id on the nodes (one per attempt). */
  String runId() {
    return run;
  }

  /** The node that was lost during the run, or null. */
  public Address lostNode() {
    return losses.first();
  }

  /**
   * A placement for the same run on the nodes that survived a loss: it waits until the lost nodes
   * are downed (or back) and for the nodes this one ran on, less every node lost (two workers
   * killed at once are two), and less any that the split-brain resolver downs while it waits.
   */
  public ClusterPlacement survivors() {
    Address self = Cluster.get(system).selfMember().address();
    Set<Address> left = new HashSet<>();
    for (ActorRef<NodeHost.Command> h : hosts) {
      left.add(address(h, self));
    }
    left.removeAll(losses.all());
    return new ClusterPlacement(
        system, scenario, labels, seed, Math.max(1, left.size()), wait, log, left);
  }

  /** The node hosts the receptionist lists now, in address order. */
  private List<ActorRef<NodeHost.Command>> hosts(Duration timeout) throws Exception {
    Receptionist.Listing listing =
        AskPattern.<Receptionist.Command, Receptionist.Listing>ask(
                system.receptionist(),
                r -> Receptionist.find(NodeHost.KEY, r),
                timeout,
                system.scheduler())
            .toCompletableFuture()
            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    List<ActorRef<NodeHost.Command>> list =
        new ArrayList<>(listing.getServiceInstances(NodeHost.KEY));
    list.sort(Comparator.comparing(h -> h.path().toString()));
    return list;
  }

  @Override
  public AgentPost post() {
    return Objects.requireNonNull(post, "prepare first");
  }

  @Override
  public void finish() {
    NodeTraffic t = NodeTraffic.get(system);
    log.printf(
        "cluster: this node sent %d and received %d bytes of items and reports, in %d block"
            + " calls; all its messages over Artery: %d sent, %d received%n",
        t.bytesSent(), t.bytesReceived(), t.calls(), t.transportSent(), t.transportReceived());
    log.flush();
    if (post != null) {
      post.stopBlocks(blocks);
    }
    for (ActorRef<NodeHost.Command> host : hosts) {
      host.tell(new NodeHost.End(run));
    }
  }
}
