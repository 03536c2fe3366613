package ouroboros.agents.actor;

import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import java.util.function.Supplier;
import ouroboros.agents.data.Items;
import ouroboros.agents.model.ModelCore;
import ouroboros.agents.model.RetrainReport;
import scala.util.control.NonFatal;

/**
 * A generative model: each tick it publishes k items from its current parameters; when its schedule
 * says so, it retrains on the snapshot it is given (crawl, regime, fit, evaluate) and reports. A
 * timeline may change its rate (in each {@code Publish}) and its run-time settings ({@code
 * Reconfigure}). A thin adapter over {@link ModelCore}, which keeps the previous parameters when a
 * fit throws, so this actor does not fail on a bad fit.
 */
public final class GenerativeModel extends AbstractBehavior<AgentProtocol.Command> {

  /** A model over its core. */
  public static Behavior<AgentProtocol.Command> create(int index, ModelCore core) {
    return Behaviors.setup(ctx -> new GenerativeModel(ctx, index, core));
  }

  /**
   * An actor that builds its core when it starts, on a dispatcher thread: spawning many agents then
   * costs the spawner only the spawn, and the cores (random streams, initial fits) are built in
   * parallel. The core must not depend on the order in which agents start.
   */
  public static Behavior<AgentProtocol.Command> create(int index, Supplier<ModelCore> core) {
    return Behaviors.setup(ctx -> new GenerativeModel(ctx, index, core.get()));
  }

  private final int index;
  private final ModelCore core;

  private GenerativeModel(ActorContext<AgentProtocol.Command> ctx, int index, ModelCore core) {
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
        .onMessage(AgentProtocol.ReportInitialFit.class, this::onReportInitialFit)
        .onMessage(AgentProtocol.SaveState.class, this::onSaveState)
        .build();
  }

  private Behavior<AgentProtocol.Command> onPublish(AgentProtocol.Publish msg) {
    msg.replyTo()
        .tell(new AgentProtocol.Published(msg.tick(), index, publish(msg.tick(), msg.rate())));
    return Behaviors.same();
  }

  /** Retrain at t, new settings, publish at t + 1: what three messages would do, in their order. */
  private Behavior<AgentProtocol.Command> onStep(AgentProtocol.Step msg) {
    RetrainReport report = msg.retrain() ? core.retrain(msg.tick(), msg.web()) : null;
    Items items = null;
    try {
      if (msg.settings() != null) {
        core.reconfigure(msg.settings());
      }
      if (msg.publish()) {
        items = publish(msg.tick() + 1, msg.rate());
      }
    } catch (Throwable e) {
      if (!NonFatal.apply(e)) {
        throw e;
      }
      AgentProtocol.stepFailed(getContext().getLog(), msg, index, report, e);
      return Behaviors.same();
    }
    msg.replyTo().tell(new AgentProtocol.Stepped(msg.tick(), index, report, items, null));
    return Behaviors.same();
  }

  /** This tick's items, at the agent's own rate or at {@code rate}. */
  private Items publish(int tick, int rate) {
    return rate == AgentProtocol.OWN_RATE ? core.publish(tick) : core.publish(tick, rate);
  }

  private Behavior<AgentProtocol.Command> onRetrain(AgentProtocol.Retrain msg) {
    msg.replyTo()
        .tell(new AgentProtocol.Retrained(msg.tick(), index, core.retrain(msg.tick(), msg.web())));
    return Behaviors.same();
  }

  /** Answers with the report of the fit before tick 0; fails when the model made none. */
  private Behavior<AgentProtocol.Command> onReportInitialFit(AgentProtocol.ReportInitialFit msg) {
    RetrainReport report =
        core.initialFit()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "model " + core.settings().id() + " made no fit before tick 0"));
    msg.replyTo().tell(new AgentProtocol.Retrained(ModelCore.INITIAL_TICK, index, report));
    return Behaviors.same();
  }

  private Behavior<AgentProtocol.Command> onReconfigure(AgentProtocol.Reconfigure msg) {
    core.reconfigure(msg.settings());
    return Behaviors.same();
  }

  private Behavior<AgentProtocol.Command> onSaveState(AgentProtocol.SaveState msg) {
    msg.replyTo().tell(AgentStates.save(msg.tick(), index, core::saveState));
    return Behaviors.same();
  }
}
