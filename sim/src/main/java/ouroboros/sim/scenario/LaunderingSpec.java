package ouroboros.sim.scenario;

/**
 * How a human source launders synthetic content: reposts of model output found on the web.
 *
 * @param share share of the source's items that are reposts, in [0, 1]
 * @param strip probability that a repost loses its watermark, in [0, 1] (default 1)
 */
public record LaunderingSpec(Double share, Double strip) {}
