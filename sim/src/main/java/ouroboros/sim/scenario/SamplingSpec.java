package ouroboros.sim.scenario;

/**
 * Generation settings. Which keys apply depends on the domain ({@link DomainSpec#samplingKeys()}).
 *
 * @param temperature greater than 0 (default 1)
 * @param topK keep the k most likely outcomes; 0 is off (default 0)
 * @param topP keep the most likely outcomes up to mass p; 1 is off (default 1)
 */
public record SamplingSpec(Double temperature, Integer topK, Double topP) {}
