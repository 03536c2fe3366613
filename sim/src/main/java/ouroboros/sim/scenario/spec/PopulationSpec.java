package ouroboros.sim.scenario.spec;

import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Spec;

/**
 * A {@code humans} event: a human population grows or shrinks. A source's size is its publish rate,
 * the items its people write per tick.
 *
 * @param id the human source
 * @param publishRate its new publish rate
 */
@Spec(name = "population", doc = "A human population changes size: its source's new publish rate.")
public record PopulationSpec(
    @Key(doc = "The human source.", required = true) String id,
    @Key(doc = "Its new publish rate: items its people write per tick.", required = true, min = 0)
        Integer publishRate) {}
