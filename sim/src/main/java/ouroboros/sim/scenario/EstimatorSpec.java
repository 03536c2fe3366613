package ouroboros.sim.scenario;

/**
 * Fit settings.
 *
 * @param variance {@code mle} (default) or {@code unbiased}
 */
public record EstimatorSpec(String variance) {}
