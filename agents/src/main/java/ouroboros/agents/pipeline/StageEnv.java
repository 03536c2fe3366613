package ouroboros.agents.pipeline;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import ouroboros.agents.domain.Domain;

/**
 * What a stage is built with: the domain, and the stage's own random stream (split from the
 * scenario seed by model id and stage position, so that adding a stage changes no other stream).
 *
 * @param domain the scenario's domain
 * @param rng this stage's stream
 */
public record StageEnv(Domain domain, UniformRandomProvider rng) {

  /** Checks the references. */
  public StageEnv {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(rng, "rng");
  }
}
