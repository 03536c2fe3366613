package ouroboros.sim.scenario.domain;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import ouroboros.agents.domain.Domain;
import ouroboros.agents.rng.RngStreams;
import ouroboros.sim.scenario.Plugins;
import ouroboros.sim.scenario.check.Problems;
import ouroboros.sim.scenario.spec.Spec;

/**
 * The {@code domain:} block. Its {@code type} key picks the family from the registry in {@link
 * Plugins}, one line per domain; an unknown type fails with the known names.
 */
@Spec(
    name = "domain",
    doc =
        "The ground truth and the model family. The 'type' key picks the family; the other keys, "
            + "and the sampling and estimator keys a model may use, depend on it.",
    tag = "The domain family.")
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public interface DomainSpec {

  /** The registered type names, in registry order. */
  static List<String> types() {
    return List.copyOf(Plugins.domains().keySet());
  }

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
