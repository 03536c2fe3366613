package ouroboros.agents.rng;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Standard-normal samplers for the domains' draws: the one an agent's stream keeps (see {@link
 * AgentStream}), or a new one on any other generator. Either draws the same numbers from the same
 * generator state.
 */
public final class Normals {
  private Normals() {}

  /** A standard-normal sampler on {@code rng}. */
  public static ZigguratSampler.NormalizedGaussian of(UniformRandomProvider rng) {
    return rng instanceof AgentStream s ? s.normal() : ZigguratSampler.NormalizedGaussian.of(rng);
  }
}
