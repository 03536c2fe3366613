package ouroboros.agents.actor;

import akka.actor.typed.ActorRef;
import java.util.Objects;
import ouroboros.agents.data.Items;
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
  public sealed interface Command extends CborSerializable permits Publish, Retrain {}

  /**
   * Publish this tick's items. {@code web} is the snapshot sealed at the previous tick, which
   * human sources repost from; null at the first tick.
   */
  public record Publish(int tick, WebView web, ActorRef<Published> replyTo) implements Command {
    /** Checks the reference. */
    public Publish {
      Objects.requireNonNull(replyTo, "replyTo");
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
}
