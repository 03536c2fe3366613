package ouroboros.sim.scenario.stage;

import ouroboros.agents.pipeline.Dedup;
import ouroboros.agents.pipeline.StagePlan;
import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Spec;
import ouroboros.sim.scenario.check.Problems;
import ouroboros.sim.scenario.spec.Declared;

/**
 * {@code dedup}: drops exact or near duplicates within a retrain's data.
 *
 * @param resolution payload values that round to the same multiple of this are the same (default 0:
 *     exact duplicates only)
 */
@Spec(doc = "Dedup: drops exact or near duplicates within a retrain's data.", tag = "Dedup")
public record DedupSpec(
    @Key(
            doc =
                "Payload values that round to the same multiple of this are duplicates. Default 0 "
                    + "(exact).",
            min = 0,
            def = "0.0",
            expect = "a resolution of at least 0")
        Double resolution)
    implements StageSpec {

  @Override
  public void validate(String at, Problems p, Context ctx) {
    Declared.checkBounds(p, at, this);
  }

  @Override
  public StageSpec resolve() {
    return Declared.withDefaults(this);
  }

  @Override
  public StagePlan plan(Context ctx) {
    return env -> new Dedup(resolution, env);
  }
}
