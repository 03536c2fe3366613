package ouroboros.agents.rng;

import org.apache.commons.rng.core.source64.L64X128Mix;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The generator {@link RngStreams} hands out: an {@code L64_X128_MIX}, the same numbers from the
 * same seed words, that also keeps one standard-normal sampler bound to itself, so that a domain
 * drawing on it does not make a sampler per draw ({@link Normals}). Commons RNG's {@link
 * ZigguratSampler.NormalizedGaussian} holds no state but its generator (and an exponential sampler
 * on the same generator), so one made once draws exactly what a new one per draw would. A restored
 * checkpoint restores this object's state in place, and the sampler reads it.
 */
final class AgentStream extends L64X128Mix {
  /** The sampler on this stream; made on first use. */
  private ZigguratSampler.NormalizedGaussian normal;

  /** The generator of {@code L64_X128_MIX} with these four seed words. */
  AgentStream(long[] words) {
    super(words);
  }

  /** The standard-normal sampler on this stream, always the same object. */
  ZigguratSampler.NormalizedGaussian normal() {
    ZigguratSampler.NormalizedGaussian n = normal;
    if (n == null) {
      n = ZigguratSampler.NormalizedGaussian.of(this);
      normal = n;
    }
    return n;
  }
}
