package ouroboros.agents.human;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import ouroboros.agents.data.AuthorKind;
import ouroboros.agents.data.Items;
import ouroboros.agents.domain.Domain;
import ouroboros.agents.rng.RngStreams;

/**
 * The logic of a human content source: k items per tick from the truth, or from one community's
 * sub-distribution of it (the people in the tails). Not thread-safe.
 */
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
    int n = settings.publishRate();
    var batch = settings.community() == HumanSettings.WHOLE_TRUTH
        ? domain.sampleTruth(n, rng) : domain.sampleCommunity(settings.community(), n, rng);
    return Items.uniform(batch, index, AuthorKind.HUMAN, tick, 0, 0f, settings.site());
  }
}
