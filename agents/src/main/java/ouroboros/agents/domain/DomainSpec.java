package ouroboros.agents.domain;

import java.util.List;
import ouroboros.agents.rng.RngStreams;
import ouroboros.agents.spec.Problems;
import ouroboros.agents.spec.Spec;

/**
 * The {@code domain:} block of a scenario: a domain's settings record, which declares its keys
 * ({@link ouroboros.agents.spec.Key}), checks them and builds the {@link Domain}. It lives in its
 * domain's folder, next to the domain. Its {@code type} key picks the family from the simulator's
 * plugin registry ({@code Plugins}), one line per domain; an unknown type fails with the known
 * names.
 */
@Spec(
    name = "domain",
    doc =
        "The ground truth and the model family. The 'type' key picks the family; the other keys, "
            + "and the sampling and estimator keys a model may use, depend on it.",
    tag = "The domain family.")
public interface DomainSpec {

  /** Checks the values and adds an error for each problem, at pointers under {@code /domain}. */
  void validate(Problems problems);

  /** The spec with every default filled in. */
  DomainSpec resolve();

  /**
   * The domain object the agents use. Call on a valid, resolved spec. Domains that need randomness
   * to build (a fixed design, a held-out reference set, a random language) draw it from {@code
   * streams} with the agent id {@code "domain"}.
   */
  Domain build(RngStreams streams);

  /**
   * How many communities the truth is made of (mixture components, slices of the categories,
   * dialects); human sources may pick one with {@code community:}. 1 when there is no structure.
   */
  default int communityCount() {
    return 1;
  }

  /** The {@code sampling:} keys that mean something in this domain. */
  default List<String> samplingKeys() {
    return List.of("temperature");
  }

  /** The {@code estimator:} keys that mean something in this domain. */
  default List<String> estimatorKeys() {
    return List.of();
  }
}
