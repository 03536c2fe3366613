package ouroboros.sim.scenario;

import ouroboros.agents.pipeline.HumanAnchor;
import ouroboros.agents.pipeline.StagePlan;

/**
 * {@code human-anchor}: a finite reserve of pre-contamination human data.
 *
 * @param reserve items in the reserve, drawn from the truth once per model
 * @param fraction share of every output that comes from the reserve, in [0, 1)
 */
public record HumanAnchorSpec(Integer reserve, Double fraction) implements StageSpec {

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
    if (fraction != null && !(fraction >= 0 && fraction < 1)) {
      p.add(at + "/fraction", fraction, "a share in [0, 1)");
    }
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
