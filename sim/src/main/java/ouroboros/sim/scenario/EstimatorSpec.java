package ouroboros.sim.scenario;

/**
 * Fit settings. Which keys apply depends on the domain ({@link DomainSpec#estimatorKeys()}).
 *
 * @param variance {@code mle} (default) or {@code unbiased}
 * @param smoothing {@code add-k} (default) or {@code kneser-ney}
 * @param alpha add-k constant, or Kneser-Ney discount (default 0)
 * @param order n-gram order n, 1 to 3 (default 2)
 * @param ridge ridge penalty; 0 is ordinary least squares (default 0)
 * @param bandwidth kernel bandwidth; absent for Silverman's rule of thumb
 * @param components mixture components; 0 for the truth's count (default 0)
 */
public record EstimatorSpec(
    String variance,
    String smoothing,
    Double alpha,
    Integer order,
    Double ridge,
    Double bandwidth,
    Integer components) {}
