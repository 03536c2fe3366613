package ouroboros.sim.scenario.stage;

import ouroboros.agents.pipeline.HumanAnchor;
import ouroboros.agents.pipeline.StagePlan;
import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Spec;
import ouroboros.sim.scenario.check.Problems;
import ouroboros.sim.scenario.spec.Declared;

/**
 * {@code human-anchor}: a finite reserve of pre-contamination human data.
 *
 * @param reserve items in the reserve, drawn from the truth once per model
 * @param fraction share of every output that comes from the reserve, in [0, 1)
 */
@Spec(
    doc =
        "Human anchor: a finite reserve of pre-contamination human data, reused; a fixed "
            + "fraction of every output comes from it.",
    tag = "Human anchor")
public record HumanAnchorSpec(
    @Key(
            doc = "Items in the reserve, drawn from the truth once per model.",
            required = true,
            min = 1,
            max = 10000000)
        Integer reserve,
    @Key(
            doc = "Share of each output drawn from the reserve, in [0, 1).",
            required = true,
            min = 0,
            exclusiveMax = 1,
            expect = "a share in [0, 1)")
        Double fraction)
    implements StageSpec {

  @Override
  public void validate(String at, Problems p, Context ctx) {
    StageSpec.required(p, at, "reserve", reserve, "a whole number of at least 1");
    StageSpec.required(p, at, "fraction", fraction, "a share in [0, 1)");
    if (reserve != null && reserve < 1) {
      p.add(at + "/reserve", reserve, "a whole number of at least 1");
    }
    if (reserve != null && reserve > 10_000_000) {
      p.add(at + "/reserve", reserve, "at most 10000000 items");
    }
    Declared.checkBounds(p, at, this, "fraction");
  }

  @Override
  public StageSpec resolve() {
    return this;
  }

  @Override
  public StagePlan plan(Context ctx) {
    return env -> new HumanAnchor(reserve, fraction, env);
  }
}
