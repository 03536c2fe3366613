package ouroboros.agents.human;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import ouroboros.agents.data.AuthorKind;
import ouroboros.agents.data.Items;
import ouroboros.agents.domain.Domain;
import ouroboros.agents.rng.RngStreams;

/** The logic of a human content source: k items per tick from the truth. Not thread-safe. */
public final class HumanCore {
  private final int index;
  private final HumanSettings settings;
  private final Domain domain;
  private final UniformRandomProvider rng;

  /** A human source with agent index {@code index}. */
  public HumanCore(int index, HumanSettings settings, Domain domain, RngStreams streams) {
    this.index = index;
    this.settings = Objects.requireNonNull(settings, "settings");
    this.domain = Objects.requireNonNull(domain, "domain");
    this.rng = streams.stream(settings.id(), "publish");
  }

  /** The items published at a tick. */
  public Items publish(int tick) {
    return Items.uniform(domain.sampleTruth(settings.publishRate(), rng), index, AuthorKind.HUMAN,
        tick, 0, 0f, settings.site());
  }
}
