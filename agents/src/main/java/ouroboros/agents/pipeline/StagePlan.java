package ouroboros.agents.pipeline;

/**
 * A validated stage configuration that builds one {@link Stage} per model. The scenario layer makes
 * plans from its registry of stage names; a model builds its stages from them.
 */
@FunctionalInterface
public interface StagePlan {

  /** A new stage for one model. */
  Stage create(StageEnv env);
}
