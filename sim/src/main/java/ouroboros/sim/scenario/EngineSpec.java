package ouroboros.sim.scenario;

/**
 * The {@code engine:} block.
 *
 * @param phaseTimeoutSeconds how long a phase waits for its agents before the run fails
 */
public record EngineSpec(Double phaseTimeoutSeconds) {}
