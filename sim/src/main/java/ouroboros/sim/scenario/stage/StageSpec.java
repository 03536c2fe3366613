package ouroboros.sim.scenario.stage;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;
import ouroboros.agents.domain.DomainSpec;
import ouroboros.agents.pipeline.StagePlan;
import ouroboros.agents.spec.Spec;
import ouroboros.sim.scenario.check.Problems;

/**
 * One entry of a model's {@code pipeline:} list. Its {@code stage} key picks the policy from the
 * registry in {@link Stages}; an unknown name fails with the known names.
 */
@Spec(
    name = "stage",
    doc = "A pipeline stage. The 'stage' key picks the policy; the other keys depend on it.",
    tag = "The policy's registered name.")
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "stage")
public interface StageSpec {

  /** What validation and planning need to know about the rest of the scenario. */
  record Context(DomainSpec domain, Map<String, List<Integer>> families) {}

  /**
   * Checks the values and adds an error for each problem, at pointers under {@code at}.
   *
   * @param at the stage's pointer, such as {@code /models/0/pipeline/1}
   * @param p where problems go
   * @param ctx the domain (null when it is itself invalid) and the model families by name
   */
  void validate(String at, Problems p, Context ctx);

  /** The spec with every default filled in. */
  StageSpec resolve();

  /** The plan that builds this stage for a model. Call on a valid, resolved spec. */
  StagePlan plan(Context ctx);

  /** Adds a problem unless {@code v} is a probability. */
  static void probability(Problems p, String at, Double v) {
    if (v != null && !(v >= 0 && v <= 1)) {
      p.add(at, v, "a probability in [0, 1]");
    }
  }

  /** Adds a problem when a required key is missing. */
  static void required(Problems p, String at, String key, Object v, String what) {
    if (v == null) {
      p.add(at + "/" + key, null, "the required key '" + key + "' (" + what + ")");
    }
  }
}
