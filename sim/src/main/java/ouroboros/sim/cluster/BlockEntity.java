package ouroboros.sim.cluster;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.ChildFailed;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import ouroboros.agents.actor.AgentProtocol;
import ouroboros.agents.actor.CborSerializable;
import ouroboros.agents.web.WebView;
import ouroboros.sim.engine.Schedule;
import ouroboros.sim.engine.Simulation;
import ouroboros.sim.web.Snapshot;

/**
 * A block of agents, the entity Cluster Sharding places: agents {@code [b * size, min((b + 1) *
 * size, n))} of a run, spawned as this actor's children on the node the block lives on. The clock
 * sends one {@link Call} per block and phase, and gets one {@link Done} per block with every reply
 * of the block's agents in agent order; so a phase costs a message per block across the network,
 * not one per agent. A call that reads the web waits until the node's {@link Replica} has sealed
 * the snapshot it names.
 */
final class BlockEntity extends AbstractBehavior<BlockEntity.Command> {

  /** The sharded entity type. */
  static final EntityTypeKey<Command> KEY = EntityTypeKey.create(Command.class, "block");

  /** What a block accepts. */
  sealed interface Command permits Call, Locate, WebReady, Replied {}

  /** What a call asks the block's agents. */
  enum Kind {
    INITIAL_FIT,
    RECONFIGURE,
    PUBLISH,
    RETRAIN,
    SAVE,
    STOP
  }

  /**
   * Asks agents {@code agents} of the block (indices of the run, ascending) for one phase of {@code
   * tick}; {@code rates} is each one's publish rate (PUBLISH only), {@code webTick} the tick of the
   * snapshot they read, or -1 for none. The block answers {@code replyTo} with one {@link Done}
   * carrying {@code deliverTo} back (nothing for RECONFIGURE and STOP).
   */
  record Call(
      String run,
      int tick,
      Kind kind,
      int webTick,
      int[] agents,
      int[] rates,
      ActorRef<Done> replyTo,
      ActorRef<Object> deliverTo)
      implements Command, CborSerializable {
    /** Checks the references. */
    Call {
      Objects.requireNonNull(run, "run");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(agents, "agents");
      Objects.requireNonNull(rates, "rates");
    }
  }

  /**
   * A block's answer to a call: its agents' replies ({@link AgentProtocol.Published}, {@link
   * AgentProtocol.Retrained} or {@link AgentProtocol.StateSaved}), in agent order, for the clock's
   * adapter {@code deliverTo}.
   */
  record Done(int tick, ActorRef<Object> deliverTo, List<Object> replies) implements Wire {
    /** Copies the list. */
    Done {
      Objects.requireNonNull(deliverTo, "deliverTo");
      replies = List.copyOf(replies);
    }
  }

  /** Asks where the block lives; it answers {@code replyTo} with a {@link Located}. */
  record Locate(ActorRef<Located> replyTo) implements Command, CborSerializable {
    /** Checks the reference. */
    Locate {
      Objects.requireNonNull(replyTo, "replyTo");
    }
  }

  /** The block {@code entityId} lives on the node at {@code node}. */
  record Located(String entityId, String node) implements CborSerializable {}

  private record WebReady(Call call, Snapshot web, Throwable failure) implements Command {}

  private record Replied(int agent, Object reply) implements Command {}

  /**
   * The block entity {@code entityId} ("RUN/BLOCK") on this node; none when the run has ended here
   * (a message to a block of a lost node, such as the run's last stop, re-places the block on a
   * survivor after its run was dropped there).
   */
  static Behavior<Command> create(String entityId) {
    return Behaviors.setup(
        ctx ->
            NodeRuns.get(ctx.getSystem()).has(entityId.substring(0, entityId.lastIndexOf('/')))
                ? new BlockEntity(ctx, entityId)
                : Behaviors.stopped());
  }

  private final String entityId;
  private final NodeRuns.Run run;
  private final int first;
  private final List<ActorRef<AgentProtocol.Command>> agents = new ArrayList<>();
  private final ActorRef<AgentProtocol.Published> published;
  private final ActorRef<AgentProtocol.Retrained> retrained;
  private final ActorRef<AgentProtocol.StateSaved> saved;
  private Call current;
  private Object[] replies;
  private int awaited;

  /**
   * Whether the census asked this incarnation where it lives ({@link Locate}), as it asks every
   * block of a run before tick 0. A block that gets a call first was started again mid-run: a
   * worker that left the cluster gracefully (SIGTERM) handed its blocks over, and Cluster Sharding
   * started them anew on another node, with agents in their first state. Such a block must not
   * answer (a run went on with those agents, and its checkpoints stored them): it stops, and the
   * clock's node, told of the node that left, goes back to the last checkpoint.
   */
  private boolean located;

