package ouroboros.sim.cluster;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.receptionist.Receptionist;
import akka.actor.typed.receptionist.ServiceKey;
import akka.cluster.typed.Cluster;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import ouroboros.agents.actor.CborSerializable;
import ouroboros.agents.data.Items;
import ouroboros.sim.engine.ResumeRefused;
import ouroboros.sim.engine.Resumed;
import ouroboros.sim.engine.Resumption;
import ouroboros.sim.engine.World;
import ouroboros.sim.scenario.compile.WorldCompiler;
import ouroboros.sim.scenario.load.ScenarioLoader;
import ouroboros.sim.scenario.spec.Scenario;

/**
 * A node's part in the runs of the cluster, one per node, found by the clock through the
 * receptionist under {@link #KEY}. On {@link Prepare} it compiles the run's world from the scenario
 * text and seed the clock sends (so policies and settings never cross the wire) and starts an empty
 * web {@link Replica}; on {@link Seal} it appends a tick's contributions to that replica; on {@link
 * End} it forgets the run.
 */
final class NodeHost extends AbstractBehavior<NodeHost.Command> {

  /** The receptionist key of every node's host. */
  static final ServiceKey<Command> KEY = ServiceKey.create(Command.class, "ouroboros-node");

  /** What a node host accepts. */
  sealed interface Command permits CheckpointPart, Prepare, Seal, End {}

  /**
   * Get ready for run {@code run}: compile {@code scenario} (YAML, as the clock resolved it) with
   * {@code seed}; blocks are {@code blockSize} agents. {@code fedByClock} is true on the clock's
   * own node, whose replica takes the clock's snapshots instead of broadcasts. {@code labels} are
   * the run's metrics labels (scenario and run id), which a worker's meters carry. A run that goes
   * on from a checkpoint after tick {@code resumeTick} (-1: none, from tick 0) was sent the
   * checkpoint just before, in {@code parts} {@link CheckpointPart}s (its web and each agent's
   * state), which restore the replica and the blocks' agents as {@code ouroboros resume} restores
   * them; the clock's own node is sent no part (0) and takes the checkpoint the clock restored
   * ({@link NodeRuns#hand}).
   */
  record Prepare(
      String run,
      Map<String, String> labels,
      String scenario,
      long seed,
      int blockSize,
      boolean fedByClock,
      int resumeTick,
      int parts,
      ActorRef<Prepared> replyTo)
      implements Command, CborSerializable {
    /** Checks the references. */
    Prepare {
      Objects.requireNonNull(run, "run");
      labels = Map.copyOf(labels);
      Objects.requireNonNull(scenario, "scenario");
      Objects.requireNonNull(replyTo, "replyTo");
    }
  }

  /**
   * Part {@code index} of {@code count} of the checkpoint run {@code run} goes on from (see {@link
   * CheckpointParts}); the parts come in order, before the {@link Prepare} that uses them.
   */
  record CheckpointPart(String run, int index, int count, byte[] bytes)
      implements Command, CborSerializable {
    /** Checks the references. */
    CheckpointPart {
      Objects.requireNonNull(run, "run");
      Objects.requireNonNull(bytes, "bytes");
    }
  }

  /** A node's answer to {@link Prepare}: its address, the agents' count, and a failure or "". */
  record Prepared(String run, String node, int agents, String failure)
      implements CborSerializable {}

  /** The contributions of every agent at {@code tick}, in canonical order. */
  record Seal(String run, int tick, Items[] contributions) implements Command, Wire {
    /** Checks the references. */
    Seal {
      Objects.requireNonNull(run, "run");
      Objects.requireNonNull(contributions, "contributions");
    }
  }

  /** Run {@code run} ended. */
  record End(String run) implements Command, CborSerializable {}

  /** A node host, registered with the receptionist. */
  static Behavior<Command> create() {
    return Behaviors.setup(
        ctx -> {
          ctx.getSystem().receptionist().tell(Receptionist.register(KEY, ctx.getSelf()));
          return new NodeHost(ctx);
        });
  }

  private final NodeRuns runs;
  private final String address;
  private final Map<String, List<byte[]>> parts = new HashMap<>();

  private NodeHost(ActorContext<Command> ctx) {
    super(ctx);
    this.runs = NodeRuns.get(ctx.getSystem());
    this.address = Cluster.get(ctx.getSystem()).selfMember().address().toString();
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(CheckpointPart.class, this::onPart)
        .onMessage(Prepare.class, this::onPrepare)
        .onMessage(Seal.class, this::onSeal)
        .onMessage(End.class, this::onEnd)
        .build();
  }

  private Behavior<Command> onPart(CheckpointPart msg) {
    List<byte[]> got = parts.computeIfAbsent(msg.run(), r -> new ArrayList<>());
    if (msg.index() == 0) {
      got.clear(); // a part 0 starts the checkpoint of a new attempt
    }
    got.add(msg.bytes());
    return this;
  }

  private Behavior<Command> onPrepare(Prepare msg) {
    List<byte[]> got = parts.remove(msg.run());
    Resumed handed = runs.takeHanded(msg.run());
    try {
      ScenarioLoader loader = new ScenarioLoader();
      Scenario scenario = loader.parse("scenario of run " + msg.run(), msg.scenario());
      World world = WorldCompiler.compile(scenario, msg.seed());
      NodeTraffic.get(getContext().getSystem()).labelled(msg.labels());
      Replica replica = new Replica(world, msg.fedByClock());
      Resumed resumed = msg.resumeTick() < 0 ? null : resume(msg, got, handed, replica);
      runs.put(msg.run(), new NodeRuns.Run(world, replica, msg.blockSize(), resumed));
      getContext().getLog().info("node {} prepared run {}", address, msg.run());
      msg.replyTo().tell(new Prepared(msg.run(), address, world.agentCount(), ""));
    } catch (Exception e) {
      msg.replyTo()
          .tell(
              new Prepared(
                  msg.run(),
                  address,
                  0,
                  e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
    return this;
  }

  /**
   * Restores {@code replica} and the agents from the checkpoint {@code msg} goes on from: on the
   * clock's node, the one the clock restored already and handed over ({@link NodeRuns#hand}); on a
   * worker, the one put together from the parts it got.
   */
  private static Resumed resume(Prepare msg, List<byte[]> got, Resumed handed, Replica replica)
      throws ResumeRefused {
    if (!msg.fedByClock()) {
      return replica.resume(checkpoint(msg, got));
    }
    if (handed == null || handed.resumption().tick() != msg.resumeTick()) {
      throw new IllegalStateException(
          "the clock's node was not handed the checkpoint after tick " + msg.resumeTick());
    }
    return replica.resumeAt(handed);
  }

  /** The checkpoint {@code msg} goes on from, put together from the parts this node got. */
  private static Resumption checkpoint(Prepare msg, List<byte[]> got) {
    int n = got == null ? 0 : got.size();
    if (n != msg.parts()) {
      throw new IllegalStateException(
          "this node got " + n + " of the " + msg.parts() + " parts of the checkpoint");
    }
    Resumption r = CheckpointParts.join(got);
    if (r.tick() != msg.resumeTick()) {
      throw new IllegalStateException(
          "the checkpoint's parts are after tick " + r.tick() + ", not " + msg.resumeTick());
    }
    return r;
  }

  private Behavior<Command> onSeal(Seal msg) {
    runs.get(msg.run()).replica.seal(msg.tick(), msg.contributions());
    return this;
  }

  private Behavior<Command> onEnd(End msg) {
    runs.remove(msg.run());
    return this;
  }
}
