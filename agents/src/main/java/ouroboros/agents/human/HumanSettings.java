package ouroboros.agents.human;

import java.util.Objects;

/**
 * One human content source.
 *
 * @param id unique agent id
 * @param publishRate k: items published per tick, drawn from the truth
 * @param site the site it publishes to
 * @param community the community whose sub-distribution it draws from, or {@link #WHOLE_TRUTH}
 */
public record HumanSettings(String id, int publishRate, short site, int community) {

  /** Community value of a source that draws from the whole truth. */
  public static final int WHOLE_TRUTH = -1;

  /** A source that draws from the whole truth. */
  public HumanSettings(String id, int publishRate, short site) {
    this(id, publishRate, site, WHOLE_TRUTH);
  }

  /** Checks the settings. */
  public HumanSettings {
    Objects.requireNonNull(id, "id");
    if (publishRate < 0) {
      throw new IllegalArgumentException("publishRate is negative: " + publishRate);
    }
    if (community < WHOLE_TRUTH) {
      throw new IllegalArgumentException("community is out of range: " + community);
    }
  }
}
