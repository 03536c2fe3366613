package ouroboros.agents.actor;

import akka.actor.typed.ActorRef;
import java.util.Objects;
import ouroboros.agents.data.Items;
import ouroboros.agents.model.ModelSettings;
import ouroboros.agents.model.RetrainReport;
import ouroboros.agents.web.WebView;

/**
 * The protocol every agent (human source or generative model) speaks with the clock. Commands are
 * verbs, replies are past tense, {@code replyTo} comes last. Every reply carries the tick it
 * answers, so that the clock can ignore a stale one.
 */
public final class AgentProtocol {
  private AgentProtocol() {}

  /** What an agent accepts. */
  public sealed interface Command extends CborSerializable
      permits Publish, Retrain, Reconfigure, ReportInitialFit, SaveState, Step {}

  /** The {@link Publish#rate()} that means: as many items as the agent's own settings say. */
  public static final int OWN_RATE = -1;

  /**
   * Publish this tick's items. {@code web} is the snapshot sealed at the previous tick, which human
   * sources repost from; null at the first tick. {@code rate} is how many items to publish this
   * tick, set by the scenario's timeline (a changed publish rate or population, or an AI share
   * curve), or {@link #OWN_RATE} for the agent's own setting.
   */
  public record Publish(int tick, WebView web, int rate, ActorRef<Published> replyTo)
      implements Command {
    /** Checks the reference and the rate. */
    public Publish {
      Objects.requireNonNull(replyTo, "replyTo");
      if (rate < OWN_RATE) {
        throw new IllegalArgumentException("rate is negative: " + rate);
      }
    }

    /** Publish at the agent's own rate. */
    public Publish(int tick, WebView web, ActorRef<Published> replyTo) {
      this(tick, web, OWN_RATE, replyTo);
    }
  }

  /**
   * From this tick on, use these settings: a timeline event changed a model's crawl, pipeline or
   * other run-time setting (see {@link ouroboros.agents.model.ModelCore#reconfigure}). Only models
   * receive it. It has no reply: the clock sends it in the events phase, before the tick's {@link
   * Publish}, and a receiver takes one sender's messages in the order they were sent. Like the
   * {@link WebView} of {@link Retrain}, the settings hold policies (crawl, pipeline plans) that
   * stay in the JVM.
   */
  public record Reconfigure(int tick, ModelSettings settings) implements Command {
    /** Checks the reference. */
    public Reconfigure {
      Objects.requireNonNull(settings, "settings");
    }
  }

  /** Retrain on the snapshot sealed at this tick. Only models receive it. */
  public record Retrain(int tick, WebView web, ActorRef<Retrained> replyTo) implements Command {
    /** Checks the references. */
    public Retrain {
      Objects.requireNonNull(web, "web");
      Objects.requireNonNull(replyTo, "replyTo");
    }
  }

  /**
   * Report the fit made before tick 0 (a model with {@code initial: fit-truth}, whose generation 1
   * is fitted on fresh truth items when it starts): the reply is a {@link Retrained} at tick {@link
   * ouroboros.agents.model.ModelCore#INITIAL_TICK}. The clock asks only such models, before tick 0.
   */
  public record ReportInitialFit(ActorRef<Retrained> replyTo) implements Command {
    /** Checks the reference. */
    public ReportInitialFit {
      Objects.requireNonNull(replyTo, "replyTo");
    }
  }

  /**
   * One message for the end of tick {@code tick} and the start of the next, which the clock sends
   * in one JVM when nothing happens between them (no checkpoint, no pacing): retrain on {@code
   * web}, the snapshot sealed at {@code tick}, when {@code retrain}; then take {@code settings}
   * when not null (the next tick's timeline event, see {@link Reconfigure}); then publish tick
   * {@code tick + 1}'s items at {@code rate} when {@code publish}. The agent does exactly what
   * {@link Retrain}, {@link Reconfigure} and {@link Publish} would do, in that order, and answers
   * with one {@link Stepped}: one message each way per agent and tick instead of two. An exception
   * in the settings or publish part is answered as {@link Stepped#publishFailure()}, so that the
   * retrain's report is not lost.
   */
  public record Step(
      int tick,
      WebView web,
      boolean retrain,
      ModelSettings settings,
      boolean publish,
      int rate,
      ActorRef<Stepped> replyTo)
      implements Command {
    /** Checks the references and the rate. */
    public Step {
      Objects.requireNonNull(web, "web");
      Objects.requireNonNull(replyTo, "replyTo");
      if (rate < OWN_RATE) {
        throw new IllegalArgumentException("rate is negative: " + rate);
      }
    }
  }

  /**
   * The answer to a {@link Step} at {@code tick}: the retrain's report (null when the agent did not
   * retrain) and the items of tick {@code tick + 1} (null when it did not publish, or when its
   * publish failed). {@code publishFailure} is null, or why the settings change or publish of tick
   * {@code tick + 1} failed: the retrain of {@code tick} still counts, and the clock fails the run
   * when tick {@code tick + 1} starts, as it would have with separate messages. The agent stays
   * alive.
   */
  public record Stepped(
      int tick, int agent, RetrainReport report, Items items, String publishFailure)
      implements CborSerializable {

    /**
     * A step whose publish half failed with {@code cause}: the cause's message, or its class name
     * when it has none.
     */
    public static Stepped publishFailed(
        int tick, int agent, RetrainReport report, Throwable cause) {
      String why =
          cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
      return new Stepped(tick, agent, report, null, why);
    }
  }

  /**
   * Answers a folded step whose settings or publish half threw {@code e}, which the caller checked
   * with {@code scala.util.control.NonFatal}, as Akka's supervision does: logs it with its stack
   * trace, as Akka logs an agent that fails, and replies the failure with the retrain's report.
   */
  static void stepFailed(
      org.slf4j.Logger log, Step msg, int index, RetrainReport report, Throwable e) {
    log.error("agent {} failed in the publish phase of tick {}", index, msg.tick() + 1, e);
    msg.replyTo().tell(Stepped.publishFailed(msg.tick(), index, report, e));
  }

  /** The items an agent published at a tick. */
  public record Published(int tick, int agent, Items items) implements CborSerializable {
    /** Checks the reference. */
    public Published {
      Objects.requireNonNull(items, "items");
    }
  }

  /** A model's report on its retrain at a tick. */
  public record Retrained(int tick, int agent, RetrainReport report) implements CborSerializable {
    /** Checks the reference. */
    public Retrained {
      Objects.requireNonNull(report, "report");
    }
  }

  /**
   * Asks an agent for its state at the barrier after tick {@code tick}, for a checkpoint
   * (docs/checkpoints.md).
   */
  public record SaveState(int tick, ActorRef<StateSaved> replyTo) implements Command {
    /** Checks the reference. */
    public SaveState {
      Objects.requireNonNull(replyTo, "replyTo");
    }
  }

  /**
   * An agent's state after {@code tick}: its core's bytes as the core wrote them, or, when writing
   * them failed, empty bytes and the failure.
   */
  public record StateSaved(int tick, int agent, byte[] state, String failure)
      implements CborSerializable {
    /** Checks the values. */
    public StateSaved {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(failure, "failure");
    }
  }
}
