package ouroboros.sim.scenario.population;

import com.fasterxml.jackson.databind.JsonNode;
import ouroboros.agents.spec.Key;

/**
 * One entry of a scenario's {@code populations:} list, as written: many agents (or sites) of one
 * kind described in a few lines. {@link Expansion} turns it into ordinary entries of {@code
 * models:}, {@code humans:} or {@code sites:}, appended after the hand-written ones in member
 * order.
 *
 * @param id the population's name, unique among populations and agents
 * @param kind {@code model}, {@code human} or {@code site}
 * @param count the number of members, from 1 to {@value Expansion#MAX_COUNT}
 * @param idPattern the members' ids: {@code {i}} is the member index from 0, {@code {i:05}} the
 *     index zero-padded to 5 digits
 * @param seed the seed members' drawn values come from (absent: the scenario's seed, else 0); the
 *     resolved scenario always states it
 * @param template the keys each member gets: fixed values, {@code {cycle: [...]}} or {@code {draw:
 *     {DISTRIBUTION: [...]}}}; texts may use {@code {i}} and {@code {id}}
 */
public record Population(
    String id,
    String kind,
    @Key(min = 1, max = Expansion.MAX_COUNT) Integer count,
    String idPattern,
    Long seed,
    JsonNode template) {

  /** The same entry with its seed stated. */
  public Population withSeed(long newSeed) {
    return new Population(id, kind, count, idPattern, newSeed, template);
  }
}
