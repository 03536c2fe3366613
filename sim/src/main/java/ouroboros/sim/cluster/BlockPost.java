package ouroboros.sim.cluster;

import akka.actor.typed.ActorRef;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import ouroboros.agents.actor.AgentProtocol;
import ouroboros.agents.data.Items;
import ouroboros.sim.engine.AgentHandle;
import ouroboros.sim.engine.AgentPost;
import ouroboros.sim.web.Snapshot;

/**
 * The clock's {@link AgentPost} on a cluster: gathers a phase's commands by block and sends one
 * {@link BlockEntity.Call} per block through Cluster Sharding at {@link #flush()}; after a tick is
 * sealed, offers the snapshot to this node's replica and sends the tick's contributions once to
 * every other node. Used by the clock's actor only, so it needs no lock.
 */
final class BlockPost implements AgentPost {
  private final ClusterSharding sharding;
  private final String run;
  private final int blockSize;
  private final Replica local;
  private final List<ActorRef<NodeHost.Command>> others;
  private final ActorRef<BlockEntity.Done> gateway;
  private final Meter meter;

  /** The phase being gathered: its kind, tick, snapshot tick, adapter, and agents per block. */
  private BlockEntity.Kind kind;

  private int tick;
  private int webTick;
  private ActorRef<Object> deliverTo;
  private final TreeMap<Integer, List<int[]>> byBlock = new TreeMap<>();

  /** Counts what the clock sends: calls and broadcast ticks. */
  interface Meter {
    /** One phase sent {@code calls} block calls. */
    void called(int calls);
  }

  BlockPost(
      ClusterSharding sharding,
      String run,
      int blockSize,
      Replica local,
      List<ActorRef<NodeHost.Command>> others,
      ActorRef<BlockEntity.Done> gateway,
      Meter meter) {
    this.sharding = Objects.requireNonNull(sharding);
    this.run = Objects.requireNonNull(run);
    this.blockSize = blockSize;
    this.local = Objects.requireNonNull(local);
    this.others = List.copyOf(others);
    this.gateway = Objects.requireNonNull(gateway);
    this.meter = Objects.requireNonNull(meter);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void tell(AgentHandle agent, AgentProtocol.Command command) {
    int rate = 0;
    int web = -1;
    ActorRef<?> replyTo = null;
    int at;
    if (command instanceof AgentProtocol.Publish p) {
      kind = BlockEntity.Kind.PUBLISH;
      at = p.tick();
      rate = p.rate();
      web = p.web() == null ? -1 : ((Snapshot) p.web()).tick();
      replyTo = p.replyTo();
    } else if (command instanceof AgentProtocol.Retrain r) {
      kind = BlockEntity.Kind.RETRAIN;
      at = r.tick();
      web = ((Snapshot) r.web()).tick();
      replyTo = r.replyTo();
    } else if (command instanceof AgentProtocol.ReportInitialFit f) {
      kind = BlockEntity.Kind.INITIAL_FIT;
      at = -1;
      replyTo = f.replyTo();
    } else if (command instanceof AgentProtocol.SaveState s) {
      kind = BlockEntity.Kind.SAVE;
      at = s.tick();
      replyTo = s.replyTo();
    } else {
      kind = BlockEntity.Kind.RECONFIGURE;
      at = ((AgentProtocol.Reconfigure) command).tick();
    }
    tick = at;
    webTick = web;
    deliverTo = replyTo == null ? null : (ActorRef<Object>) replyTo;
    byBlock
        .computeIfAbsent(agent.index() / blockSize, b -> new ArrayList<>())
        .add(new int[] {agent.index(), rate});
  }

  @Override
  public void flush() {
    int calls = 0;
    for (var e : byBlock.entrySet()) {
      List<int[]> list = e.getValue();
      int[] agents = new int[list.size()];
      int[] rates = new int[list.size()];
      for (int k = 0; k < agents.length; k++) {
        agents[k] = list.get(k)[0];
        rates[k] = list.get(k)[1];
      }
      sharding
          .entityRefFor(BlockEntity.KEY, run + "/" + e.getKey())
          .tell(
              new BlockEntity.Call(
                  run,
                  tick,
                  kind,
                  webTick,
                  agents,
                  rates,
                  kind == BlockEntity.Kind.RECONFIGURE ? null : gateway,
                  deliverTo));
      calls++;
    }
    byBlock.clear();
    meter.called(calls);
  }

  @Override
  public void sealed(int tick, Items[] contributions, Snapshot snapshot) {
    local.offer(tick, snapshot);
    NodeHost.Seal seal = new NodeHost.Seal(run, tick, contributions);
    for (ActorRef<NodeHost.Command> node : others) {
      node.tell(seal);
    }
  }

  @Override
  public boolean local() {
    return false;
  }

  /** Stops every block of the run (the run ended). */
  void stopBlocks(int blocks) {
    for (int b = 0; b < blocks; b++) {
      sharding
          .entityRefFor(BlockEntity.KEY, run + "/" + b)
          .tell(
              new BlockEntity.Call(
                  run, tick, BlockEntity.Kind.STOP, -1, new int[0], new int[0], null, null));
    }
  }
}
