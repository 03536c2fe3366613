package ouroboros.sim.scenario;

/**
 * A {@code humans} event: a human population grows or shrinks. A source's size is its publish
 * rate, the items its people write per tick.
 *
 * @param id the human source
 * @param publishRate its new publish rate
 */
public record PopulationSpec(String id, Integer publishRate) {}