  private BlockEntity(ActorContext<Command> ctx, String entityId) {
    super(ctx);
    this.entityId = entityId;
    int slash = entityId.lastIndexOf('/');
    String runId = entityId.substring(0, slash);
    int block = Integer.parseInt(entityId.substring(slash + 1));
    this.run = NodeRuns.get(ctx.getSystem()).get(runId);
    this.first = block * run.blockSize;
    int end = Math.min(first + run.blockSize, run.world.agentCount());
    for (int i = first; i < end; i++) {
      ActorRef<AgentProtocol.Command> agent = Simulation.spawnAgent(ctx, run.world, run.resumed, i);
      ctx.watch(agent);
      agents.add(agent);
    }
    this.published =
        ctx.messageAdapter(AgentProtocol.Published.class, p -> new Replied(p.agent(), p));
    this.retrained =
        ctx.messageAdapter(AgentProtocol.Retrained.class, r -> new Replied(r.agent(), r));
    this.saved = ctx.messageAdapter(AgentProtocol.StateSaved.class, s -> new Replied(s.agent(), s));
    NodeTraffic.get(ctx.getSystem()).hosting(agents.size());
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Call.class, this::onCall)
        .onMessage(Locate.class, this::onLocate)
        .onMessage(WebReady.class, this::onWebReady)
        .onMessage(Replied.class, this::onReplied)
        .onSignal(ChildFailed.class, this::onAgentFailed)
        .onSignal(
            akka.actor.typed.PostStop.class,
            s -> {
              NodeTraffic.get(getContext().getSystem()).hosting(-agents.size());
              return this;
            })
        .build();
  }

  private Behavior<Command> onCall(Call call) {
    if (!located) {
      getContext()
          .getLog()
          .error(
              "block {} was started again during its run (its node left the cluster); its agents"
                  + " lost their state, so it does not answer {} of tick {}",
              entityId,
              call.kind(),
              call.tick());
      return Behaviors.stopped();
    }
    switch (call.kind()) {
      case STOP:
        return Behaviors.stopped();
      case RECONFIGURE:
        Schedule.Plan plan = run.plan(call.tick());
        for (Schedule.Change c : plan.changes()) {
          if (c.agent() >= first && c.agent() < first + agents.size()) {
            agent(c.agent()).tell(new AgentProtocol.Reconfigure(call.tick(), c.settings()));
          }
        }
        return this;
      default:
        if (call.webTick() < 0) {
          return ask(call, null);
        }
        getContext()
            .pipeToSelf(
                run.replica.snapshot(call.webTick()), (web, e) -> new WebReady(call, web, e));
        return this;
    }
  }

  private Behavior<Command> onLocate(Locate msg) {
    located = true;
    msg.replyTo()
        .tell(
            new Located(
                entityId,
                akka.cluster.typed.Cluster.get(getContext().getSystem())
                    .selfMember()
                    .address()
                    .toString()));
    return this;
  }

  private Behavior<Command> onWebReady(WebReady ready) {
    if (ready.failure() != null) {
      throw new IllegalStateException(
          "no snapshot of tick " + ready.call().webTick(), ready.failure());
    }
    return ask(ready.call(), ready.web());
  }

  /** Sends the call's command to each of its agents. */
  private Behavior<Command> ask(Call call, WebView web) {
    current = call;
    replies = new Object[call.agents().length];
    awaited = call.agents().length;
    for (int k = 0; k < call.agents().length; k++) {
      int a = call.agents()[k];
      AgentProtocol.Command command =
          switch (call.kind()) {
            case INITIAL_FIT -> new AgentProtocol.ReportInitialFit(retrained);
            case PUBLISH -> new AgentProtocol.Publish(call.tick(), web, call.rates()[k], published);
            case RETRAIN -> new AgentProtocol.Retrain(call.tick(), web, retrained);
            case SAVE -> new AgentProtocol.SaveState(call.tick(), saved);
            default -> throw new IllegalStateException("not a question: " + call.kind());
          };
      agent(a).tell(command);
    }
    return answerIfDone();
  }

  private Behavior<Command> onReplied(Replied msg) {
    if (current == null) {
      return this;
    }
    int k = Arrays.binarySearch(current.agents(), msg.agent());
    if (k < 0 || replies[k] != null) {
      return this;
    }
    replies[k] = msg.reply();
    awaited--;
    return answerIfDone();
  }

  /** Answers the current call once every agent asked has replied. */
  private Behavior<Command> answerIfDone() {
    if (awaited == 0 && current != null) {
      current.replyTo().tell(new Done(current.tick(), current.deliverTo(), Arrays.asList(replies)));
      current = null;
      replies = null;
    }
    return this;
  }

  /** An agent that failed stops this block; the clock's phase timeout names the silent agents. */
  private Behavior<Command> onAgentFailed(ChildFailed failed) {
    getContext()
        .getLog()
        .error("agent {} failed: {}", failed.getRef().path().name(), failed.getCause().toString());
    return this;
  }

  private ActorRef<AgentProtocol.Command> agent(int index) {
    return agents.get(index - first);
  }
}
