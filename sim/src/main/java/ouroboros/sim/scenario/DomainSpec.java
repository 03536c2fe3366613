package ouroboros.sim.scenario;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import ouroboros.agents.domain.Domain;

/**
 * The {@code domain:} block. Its {@code type} key picks the family; the registry is the list of
 * subtypes below, and an unknown type fails with the known names.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = GaussianSpec.class, name = "gaussian")})
public sealed interface DomainSpec permits GaussianSpec {

  /** Checks the values and adds an error for each problem. */
  void validate(Problems problems);

  /** The spec with every default filled in. */
  DomainSpec resolve();

  /** The domain object the agents use. Call on a valid, resolved spec. */
  Domain build();
}
