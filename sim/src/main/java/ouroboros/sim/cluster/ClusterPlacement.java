package ouroboros.sim.cluster;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Props;
import akka.actor.typed.SpawnProtocol;
import akka.actor.typed.javadsl.AskPattern;
import akka.actor.typed.receptionist.Receptionist;
import akka.cluster.MemberStatus;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.typed.Cluster;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import ouroboros.sim.engine.AgentPost;
import ouroboros.sim.engine.Placement;
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
    this.run = "run-" + Long.toHexString(System.nanoTime());
  }

  /**
   * Agents per block: the agents spread over four blocks per node, so that Cluster Sharding can
   * even the load out, and at least one agent per block.
   */
  public static int blockSize(int agents, int nodes) {
    return Math.max(1, (agents + 4 * nodes - 1) / (4 * nodes));
  }

  @Override
  public void prepare(World world) throws Exception {
    Instant deadline = Instant.now().plus(wait);
    Cluster cluster = Cluster.get(system);
    log.printf("cluster: waiting for %d node(s) at %s%n", minNodes, cluster.selfMember().address());
    log.flush();
    List<ActorRef<NodeHost.Command>> found = List.of();
    while (true) {
      long up =
          StreamSupport.stream(cluster.state().getMembers().spliterator(), false)
              .filter(m -> m.status() == MemberStatus.up())
              .count();
      if (up >= minNodes) {
        found = hosts(Duration.ofSeconds(5));
        if (found.size() >= minNodes) {
          break;
        }
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "only "
                + up
                + " of "
                + minNodes
                + " nodes were up after "
                + wait.toSeconds()
                + " s; start workers with 'ouroboros node --join "
                + cluster.selfMember().address().host().get()
                + ":"
                + cluster.selfMember().address().port().get()
                + "' or lower --min-nodes");
      }
      Thread.sleep(200);
    }
    int size = blockSize(world.agentCount(), found.size());
    blocks = (world.agentCount() + size - 1) / size;
    String self = cluster.selfMember().address().toString();
    List<CompletableFuture<NodeHost.Prepared>> answers = new ArrayList<>();
    for (ActorRef<NodeHost.Command> host : found) {
      boolean mine = host.path().address().hasLocalScope();
      answers.add(
          AskPattern.<NodeHost.Command, NodeHost.Prepared>ask(
                  host,
                  r -> new NodeHost.Prepare(run, labels, scenario, seed, size, mine, r),
                  Duration.ofSeconds(60),
                  system.scheduler())
              .toCompletableFuture());
    }
    List<ActorRef<NodeHost.Command>> others = new ArrayList<>();
    Replica local = null;
    for (int i = 0; i < found.size(); i++) {
      NodeHost.Prepared p = answers.get(i).get(60, TimeUnit.SECONDS);
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
    system.tell(
        new SpawnProtocol.Spawn<>(
            NodeWatch.create(run, world.phaseTimeout(), log),
            "node-watch-" + run,
            Props.empty(),
            system.ignoreRef()));
    NodeTraffic traffic = NodeTraffic.get(system);
    post =
        new BlockPost(
            ClusterSharding.get(system), run, size, local, others, gateway, traffic::called);
    log.printf(
        "cluster: %d nodes, %d agents in %d blocks of %d%n",
        found.size(), world.agentCount(), blocks, size);
    log.flush();
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
