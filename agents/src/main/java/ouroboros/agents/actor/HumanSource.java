package ouroboros.agents.actor;

import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import java.util.function.Supplier;
import ouroboros.agents.data.Items;
import ouroboros.agents.human.HumanCore;
import ouroboros.agents.web.WebView;
import scala.util.control.NonFatal;

/**
 * A human content source: each tick it publishes k items drawn from the domain's truth. A thin
 * adapter over {@link HumanCore}; a timeline may change its rate (the population's size) in each
 * {@code Publish}. It never retrains; a Retrain or Reconfigure sent to it is answered with nothing
 * and logged.
 */
public final class HumanSource extends AbstractBehavior<AgentProtocol.Command> {

  /** A human source over its core. */
  public static Behavior<AgentProtocol.Command> create(int index, HumanCore core) {
    return Behaviors.setup(ctx -> new HumanSource(ctx, index, core));
  }

  /**
   * An actor that builds its core when it starts, on a dispatcher thread: spawning many agents then
   * costs the spawner only the spawn, and the cores (random streams, initial fits) are built in
   * parallel. The core must not depend on the order in which agents start.
   */
  public static Behavior<AgentProtocol.Command> create(int index, Supplier<HumanCore> core) {
    return Behaviors.setup(ctx -> new HumanSource(ctx, index, core.get()));
  }

  private final int index;
  private final HumanCore core;

  private HumanSource(ActorContext<AgentProtocol.Command> ctx, int index, HumanCore core) {
    super(ctx);
    this.index = index;
    this.core = core;
  }

  @Override
  public Receive<AgentProtocol.Command> createReceive() {
    // Step first: the builder tries handlers in order, allocating for each one it tries; and each
    // handler answers Behaviors.same(), not this, which spares the interceptors a new wrapper.
    return newReceiveBuilder()
        .onMessage(AgentProtocol.Step.class, this::onStep)
        .onMessage(AgentProtocol.Publish.class, this::onPublish)
        .onMessage(AgentProtocol.Retrain.class, this::onRetrain)
        .onMessage(AgentProtocol.Reconfigure.class, this::onReconfigure)
        .onMessage(AgentProtocol.SaveState.class, this::onSaveState)
        .build();
  }

  private Behavior<AgentProtocol.Command> onPublish(AgentProtocol.Publish msg) {
    Items items = publish(msg.tick(), msg.web(), msg.rate());
    msg.replyTo().tell(new AgentProtocol.Published(msg.tick(), index, items));
    return Behaviors.same();
  }

  /**
   * Publishes tick {@code tick + 1}'s items from the snapshot of {@code tick}, when asked; a source
   * never retrains nor takes a model's settings, so those parts are logged and skipped.
   */
  private Behavior<AgentProtocol.Command> onStep(AgentProtocol.Step msg) {
    if (msg.retrain()) {
      getContext()
          .getLog()
          .warn("human source {} was asked to retrain at tick {}", index, msg.tick());
    }
    if (msg.settings() != null) {
      getContext()
          .getLog()
          .warn("human source {} was sent a model's settings at tick {}", index, msg.tick() + 1);
    }
    Items items = null;
    if (msg.publish()) {
      try {
        items = publish(msg.tick() + 1, msg.web(), msg.rate());
      } catch (Throwable e) {
        if (!NonFatal.apply(e)) {
          throw e;
        }
        AgentProtocol.stepFailed(getContext().getLog(), msg, index, null, e);
        return Behaviors.same();
      }
    }
    msg.replyTo().tell(new AgentProtocol.Stepped(msg.tick(), index, null, items, null));
    return Behaviors.same();
  }

  /** A tick's items, reposting from {@code web}, at the source's own rate or at {@code rate}. */
  private Items publish(int tick, WebView web, int rate) {
    return rate == AgentProtocol.OWN_RATE ? core.publish(tick, web) : core.publish(tick, web, rate);
  }

  private Behavior<AgentProtocol.Command> onRetrain(AgentProtocol.Retrain msg) {
    getContext()
        .getLog()
        .warn("human source {} was asked to retrain at tick {}", index, msg.tick());
    return Behaviors.same();
  }

  private Behavior<AgentProtocol.Command> onReconfigure(AgentProtocol.Reconfigure msg) {
    getContext()
        .getLog()
        .warn("human source {} was sent a model's settings at tick {}", index, msg.tick());
    return Behaviors.same();
  }

  private Behavior<AgentProtocol.Command> onSaveState(AgentProtocol.SaveState msg) {
    msg.replyTo().tell(AgentStates.save(msg.tick(), index, core::saveState));
    return Behaviors.same();
  }
}
