package ouroboros.agents.human;

import java.util.Objects;

/**
 * One human content source.
 *
 * @param id unique agent id
 * @param publishRate k: items published per tick, drawn from the truth
 * @param site the site it publishes to
 */
public record HumanSettings(String id, int publishRate, short site) {

  /** Checks the settings. */
  public HumanSettings {
    Objects.requireNonNull(id, "id");
    if (publishRate < 0) {
      throw new IllegalArgumentException("publishRate is negative: " + publishRate);
    }
  }
}
