package ouroboros.sim.scenario;

/**
 * Generation settings.
 *
 * @param temperature greater than 0; scales a Gaussian's covariance (default 1)
 */
public record SamplingSpec(Double temperature) {}
